import DocsLintRules
import Foundation

/// `docs-lint mv OLD NEW`: moves a file or folder and rewrites every reference to it (links,
/// images, reference definitions, HTML links, backtick and command paths), and the relative
/// references of the documents that move with it, each in its written style: relative to
/// the document or to the root, `./`, a trailing `/`, a `?query` and `#fragment` kept.
package struct MoveOutcome: Sendable {
  package var patches: [FilePatch]
  /// References that point at what moves but could not be rewritten safely, and why.
  package var skipped: [LeftAsWritten]
  package var old: String
  package var new: String

  package var summary: String {
    let rewritten = patches.reduce(0) { $0 + $1.fixed }
    var text = "\(old) → \(new): \(rewritten) reference\(rewritten == 1 ? "" : "s") in \(patches.count) file\(patches.count == 1 ? "" : "s")"
    if !skipped.isEmpty { text += "; \(skipped.count) left as written (listed above)" }
    return text
  }
}

/// A reference a move or a rename points at but does not rewrite, and why.
package struct LeftAsWritten: Sendable {
  package var path: String
  package var line: Int
  package var text: String
  package var reason: String

  /// `path:line: left as written: 'text': reason`
  package var description: String { "\(path):\(line): left as written: '\(text)': \(reason)" }
}

extension LintRun {
  /// Plans the move (every reference rewritten in memory) and, unless `dryRun`, writes the
  /// patches atomically and moves the file or folder (`git mv` for tracked files).
  package static func move(_ old: String, to new: String, root: String?, dryRun: Bool) throws -> MoveOutcome {
    let (graph, top) = try graph(paths: [], root: root, configFile: nil)
    let plan = try planMove(old, to: new, documents: graph.documents, inventory: graph.inventory, root: top)
    var outcome = MoveOutcome(patches: [], skipped: plan.skipped, old: plan.from, new: plan.to)
    let reader = FileReader(root: top, maxBytes: Int.max)
    for (path, fixes) in plan.edits {
      guard case .success(let bytes) = reader.readBytes(path), let patch = FilePatch.make(path: path, bytes: bytes, fixes: fixes)
      else { continue }
      outcome.patches.append(patch)
    }
    outcome.patches.sort { ByteOrder.less($0.path, $1.path) }
    guard !dryRun else { return outcome }
    for patch in outcome.patches { try AtomicFile.replace(top + "/" + patch.path, with: patch.patched) }
    let (from, to) = (plan.from, plan.to)
    try FileManager.default.createDirectory(
      atPath: (top + "/" + to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let tracked = Git.mayBeWorkTree(top) && Git.run(["ls-files", "--error-unmatch", "--", from], in: top) != nil
    if tracked, Git.run(["mv", "--", from, to], in: top) != nil { return outcome }
    do {
      try FileManager.default.moveItem(atPath: top + "/" + from, toPath: top + "/" + to)
    } catch {
      throw UsageError("cannot move \(from) to \(to): \(error.localizedDescription)")
    }
    return outcome
  }

  /// The edits a move needs, by root-relative file, without touching anything; `old` and
  /// `new` as given (from the current folder, or absolute).
  /// `documents` keep every edge (those that may refer to the path or lie inside it are enough).
  package static func planMove(
    _ old: String, to new: String, documents: [DocumentNode], inventory: FileInventory, root top: String
  ) throws
    -> (from: String, to: String, edits: [String: [Fix]], skipped: [LeftAsWritten])
  {
    guard let from = Workspace.relative(old, in: top), !from.isEmpty else {
      throw UsageError("\(old): no such file or folder in the repository \(top)")
    }
    guard let to = Self.repositoryPath(of: new, in: top), !to.isEmpty else {
      throw UsageError("\(new): outside the repository root \(top)")
    }
    guard !FileManager.default.fileExists(atPath: top + "/" + to) else { throw UsageError("\(new) exists already") }
    let isFolder = inventory.isDirectory(from)
    guard isFolder || inventory.isFile(from) else { throw UsageError("\(old): not a file or folder docs-lint knows") }
    guard !RepoPath.isInside(to, folder: from) else { throw UsageError("\(new) is inside \(old)") }
    let moved = { (path: String) -> String? in
      if path == from { return to }
      guard isFolder, RepoPath.isInside(path, folder: from) else { return nil }
      return to + String(path.utf8.dropFirst(from.utf8.count))!
    }

    var edits: [String: [Fix]] = [:]
    var skipped: [LeftAsWritten] = []
    for document in documents where document.isMarkdown {
      let newPath = moved(document.path) ?? document.path
      var fixes: [Fix] = []
      for reference in document.edges where reference.kind != .iacPath && reference.kind != .anchorLink {
        // A missing path inside a moved folder moves with it: it stays as broken as it was,
        // and stays reported.
        var missing: String?
        if case .missing(let path) = reference.resolution, moved(path) != nil { missing = path }
        guard let target = reference.resolution.targetPath ?? missing else { continue }
        let newTarget = moved(target) ?? target
        guard newTarget != target || newPath != document.path else { continue }
        let result = MoveRewrite.rewrite(reference, in: document.path, target: target, newTarget: newTarget, newDocument: newPath)
        // A reference found through another base (a root file found anywhere, a sub-project)
        // whose target stays does not depend on where its document is: nothing to say.
        if case .skipped = result, newTarget == target { continue }
        switch result {
        case .unchanged: continue
        case .text(let text):
          guard let fix = Fix.replacing(reference, with: text) else {
            skipped.append(LeftAsWritten(path: document.path, line: reference.span.line, text: reference.text, reason: "its span does not hold the text as written"))
            continue
          }
          fixes.append(fix)
        case .skipped(let reason):
          skipped.append(LeftAsWritten(path: document.path, line: reference.span.line, text: reference.text, reason: reason))
        }
      }
      // Front-matter values written as paths (`related: [docs/adr/0001.md]`).
      for reference in document.facts.idReferences {
        let existing = reference.pathReadings(from: document.path).filter(inventory.exists)
        guard let target = existing.first else { continue }
        let newTarget = moved(target) ?? target
        let touched = existing.contains { moved($0) != nil }
        guard touched || newPath != document.path else { continue }
        let leave = { (reason: String) in
          skipped.append(LeftAsWritten(path: document.path, line: reference.span.line, text: reference.id, reason: reason))
        }
        // From the root and from the document's folder, two files: which one it means is not written.
        guard existing.count == 1 else {
          if touched { leave("it names two files (from the root and from its folder): check it by hand") }
          continue
        }
        switch MoveRewrite.rewrite(
          written: reference.id, isLink: false, in: document.path, target: target, newTarget: newTarget, newDocument: newPath)
        {
        case .unchanged: continue
        case .text(let text):
          guard IdReference.isPlainScalar(text) else {
            leave("the new path would need quoting in YAML")
            continue
          }
          fixes.append(Fix([Replacement(span: reference.span, original: reference.id, text: text)]))
        case .skipped(let reason):
          if touched { leave(reason) }
        }
      }
      if !fixes.isEmpty { edits[document.path] = fixes }
    }
    return (from, to, edits, skipped)
  }
}

extension LintRun {
  /// A path that may not exist yet, root-relative: its deepest existing folder resolved
  /// (symbolic links and all), the rest as written.
  static func repositoryPath(of path: String, in root: String) -> String? {
    let absolute = ((path as NSString).isAbsolutePath ? path : FileManager.default.currentDirectoryPath + "/" + path)
    var existing = (absolute as NSString).standardizingPath
    var rest: [String] = []
    while !FileManager.default.fileExists(atPath: existing) {
      rest.insert((existing as NSString).lastPathComponent, at: 0)
      existing = (existing as NSString).deletingLastPathComponent
    }
    guard !rest.contains(".."), let base = Workspace.relative(existing, in: root) else { return nil }
    return rest.reduce(base) { RepoPath.join($0, $1) }
  }
}

/// The new written form of one reference when its target or its document moves.
enum MoveRewrite {
  enum Result: Equatable {
    case unchanged
    case text(String)
    case skipped(String)
  }

  static func rewrite(_ reference: Reference, in document: String, target: String, newTarget: String, newDocument: String)
    -> Result
  {
    rewrite(
      written: reference.text, isLink: reference.kind.isLink, in: document, target: target, newTarget: newTarget,
      newDocument: newDocument)
  }

  /// The same for a path as written (`isLink`: a fragment or query may follow it).
  static func rewrite(written: String, isLink: Bool, in document: String, target: String, newTarget: String, newDocument: String)
    -> Result
  {
    // The path part: a link ends it at `?` or `#`; the rest is kept as written.
    let end = isLink ? written.firstIndex { $0 == "#" || $0 == "?" } ?? written.endIndex : written.endIndex
    let pathPart = String(written[..<end])
    let suffix = String(written[end...])
    guard !pathPart.isEmpty else { return .unchanged }
    guard !pathPart.contains("%") else { return .skipped("percent-encoded; rewrite it by hand") }
    let trailingSlash = pathPart.hasSuffix("/") && pathPart.count > 1
    let bare = trailingSlash ? String(pathPart.dropLast()) : pathPart
    // How it was written: from the document's folder, or from the root.
    let folder = RepoPath.directory(of: document)
    let newFolder = RepoPath.directory(of: newDocument)
    var text: String
    if bare.hasPrefix("/") {
      guard RepoPath.resolve(bare, in: "") == target else { return .skipped("cannot tell how it was written") }
      text = "/" + newTarget
    } else if RepoPath.resolve(bare, in: folder) == target {
      text = RepoPath.relative(newTarget, from: newFolder)
      if newTarget == newFolder { text = "." }
      if bare.hasPrefix("./"), !text.hasPrefix("../") { text = "./" + text }
    } else if RepoPath.resolve(bare, in: "") == target {
      text = newTarget
    } else {
      return .skipped("it is found through another base (a sub-project or working folder): check it by hand")
    }
    if trailingSlash { text += "/" }
    let result = text + suffix
    return result == written ? .unchanged : .text(result)
  }
}
