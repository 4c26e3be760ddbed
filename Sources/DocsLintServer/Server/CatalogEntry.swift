import Foundation

/// The line that lists an agent doc in its folder's catalog README, written like the entries
/// that link the other cards (a list item or a table row): after the last of them and its
/// continuation lines, else a list item at the end.
enum CatalogEntry {
  static func insertion(listing file: String, name: String, in catalog: OpenDocument) -> (newText: String, at: OpenDocument.Position) {
    let lines = catalog.lines
    let newline = catalog.lineEnding
    let link = "[\(name)](\(file))"
    var fence: Substring?
    var last: (line: Int, text: String)?
    for (index, line) in lines.enumerated() {
      let trimmed = line.drop { $0 == " " }
      // Entries in code blocks are examples, not the catalog.
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = trimmed.prefix(3)
        continue
      }
      guard linksACard(line) else { continue }
      if let marker = marker(of: line) {
        last = (index, marker + link)
      } else if let row = row(after: line, link: link) {
        last = (index, row)
      }
    }
    guard let (line, entry) = last else {
      return (catalog.blockSeparator + "- " + link + newline, catalog.endPosition)
    }
    // After the entry's continuation lines (indented, not a new item).
    var end = line
    if !lines[line].hasPrefix("|") {
      while end + 1 < lines.count, let first = lines[end + 1].first, first == " " || first == "\t",
        !lines[end + 1].allSatisfy(\.isWhitespace), marker(of: lines[end + 1]) == nil
      {
        end += 1
      }
    }
    if end + 1 < lines.count {
      return (entry + newline, catalog.position(line: end + 2, column: 1))
    }
    return (newline + entry, catalog.endPosition)
  }

  /// Whether a line links a card beside the README: `](name.md)` or `](./name.md)`.
  private static func linksACard(_ line: Substring) -> Bool {
    var rest = line[...]
    while let open = rest.range(of: "](") {
      let target = rest[open.upperBound...].prefix { $0 != ")" && $0 != " " && $0 != "#" }
      let bare = target.hasPrefix("./") ? target.dropFirst(2) : target
      if bare.lowercased().hasSuffix(".md"), !bare.contains("/") { return true }
      rest = rest[open.upperBound...]
    }
    return false
  }

  /// A table row like `line` with the link in its first cell and the others empty.
  private static func row(after line: Substring, link: String) -> String? {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasPrefix("|") else { return nil }
    let cells = max(trimmed.split(separator: "|", omittingEmptySubsequences: false).count - 2, 1)
    return "| " + link + " |" + String(repeating: "  |", count: cells - 1)
  }

  /// The indentation and marker of a list item line, for the next item (`  - `, `3. ` → `4. `).
  static func marker(of line: Substring) -> String? {
    let indent = line.prefix { $0 == " " || $0 == "\t" }
    let rest = line.dropFirst(indent.count)
    if let first = rest.first, "-*+".contains(first) {
      let space = rest.dropFirst().prefix { $0 == " " }
      return space.isEmpty ? nil : indent + String(first) + space
    }
    let digits = rest.prefix(while: \.isASCIIDigit)
    guard let number = Int(digits), digits.count < 10 else { return nil }
    let after = rest.dropFirst(digits.count)
    guard let delimiter = after.first, delimiter == "." || delimiter == ")" else { return nil }
    let space = after.dropFirst().prefix { $0 == " " }
    return space.isEmpty ? nil : indent + "\(number + 1)\(delimiter)" + space
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
