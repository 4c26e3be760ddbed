import Foundation
import Testing
import Yams

/// What other repositories copy from this one: the pre-commit hook definitions and the
/// GitHub Actions job in the README must stay valid YAML with the agreed shape.
struct DistributionTests {
  @Test func preCommitHooksDefineTheHook() throws {
    let text = try String(contentsOfFile: packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
    let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
    let ids = hooks.compactMap { $0["id"] as? String }
    #expect(ids == ["docs-lint", "docs-lint-system"])
    for hook in hooks {
      #expect(hook["entry"] as? String == "docs-lint")
      #expect(hook["types"] as? [String] == ["markdown"])
      #expect(hook["require_serial"] as? Bool == true)
    }
  }

  @Test func readmeWorkflowIsValidAndUploadsSARIFWithACategory() throws {
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    let start = try #require(readme.range(of: "```yaml\nname: docs\n"))
    let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
    let workflow = String(readme[readme.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
    let document = try #require(try Yams.load(yaml: workflow) as? [String: Any])
    let jobs = try #require(document["jobs"] as? [String: Any])
    let job = try #require(jobs["docs-lint"] as? [String: Any])
    let steps = try #require(job["steps"] as? [[String: Any]])
    let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true })
    let with = try #require(upload["with"] as? [String: Any])
    #expect(with["category"] as? String == "docs-lint")
    let runs = steps.compactMap { $0["run"] as? String }.joined(separator: "\n")
    #expect(runs.contains("--format sarif --output docs-lint.sarif"))
    #expect(runs.contains("--changed-since"))
  }
}
