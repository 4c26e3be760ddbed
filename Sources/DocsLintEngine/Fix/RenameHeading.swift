import DocsLintRules
import Foundation

/// Renaming a heading: its line gets the new title, and every link to its anchor — from
/// any document, `file.md#old` or `#old` — the new slug (GitHub's rules, a duplicate's
/// `-1` included).
package struct HeadingRename: Sendable {
  package var file: String
  package var oldSlug: String
  package var newSlug: String
  /// Edits by root-relative file, the heading's own line among them.
  package var edits: [String: [Fix]]
  package var skipped: [LeftAsWritten]

  /// Plans the rename of the ATX heading on `line` (1-based) of `file` (root-relative),
  /// whose text is `text`, against documents that keep every edge (those that may link to
  /// the file are enough).
  package static func plan(file: String, line: Int, title: String, text: String, documents: [DocumentNode]) throws
    -> HeadingRename
  {
    guard !title.isEmpty, !title.contains("\n"), !title.contains("\r") else {
      throw UsageError("the new title must be one line of text")
    }
    let source = SourceText(bytes: Array(text.utf8))
    guard let heading = MarkdownParser.parse(source).headings.first(where: { $0.span.line == line }) else {
      throw UsageError("\(file):\(line): no heading on that line")
    }
    guard line <= source.lineCount else { throw UsageError("\(file):\(line): no such line") }
    let lineText = String(decoding: source.bytes[source.byteRange(ofLine: line)], as: UTF8.self)
      .trimmingCharacters(in: CharacterSet(charactersIn: "\r\n"))
    guard let written = ATXHeading(lineText) else {
      throw UsageError("\(file):\(line): a setext heading (underlined); rename it by hand")
    }
    let newLine = written.opening + title + written.closing
    var lines = text.components(separatedBy: "\n")
    let hadCarriageReturn = lines[line - 1].hasSuffix("\r")
    lines[line - 1] = newLine + (hadCarriageReturn ? "\r" : "")
    let before = MarkdownParser.parse(source).headings
    let renamed = MarkdownParser.parse(SourceText(bytes: Array(lines.joined(separator: "\n").utf8))).headings
    guard let newSlug = renamed.first(where: { $0.span.line == line })?.slug, renamed.count == before.count else {
      throw UsageError("\(file):\(line): the new title does not make a heading")
    }
    // Every slug that changes: the renamed one, and duplicates whose -1, -2 shift with it.
    var changed: [String: String] = [:]
    for (old, new) in zip(before, renamed) where old.slug != new.slug { changed[old.slug] = new.slug }
    var result = HeadingRename(file: file, oldSlug: heading.slug, newSlug: newSlug, edits: [:], skipped: [])
    let span = SourceSpan(line: line, column: 1, endLine: line, endColumn: lineText.unicodeScalars.count + 1)
    result.edits[file] = [Fix([Replacement(span: span, original: lineText, text: newLine)])]
    guard !changed.isEmpty else { return result }
    for document in documents where document.isMarkdown {
      for reference in document.edges {
        let isOwnAnchor = reference.kind == .anchorLink && document.path == file
        let pointsHere = reference.resolution.targetPath == file && reference.kind != .anchorLink
        guard isOwnAnchor || pointsHere, let hash = reference.text.lastIndex(of: "#") else { continue }
        let fragment = String(reference.text[reference.text.index(after: hash)...])
        guard let target = changed[RepoPath.percentDecoded(fragment)] else { continue }
        guard changed[fragment] != nil, let fix = Fix.replacing(reference, with: reference.text[..<hash] + "#" + target) else {
          result.skipped.append(LeftAsWritten(path: document.path, line: reference.span.line, text: reference.text, reason: "written with escapes; rewrite it by hand"))
          continue
        }
        if document.path == file, reference.span.line == line { continue }
        result.edits[document.path, default: []].append(fix)
      }
    }
    return result
  }
}

/// An ATX heading line split around its title: `## ` before, ` ##` (a closing sequence) after.
package struct ATXHeading {
  package var opening: String
  package var closing: String

  package init?(_ line: String) {
    let indent = line.prefix { $0 == " " }
    guard indent.count <= 3 else { return nil }
    let rest = line.dropFirst(indent.count)
    let hashes = rest.prefix { $0 == "#" }
    guard (1...6).contains(hashes.count) else { return nil }
    let afterHashes = rest.dropFirst(hashes.count)
    guard afterHashes.isEmpty || afterHashes.first == " " || afterHashes.first == "\t" else { return nil }
    let spaces = afterHashes.prefix { $0 == " " || $0 == "\t" }
    opening = String(indent) + String(hashes) + (spaces.isEmpty ? " " : String(spaces))
    // A closing sequence: spaces, then #s, at the end of the line.
    let body = afterHashes.dropFirst(spaces.count)
    let trailing = body.reversed().prefix { $0 == " " || $0 == "#" }
    let closingText = String(trailing.reversed())
    closing = closingText.contains("#") && closingText.first == " " ? closingText : ""
  }
}

extension LintRun {
  /// `docs-lint rename-heading FILE LINE NEW-TITLE`: plans, and unless `dryRun` writes.
  package static func renameHeading(file: String, line: Int, title: String, root: String?, dryRun: Bool) throws
    -> (rename: HeadingRename, patches: [FilePatch])
  {
    let (graph, top) = try graph(paths: [], root: root, configFile: nil)
    guard let path = Workspace.relative(file, in: top), !path.isEmpty else {
      throw UsageError("\(file): no such file in the repository \(top)")
    }
    let reader = FileReader(root: top, maxBytes: Int.max)
    guard case .success(let bytes) = reader.readBytes(path) else { throw UsageError("\(file): cannot be read") }
    let rename = try HeadingRename.plan(
      file: path, line: line, title: title, text: String(decoding: bytes, as: UTF8.self), documents: graph.documents)
    var patches: [FilePatch] = []
    for (edited, fixes) in rename.edits {
      guard case .success(let raw) = reader.readBytes(edited), let patch = FilePatch.make(path: edited, bytes: raw, fixes: fixes)
      else { continue }
      patches.append(patch)
    }
    patches.sort { ByteOrder.less($0.path, $1.path) }
    if !dryRun { for patch in patches { try AtomicFile.replace(top + "/" + patch.path, with: patch.patched) } }
    return (rename, patches)
  }
}
