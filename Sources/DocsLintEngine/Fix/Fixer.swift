import DocsLintRules
import Foundation

/// What `lint --fix` did or, with `--dry-run`, would do.
package struct FixOutcome: Sendable {
  package var patches: [FilePatch]
  /// Fixes left alone: their text is no longer as seen, they overlap another fix, or
  /// their file is git-ignored, outside the root or not a regular file.
  package var skipped: Int

  package var fixed: Int { patches.reduce(0) { $0 + $1.fixed } }

  /// Every patch as one unified diff.
  package var diff: [UInt8] { UnifiedDiff.render(patches) }

  /// `fixed 3 findings in 2 files`, or `would fix …` for a dry run.
  package func summary(dryRun: Bool) -> String {
    let findings = fixed == 1 ? "1 finding" : "\(fixed) findings"
    let files = patches.count == 1 ? "1 file" : "\(patches.count) files"
    let skip = skipped == 0 ? "" : " (\(skipped) fixable \(skipped == 1 ? "finding" : "findings") left alone)"
    return "\(dryRun ? "would fix" : "fixed") \(findings) in \(files)\(skip)"
  }
}

/// Turns findings' fixes into verified patches and writes them, only to regular files
/// inside the root that git does not ignore.
struct Fixer {
  /// Canonical repository root.
  let root: String
  let usesGit: Bool

  private var reader: FileReader { FileReader(root: root, maxBytes: Int.max) }

  func plan(_ findings: [Finding]) -> FixOutcome { patches(findings).outcome }

  /// The indexes of the findings whose fix `--fix` would write: the `[*]` of the report.
  func applicable(_ findings: [Finding]) -> Set<Int> { patches(findings).applied }

  private func patches(_ findings: [Finding]) -> (outcome: FixOutcome, applied: Set<Int>) {
    var fixes: [String: [(finding: Int, fix: Fix)]] = [:]
    for (index, finding) in findings.enumerated() {
      if let fix = finding.fix { fixes[finding.path, default: []].append((index, fix)) }
    }
    var applied = Set<Int>()
    let paths = fixes.keys.sorted(by: ByteOrder.less)
    // A git-ignored file is generated or private: never rewritten, even when named.
    let ignored = usesGit && !paths.isEmpty ? Git.ignored(paths, in: root) : []
    var outcome = FixOutcome(patches: [], skipped: 0)
    // A file reached through a symbolic link inside the root is fixed once, by its own
    // path (the link sorts after it here): a second patch would find it already changed.
    var planned = Set<String>()
    let byTarget = paths.sorted { (isLink($0) ? 1 : 0, $0) < (isLink($1) ? 1 : 0, $1) }
    for path in byTarget {
      let wanted = fixes[path] ?? []
      if let real = reader.containedPath(path), !planned.insert(real).inserted { continue }
      guard !ignored.contains(path), isRewritable(path), let bytes = readRegularFile(path),
        let patch = FilePatch.make(path: path, bytes: bytes, fixes: wanted.map(\.fix))
      else {
        outcome.skipped += wanted.count
        continue
      }
      for (entry, taken) in zip(wanted, patch.applied) where taken { applied.insert(entry.finding) }
      outcome.skipped += patch.skipped
      outcome.patches.append(patch)
    }
    outcome.patches.sort { ByteOrder.less($0.path, $1.path) }
    return (outcome, applied)
  }

  private func isLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(root + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
  }

  /// Whether the run may replace the file and keep its owner: it can write it, and owns it
  /// (or is root, who can give the new file the old owner). Anything else is left alone.
  private func isRewritable(_ path: String) -> Bool {
    guard let real = reader.containedPath(path) else { return false }
    var info = stat()
    guard stat(real, &info) == 0 else { return false }
    return geteuid() == 0 || (access(real, W_OK) == 0 && info.st_uid == geteuid())
  }

  /// Writes each patch over its file, after checking that the file still holds the
  /// bytes the patch was made from.
  func write(_ patches: [FilePatch]) throws(UsageError) {
    for patch in patches {
      guard let real = reader.containedPath(patch.path), readRegularFile(patch.path) == patch.original else {
        throw UsageError("\(patch.path) changed while fixing; nothing written to it")
      }
      // The resolved path: a symbolic link inside the root keeps pointing at the fixed file.
      try AtomicFile.replace(real, with: patch.patched)
    }
  }

  /// The bytes of a regular file inside the root (symbolic links resolved), or nil.
  private func readRegularFile(_ path: String) -> [UInt8]? {
    guard let real = reader.containedPath(path) else { return nil }
    var info = stat()
    guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      let data = FileManager.default.contents(atPath: real)
    else { return nil }
    return [UInt8](data)
  }
}

extension LintRun {
  /// Which of `findings` (this run's, or a subset) `--fix` would repair, by index.
  package func fixable(_ findings: [Finding]) -> Set<Int> {
    guard findings.contains(where: { $0.fix != nil }) else { return [] }
    return Fixer(root: root, usesGit: usesGit).applicable(findings)
  }

  /// `lint --fix`: lints, applies every verified fix (a dry run only plans them) and,
  /// after writing, lints again so the returned run reports what remains.
  package static func fix(
    paths: [String], root: String?, configFile: String?, dryRun: Bool, cacheFolder: String? = nil
  ) throws -> (outcome: FixOutcome, run: LintRun) {
    let first = try execute(paths: paths, root: root, configFile: configFile, cacheFolder: cacheFolder)
    let fixer = Fixer(root: first.root, usesGit: first.usesGit)
    let outcome = fixer.plan(first.findings)
    guard !dryRun, !outcome.patches.isEmpty else { return (outcome, first) }
    try fixer.write(outcome.patches)
    return (outcome, try execute(paths: paths, root: root, configFile: configFile, cacheFolder: cacheFolder))
  }
}
