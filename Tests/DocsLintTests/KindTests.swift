import Foundation
import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

struct KindTests {
  @Test(
    "section titles match across languages, accents, numbering and punctuation",
    arguments: [
      ("## 7. Plan de Testing", "plan de testing"),
      ("1.2 Alcance", "alcance"),
      ("Decisión", "decision"),
      ("Surprises & Discoveries", "surprises discoveries"),
      ("Purpose / Big Picture", "purpose big picture"),
      ("  **Validación**:", "validacion"),
      ("3) Riesgos e Impacto", "riesgos e impacto"),
    ])
  func normalization(_ title: String, _ expected: String) {
    #expect(TitleMatcher.normalize(title.replacingOccurrences(of: "## ", with: "")) == expected)
  }

  /// ASCII titles are folded and split byte by byte: the same answers as Foundation's
  /// folding and Unicode letters, on every ASCII character around words.
  @Test func asciiNormalizationAnswersAsUnicodeDoes() {
    func reference(_ title: String, wildcards: Bool) -> String {
      let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      var words = folded.split { !($0.isLetter || $0.isNumber || (wildcards && $0 == "*")) }.map(String.init)
      while let first = words.first, words.count > 1, first.allSatisfy(\.isNumber) { words.removeFirst() }
      return words.joined(separator: " ")
    }
    let punctuation = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }.filter { !$0.first!.isLetter && !$0.first!.isNumber }
    var titles = ["7. Plan de Testing", "1.2.3", "Riesgos*", "*Rollback", "A-B_C", "x", "", "12 34 Alcance"]
    titles += punctuation.map { "Plan\($0)de \($0)Testing\($0)2" }
    for title in titles {
      #expect(TitleMatcher.normalize(title) == reference(title, wildcards: false), "\(title)")
      #expect(TitleMatcher.normalizePattern(title) == reference(title, wildcards: true), "\(title)")
      #expect(TextFolding.caseAndAccents(title) == title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
    }
  }

  /// The Latin-1 fast path folds as Foundation does, letter by letter and in words.
  @Test func latinFoldingAnswersAsFoundationDoes() {
    let latin = (0xA0...0xFF).map { String(UnicodeScalar(UInt8($0))) }
    for text in latin + latin.map({ "Pro\($0)ducción Ñandú \($0)" }) + ["¿Qué?", "Decisión", "Übergabe", "e\u{301}"] {
      #expect(TextFolding.caseAndAccents(text) == text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), "\(text)")
    }
  }

  /// Text left non-ASCII by folding compares as Swift strings do: canonical equivalents
  /// match, as before titles were compared as bytes.
  @Test func nonASCIITitlesMatchCanonicalEquivalents() {
    let composed = "\u{0915}\u{093C}"  // क़ written as two scalars
    let precomposed = "\u{0958}"  // क़ as one
    #expect(TitleMatcher.matches(composed, pattern: precomposed))
    #expect(TitleMatcher.matchesSection(precomposed + " x", pattern: composed + "*"))
    #expect(!TitleMatcher.matches(composed, pattern: "\u{0915}"))
  }

  @Test func aliasPatterns() {
    #expect(TitleMatcher.matches("riesgos y mitigaciones", pattern: "riesgos*"))
    #expect(TitleMatcher.matches("plan de rollback", pattern: "*rollback"))
    #expect(!TitleMatcher.matches("resumen", pattern: "riesgos*"))
  }

  @Test(
    "dates", arguments: ["2025-10-01", "2024-02-29", "2025-10-01 13:00", "2025-10-01T13:00:00Z"])
  func validDates(_ text: String) { #expect(DateText.isDate(text)) }

  @Test("not dates", arguments: ["2025-13-01", "2025-02-30", "31/02/2025", "ayer", "2023-02-29", "2025-10-01x"])
  func invalidDates(_ text: String) { #expect(!DateText.isDate(text)) }

  @Test func defaultKindsClassifyPaths() {
    let kinds = Configuration.defaults().kinds
    #expect(kinds.kind(of: "docs/plans/EXECPLAN_red.md")?.id == "execplan")
    #expect(kinds.kind(of: ".agent/execplans/migrar.md")?.id == "execplan")
    #expect(kinds.kind(of: "infra/SPEC_INFRA_dns.md")?.id == "spec-infra")
    #expect(kinds.kind(of: ".github/agents/deploy.md")?.id == "agent")
    #expect(kinds.kind(of: "docs/adr/0001-x.md")?.id == "adr")
    #expect(kinds.kind(of: "docs/adr/README.md") == nil)
    #expect(kinds.kind(of: "docs/qa/red/registros/x.md")?.id == "qa-record")
    #expect(kinds.kind(of: "docs/guia.md") == nil)
  }

  /// A repository's `.docs-lint.yml` adds a kind, renames a section and silences a rule.
  @Test func configurationAdaptsTheKinds() throws {
    let root = packageRoot + "/fixtures/kinds"
    let config = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-\(UUID().uuidString).yml")
    try """
      kinds:
        runbook-pasos:
          name: Runbook
          paths: ["docs/operaciones/*.md"]
          sections:
            - { title: Pasos, required: true, aliases: [Steps] }
        adr:
          sections:
            Consecuencias: { title: Impacto, aliases: [Consequences, Consecuencias] }
      rules:
        docs/diverged-copy: off
      """.write(to: config, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: config) }
    let plain = try LintRun.execute(paths: [root], root: root, configFile: nil).findings
    let adapted = try LintRun.execute(paths: [root], root: root, configFile: config.path).findings
    #expect(plain.contains { $0.ruleId == "docs/diverged-copy" })
    #expect(!adapted.contains { $0.ruleId == "docs/diverged-copy" })
    #expect(adapted.contains { $0.path == "docs/operaciones/runbook.md" && $0.message.contains("'Pasos' (or 'Steps')") })
    #expect(adapted.contains { $0.path == "docs/adr/0002-colas.md" && $0.message.contains("'Impacto'") })
    #expect(!adapted.contains { $0.path == "docs/adr/0001-usar-postgres.md" && $0.ruleId.hasPrefix("structure/") })
  }

  /// Renaming a section's title, the documented way, keeps every rule that reads the
  /// section working: rules find it by its id, not its title.
  @Test func renamedSectionKeepsItsRules() throws {
    var configuration = Configuration.defaults()
    try configuration.apply(
      config: "kinds:\n  execplan:\n    sections:\n      Progress: { title: Avance }\n", file: ".docs-lint.yml")
    let plan = """
      # Plan

      This ExecPlan is a living document.

      ## Avance

      - [ ] (2025-10-01) pendiente
      - paso sin casilla

      ## Surprises & Discoveries

      - [ ] casilla fuera
      """
    let repository = try TestRepository(["docs/EXECPLAN_a.md": plan])
    defer { repository.remove() }
    let findings = repository.lint(configuration: configuration).map { "\($0.ruleId) \($0.span.line) \($0.message)" }
    #expect(findings.contains("execplan/progress-format 8 Avance item is not a checkbox ('- [ ] ...' or '- [x] ...')"))
    #expect(findings.contains("execplan/checkbox-outside-progress 12 checkbox outside Avance"))
    #expect(!findings.contains { $0.hasPrefix("execplan/checkbox-outside-progress 7") }, "\(findings)")
  }

  /// The words rules look for are data: a repository adds its own.
  @Test func vocabularyComesFromThePacks() throws {
    var configuration = Configuration.defaults()
    #expect(configuration.vocabulary.livingDocumentPhrases.contains("documento vivo"))
    #expect(configuration.vocabulary.isFolderPage(named: "ReadMe.md"))
    #expect(configuration.vocabulary.validationChecks.first?.commands.first == "terraform validate")
    try configuration.apply(
      config: "living-document-phrases: [\"plan vivo\"]\nfolder-pages: [NOTES.md]\n", file: ".docs-lint.yml")
    let repository = try TestRepository([
      "docs/EXECPLAN_a.md": "# A\n\nEste es un plan vivo.\n\n## Progress\n\n- [ ] uno\n"
    ])
    defer { repository.remove() }
    #expect(!repository.lint(configuration: configuration).contains { $0.ruleId == "execplan/missing-preamble" })
    #expect(repository.lint().contains { $0.ruleId == "execplan/missing-preamble" })
    #expect(configuration.vocabulary.isFolderPage(named: "notes.md"))
  }

  /// Sections replaced by a list keep the ids of the sections they name by title.
  @Test func sectionsGivenAgainKeepTheirIds() throws {
    var configuration = Configuration.defaults()
    try configuration.apply(
      config: "kinds:\n  execplan:\n    sections:\n      - { title: Progress, required: true }\n      - { title: Decision Log }\n",
      file: ".docs-lint.yml")
    let sections = configuration.kinds.kind(of: "docs/EXECPLAN_a.md")?.variants.first?.sections ?? []
    #expect(sections.map(\.id) == ["progress", "decision-log"])
    #expect(sections.last?.entries?.needs.map(\.name) == ["Rationale", "Date/Author"])
  }

  /// A repository's own kind takes on a role, and the rules of that role apply to it.
  @Test func rolesComeFromTheKind() throws {
    var configuration = Configuration.defaults()
    try configuration.apply(
      config: """
        kinds:
          plan-interno:
            paths: ["planes/*.md"]
            roles: [plan]
            sections:
              - { id: progress, title: Estado, required: true }
        """, file: ".docs-lint.yml")
    let repository = try TestRepository(["planes/uno.md": "# Uno\n\nA living document.\n\n## Estado\n\n- hecho\n"])
    defer { repository.remove() }
    let findings = repository.lint(configuration: configuration)
    #expect(findings.contains { $0.ruleId == "execplan/progress-format" && $0.message.hasPrefix("Estado item") })
  }

  @Test(
    "bad kind configuration is a file:line error",
    arguments: [
      ("kinds:\n  nuevo:\n    name: Sin rutas\n", 2, "needs 'paths'"),
      ("kinds:\n  adr:\n    colour: red\n", 3, "unknown key 'colour' in kind 'adr'"),
      ("kinds:\n  adr:\n    section-level: 9\n", 3, "'section-level' must be 1 to 6"),
      ("front-matter:\n  id: texto\n", 2, "type of 'id' must be one of"),
      ("kinds:\n  adr:\n    roles: [plans]\n", 3, "unknown role 'plans'; did you mean 'plan'?"),
      ("validation-checks: [tflint]\n", 1, "'validation-checks' must map technologies to commands"),
      ("validation-checks:\n  terraform: [\"\"]\n", 2, "'terraform' lists an empty word"),
      ("living-document-phrases: [\" \"]\n", 1, "'living-document-phrases' lists an empty word"),
      ("kinds:\n  adr:\n    sections:\n      - { title: A, entries: { begins: [x] } }\n", 4, "unknown key 'begins' in 'entries'"),
    ])
  func badKinds(_ text: String, _ line: Int, _ fragment: String) {
    var configuration = Configuration.defaults()
    do {
      try configuration.apply(config: text, file: ".docs-lint.yml")
      Issue.record("accepted: \(text)")
    } catch {
      #expect(error.line == line, "\(error)")
      #expect(error.description.contains(fragment), "\(error)")
    }
  }
}

struct NearMatchTests {
  let ids = NearMatch(["SPEC-RED-001", "ADR-0042", "PLAN-001", "GOV-7"])

  @Test(
    "suggestions",
    arguments: [
      ("spec_red_01", "SPEC-RED-001"), ("ADR-42", "ADR-0042"), ("PLAN-0001", "PLAN-001"), ("PLAN-002", "PLAN-001"),
      ("ADR-0043", "ADR-0042"), ("GOVX-7", "GOV-7"),
    ])
  func suggests(_ typo: String, _ expected: String) {
    #expect(ids.suggestion(for: typo) == expected)
  }

  @Test func noSuggestionWhenFarAway() {
    #expect(ids.suggestion(for: "QA-REG-2025") == nil)
  }
}
