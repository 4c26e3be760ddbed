import DocsLintMarkdown

/// Which kind, and which of its variants, a document is.
package struct ResolvedKind: Sendable, Hashable {
  package var kind: DocumentKind
  package var variant: KindVariant?
  package var sections: [Section]
}

package enum KindResolver {
  package static func resolve(
    path: String, document: MarkdownDocument, source: SourceText, settings: KindSettings
  ) -> ResolvedKind? {
    guard let kind = settings.kind(of: path) ?? kind(byContent: document, source: source, path: path, settings: settings)
    else { return nil }
    let sections = Outline.sections(of: document, source: source, level: kind.sectionLevel)
    let title = Outline.title(of: document).map { TitleMatcher.normalize($0.text) }
    func holds(_ condition: VariantCondition) -> Bool {
      switch condition {
      case .section(let pattern): sections.contains { TitleMatcher.matches($0.normalizedTitle, pattern: pattern) }
      case .title(let pattern): title.map { TitleMatcher.matches($0, pattern: pattern) } ?? false
      case .frontMatterKey(let key): document.frontMatter?.value?[key] != nil
      }
    }
    // Variants with a condition are tried in order; one without is the fallback.
    let variant =
      kind.variants.first { $0.condition.map(holds) ?? false }
      ?? kind.variants.first { $0.condition == nil }
    return ResolvedKind(kind: kind, variant: variant, sections: sections)
  }

  /// The first kind with signals whose text or sections the document shows (its excludes
  /// still apply: a folder's README or `PLANS.md` describes plans without being one).
  private static func kind(byContent document: MarkdownDocument, source: SourceText, path: String, settings: KindSettings)
    -> DocumentKind?
  {
    var opening: String?
    for kind in settings.kinds where !kind.signals.isEmpty && !kind.exclude.contains(where: { $0.matches(path) }) {
      if !kind.signals.text.isEmpty {
        let text = opening ?? Self.opening(of: document, source: source)
        opening = text
        if kind.signals.text.contains(where: { $0.allSatisfy(text.includes) }) { return kind }
      }
      if !kind.signals.sections.isEmpty {
        let titles = Outline.sections(of: document, source: source, level: kind.sectionLevel).map(\.normalizedTitle)
        let specs = kind.variants.flatMap(\.sections)
        let found = kind.signals.sections.allSatisfy { id in
          guard let spec = specs.first(where: { $0.id == id }) else { return false }
          return titles.contains { title in spec.patterns.contains { TitleMatcher.matches(title, pattern: $0) } }
        }
        if found { return kind }
      }
    }
    return nil
  }

  /// The lowercased text before the first level-2 heading, at most 4 KB.
  private static func opening(of document: MarkdownDocument, source: SourceText) -> String {
    let firstSection = document.headings.first { $0.level >= 2 }?.span.line ?? source.lineCount + 1
    let end = firstSection > source.lineCount ? source.bytes.count : source.byteRange(ofLine: firstSection).lowerBound
    let start = document.frontMatter.map { source.byteRange(ofLine: min($0.endLine + 1, source.lineCount)).lowerBound } ?? 0
    let bytes = source.bytes[min(start, end)..<min(end, start + 4096)]
    return String(decoding: bytes, as: UTF8.self).lowercased()
  }
}
