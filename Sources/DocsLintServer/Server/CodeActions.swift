import Foundation

/// Quick fixes: every fix `--fix` knows, the "did you mean" anchor a missing fragment
/// names, a missing section of the document's kind (its title from the kind) and a missing
/// catalog entry.
extension LanguageServer {
  func codeActions(_ uri: String, range: (start: OpenDocument.Position, end: OpenDocument.Position), analysis: Analysis)
    -> [[String: Any]]
  {
    let document = OpenDocument(text: text(at: analysis.root + "/" + analysis.path) ?? "", version: 0)
    let first = document.column(of: range.start)
    let last = document.column(of: range.end)
    var actions: [[String: Any]] = []
    let sections = analysis.configuration.flatMap { KindSections(path: analysis.path, text: document.text, configuration: $0) }
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
      let structure = structureFixes(finding, uri: uri, analysis: analysis, document: document, sections: sections)
      for (title, changes) in structure {
        actions.append([
          "title": title, "kind": "quickfix", "diagnostics": [diagnostic], "isPreferred": structure.count == 1,
          "edit": ["changes": changes],
        ])
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

  /// Fixes whose text comes from the configuration and the repository rather than the rule:
  /// the kind's section heading, inserted in the kind's order; the catalog README's list item.
  private func structureFixes(
    _ finding: Finding, uri: String, analysis: Analysis, document: OpenDocument, sections: KindSections?
  ) -> [(title: String, changes: [String: [[String: Any]]])] {
    func edit(_ newText: String, at position: OpenDocument.Position) -> [String: Any] {
      ["range": Navigation.range(position, position), "newText": newText]
    }
    switch finding.ruleId {
    case "structure/missing-section":
      guard let sections, let insertion = sections.insertion(ofSectionTitled: finding.snippet, in: document) else { return [] }
      let heading = insertion.newText.trimmingCharacters(in: .newlines)
      return [("Insert section '\(heading)'", [uri: [edit(insertion.newText, at: insertion.at)]])]
    case "agent/not-in-catalog":
      let catalog = analysis.root + "/" + finding.snippet
      guard let text = text(at: catalog) else { return [] }
      let file = String(RepoPath.name(of: analysis.path))
      let name = analysis.node?.facts.declaredAgents.first ?? analysis.node?.outline?.title?.text ?? file
      let insertion = CatalogEntry.insertion(listing: file, name: name, in: OpenDocument(text: text, version: 0))
      return [("Add \(name) to \(finding.snippet)", [URL(fileURLWithPath: catalog).absoluteString: [edit(insertion.newText, at: insertion.at)]])]
    default:
      return []
    }
  }
}
