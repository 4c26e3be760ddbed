import DocsLintGraph

/// A Markdown table that lists Terraform inputs or outputs: its first column is headed
/// Variable / Input / Name / Nombre (inputs) or Output / Salida (outputs).
package struct VariableTable: Sendable, Hashable {
  package enum Lists: String, Sendable, Hashable {
    case variables = "variable"
    case outputs = "output"

    /// The Terraform symbols the table lists.
    var symbolKind: SymbolKind { self == .variables ? .variable : .output }
  }

  package var lists: Lists
  /// The header row's first cell.
  package var header: SourceSpan
  /// The names in the first column, each where it is written.
  package var names: [Row]

  package struct Row: Sendable, Hashable {
    package var name: String
    package var span: SourceSpan
  }
}

/// GitHub pipe tables, read from the source lines: plain libcmark has no table
/// extension and leaves them as paragraphs. Lines inside code blocks are skipped.
package enum VariableTableScanner {
  package static func scan(_ source: SourceText, skipping code: [ClosedRange<Int>]) -> [VariableTable] {
    var tables: [VariableTable] = []
    var line = 2
    while line <= source.lineCount {
      defer { line += 1 }
      // Bytes first: almost no line is a delimiter row, and most fail on their first byte.
      guard isDelimiterRow(source.bytes[source.byteRange(ofLine: line)]), !code.contains(where: { $0.contains(line) })
      else { continue }
      // The header's first letter must start one of the header words (or a `code`/**bold** mark).
      let header = source.bytes[source.byteRange(ofLine: line - 1)]
      guard let lead = header.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "|") }),
        Self.headerLeads.contains(lead)
      else { continue }
      let headerText = source.lineText(line - 1)
      guard let first = cells(of: headerText, limit: 1).first, let lists = lists(named: first.text) else { continue }
      var table = VariableTable(
        lists: lists, header: SourceSpan(line: line - 1, column: first.column, endColumn: first.column + first.text.unicodeScalars.count),
        names: [])
      var row = line + 1
      while row <= source.lineCount, !code.contains(where: { $0.contains(row) }) {
        let text = source.lineText(row)
        guard text.contains("|"), let cell = cells(of: text, limit: 1).first else { break }
        let name = unwrapped(cell.text)
        if isName(name.text) {
          let column = cell.column + name.offset
          table.names.append(
            VariableTable.Row(
              name: name.text, span: SourceSpan(line: row, column: column, endColumn: column + name.text.unicodeScalars.count)))
        }
        row += 1
      }
      tables.append(table)
      line = row
    }
    return tables
  }

  private static let headerLeads = Set("vVnNiIoOsS*_`".utf8)
  private static let variableHeaders: Set<String> = ["variable", "variables", "input", "inputs", "name", "nombre", "variable name"]
  private static let outputHeaders: Set<String> = ["output", "outputs", "salida", "salidas"]

  private static func lists(named header: String) -> VariableTable.Lists? {
    let word = unwrapped(header).text.lowercased()
    if variableHeaders.contains(word) { return .variables }
    if outputHeaders.contains(word) { return .outputs }
    return nil
  }

  /// `|---|:--:|`: pipes, dashes, colons and spaces only, at least one dash and one pipe.
  static func isDelimiterRow(_ bytes: some Collection<UInt8>) -> Bool {
    var dash = false
    var pipe = false
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "-"): dash = true
      case UInt8(ascii: "|"): pipe = true
      case UInt8(ascii: ":"), 0x20, 0x09, 0x0D, 0x0A: break
      default: return false
      }
    }
    return dash && pipe
  }

  /// The cells of a row (the first `limit` of them), split on unescaped pipes, each
  /// trimmed, with the column (in scalars, 1-based) where its text starts.
  static func cells(of text: String, limit: Int = .max) -> [(text: String, column: Int)] {
    var result: [(text: String, column: Int)] = []
    var scalars = Array(text.unicodeScalars)
    while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
    var start = 0
    while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
    if start < scalars.count, scalars[start] == "|" { start += 1 }
    var index = start
    var cellStart = start
    func close(_ end: Int) {
      var from = cellStart
      var to = end
      while from < to, scalars[from] == " " || scalars[from] == "\t" { from += 1 }
      while to > from, scalars[to - 1] == " " || scalars[to - 1] == "\t" { to -= 1 }
      var cell = String.UnicodeScalarView()
      cell.append(contentsOf: scalars[from..<to])
      result.append((String(cell), from + 1))
    }
    while index < scalars.count {
      if scalars[index] == "\\" {
        index += 2
        continue
      }
      if scalars[index] == "|" {
        close(index)
        if result.count == limit { return result }
        cellStart = index + 1
      }
      index += 1
    }
    if cellStart < scalars.count { close(scalars.count) }
    return result
  }

  /// A cell's text without `code`, **bold** or _emphasis_ around it, and how many
  /// scalars were taken off the front.
  private static func unwrapped(_ cell: String) -> (text: String, offset: Int) {
    var text = Substring(cell)
    var offset = 0
    for wrapper in ["`", "**", "__", "*", "_"] where text.count > 2 * wrapper.count {
      if text.hasPrefix(wrapper), text.hasSuffix(wrapper) {
        text = text.dropFirst(wrapper.count).dropLast(wrapper.count)
        offset += wrapper.count
      }
    }
    return (String(text), offset)
  }

  /// Terraform identifiers: a letter or `_`, then letters, digits, `_` or `-`.
  private static func isName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic, first.isASCII else { return false }
    return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
  }
}

