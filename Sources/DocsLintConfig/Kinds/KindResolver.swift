import DocsLintMarkdown

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
      case .section(let pattern): sections.contains { TitleMatcher.matchesSection($0.normalizedTitle, pattern: pattern) }
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
    var opening: ArraySlice<UInt8>?
    // By index: walking `kinds` by value would copy every kind for every file.
    for index in settings.kinds.indices
    where !settings.kinds[index].signals.isEmpty
      && shows(settings.kinds[index], document: document, source: source, opening: &opening)
    {
      return Self.unlessExcluded(settings.kinds[index], path)
    }
    return nil
  }

  /// Whether the document shows the kind's signals: its phrases before the first section,
  /// or its signal sections. `opening` is read once, on first need.
  private static func shows(
    _ kind: DocumentKind, document: MarkdownDocument, source: SourceText, opening: inout ArraySlice<UInt8>?
  ) -> Bool {
    if !kind.signals.text.isEmpty {
      let text = opening ?? Self.opening(of: document, source: source)
      opening = text
      // Each distinct phrase is looked for once ("execplan" opens several entries).
      var found: [(phrase: String, holds: Bool)] = []
      let holds = { (phrase: String) -> Bool in
        if let known = found.first(where: { $0.phrase == phrase }) { return known.holds }
        let result = Self.contains(text, folded: phrase)
        found.append((phrase, result))
        return result
      }
      if kind.signals.text.contains(where: { $0.allSatisfy(holds) }) { return true }
    }
    if !kind.signals.sections.isEmpty, mayHoldSections(kind, document: document) {
      let titles = Outline.sections(of: document, source: source, level: kind.sectionLevel).map(\.normalizedTitle)
      let specs = kind.variants.flatMap(\.sections)
      let found = kind.signals.sections.allSatisfy { id in
        guard let spec = specs.first(where: { $0.id == id }) else { return false }
        return titles.contains { title in spec.patterns.contains { TitleMatcher.matchesSection(title, pattern: $0) } }
      }
      return found
    }
    return false
  }

  /// The kind, unless its excludes take the path out (asked last: globs cost more than the signals).
  private static func unlessExcluded(_ kind: DocumentKind, _ path: String) -> DocumentKind? {
    kind.exclude.contains(where: { $0.matches(path) }) ? nil : kind
  }

  /// A cheap first look before normalising every title: each signal section has a heading
  /// at the kind's level whose text holds the first three letters of one of its titles.
  private static func mayHoldSections(_ kind: DocumentKind, document: MarkdownDocument) -> Bool {
    let headings = document.headings.filter { $0.level == kind.sectionLevel }
    guard headings.count >= kind.signals.sections.count else { return false }
    let texts = headings.map { foldedLatin($0.text)[...] }
    return kind.signals.sectionKeys.allSatisfy { keys in
      keys.contains { key in key.isEmpty || texts.contains { contains($0, folded: key) } }
    }
  }

  /// See `KindSignals.sectionKeys`.
  package static func sectionKeys(of kind: DocumentKind) -> [[[UInt8]]] {
    let specs = kind.variants.flatMap(\.sections)
    return kind.signals.sections.map { id in
      guard let spec = specs.first(where: { $0.id == id }) else { return [] }
      return ([spec.title] + spec.aliases).map { name in Array(foldedLatin(String(name.prefix { $0 != "*" })).prefix(4)) }
    }
  }

  /// The bytes before the first level-2 heading, at most 512 bytes (a plan says what it is
  /// right under its title: within 300 bytes in every plan of the shared corpora).
  private static func opening(of document: MarkdownDocument, source: SourceText) -> ArraySlice<UInt8> {
    let firstSection = document.headings.first { $0.level >= 2 }?.span.line ?? source.lineCount + 1
    let end = firstSection > source.lineCount ? source.bytes.count : source.byteRange(ofLine: firstSection).lowerBound
    let start = document.frontMatter.map { source.byteRange(ofLine: min($0.endLine + 1, source.lineCount)).lowerBound } ?? 0
    return source.bytes[min(start, end)..<min(end, start + 512)]
  }

  /// Whether the text holds the lowercase phrase, ASCII letters compared without case
  /// (the phrases are English and Spanish words; no copy of the text is made).
  private static func contains(_ text: ArraySlice<UInt8>, folded phrase: String) -> Bool {
    contains(text, folded: Array(phrase.utf8))
  }

  private static func contains(_ text: ArraySlice<UInt8>, folded needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, text.count >= needle.count else { return false }
    // Scan for the needle's rarest letter ("x" of "execplan"), in either case, then compare around it.
    let anchor = needle.indices.min { rarity(needle[$0]) < rarity(needle[$1]) }!
    let key = needle[anchor]
    let upper = key >= 0x61 && key <= 0x7A ? key - 0x20 : key
    return text.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return false }
      var index = anchor
      let last = bytes.count - needle.count + anchor
      // memchr finds the next anchor byte in either case (vectorised: most openings have few).
      func next(_ byte: UInt8, from index: Int) -> Int? {
        memchr(base + index, Int32(byte), last - index + 1).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
      }
      var lower = next(key, from: index)
      var higher = upper == key ? nil : next(upper, from: index)
      while index <= last {
        let found = min(lower ?? Int.max, higher ?? Int.max)
        if found == Int.max { return false }
        let start = found - anchor
        var offset = 0
        while offset < needle.count, fold(bytes[start + offset]) == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
        index = found + 1
        guard index <= last else { return false }
        if lower == found { lower = next(key, from: index) }
        if higher == found { higher = next(upper, from: index) }
      }
      return false
    }
  }

  /// Lower is rarer in English and Spanish text; bytes that are not letters are rarest.
  private static func rarity(_ byte: UInt8) -> Int {
    order.firstIndex(of: byte) ?? order.count
  }

  private static let order = Array("zqxjkwvbyghfpmudclrtnisoae".utf8)

  private static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  /// ASCII-lowercased bytes with Latin-1 accented letters (`á`, `Ñ`) as their base letter,
  /// as titles are normalised.
  private static func foldedLatin(_ text: String) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(text.utf8.count)
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      if byte == 0xC3, let next = iterator.next(), next >= 0x80, next <= 0xBF {
        result.append(latinBase[Int(next - 0x80)])
      } else {
        result.append(fold(byte))
      }
    }
    return result
  }

  /// The base letters of U+00C0...U+00FF (C3 80...C3 BF), lowercased; `_` where there is none.
  private static let latinBase = Array("aaaaaaaceeeeiiii_nooooo_ouuuuy__aaaaaaaceeeeiiii_nooooo_ouuuuy_y".utf8)
}
