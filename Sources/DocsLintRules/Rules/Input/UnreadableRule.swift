import DocsLintGraph

/// `input/unreadable`: a file that cannot be linted (not UTF-8, binary, unreadable).
struct UnreadableRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "input/unreadable",
    defaultLevel: .warning,
    summary: "File that is not valid UTF-8, is binary, too large, or cannot be read",
    rationale: """
      A file docs-lint cannot read is a file nobody is checking. It is reported (at the first \
      bad byte, for invalid UTF-8) and the rest of the repository is still linted. Symbolic \
      links that leave the repository or loop are never followed.
      """,
    triggering: [
      Example(bytes: Array("# Título\n\nca".utf8) + [0xE9] + Array(" mal\n".utf8)),
      Example(bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]),
    ],
    nonTriggering: [
      Example("# Título con acentos ñ ü\n\n¿Qué tal?\n"),
      Example(bytes: [0xEF, 0xBB, 0xBF] + Array("# With byte-order mark\n".utf8)),
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard case .unreadable(let problem) = document.content else { return [] }
    return [
      Self.descriptor.finding(
        in: document.path, at: SourceSpan(line: problem.line, column: problem.column),
        problem.message, snippet: problem.message)
    ]
  }
}
