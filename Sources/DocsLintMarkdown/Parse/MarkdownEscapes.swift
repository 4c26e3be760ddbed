import CMark
import DocsLintModel

/// Decodes link destinations and HTML attribute values exactly as CommonMark does:
/// backslash escapes and every HTML5 character reference (`&ouml;`, `&#95;`, `&#x5F;`).
/// cmark owns the entity table, so a two-line document is parsed to let it decode;
/// text without `\` or `&` (nearly all of it) never reaches cmark.
enum MarkdownEscapes {
  /// A destination as written in a link or reference definition; `pointy` when it was
  /// written between `<` and `>` (given here without them).
  static func decodeDestination(_ written: String, pointy: Bool) -> String {
    guard written.includesByte(UInt8(ascii: "\\")) || written.includesByte(UInt8(ascii: "&")) else { return written }
    return decodedURL(of: pointy ? "[x](<\(written)>)" : "[x](\(written))") ?? written
  }

  /// An HTML attribute value: character references are decoded, backslashes are not escapes.
  static func decodeEntities(_ text: String) -> String {
    guard text.includesByte(UInt8(ascii: "&")) else { return text }
    guard !text.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return text }
    var escaped = ""
    for character in text {
      if character == "\\" || character == "<" || character == ">" { escaped.append("\\") }
      escaped.append(character)
    }
    return decodedURL(of: "[x](<\(escaped)>)") ?? text
  }

  /// The URL of the first link in a one-line document; parse, walk and free happen here.
  private static func decodedURL(of markdown: String) -> String? {
    var markdown = markdown
    return markdown.withUTF8 { bytes -> String? in
      let chars = UnsafeRawBufferPointer(bytes).bindMemory(to: CChar.self)
      guard let root = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT) else { return nil }
      defer { cmark_node_free(root) }
      guard let paragraph = cmark_node_first_child(root), let link = cmark_node_first_child(paragraph),
        cmark_node_get_type(link) == CMARK_NODE_LINK, cmark_node_next(link) == nil,
        let url = cmark_node_get_url(link)
      else { return nil }
      return String(cString: url)
    }
  }
}