extension VariableTable: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(raw: lists)
    writer.write(header)
    writer.write(names)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(lists: try reader.raw(), header: try reader.read(), names: try reader.array())
  }
}

extension VariableTable.Row: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(name: try reader.string(), span: try reader.read())
  }
}

/// What `iac/variable-drift` keeps of a document that has tables of module inputs or
/// outputs (only where the repository has Terraform): each table, with the files and
/// folders its section's edges reach, and those the whole document's edges reach.
struct VariableTableCollector: FactCollector {
  static let id = "variable-tables"

  struct Fact: CollectedFact {
    var tables: [VariableTable]
    /// Per table, in order: the targets of the edges in its section, byte-sorted.
    var sectionTargets: [[String]]
    /// The targets of every edge of the document, byte-sorted.
    var documentTargets: [String]
  }

  func collect(from document: CollectionInput) -> Fact? {
    guard document.technologies.contains(.terraform) else { return nil }
    let tables = VariableTableScanner.scan(document.source, skipping: FactsCollector.codeLines(document.markdown))
    guard !tables.isEmpty else { return nil }
    let headings = document.markdown.headings
    let sectionTargets = tables.map { table in
      let heading = headings.lastIndex { $0.span.line < table.header.line }
      let start = heading.map { headings[$0].span.line } ?? 1
      let section = start..<(heading.flatMap(document.markdown.sectionEnd(of:)) ?? Int.max)
      return Self.targets(of: document.references.lazy.filter { section.contains($0.span.line) })
    }
    return Fact(tables: tables, sectionTargets: sectionTargets, documentTargets: Self.targets(of: document.references))
  }

  /// A changed IaC file may have renamed what a table lists.
  func isAffected(_ fact: Fact, by change: ImpactQuestion) -> Bool { change.iacChanged }

  private static func targets(of references: some Sequence<Reference>) -> [String] {
    Set(references.compactMap { $0.resolution.targetPath }).sorted(by: ByteOrder.less)
  }
}

extension VariableTableCollector.Fact: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(tables)
    writer.write(sectionTargets.count)
    for targets in sectionTargets { writer.write(targets) }
    writer.write(documentTargets)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    tables = try reader.array()
    sectionTargets = []
    for _ in 0..<(try reader.count()) { sectionTargets.append(try reader.strings()) }
    documentTargets = try reader.strings()
  }
}
