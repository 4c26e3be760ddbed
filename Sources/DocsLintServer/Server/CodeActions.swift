import Foundation

/// Quick fixes: every fix `--fix` knows, and the "did you mean" anchor a missing fragment
/// names, as edits of the document.
extension LanguageServer {
  func codeActions(_ uri: String, range: (start: OpenDocument.Position, end: OpenDocument.Position), analysis: Analysis)
    -> [[String: Any]]
  {
    let document = OpenDocument(text: text(at: analysis.root + "/" + analysis.path) ?? "", version: 0)
    let first = document.column(of: range.start)
    let last = document.column(of: range.end)
    var actions: [[String: Any]] = []
    for finding in analysis.findings {
      let span = finding.span
      // The finding touches the range asked about.
      guard (span.line, span.column) <= (last.line, last.column), (first.line, first.column) <= (span.endLine, span.endColumn)
      else { continue }
      let diagnostic = DiagnosticMessage.make(finding, in: document)
      var fixes: [(title: String, fix: Fix)] = []
      if let fix = finding.fix { fixes.append(("Fix: \(finding.message)", fix)) }
      if finding.fix == nil, let reference = analysis.node?.edges.first(where: { $0.span == span }),
        case .missingAnchor(_, _, let suggestion?) = reference.resolution, let hash = reference.text.lastIndex(of: "#"),
        let fix = Fix.replacing(reference, with: reference.text[..<hash] + "#" + suggestion)
      {
        fixes.append(("Change to #\(suggestion)", fix))
      }
      for (title, fix) in fixes {
        actions.append([
          "title": title, "kind": "quickfix", "diagnostics": [diagnostic], "isPreferred": fixes.count == 1,
          "edit": Self.workspaceEdit([analysis.path: [fix]], root: analysis.root, text: text(at:)),
        ])
      }
    }
    return actions
  }
}
