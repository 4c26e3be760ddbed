import Testing

@testable import DocsLintConfig
@testable import DocsLintRules
@testable import DocsLintScan

/// `<Name>Agent`s declared in source code, one light pattern per language (the keywords are
/// `code-declarations` in rules/vocabulary.yml).
struct CodeDeclarationTests {
  static let keywords = Configuration.defaults().vocabulary.codeDeclarations

  @Test(
    "declarations are read per language",
    arguments: [
      ("agents.py", "class SDLCDesignAgent(BaseAgent):\n    pass\n\ndef make_agent():\n    return PlannerAgent()\n", ["SDLCDesignAgent"]),
      ("sdk.d.ts", "export interface CustomAgent {\n  name: string\n}\nconst agent: CustomAgent = x\n", ["CustomAgent"]),
      ("agent.go", "package a\n\ntype ReviewAgent struct{}\n\nfunc NewAgent() {}\n", ["ReviewAgent", "NewAgent"]),
      ("Agent.swift", "public final class DeployAgent: Agent {}\nlet x = DeployAgent()\n", ["DeployAgent"]),
      ("lib.rs", "pub struct TriageAgent;\nimpl Agent for TriageAgent {}\n", ["TriageAgent"]),
      ("A.kt", "data class AuditAgent(val id: String)\nfun run(a: AuditAgent) {}\n", ["AuditAgent"]),
      ("A.cs", "public sealed record BuildAgent(string Id);\n", ["BuildAgent"]),
      ("notes.txt", "class NotCodeAgent\n", []),
    ])
  func declarations(file: String, source: String, expected: [String]) {
    let ext = String(file.split(separator: ".").last!).lowercased()
    let found = CodeDeclarations.agents(in: Array(source.utf8), path: file, keywords: Self.keywords[ext] ?? [])
    #expect(found.map(\.name) == expected)
  }

  @Test func linesAreCounted() {
    let found = CodeDeclarations.agents(
      in: Array("# x\n\nclass AAgent:\n    pass\n\n\nclass BAgent:\n".utf8), path: "a.py", keywords: ["class"])
    #expect(found.map(\.line) == [3, 7])
  }
}
