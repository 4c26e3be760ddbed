import DocsLintScan
import Foundation

/// What the cross-document rules need from one file, gathered while it is in memory.
package struct DocumentFacts: Sendable, Hashable {
  /// The front-matter `id` and where it is declared.
  package var id: String?
  package var idSpan: SourceSpan?
  /// The level-1 title text.
  package var title: String?
  /// Hash and size of the file's bytes, to find identical copies.
  package var contentHash: UInt64 = 0
  package var byteCount = 0
  /// False for empty or whitespace-only files.
  package var hasContent = false
  /// `<Name>Agent` words in prose and code spans (not code blocks).
  package var agentMentions: [AgentMention] = []
  /// Terraform addresses named in code (`var.region`, `terraform state show aws_s3_bucket.logs`).
  package var iacMentions: [IaCMention] = []
  /// Names this document declares if it is an agent doc (title, `name:`, file name).
  package var declaredAgents: [String] = []
  /// Ids named in front-matter reference keys (`relacionados: [A, B]`), with where.
  package var idReferences: [IdReference] = []

  package init() {}
}

package struct IdReference: Sendable, Hashable {
  package var key: String
  package var id: String
  package var span: SourceSpan

  /// A value written as a path (`docs/adr/ADR-001.md`, `../plan.md`) relates documents by
  /// path, not id: its readings from the root and from the document's folder, normalised.
  /// None for an id (no `/`, no Markdown extension) or a path that climbs out of the root.
  package func pathReadings(from document: String) -> [String] {
    guard isWrittenAsPath else { return [] }
    let rooted = id.hasPrefix("/")
    var readings: [String] = []
    if let fromRoot = RepoPath.resolve(rooted ? String(id.dropFirst()) : id, in: "") { readings.append(fromRoot) }
    if !rooted, let fromFolder = RepoPath.resolve(id, in: RepoPath.directory(of: document)),
      !readings.contains(fromFolder)
    {
      readings.append(fromFolder)
    }
    return readings
  }

  /// Whether the value is written as a path and one of its readings exists. The usual
  /// case, a plain root-relative path that exists, makes no string.
  package func namesExistingPath(from document: String, in inventory: FileInventory) -> Bool {
    if isWrittenAsPath, RepoPath.isNormal(id), inventory.exists(id) { return true }
    return pathReadings(from: document).contains(where: inventory.exists)
  }

  /// Whether text can stand as a plain (unquoted) YAML value in a list or after a key and
  /// be read back as the same string: no flow indicators, no `: ` or ` #`, no leading
  /// indicator, and not a word YAML reads as null or a boolean.
  package static func isPlainScalar(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace, last != ":" else {
      return false
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
    if text.contains(where: { ",[]{}\n\r".contains($0) }) || text.contains(": ") || text.contains(" #") { return false }
    return !["null", "~", "true", "false", "yes", "no", "on", "off"].contains(text.lowercased())
  }

  private var isWrittenAsPath: Bool { id.utf8.contains(UInt8(ascii: "/")) || MarkdownFiles.isMarkdown(id) }
}

package struct AgentMention: Sendable, Hashable {
  package var name: String
  package var span: SourceSpan
}

package enum FactsCollector {
  package static func collect(
    path: String, markdown: MarkdownDocument, source: SourceText, isAgentDoc: Bool, referenceKeys: Set<String>,
    idKeys: [String] = ["id"]
  ) -> DocumentFacts {
    var facts = DocumentFacts()
    // The first id key present declares the id (`id:`, or `task_id:` where a team uses that).
    if case .mapping(let entries, _)? = markdown.frontMatter?.value {
      for key in idKeys {
        guard let entry = entries.first(where: { $0.key == key }), case .scalar(let id, let line) = entry.value, !id.isEmpty
        else { continue }
        facts.id = id
        facts.idSpan = SourceSpan(line: line, column: source.column(ofValue: id, onLine: line))
        break
      }
    }
    facts.title = Outline.title(of: markdown)?.text
    facts.contentHash = ContentHash.of(source.bytes)
    facts.byteCount = source.bytes.count
    facts.hasContent = source.bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
    facts.agentMentions = mentions(in: source, skipping: codeLines(markdown))
    if isAgentDoc { facts.declaredAgents = declaredAgents(path: path, markdown: markdown) }
    if case .mapping(let entries, _)? = markdown.frontMatter?.value {
      // The same value twice on a line: each its own place.
      var seen: [String: Int] = [:]
      for entry in entries where referenceKeys.contains(entry.key) {
        let values: [YAMLValue] = if case .sequence(let items, _) = entry.value { items } else { [entry.value] }
        for case .scalar(let id, let line) in values where !id.isEmpty {
          let occurrence = seen["\(line) \(id)", default: 0]
          seen["\(line) \(id)"] = occurrence + 1
          let column = source.column(ofValue: id, onLine: line, occurrence: occurrence)
          facts.idReferences.append(
            IdReference(
              key: entry.key, id: id,
              span: SourceSpan(line: line, column: column, endColumn: column + id.unicodeScalars.count)))
        }
      }
    }
    return facts
  }

  package static func codeLines(_ markdown: MarkdownDocument) -> [ClosedRange<Int>] {
    markdown.codeBlocks.map { block in
      let count = block.literal.withBytes { bytes in bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
      return (block.firstLine - 1)...(block.firstLine + count)
    }
  }

  /// Words like `DependencyAgent`: an uppercase start, letters or digits, ending in "Agent".
  static func mentions(in source: SourceText, skipping code: [ClosedRange<Int>]) -> [AgentMention] {
    let needle = Array("Agent".utf8)
    var found: [AgentMention] = []
    var from = 0
    while let hit = source.find(needle, from: from, to: source.bytes.count) {
      from = hit + needle.count
      let end = hit + needle.count
      if end < source.bytes.count, source.bytes[end].isASCIIAlphanumeric { continue }
      var start = hit
      while start > 0, source.bytes[start - 1].isASCIIAlphanumeric { start -= 1 }
      guard start < hit, source.bytes[start] >= 0x41, source.bytes[start] <= 0x5A else { continue }
      let position = source.position(atByte: start)
      if code.contains(where: { $0.contains(position.line) }) { continue }
      let name = String(decoding: source.bytes[start..<end], as: UTF8.self)
      found.append(
        AgentMention(
          name: name,
          span: SourceSpan(line: position.line, column: position.column, endColumn: position.column + name.utf8.count)))
    }
    return found
  }


  /// "DependencyAgent" from the title, from `name:` (as given, and as `<Name>Agent`), and from `dependency_agent.md`.
  static func declaredAgents(path: String, markdown: MarkdownDocument) -> [String] {
    var names: [String] = []
    if let title = titleAgent(of: markdown) { names.append(title.name) }
    if let name = markdown.frontMatter?.value?["name"]?.string, !name.isEmpty {
      names.append(name)
      names.append(camelAgent(name))
    }
    let file = String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
    if file.hasSuffix("_agent") || file.hasSuffix("-agent") { names.append(camelAgent(String(file.dropLast(6)))) }
    names.append(camelAgent(file))
    return names
  }

  /// A `# <Name>Agent` title (one word ending in "Agent"), with its heading.
  package static func titleAgent(of markdown: MarkdownDocument) -> (name: String, heading: Heading)? {
    guard let heading = Outline.title(of: markdown) else { return nil }
    let title = heading.text.trimmingBlanks()
    guard title.hasSuffix("Agent"), !title.contains(" ") else { return nil }
    return (String(title), heading)
  }

  /// "dependency_audit" → "DependencyAuditAgent"; an existing "Agent" suffix is kept once.
  static func camelAgent(_ name: String) -> String {
    let words = name.split { $0 == "_" || $0 == "-" || $0 == " " }
    let camel = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    return camel.hasSuffix("Agent") ? camel : camel + "Agent"
  }
}
