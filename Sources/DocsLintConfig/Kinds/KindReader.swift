import DocsLintMarkdown

/// Reads one kind's settings from YAML, with `file:line` errors.
struct KindReader {
  let file: String
  /// Rule ids a kind's `levels:` may name.
  let ruleIDs: Set<String>

  private func error(_ value: YAMLValue, _ message: String) -> ConfigError {
    ConfigError(file: file, line: value.line, message: message)
  }

  /// `signals: {text: ["execplan + living document"], sections: [progress, outcomes]}`.
  private func signals(_ value: YAMLValue) throws(ConfigError) -> KindSignals {
    guard case .mapping(let entries, _) = value else { throw error(value, "'signals' must be a mapping") }
    var signals = KindSignals()
    for entry in entries {
      switch entry.key {
      case "text":
        signals.text = try Vocabulary.words(entry.value, key: "text", file: file).map { phrase in
          phrase.lowercased().split(separator: "+").map { String($0.trimmingBlanks()) }.filter { !$0.isEmpty }
        }
      case "sections":
        signals.sections = try Vocabulary.words(entry.value, key: "sections", file: file)
      default:
        throw ConfigError(file: file, line: entry.line, message: "unknown key '\(entry.key)' in 'signals' (expected text, sections)")
      }
    }
    return signals
  }

  func apply(_ value: YAMLValue, to kind: inout DocumentKind) throws(ConfigError) {
    guard case .mapping(let entries, _) = value else { throw error(value, "kind '\(kind.id)' must be a mapping") }
    var defaultVariant = kind.variants.first { $0.name == "default" } ?? KindVariant(name: "default")
    var touchedDefault = false
    for entry in entries {
      switch entry.key {
      case "name": kind.name = entry.value.string ?? kind.name
      case "paths": kind.paths = try ConfigValues.strings(entry.value, key: "paths", file: file).map(Glob.init)
      case "exclude": kind.exclude = try ConfigValues.strings(entry.value, key: "exclude", file: file).map(Glob.init)
      case "section-level":
        guard let level = entry.value.string.flatMap(Int.init), (1...6).contains(level) else {
          throw error(entry.value, "'section-level' must be 1 to 6")
        }
        kind.sectionLevel = level
      case "sections":
        defaultVariant.sections = try sections(entry.value, patching: defaultVariant.sections)
        touchedDefault = true
      case "front-matter":
        defaultVariant.frontMatter = try KindSettings.types(entry.value, file: file)
        touchedDefault = true
      case "variants":
        kind.variants = try variants(entry.value, existing: kind.variants)
      case "levels":
        kind.levels.merge(try Levels.read(entry.value, file: file, known: ruleIDs)) { $1 }
      case "roles":
        kind.roles = try roles(entry.value)
      case "signals":
        kind.signals = try signals(entry.value)
      default:
        throw ConfigError(
          file: file, line: entry.line,
          message: "unknown key '\(entry.key)' in kind '\(kind.id)' (expected name, paths, exclude, section-level, sections, front-matter, variants, levels, roles, signals)")
      }
    }
    if touchedDefault {
      kind.variants.removeAll { $0.name == "default" }
      kind.variants.append(defaultVariant)
    }
    kind.signals.sectionKeys = KindResolver.sectionKeys(of: kind)
  }

  private func roles(_ value: YAMLValue) throws(ConfigError) -> Set<KindRole> {
    var roles: Set<KindRole> = []
    for name in try ConfigValues.strings(value, key: "roles", file: file) {
      guard let role = KindRole(rawValue: name) else {
        let known = KindRole.allCases.map(\.rawValue)
        let hint = EditDistance.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
        throw error(value, "unknown role '\(name)'\(hint) (expected \(known.joined(separator: ", ")))")
      }
      roles.insert(role)
    }
    return roles
  }

  private func variants(_ value: YAMLValue, existing: [KindVariant]) throws(ConfigError) -> [KindVariant] {
    guard case .mapping(let entries, _) = value else { throw error(value, "'variants' must map names to variants") }
    var result = existing
    for entry in entries {
      var variant = result.first { $0.name == entry.key } ?? KindVariant(name: entry.key)
      guard case .mapping(let fields, _) = entry.value else { throw error(entry.value, "variant '\(entry.key)' must be a mapping") }
      for field in fields {
        switch field.key {
        case "when": variant.condition = try condition(field.value)
        case "sections": variant.sections = try sections(field.value, patching: variant.sections)
        case "front-matter": variant.frontMatter = try KindSettings.types(field.value, file: file)
        default:
          throw ConfigError(file: file, line: field.line, message: "unknown key '\(field.key)' in variant '\(entry.key)' (expected when, sections, front-matter)")
        }
      }
      result.removeAll { $0.name == entry.key }
      result.append(variant)
    }
    return result
  }

