import CMark
import DocsLintModel

/// Parsing helpers: one cmark parse, and the plan handed over as one ```md fence.
extension MarkdownParser {
  static func parseDocument(_ bytes: [UInt8]) -> OpaquePointer? {
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
      }
    }
  }

  /// The lines of a ```md (or ```markdown) fence that is the document's only block, if it is.
  static func wholeFileFence(_ root: OpaquePointer, source: SourceText) -> (open: Int, close: Int)? {
    guard let block = cmark_node_first_child(root), cmark_node_next(block) == nil,
      cmark_node_get_type(block) == CMARK_NODE_CODE_BLOCK,
      let info = cmark_node_get_fence_info(block).map({ String(cString: $0).lowercased() }),
      info == "md" || info == "markdown"
    else { return nil }
    let open = Int(cmark_node_get_start_line(block))
    let close = Int(cmark_node_get_end_line(block))
    // An unclosed fence runs to the end of the file: its last line is content, not a fence.
    let last = source.lineText(close).trimmingBlanks()
    guard close > open, last.hasPrefix("```") || last.hasPrefix("~~~"), last.allSatisfy({ $0 == "`" || $0 == "~" })
    else { return nil }
    // A wrapped document opens with its title; a fence that shows a snippet does not.
    let firstContent = ((open + 1)..<close).lazy.map { source.lineText($0).trimmingBlanks() }.first { !$0.isEmpty }
    guard let firstContent, firstContent.hasPrefix("# ") else { return nil }
    return (open, close)
  }
}
