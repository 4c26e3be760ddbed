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

/// Every rule's documented examples are its tests: triggering examples must
/// produce a finding of that rule at every `↓` marker, non-triggering examples
/// must produce none, and each triggering example keeps its meaning when it moves
/// (front matter above, a multibyte prefix before), is disabled, or is put in code.
struct RuleExampleTests {
  static let rules = RuleRegistry.descriptors

  @Test("triggering examples trigger", arguments: rules)
  func triggering(_ rule: RuleDescriptor) throws {
    #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
    for example in rule.triggering {
      let (findings, markers) = try TestRepository.run(example, enabling: rule)
      let own = findings.filter { $0.ruleId == rule.id }
      #expect(!own.isEmpty, "\(rule.id) did not trigger on: \(String(decoding: example.markdown, as: UTF8.self))")
      for marker in markers {
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

  /// The same triggering Markdown behind front matter moves the finding by exactly that
  /// many lines.
  @Test("findings move with front matter", arguments: rules.filter { !$0.id.hasPrefix("input/") })
  func frontMatterShift(_ rule: RuleDescriptor) throws {
    for example in rule.triggering {
      let (bytes, markers) = example.unmarked
      // Examples about front matter already start with it.
      guard !markers.isEmpty, !bytes.starts(with: Array("---".utf8)), MarkdownFiles.isMarkdown(example.path) else { continue }
      var shifted = example
      let frontMatter = Array("---\nid: X\n---\n".utf8)
      shifted.markdown = frontMatter + example.markdown
      // Copies of the document (duplicate-content) get the same front matter, staying copies.
      for (path, content) in example.files where content == bytes { shifted.files[path] = frontMatter + content }
      let (findings, _) = try TestRepository.run(shifted, enabling: rule)
      for marker in markers {
        #expect(
          findings.contains { finding in
            // A file-level finding (at 1:1) may stay there; anything else moves down three lines.
            let lines = marker == (1, 1) ? [1, 4] : [marker.line + 3]
            return finding.ruleId == rule.id && lines.contains(finding.span.line) && finding.span.column == marker.column
          },
          "\(rule.id) did not move with front matter")
      }
    }
  }

  /// A multibyte prefix at the start of a marked prose line moves the finding right by its
  /// length in Unicode scalars, not bytes.
  @Test("findings move with a multibyte prefix", arguments: rules)
  func multibytePrefix(_ rule: RuleDescriptor) throws {
    let prefix = "Ñandú 日本 — "
    for example in rule.triggering where MarkdownFiles.isMarkdown(example.path) {
      let (bytes, markers) = example.unmarked
      guard let text = String(validating: bytes, as: UTF8.self) else { continue }
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let prose = Set(markers.map(\.line).filter { Self.isProse(line: $0, of: text) })
      guard !prose.isEmpty else { continue }
      for line in prose { lines[line - 1] = prefix + lines[line - 1] }
      var moved = example
      moved.markdown = Array(lines.joined(separator: "\n").utf8)
      let (findings, _) = try TestRepository.run(moved, enabling: rule)
      for marker in markers where prose.contains(marker.line) {
        let column = marker.column + prefix.unicodeScalars.count
        #expect(
          findings.contains { $0.ruleId == rule.id && $0.span.line == marker.line && $0.span.column == column },
          "\(rule.id): expected a finding at \(marker.line):\(column) behind the prefix, got \(findings.filter { $0.ruleId == rule.id }.map { "\($0.span.line):\($0.span.column)" })")
      }
    }
  }

  /// A disable comment for the rule at the top silences every triggering example of a
  /// Markdown document (one for the whole file below front matter, which it must cover).
  @Test("a disable comment silences the examples", arguments: rules.filter { !["input", "suppression"].contains($0.id.prefix { $0 != "/" }) })
  func disabled(_ rule: RuleDescriptor) throws {
    for example in rule.triggering where MarkdownFiles.isMarkdown(example.path) {
      let (bytes, _) = example.unmarked
      var disabled = example
      let directive = bytes.starts(with: Array("---".utf8)) ? "docs-lint-disable-file" : "docs-lint-disable"
      disabled.markdown = Self.inserting("<!-- \(directive) \(rule.id) -->\n\n", below: bytes)
      let (findings, _) = try TestRepository.run(disabled, enabling: rule)
      #expect(!findings.contains { $0.ruleId == rule.id }, "\(rule.id) fired under a disable comment")
    }
  }

  /// Rules that read prose only stay silent on their triggering examples put in a code fence.
  @Test("code is not prose", arguments: rules.filter(\.ignoresCode))
  func fenced(_ rule: RuleDescriptor) throws {
    for example in rule.triggering where MarkdownFiles.isMarkdown(example.path) {
      let (bytes, _) = example.unmarked
      var fenced = example
      fenced.markdown = Self.inserting("````text\n", below: bytes) + Array("\n````\n".utf8)
      let (findings, _) = try TestRepository.run(fenced, enabling: rule)
      #expect(!findings.contains { $0.ruleId == rule.id }, "\(rule.id) fired inside a code fence")
    }
  }

  /// `--fix` turns each correction's document into its expected text.
  @Test("corrections are what --fix writes", arguments: rules.filter(\.isFixable))
  func corrections(_ rule: RuleDescriptor) throws {
    for correction in rule.corrections {
      let (bytes, _) = correction.before.unmarked
      var files = correction.before.files
      files[correction.before.path] = bytes
      let repository = try TestRepository(files: files)
      defer { repository.remove() }
      _ = try LintRun.fix(paths: [repository.root], root: repository.root, configFile: nil, dryRun: false)
      let fixed = try String(contentsOfFile: repository.root + "/" + correction.before.path, encoding: .utf8)
      #expect(fixed == correction.after, "\(rule.id): --fix wrote \(fixed.debugDescription)")
    }
  }

  @Test("every rule id is unique and namespaced")
  func ids() {
    let ids = Self.rules.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.split(separator: "/").count == 2 })
  }

  /// `text` below its front matter, if it has one.
  static func inserting(_ text: String, below bytes: [UInt8]) -> [UInt8] {
    let source = SourceText(bytes: bytes)
    guard let frontMatter = parse(String(decoding: bytes, as: UTF8.self)).frontMatter else { return Array(text.utf8) + bytes }
    let end = source.byteRange(ofLine: frontMatter.endLine).upperBound
    let after = end < bytes.count && bytes[end] == 0x0A ? end + 1 : end
    return Array(bytes[..<after]) + Array(text.utf8) + Array(bytes[after...])
  }

  /// Whether a line is plain paragraph text: not in code, front matter or an HTML block,
  /// and not the start of a heading, list item, quote, table or definition.
  static func isProse(line: Int, of text: String) -> Bool {
    let document = parse(text)
    if let frontMatter = document.frontMatter, line <= frontMatter.endLine { return false }
    for block in document.codeBlocks {
      let count = block.literal.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
      if (block.firstLine - 1...block.firstLine + count).contains(line) { return false }
    }
    let content = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
    guard let first = content.first, !first.isWhitespace else { return false }
    if "#-*+>|<[`~:".contains(first) || first.isNumber { return false }
    return !document.headings.contains { $0.span.line == line || $0.endLine == line }
  }
}