  private func condition(_ value: YAMLValue) throws(ConfigError) -> VariantCondition {
    guard case .mapping(let entries, _) = value, entries.count == 1, let entry = entries.first,
      let text = entry.value.string
    else { throw error(value, "'when' must be one of {section: T}, {title: T}, {front-matter: KEY}") }
    switch entry.key {
    case "section": return .section(TitleMatcher.normalizePattern(text))
    case "title": return .title(TitleMatcher.normalizePattern(text))
    case "front-matter": return .frontMatterKey(text)
    default: throw error(value, "'when' must be one of {section: T}, {title: T}, {front-matter: KEY}")
    }
  }

  /// A list replaces the sections; a mapping patches them by id or title (`off` removes one).
  private func sections(_ value: YAMLValue, patching existing: [SectionSpec]) throws(ConfigError) -> [SectionSpec] {
    switch value {
    case .sequence(let items, _):
      var result: [SectionSpec] = []
      for item in items {
        var section = try section(item, base: nil)
        // A section given again by title keeps the id and entry shape rules know it by.
        if section.id == nil, let same = existing.first(where: { $0.matches(normalizedHeading: TitleMatcher.normalize(section.title)) }) {
          section.id = same.id
          if section.entries == nil { section.entries = same.entries }
        }
        result.append(section)
      }
      return result
    case .mapping(let entries, _):
      var result = existing
      for entry in entries {
        let index =
          result.firstIndex { $0.id == entry.key }
          ?? result.firstIndex { TitleMatcher.normalize($0.title) == TitleMatcher.normalize(entry.key) }
        if entry.value.string == "off" {
          if let index { result.remove(at: index) }
          continue
        }
        var base = index.map { result[$0] } ?? SectionSpec(title: entry.key)
        if base.title.isEmpty { base.title = entry.key }
        let patched = try section(entry.value, base: base)
        if let index { result[index] = patched } else { result.append(patched) }
      }
      return result
    case .scalar:
      throw error(value, "'sections' must be a list of sections or a mapping of section titles to changes")
    }
  }

  /// `{starts: [labels], needs: {Name: [labels]}, nothing: [phrases]}`.
  private func entryShape(_ value: YAMLValue) throws(ConfigError) -> EntryShape {
    guard case .mapping(let entries, _) = value else { throw error(value, "'entries' is {starts: [...], needs: {Name: [...]}}") }
    var shape = EntryShape()
    for entry in entries {
      switch entry.key {
      case "starts": shape.starts = try Vocabulary.words(entry.value, key: "starts", file: file).map { $0.lowercased() }
      case "nothing": shape.nothing = try Vocabulary.words(entry.value, key: "nothing", file: file).map { $0.lowercased() }
      case "needs":
        guard case .mapping(let needs, _) = entry.value else { throw error(entry.value, "'needs' maps names to labels") }
        for need in needs {
          let labels = try Vocabulary.words(need.value, key: need.key, file: file).map { $0.lowercased() }
          shape.needs.append(EntryShape.Need(name: need.key, labels: labels))
        }
      default:
        throw ConfigError(file: file, line: entry.line, message: "unknown key '\(entry.key)' in 'entries' (expected starts, needs, nothing)")
      }
    }
    return shape
  }

  private func section(_ value: YAMLValue, base: SectionSpec?) throws(ConfigError) -> SectionSpec {
    if case .scalar(let title, _) = value, base == nil { return SectionSpec(title: title) }
    guard case .mapping(let entries, _) = value else { throw error(value, "a section is a title or {id, title, aliases, required}") }
    var section = base ?? SectionSpec(title: "")
    for entry in entries {
      switch entry.key {
      case "id": section.id = entry.value.string ?? section.id
      case "title": section.title = entry.value.string ?? section.title
      case "aliases": section.aliases = try ConfigValues.strings(entry.value, key: "aliases", file: file)
      case "en": section.english = entry.value.string
      case "required": section.required = ["true", "yes"].contains(entry.value.string?.lowercased() ?? "")
      case "entries": section.entries = try entryShape(entry.value)
      default:
        throw ConfigError(file: file, line: entry.line, message: "unknown key '\(entry.key)' in a section (expected id, title, en, aliases, required, entries)")
      }
    }
    guard !section.title.isEmpty else { throw error(value, "a section needs a 'title'") }
    return section
  }
}
