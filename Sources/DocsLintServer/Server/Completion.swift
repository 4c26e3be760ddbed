import Foundation

/// Completion where a reference is being written: paths after `](` (relative to the
/// document's folder), in a code span and as a command's operand once a `/` is typed (from
/// the root), heading anchors after `#` (of the document itself, or of `file.md#`).
enum Completion {
  /// What the cursor is completing, from the line's text before it.
  enum Context: Equatable {
    /// A path: the folder written so far (relative to `base`), and the name's prefix.
    case path(folder: String, prefix: String, fromRoot: Bool)
    /// An anchor of the file written before `#` ("" for the document itself).
    case anchor(file: String, prefix: String)
    /// A section title on a new heading line of `level`.
    case section(level: Int, prefix: String)
  }

  /// `commands`: the known command names; a line that starts with one (in an ExecPlan's
  /// indented block, after an optional `$ `) completes its path operands from the root.
  static func context(before cursor: Substring, commands: Set<String> = []) -> Context? {
    let hashes = cursor.prefix { $0 == "#" }
    if (1...6).contains(hashes.count), cursor.dropFirst(hashes.count).first == " " {
      return .section(level: hashes.count, prefix: String(cursor.dropFirst(hashes.count + 1)))
    }
    if let open = cursor.range(of: "](", options: .backwards) {
      let written = cursor[open.upperBound...]
      guard !written.contains(")"), !written.contains(" ") else { return nil }
      return context(of: written, fromRoot: false)
    }
    // An odd number of backticks before the cursor: inside a code span.
    let ticks = cursor.filter { $0 == "`" }.count
    guard ticks % 2 == 1, let tick = cursor.lastIndex(of: "`") else { return commandOperand(before: cursor, commands: commands) }
    let written = cursor[cursor.index(after: tick)...]
    guard written.contains("/"), !written.contains(" ") else { return nil }
    return context(of: written, fromRoot: true)
  }

  /// A path being typed as a command's operand, once a `/` is typed: `python scripts/ru`.
  private static func commandOperand(before cursor: Substring, commands: Set<String>) -> Context? {
    var line = cursor.drop { $0 == " " || $0 == "\t" }
    if line.hasPrefix("$ ") { line = line.dropFirst(2) }
    let words = line.split(separator: " ", omittingEmptySubsequences: false)
    guard words.count >= 2, let command = words.first, commands.contains(String(command)), let last = words.last,
      last.contains("/"), !last.hasPrefix("-")
    else { return nil }
    return context(of: last, fromRoot: true)
  }

  private static func context(of written: Substring, fromRoot: Bool) -> Context {
    if let hash = written.firstIndex(of: "#") {
      return .anchor(file: String(written[..<hash]), prefix: String(written[written.index(after: hash)...]))
    }
    let slash = written.lastIndex(of: "/")
    let folder = slash.map { String(written[...$0]) } ?? ""
    let prefix = slash.map { String(written[written.index(after: $0)...]) } ?? String(written)
    return .path(folder: folder, prefix: prefix, fromRoot: fromRoot)
  }

  /// Items for `context` in the document at `path` (root-relative) of `analysis`.
  static func items(_ context: Context, in analysis: Analysis) -> [[String: Any]] {
    switch context {
    case .section(let level, let prefix):
      guard level == analysis.sectionLevel else { return [] }
      let present = Set((analysis.node?.outline?.headings ?? []).map { $0.text.lowercased() })
      return analysis.sectionTitles.filter {
        $0.lowercased().hasPrefix(prefix.lowercased()) && !present.contains($0.lowercased())
      }.map { ["label": $0, "kind": 14, "detail": "a section of \(analysis.node?.kind ?? "this kind")"] }
    case .anchor(let file, let prefix):
      let target =
        file.isEmpty
        ? analysis.path
        : RepoPath.resolve(RepoPath.percentDecoded(file), in: RepoPath.directory(of: analysis.path)) ?? ""
      let anchors = file.isEmpty ? analysis.node?.anchors : analysis.anchors[target]
      return (anchors?.sorted ?? []).filter { !$0.isEmpty && $0.hasPrefix(prefix) }.map {
        ["label": $0, "kind": 18, "detail": "heading in \(target)"]
      }
    case .path(let folder, let prefix, let fromRoot):
      let base = fromRoot ? "" : RepoPath.directory(of: analysis.path)
      guard let resolved = folder.isEmpty ? base : RepoPath.resolve(RepoPath.percentDecoded(folder), in: base) else {
        return []
      }
      let inside = resolved.isEmpty ? "" : resolved + "/"
      var names: [String: Bool] = [:]  // name → is a folder
      for path in analysis.files where path.hasPrefix(inside) {
        let rest = path.dropFirst(inside.count)
        if let slash = rest.firstIndex(of: "/") {
          names[String(rest[..<slash])] = true
        } else if names[String(rest)] == nil {
          names[String(rest)] = false
        }
      }
      // Hidden names only when a "." is typed.
      return names.keys.sorted().filter { $0.hasPrefix(prefix) && (!$0.hasPrefix(".") || prefix.hasPrefix(".")) }
        .map { name in
          let folder = names[name] == true
          return ["label": folder ? name + "/" : name, "kind": folder ? 19 : 17, "filterText": name]
        }
    }
  }

  /// The front-matter key the cursor is under, when the text before it is inside an opening
  /// `---` block: the last line that starts a key (`related: [`, or `related:` before `- ` items).
  static func frontMatterKey(in before: Substring) -> String? {
    let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count >= 2, lines[0].trimmingCharacters(in: .whitespaces) == "---",
      !lines.dropFirst().dropLast().contains(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
    else { return nil }
    for line in lines.dropFirst().reversed() {
      guard let first = line.first, first != " ", first != "-", first != "\t", let colon = line.firstIndex(of: ":") else { continue }
      return String(line[..<colon]).trimmingCharacters(in: .whitespaces)
    }
    return nil
  }
}
