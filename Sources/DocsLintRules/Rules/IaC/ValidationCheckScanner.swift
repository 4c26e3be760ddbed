import DocsLintGraph

/// An IaC check a plan's validation section names: `terraform validate`, `hadolint`, ...
package struct ValidationCheck: Sendable, Hashable {
  /// The check as written: `terraform validate`.
  package var command: String
  /// The IaC technology it checks (an `IaCTechnology` raw value).
  package var technology: String
  package var span: SourceSpan
}

/// What a plan or spec says about validating its infrastructure.
package struct ValidationFacts: Sendable, Hashable {
  /// The first validation heading, if the document has one.
  package var heading: SourceSpan?
  /// IaC checks named inside validation sections.
  package var checks: [ValidationCheck] = []
  /// Technologies whose checks the document names anywhere (steps count too).
  package var checkedAnywhere: Set<String> = []
}

/// The validation section of a plan or spec (Validation, Validación, Validation and
/// Acceptance, Plan de Testing, Pruebas, Verificación, ...) and the IaC checks it names,
/// in code or prose.
package enum ValidationCheckScanner {
  package static func scan(_ markdown: MarkdownDocument, source: SourceText, vocabulary: Vocabulary) -> ValidationFacts {
    let sectionTitles = vocabulary.validationSections
    let checks = vocabulary.validationCommands
    var facts = ValidationFacts()
    var inSection = Set<Int>()
    for (index, candidate) in markdown.headings.enumerated() {
      let title = TitleMatcher.normalize(candidate.text)
      guard sectionTitles.contains(where: { title.hasPrefix($0) }) else { continue }
      if facts.heading == nil { facts.heading = candidate.span }
      let end = markdown.sectionEnd(of: index) ?? source.lineCount + 1
      inSection.formUnion((candidate.endLine + 1)..<max(end, candidate.endLine + 1))
    }
    guard facts.heading != nil else { return facts }
    // One pass over the file: at each word start whose byte opens some check, the checks'
    // first words are compared there (searching the file once per word stopped at every
    // "t" of the prose for `terraform`). Hits are then put in line order.
    var hits: [(line: Int, check: Int, at: Int)] = []
    let firstWords = Dictionary(grouping: checks.indices, by: { checks[$0].words[0] }).sorted { $0.key.lexicographicallyPrecedes($1.key) }
    // A first word made of word bytes (all of the defaults) occurs only at word starts and
    // never overlaps itself there; one with other bytes (`x.x`) is searched as before.
    let plain = firstWords.map { $0.key.allSatisfy(isWordByte) }
    var opens = [Bool](repeating: false, count: 256)
    var byFirstByte = [[Int]](repeating: [], count: 256)  // indexes into firstWords
    for (index, (word, _)) in firstWords.enumerated() where plain[index] {
      opens[Int(word[0])] = true
      byFirstByte[Int(word[0])].append(index)
    }
    // Word starts whose byte opens some check, from tables read without bounds checks.
    var starts: [Int] = []
    source.bytes.withUnsafeBufferPointer { bytes in
      opens.withUnsafeBufferPointer { opens in
        Self.wordBytes.withUnsafeBufferPointer { isWord in
          var previousIsWord = false
          for at in 0..<bytes.count {
            let byte = Int(bytes[at])
            if opens[byte], !previousIsWord { starts.append(at) }
            previousIsWord = isWord[byte]
          }
        }
      }
    }
    source.bytes.withUnsafeBufferPointer { bytes in
      // Whole words only (`xactionlint` is not actionlint); then the other words in order
      // within the same command, options between them allowed (`terraform -chdir=infra
      // validate`, `docker compose -f dev.yml config`).
      func record(_ at: Int, _ entry: Int) {
        let (first, group) = firstWords[entry]
        let from = at + first.count
        if from < bytes.count, isWordByte(bytes[from]) { return }
        let line = source.line(atByte: at)
        let end = source.byteRange(ofLine: line).upperBound
        let rest = UnsafeBufferPointer(rebasing: bytes[from..<max(from, end)])
        for index in group where hasWords(checks[index].words.dropFirst(), in: rest) {
          hits.append((line, index, at))
        }
      }
      for at in starts {
        for entry in byFirstByte[Int(bytes[at])] where startsWith(firstWords[entry].key, in: bytes, at: at) {
          record(at, entry)
        }
      }
      for entry in firstWords.indices where !plain[entry] {
        let word = firstWords[entry].key
        var from = 0
        while let at = word.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: $0, in: bytes, from: from, to: bytes.count) }) {
          from = at + word.count
          if at > 0, isWordByte(bytes[at - 1]) { continue }
          record(at, entry)
        }
      }
    }
    hits.sort { ($0.line, $0.check, $0.at) < ($1.line, $1.check, $1.at) }
    for hit in hits {
      let check = checks[hit.check]
      facts.checkedAnywhere.insert(check.technology)
      guard inSection.contains(hit.line) else { continue }
      let column = source.scalarColumn(line: hit.line, byteOffset: hit.at)
      facts.checks.append(
        ValidationCheck(
          command: check.command, technology: check.technology,
          span: SourceSpan(
            line: hit.line, column: column,
            endColumn: column + String(decoding: check.words[0], as: UTF8.self).unicodeScalars.count)))
    }
    return facts
  }

  private static func startsWith(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    guard offset + word.count <= bytes.count else { return false }
    for index in word.indices where bytes[offset + index] != word[index] { return false }
    return true
  }

  /// Whether `words` follow, in order, as whole tokens of the same command.
  private static func hasWords(_ words: ArraySlice<[UInt8]>, in rest: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !words.isEmpty else { return true }
    let command = rest.prefix { $0 != UInt8(ascii: "|") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "&") }
    let tokens = command.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "`") })
    var wanted = words.makeIterator()
    var next = wanted.next()
    for token in tokens {
      guard let word = next else { break }
      if token.elementsEqual(word) { next = wanted.next() }
    }
    return next == nil
  }

  /// `isWordByte` of every byte, as a table.
  private static let wordBytes = (0...255).map { isWordByte(UInt8($0)) }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    byte.isASCIIAlphanumeric || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
  }
}

extension ValidationFacts: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(heading)
    writer.write(checks)
    writer.write(checkedAnywhere.sorted())
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(heading: try reader.optional(), checks: try reader.array(), checkedAnywhere: Set(try reader.strings()))
  }
}

extension ValidationCheck: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(command)
    writer.write(technology)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(command: try reader.string(), technology: try reader.string(), span: try reader.read())
  }
}

extension ValidationFacts: CollectedFact {}

/// What `iac/validation-mismatch` keeps of a plan or spec (a kind that changes
/// infrastructure, in a repository that has IaC): its validation section and the checks
/// named in it and anywhere else. Nothing for a document without a validation section.
struct ValidationSectionCollector: FactCollector {
  static let id = "validation-section"

  func collect(from document: CollectionInput) -> ValidationFacts? {
    guard !document.technologies.isEmpty, document.has(.changesInfrastructure) else { return nil }
    let facts = ValidationCheckScanner.scan(
      document.markdown, source: document.source, vocabulary: document.configuration.vocabulary)
    return facts.heading == nil ? nil : facts
  }
}
