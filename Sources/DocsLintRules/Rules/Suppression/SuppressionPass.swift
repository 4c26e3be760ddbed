import DocsLintGraph

/// The rule ids a directive may name: exact ids, `category/*`, or `all`.
package struct RuleCatalog: Sendable {
  let descriptors: [String: RuleDescriptor]
  let ids: [String]
  let categories: Set<String>

  package init(_ descriptors: [RuleDescriptor]) {
    self.descriptors = Dictionary(descriptors.map { ($0.id, $0) }) { first, _ in first }
    ids = descriptors.map(\.id).sorted()
    categories = Set(ids.compactMap { $0.split(separator: "/").first.map(String.init) })
  }

  /// The ids a written name stands for; nil when it names nothing.
  package func resolve(_ name: String) -> [String]? {
    if name == "all" { return ids }
    if name.hasSuffix("/*") {
      let category = String(name.dropLast(2))
      return categories.contains(category) ? ids.filter { $0.hasPrefix(category + "/") } : nil
    }
    return descriptors[name] == nil ? nil : [name]
  }

  /// The closest id or category wildcard, for a "did you mean".
  func suggestion(for name: String) -> String? {
    EditDistance.closest(to: name, in: ids + categories.sorted().map { $0 + "/*" })
  }
}

/// Applies one document's `docs-lint-*` directives to its findings (levels already set)
/// and adds `suppression/unknown-rule` and `suppression/unused` findings of its own: the
/// pass the linter runs last on each document, beside the two rules it reports for.
package struct Suppressions {
  /// One name of one directive (or the whole directive when it names none) and its ids.
  private struct Entry {
    var directive: Int
    var name: String?
    var rules: [String]
    var used = false
  }

  private struct Window {
    var entry: Int
    var lines: ClosedRange<Int>
  }

  private let directives: [SuppressionDirective]
  private let path: String
  private var entries: [Entry] = []
  private var windows: [String: [Window]] = [:]
  /// `suppression/unknown-rule` and `suppression/unknown-directive` findings, with the
  /// directive each is about.
  private var unknown: [(finding: Finding, directive: Int)] = []

  /// The document's findings minus the suppressed ones, plus findings about the directives.
  /// `levels`: the level of every rule enabled for the document, by id.
  package static func apply(
    _ findings: [Finding], directives: [SuppressionDirective], path: String, catalog: RuleCatalog,
    levels: [String: Level]
  ) -> [Finding] {
    guard !directives.isEmpty else { return findings }
    var state = Suppressions(directives: directives, path: path, catalog: catalog)
    var kept = findings.filter { $0.path != path || !state.suppresses($0, excluding: nil) }
    // Findings about a directive go through levels, then through the other directives.
    for (finding, directive) in state.unknown where !state.suppresses(finding, excluding: directive) {
      guard let level = levels[finding.ruleId] else { continue }
      var finding = finding
      finding.level = level
      kept.append(finding)
    }
    guard let unusedLevel = levels[UnusedSuppressionRule.descriptor.id] else { return kept }
    // A rule off for this document could not have fired: its directive is not "unused".
    let enabled = Set(levels.keys)
    // Suppressing an unused-finding marks another directive used, which may settle its own
    // finding: repeat until nothing changes (uses only grow, so this ends).
    var unused: [Finding] = []
    var usedBefore = -1
    while usedBefore != state.usedCount {
      usedBefore = state.usedCount
      unused = state.unusedFindings(enabled: enabled).compactMap { finding, directive in
        state.suppresses(finding, excluding: directive) ? nil : finding
      }
    }
    return kept + unused.map { finding in
      var finding = finding
      finding.level = unusedLevel
      return finding
    }
  }

  private init(directives: [SuppressionDirective], path: String, catalog: RuleCatalog) {
    self.directives = directives
    self.path = path
    var open: [String: [(entry: Int, start: Int)]] = [:]
    for (index, directive) in directives.enumerated() {
      if directive.kind == .unknown {
        unknown += directive.rules.map { (unknownDirectiveFinding($0), index) }
        continue
      }
      var named: [(name: String?, rules: [String])] = directive.rules.isEmpty ? [(nil, catalog.ids)] : []
      for name in directive.rules {
        if let rules = catalog.resolve(name.id) {
          named.append((name.id, rules))
        } else {
          unknown.append((unknownFinding(name, in: directive, catalog: catalog), index))
        }
      }
      if directive.kind == .enable {
        // `enable` with no names closes every open range.
        let rules = directive.rules.isEmpty ? Array(open.keys) : named.flatMap(\.rules)
        for rule in rules {
          for (entry, start) in open.removeValue(forKey: rule) ?? [] {
            add(entry, rule, start...max(start, directive.span.line))
          }
        }
        continue
      }
      for (name, rules) in named {
        entries.append(Entry(directive: index, name: name, rules: rules))
        let entry = entries.count - 1
        for rule in rules {
          switch directive.kind {
          case .disable: open[rule, default: []].append((entry, directive.span.line))
          case .disableNextLine: add(entry, rule, directive.endLine + 1...directive.endLine + 1)
          case .disableLine: add(entry, rule, directive.span.line...directive.endLine)
          case .disableFile, .enable, .unknown: add(entry, rule, 1...Int.max)
          }
        }
      }
    }
    // A disable without its enable runs to the end of the file.
    for (rule, list) in open {
      for (entry, start) in list { add(entry, rule, start...Int.max) }
    }
  }

  private mutating func add(_ entry: Int, _ rule: String, _ lines: ClosedRange<Int>) {
    windows[rule, default: []].append(Window(entry: entry, lines: lines))
  }

  private var usedCount: Int { entries.reduce(0) { $0 + ($1.used ? 1 : 0) } }

  /// True when a directive other than `excluding` covers the finding's start line;
  /// every such directive counts as used.
  private mutating func suppresses(_ finding: Finding, excluding directive: Int?) -> Bool {
    guard let list = windows[finding.ruleId] else { return false }
    var hit = false
    for window in list where window.lines.contains(finding.span.line) && entries[window.entry].directive != directive {
      entries[window.entry].used = true
      hit = true
    }
    return hit
  }

  private func unknownDirectiveFinding(_ word: SuppressionDirective.RuleName) -> Finding {
    let hint = EditDistance.closest(to: word.id, in: SuppressionDirective.Kind.keywords).map { "; did you mean '\($0)'?" } ?? ""
    return UnknownDirectiveSuppressionRule.descriptor.finding(
      in: path, at: word.span, "unknown directive '\(word.id)'\(hint)", snippet: word.id)
  }

  private func unknownFinding(_ name: SuppressionDirective.RuleName, in directive: SuppressionDirective, catalog: RuleCatalog)
    -> Finding
  {
    let noun = name.id.hasSuffix("/*") ? "rule category" : "rule"
    let hint = catalog.suggestion(for: name.id).map { "; did you mean '\($0)'?" } ?? ""
    return UnknownRuleSuppressionRule.descriptor.finding(
      in: path, at: name.span, "unknown \(noun) '\(name.id)' in \(label(directive))\(hint)", snippet: name.id)
  }

  /// One finding per directive whose names (of enabled rules) suppressed nothing.
  private func unusedFindings(enabled: Set<String>) -> [(Finding, Int)] {
    var idle: [Int: [String?]] = [:]
    for entry in entries where !entry.used && entry.rules.contains(where: enabled.contains) {
      idle[entry.directive, default: []].append(entry.name)
    }
    return idle.keys.sorted().map { index in
      let directive = directives[index]
      let names = idle[index]!
      let what = names.contains(nil) ? "every rule" : names.map { "'\($0!)'" }.joined(separator: ", ")
      let finding = UnusedSuppressionRule.descriptor.finding(
        in: path, at: directive.span, "unused \(label(directive)) for \(what): nothing to suppress",
        snippet: names.contains(nil) ? directive.kind.rawValue : names.map { $0! }.joined(separator: ", "))
      return (finding, index)
    }
  }

  private func label(_ directive: SuppressionDirective) -> String {
    directive.inFrontMatter ? "front-matter key \(SuppressionDirectiveReader.frontMatterKey)" : directive.kind.rawValue
  }
}
