import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

/// Every rule's documented examples are its tests: triggering examples must
/// produce a finding of that rule (at the `↓` marker when there is one),
/// non-triggering examples must produce none.
struct RuleExampleTests {
  static let rules = RuleRegistry.descriptors

  @Test("triggering examples trigger", arguments: rules)
  func triggering(_ rule: RuleDescriptor) throws {
    #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
    for example in rule.triggering {
      let (findings, marker) = try TestRepository.run(example, enabling: rule)
      let own = findings.filter { $0.ruleId == rule.id }
      #expect(!own.isEmpty, "\(rule.id) did not trigger on: \(String(decoding: example.markdown, as: UTF8.self))")
      if let marker {
        #expect(
          own.contains { $0.span.line == marker.line && $0.span.column == marker.column },
          "\(rule.id): expected a finding at \(marker.line):\(marker.column), got \(own.map { "\($0.span.line):\($0.span.column)" })")
      }
    }
  }

  @Test("non-triggering examples stay silent", arguments: rules)
  func nonTriggering(_ rule: RuleDescriptor) throws {
    #expect(!rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
    for example in rule.nonTriggering {
      let (findings, _) = try TestRepository.run(example, enabling: rule)
      let own = findings.filter { $0.ruleId == rule.id }
      #expect(own.isEmpty, "\(rule.id) fired on a non-triggering example: \(own.map(\.message))")
    }
  }

  /// The same triggering Markdown behind front matter and a multibyte prefix
  /// moves the finding by exactly that many lines and columns.
  @Test("findings move with front matter", arguments: rules.filter { !$0.id.hasPrefix("input/") })
  func frontMatterShift(_ rule: RuleDescriptor) throws {
    for example in rule.triggering {
      let (bytes, marker) = example.unmarked
      // Examples about front matter already start with it.
      guard let marker, !bytes.starts(with: Array("---".utf8)), MarkdownFiles.isMarkdown(example.path) else { continue }
      var shifted = example
      let frontMatter = Array("---\nid: X\n---\n".utf8)
      shifted.markdown = frontMatter + example.markdown
      // Copies of the document (duplicate-content) get the same front matter, staying copies.
      for (path, content) in example.files where content == bytes { shifted.files[path] = frontMatter + content }
      let (findings, _) = try TestRepository.run(shifted, enabling: rule)
      #expect(
        findings.contains { finding in
          // A file-level finding (at 1:1) may stay there; anything else moves down three lines.
          let lines = marker == (1, 1) ? [1, 4] : [marker.line + 3]
          return finding.ruleId == rule.id && lines.contains(finding.span.line) && finding.span.column == marker.column
        },
        "\(rule.id) did not move with front matter")
    }
  }

  @Test("every rule id is unique and namespaced")
  func ids() {
    let ids = Self.rules.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.split(separator: "/").count == 2 })
  }
}
