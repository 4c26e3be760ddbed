import Foundation

/// A document's headings as its kind sees them: which of the kind's sections each heading
/// is, and where a missing one belongs. Read from the editor's text when asked.
struct KindSections {
  let kind: DocumentKind
  let variant: KindVariant
  /// The variant's section index for each section heading, by line (1-based).
  let specByLine: [Int: Int]
  /// English documents are given the sections' English titles.
  let isEnglish: Bool

  init?(path: String, text: String, configuration: Configuration) {
    let source = SourceText(bytes: Array(text.utf8))
    let markdown = MarkdownParser.parse(source)
    guard let resolved = KindResolver.resolve(path: path, document: markdown, source: source, settings: configuration.kinds),
      let variant = resolved.variant
    else { return nil }
    kind = resolved.kind
    self.variant = variant
    var specByLine: [Int: Int] = [:]
    var headings: [Int: String] = [:]
    // A section written with its English title makes the document English, whatever its prose.
    var writesEnglish = false
    for section in resolved.sections {
      if let index = variant.sections.firstIndex(where: { $0.matches(normalizedHeading: section.normalizedTitle) }) {
        specByLine[section.heading.span.line] = index
        headings[section.heading.span.line] = section.normalizedTitle
        let english = variant.sections[index].english
        if let english, english != variant.sections[index].title, TitleMatcher.normalize(english) == section.normalizedTitle {
          writesEnglish = true
        }
      }
    }
    self.specByLine = specByLine
    self.headings = headings
    wrapperClose = markdown.wrapperLines?.close
    isEnglish = writesEnglish || configuration.vocabulary.isEnglish(headings: markdown.headings.map(\.text))
  }

  /// Each section heading's normalized text, by line.
  private let headings: [Int: String]
  /// The closing fence's line of a plan wrapped whole in a ```` ```md ```` block.
  private let wrapperClose: Int?

  /// What the outline says of the heading on a line: the kind's section it is, whether the
  /// kind requires it, and the section's title when the heading is written otherwise.
  func detail(atLine line: Int) -> String? {
    specByLine[line].map { index in
      let spec = variant.sections[index]
      let title = title(of: spec)
      let written = headings[line] == TitleMatcher.normalize(title)
      return "\(kind.name) section" + (spec.required ? ", required" : "") + (written ? "" : " ('\(title)')")
    }
  }

  /// The title to write for a section: the English one in an English document.
  func title(of spec: SectionSpec) -> String {
    isEnglish ? spec.english ?? spec.title : spec.title
  }

  /// The text edit that inserts the section whose configured title is `title`, before the
  /// first present section that follows it in the kind's order, else at the end.
  func insertion(ofSectionTitled title: String, in document: OpenDocument) -> (newText: String, at: OpenDocument.Position)? {
    guard let index = variant.sections.firstIndex(where: { $0.title == title }) else { return nil }
    let heading = String(repeating: "#", count: kind.sectionLevel) + " " + self.title(of: variant.sections[index])
    let newline = document.lineEnding
    if let before = specByLine.filter({ $0.value > index }).map(\.key).min() {
      return (heading + newline + newline, document.position(line: before, column: 1))
    }
    // Inside a wrapping fence, before it closes.
    if let close = wrapperClose {
      let lines = document.lines
      let blankBefore = close >= 2 && close - 2 < lines.count && lines[close - 2].allSatisfy(\.isWhitespace)
      return ((blankBefore ? "" : newline) + heading + newline, document.position(line: close, column: 1))
    }
    return (document.blockSeparator + heading + newline, document.endPosition)
  }
}
