import Foundation

/// The line that lists an agent doc in its folder's catalog README, written like the list
/// items that link the other cards: after the last of them, else at the end.
enum CatalogEntry {
  static func insertion(listing file: String, name: String, in catalog: OpenDocument) -> (newText: String, at: OpenDocument.Position) {
    let lines = catalog.text.split(separator: "\n", omittingEmptySubsequences: false)
    let item = "[\(name)](\(file))"
    // The last list item that links a Markdown file.
    for index in lines.indices.reversed() {
      let line = lines[index]
      guard line.contains("]("), line.contains(".md"), let marker = marker(of: line) else { continue }
      if index + 1 < lines.count {
        return (marker + item + "\n", catalog.position(line: index + 2, column: 1))
      }
      return ("\n" + marker + item, catalog.endPosition)
    }
    let text = catalog.text
    let separator = text.isEmpty ? "" : text.hasSuffix("\n\n") ? "" : text.hasSuffix("\n") ? "\n" : "\n\n"
    return (separator + "- " + item + "\n", catalog.endPosition)
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
