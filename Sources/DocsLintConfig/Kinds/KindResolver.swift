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
    guard let kind = settings.kind(of: path) else { return nil }
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
}
