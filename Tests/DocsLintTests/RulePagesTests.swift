import Foundation
import Testing

@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules

/// The rule pages and the README's rule table are generated from the descriptors; these
/// fail when they are stale (run `scripts/generate-rule-docs`).
struct RulePagesTests {
  @Test func everyRuleHasItsCurrentPage() throws {
    for rule in RuleRegistry.descriptors {
      let path = packageRoot + "/" + RulePages.path(of: rule.id)
      let page = try? String(contentsOfFile: path, encoding: .utf8)
      #expect(page == RulePages.page(rule), "\(RulePages.path(of: rule.id)) is stale: run scripts/generate-rule-docs")
    }
  }

  @Test func noPageForARuleThatIsGone() throws {
    let folder = packageRoot + "/docs/rules"
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
    let pages = (enumerator.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }
    let expected = Set(RuleRegistry.descriptors.map { "\($0.id).md" })
    #expect(Set(pages) == expected, "run scripts/generate-rule-docs")
  }

  @Test func readmeTableIsCurrent() throws {
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    let expected = RulePages.tableStart + "\n" + RulePages.table(RuleRegistry.descriptors) + RulePages.tableEnd
    #expect(readme.contains(expected), "the README's rule table is stale: run scripts/generate-rule-docs")
  }

  @Test func sarifRulesCarryTheirHelp() throws {
    let sarif = SARIFReporter().render(Report(findings: [], filesLinted: 0))
    let log = try #require(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    let runs = try #require(log["runs"] as? [[String: Any]])
    let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count == RuleRegistry.descriptors.count)
    for rule in rules {
      let id = try #require(rule["id"] as? String)
      #expect(rule["helpUri"] as? String == "https://github.com/docs-lint/docs-lint/blob/main/docs/rules/\(id).md")
      let help = try #require(rule["help"] as? [String: String])
      #expect(help["markdown"]?.hasPrefix("# `\(id)`") == true)
      #expect(help["text"]?.isEmpty == false)
    }
  }
}
