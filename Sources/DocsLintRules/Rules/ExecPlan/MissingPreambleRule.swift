import DocsLintGraph

/// `execplan/missing-preamble`: no living-document statement, or it names a PLANS.md that does not exist.
struct MissingPreambleRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "execplan/missing-preamble",
    defaultLevel: .warning,
    summary: "ExecPlan without the living-document statement, or naming a PLANS.md path that does not exist",
    rationale: """
      PLANS.md asks every ExecPlan to say, before its first section, that it is a living \
      document maintained per the PLANS.md that governs it ("documento vivo" in Spanish). \
      The statement tells contributors to update the plan as they go; a stale path to \
      PLANS.md sends them nowhere.
      """,
    triggering: [
      Example("↓# Migrar\n\nIntro sin declaración.\n\n## Progress\n\n- [ ] Paso\n", path: "docs/plans/EXECPLAN_a.md"),
      Example(
        "# Migrar\n\nThis ExecPlan is a living document, maintained per ↓.agent/PLANS.md.\n\n## Progress\n",
        path: "docs/plans/EXECPLAN_a.md"),
    ],
    nonTriggering: [
      Example(
        "# Migrar\n\nEste ExecPlan es un documento vivo, mantenido según `.agent/PLANS.md`.\n\n## Progress\n",
        path: "docs/plans/EXECPLAN_a.md", files: [".agent/PLANS.md": "# Plans\n"]),
      Example("# Not a plan\n\nNo statement needed.\n"),
    ])

  func check(_ document: DocumentContext) -> [Finding] {
    guard document.has(.plan) else { return [] }
    let firstSection = document.markdown.headings.first { $0.level >= 2 }?.span.line ?? document.source.lineCount + 1
    let introLines = 1..<firstSection
    let statementLine = introLines.first { line in
      document.configuration.vocabulary.livingDocumentPhrases.contains(where: document.line(line).lowercased().includes)
    }
    guard let statementLine else {
      return [
        Self.descriptor.finding(
          in: document.path, at: document.titleSpan,
          "no living-document statement before the first section (e.g. 'This ExecPlan is a living document, maintained per .agent/PLANS.md')",
          snippet: "preamble")
      ]
    }
    // A PLANS.md the statement names ("per `.agent/PLANS.md`") must exist, at the root or beside the
    // plan; only the statement's own paragraph counts ("No PLANS.md exists yet" elsewhere is prose).
    let folder = RepoPath.directory(of: document.path)
    var paragraph = statementLine...statementLine
    while paragraph.lowerBound > introLines.lowerBound, !document.line(paragraph.lowerBound - 1).trimmingBlanks().isEmpty {
      paragraph = (paragraph.lowerBound - 1)...paragraph.upperBound
    }
    while paragraph.upperBound + 1 < introLines.upperBound, !document.line(paragraph.upperBound + 1).trimmingBlanks().isEmpty {
      paragraph = paragraph.lowerBound...(paragraph.upperBound + 1)
    }
    var findings: [Finding] = []
    for line in paragraph {
      let text = document.line(line)
      for (path, column) in Self.plansPaths(in: text) {
        let candidates = [RepoPath.normalize(path), RepoPath.resolve(path, in: folder)].compactMap { $0 }
        guard !candidates.contains(where: document.inventory.exists) else { continue }
        findings.append(
          Self.descriptor.finding(
            in: document.path, at: SourceSpan(line: line, column: column, endColumn: column + path.unicodeScalars.count),
            "the preamble names '\(path)', which does not exist", snippet: path))
      }
    }
    return findings
  }

  /// Words ending in "PLANS.md" and where they start (scalar columns).
  static func plansPaths(in line: String) -> [(String, Int)] {
    var result: [(String, Int)] = []
    var word = ""
    var start = 1
    var column = 1
    for scalar in line.unicodeScalars {
      let isPathCharacter = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "./_-".unicodeScalars.contains(scalar)
      if isPathCharacter {
        if word.isEmpty { start = column }
        word.unicodeScalars.append(scalar)
      } else {
        append(word, start, to: &result)
        word = ""
      }
      column += 1
    }
    append(word, start, to: &result)
    return result
  }

  private static func append(_ word: String, _ start: Int, to result: inout [(String, Int)]) {
    var word = Substring(word)
    while word.hasSuffix(".") { word = word.dropLast() }  // sentence end
    if word.hasSuffix("PLANS.md") { result.append((String(word), start)) }
  }
}
