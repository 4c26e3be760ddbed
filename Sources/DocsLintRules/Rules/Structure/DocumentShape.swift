import DocsLintGraph

/// Shared reading of a document's kind for the structure and ExecPlan rules.
extension DocumentContext {
  /// Where a document-level finding goes: the title, else the first line.
  var titleSpan: SourceSpan {
    Outline.title(of: markdown)?.span ?? SourceSpan(line: 1, column: 1)
  }

  /// The kind's name for messages ("ExecPlan").
  var kindName: String { kind?.kind.name ?? "document" }

  /// The section specs of the document's variant, and the section each heading matches.
  static func sectionMatches(of kind: ResolvedKind?) -> [(section: Section, spec: Int)] {
    guard let variant = kind?.variant, let sections = kind?.sections else { return [] }
    return sections.compactMap { section in
      variant.sections.firstIndex { $0.matches(normalizedHeading: section.normalizedTitle) }.map { (section, $0) }
    }
  }

  /// The section of the document's kind (in its variant) with this stable id.
  func sectionSpec(id: String) -> SectionSpec? {
    kind?.variant?.sections.first { $0.id == id }
  }

  /// The document's first section matching the kind's section with this id.
  func section(id: String) -> Section? {
    sectionSpec(id: id).flatMap(section(for:))
  }

  /// The document's first section matching one of its kind's sections.
  func section(for spec: SectionSpec) -> Section? {
    kind?.sections.first { spec.matches(normalizedHeading: $0.normalizedTitle) }
  }

  /// Whether the document's kind has this role.
  func has(_ role: KindRole) -> Bool { kind?.kind.has(role) ?? false }

  /// List items whose first line falls in a section's body.
  func items(in section: Section) -> [ListItem] {
    guard let lines = section.bodyLines else { return [] }
    return markdown.listItems.filter { lines.contains($0.line) }
  }

  /// An item's text: its lines from where its content starts, blanks trimmed, joined by spaces.
  func text(of item: ListItem) -> String {
    guard item.contentLine <= source.lineCount else { return "" }
    var parts: [String] = []
    for line in item.contentLine...min(item.endLine, source.lineCount) {
      var text = source.lineText(line)
      if line == item.contentLine {
        text = String(Substring(text.unicodeScalars.dropFirst(item.contentColumn - 1)))
      }
      let trimmed = text.trimmingBlanks()
      if !trimmed.isEmpty { parts.append(String(trimmed)) }
    }
    return parts.joined(separator: " ")
  }

  func span(of item: ListItem) -> SourceSpan { SourceSpan(line: item.contentLine, column: item.contentColumn) }
}
