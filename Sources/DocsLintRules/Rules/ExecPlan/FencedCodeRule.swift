import DocsLintGraph

/// `execplan/fenced-code`: ExecPlans use indented code blocks.
struct FencedCodeRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "execplan/fenced-code",
    defaultLevel: .info,
    summary: "Triple-backtick fence inside an ExecPlan (PLANS.md asks for indented blocks)",
    rationale: """
      ExecPlans are often pasted whole into a triple-backtick block themselves; a nested \
      fence then ends the outer block early. PLANS.md asks for indented code blocks instead.
      """,
    triggering: [
      Example("# P\n\n## Concrete Steps\n\n↓```bash\nmake test\n```\n", path: "docs/plans/EXECPLAN_a.md")
    ],
    nonTriggering: [
      Example("# P\n\n## Concrete Steps\n\n    make test\n", path: "docs/plans/EXECPLAN_a.md"),
      Example("# Notes\n\n```bash\nmake test\n```\n"),
    ])

  func check(_ document: DocumentContext) -> [Finding] {
    guard document.has(.plan) else { return [] }
    return document.markdown.codeBlocks.compactMap { block in
      guard block.isFenced, block.firstLine > 1 else { return nil }
      let line = block.firstLine - 1
      let text = document.line(line)
      let indent = text.unicodeScalars.prefix { $0 == " " || $0 == ">" }.count
      guard text.unicodeScalars.dropFirst(indent).starts(with: "```".unicodeScalars) else { return nil }
      return Self.descriptor.finding(
        in: document.path, at: SourceSpan(line: line, column: indent + 1),
        "fenced code block in an ExecPlan; use an indented block", snippet: text)
    }
  }
}
