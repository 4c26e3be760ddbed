import DocsLintGraph

/// Renders a rule's descriptor as text for `docs-lint explain`.
package enum RuleDocumentation {
  package static func render(_ rule: RuleDescriptor) -> String {
    var text = "\(rule.id) (default level: \(rule.defaultLevel.rawValue))\n\n\(rule.summary).\n\n\(rule.rationale)\n"
    text += "\nTriggers on:\n"
    for example in rule.triggering { text += indent(example) }
    text += "\nDoes not trigger on:\n"
    for example in rule.nonTriggering { text += indent(example) }
    if rule.isFixable {
      text += "\nFixed by --fix:\n"
      for correction in rule.corrections {
        text += indent(correction.before) + "  becomes:\n" + indent(Example(correction.after, path: correction.before.path))
      }
    }
    return text
  }

  private static func indent(_ example: Example) -> String {
    let body = String(decoding: example.unmarked.bytes, as: UTF8.self)
    let printable = body.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }
    var text = printable ? body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
      : "    (binary or invalid UTF-8 bytes)"
    if example.path != "doc.md" { text = "    (in \(example.path))\n" + text }
    if !example.files.isEmpty {
      text += "\n      with files: " + example.files.keys.sorted().joined(separator: ", ")
    }
    return text + "\n\n"
  }
}
