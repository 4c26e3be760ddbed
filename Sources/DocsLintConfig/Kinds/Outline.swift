import DocsLintMarkdown

/// A document's sections at its kind's section level, with what each contains.
package struct Section: Sendable, Hashable {
  package var heading: Heading
  /// `TitleMatcher.normalize` of the heading text.
  package var normalizedTitle: String
  /// Lines after the heading up to the next heading of the same or a higher level.
  package var bodyLines: ClosedRange<Int>?
  package var body: SectionBody
}

package enum SectionBody: Sendable, Hashable {
  case empty
  /// A short body: normalized (to compare with placeholders like "Pendiente", "TBD") and as written.
  case short(String, written: String)
  case substantial
}

package enum Outline {
  /// Sections are headings of `level`; a deeper heading inside one is content.
  package static func sections(of document: MarkdownDocument, source: SourceText, level: Int) -> [Section] {
    let headings = document.headings
    var sections: [Section] = []
    for (index, heading) in headings.enumerated() where heading.level == level {
      var lastLine = (document.sectionEnd(of: index) ?? source.lineCount + 1) - 1
      // The closing fence of a plan wrapped whole in ```md is not the last section's text.
      if lastLine == document.wrapperLines?.close { lastLine -= 1 }
      let firstLine = heading.endLine + 1
      let lines = firstLine <= lastLine ? firstLine...lastLine : nil
      let hasSubheading = headings[(index + 1)...].prefix { $0.level > level }.contains { $0.span.line <= lastLine }
      let body = hasSubheading ? SectionBody.substantial : classify(lines, in: source)
      sections.append(
        Section(heading: heading, normalizedTitle: TitleMatcher.normalize(heading.text), bodyLines: lines, body: body))
    }
    return sections
  }

  /// The level-1 title, if the document has one.
  package static func title(of document: MarkdownDocument) -> Heading? {
    document.headings.first { $0.level == 1 }
  }

  private static func classify(_ lines: ClosedRange<Int>?, in source: SourceText) -> SectionBody {
    guard let lines else { return .empty }
    var text = ""
    for line in lines {
      let content = source.lineText(line).trimmingBlanks()
      guard !content.isEmpty else { continue }
      text += (text.isEmpty ? "" : " ") + content
      if text.utf8.count > 120 { return .substantial }
    }
    let written = String(withoutComments(text).trimmingBlanks())
    guard !written.isEmpty else { return .empty }
    let normalized = TitleMatcher.normalize(written)
    return .short(normalized.isEmpty ? written : normalized, written: written)
  }

  private static func withoutComments(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let open = rest.range(of: "<!--") {
      result += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "-->") else { return result }
      rest = rest[close.upperBound...]
    }
    return result + rest
  }
}
