import DocsLintConfig
import Foundation

/// The files a change touched: everything that differs from the merge base with a
/// reference (committed, staged, unstaged, deleted) plus untracked files, from git.
package struct ChangeSet: Sendable {
  /// The merge base's commit id.
  package let base: String
  /// Root-relative paths of changed, added, deleted and untracked files.
  package let paths: Set<String>
  package let root: String

  package init(base: String, paths: Set<String>, root: String) {
    self.base = base
    self.paths = paths
    self.root = root
  }

  /// The work tree at the root the paths name and, with a reference, the change since
  /// its merge base with HEAD. Git is asked about both side by side, and the change also
  /// tells which files' index blob ids hold, so the work tree is compared only once.
  package static func open(
    paths: [String], explicitRoot: String?, changedSince reference: String?
  ) throws(UsageError) -> (Workspace, ChangeSet?) {
    let root = try Workspace.locateRoot(paths: paths, explicitRoot: explicitRoot)
    guard let reference else { return (Workspace.open(root: root), nil) }
    guard Git.mayBeWorkTree(root) else {
      throw notARepository(root)
    }
    let results = Parallel.map([false, true]) { asksChange -> Prelude in
      asksChange
        ? .committed(Result { () throws(UsageError) in try committed(since: reference, root: root) })
        : .staged(Git.run(GitListing.listing, in: root))
    }
    guard case .staged(let staged) = results[0], case .committed(let committed) = results[1] else {
      preconditionFailure("results come back in order")
    }
    guard let staged else { throw notARepository(root) }
    let change = try committed.get()
    // A file the work tree and the index both hold as at the merge base is clean. One only
    // the index changed since then is dirty; it is deleted when it is gone from disk.
    let reader = FileReader(root: root, maxBytes: Int.max)
    var dirty = change.worktree.paths
    var deleted = change.worktree.deleted
    for path in change.staged where !dirty.contains(path) {
      dirty.insert(path)
      if !reader.exists(path) { deleted.insert(path) }
    }
    let listing = GitListing.parse(staged: staged, dirty: dirty, deleted: deleted)
    let workspace = Workspace(root: root, inventory: FileInventory(files: listing.files), git: listing, usesGit: true)
    let changes = ChangeSet(base: change.base, paths: change.worktree.paths.union(listing.untracked), root: root)
    return (workspace, changes)
  }

  private enum Prelude: Sendable {
    case staged(Data?)
    case committed(Result<Committed, UsageError>)
  }

  /// The merge base, the tracked files the work tree changed since then (with deletions),
  /// and the files the index changed since then.
  private struct Committed: Sendable {
    var base: String
    var worktree: (paths: Set<String>, deleted: Set<String>)
    var staged: [String]
  }

  private static func committed(since reference: String, root: String) throws(UsageError) -> Committed {
    guard let base = Git.run(["merge-base", reference, "HEAD"], in: root).map(Self.text), !base.isEmpty else {
      // Only on failure: find out why, for the message.
      if Git.run(["rev-parse", "--git-dir"], in: root) == nil {
        throw notARepository(root)
      }
      if Git.run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], in: root) == nil {
        throw UsageError("--changed-since: the repository has no commits yet")
      }
      if Git.run(["rev-parse", "--verify", "--quiet", reference + "^{commit}"], in: root) == nil {
        throw UsageError("--changed-since: unknown revision '\(reference)'")
      }
      // A shallow clone (CI's default fetch-depth: 1) cuts history before the common ancestor.
      if Git.run(["rev-parse", "--is-shallow-repository"], in: root).map(Self.text) == "true" {
        throw UsageError(
          "--changed-since: '\(reference)' and HEAD have no common ancestor in this shallow clone; fetch more history (git fetch --deepen=200, or --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)")
      }
      throw UsageError("--changed-since: '\(reference)' and HEAD have no common ancestor")
    }
    // Renames count as a deletion and an addition: links to the old name broke.
    let outputs = Parallel.map([
      ["diff", "--name-status", "--no-renames", "--relative", "-z", base, "--"],
      ["diff", "--cached", "--name-only", "--no-renames", "--relative", "-z", base, "--"],
    ]) { Git.run($0, in: root) }
    guard let worktree = outputs[0], let staged = outputs[1] else {
      throw UsageError("--changed-since: git diff failed in '\(root)'")
    }
    return Committed(
      base: base, worktree: GitListing.statuses(worktree),
      staged: Git.split(staged))
  }

  /// A file's bytes at the merge base; nil when it did not exist there.
  package func baseContent(of path: String) -> [UInt8]? {
    Git.bytes(["show", "\(base):./\(path)"], in: root)
  }

  private static func notARepository(_ root: String) -> UsageError {
    UsageError("--changed-since needs a git repository, and '\(root)' is not in one")
  }

  /// The changed path that `path` names or, for a folder, the first changed path inside it.
  package func changedPath(at path: String) -> String? {
    if paths.contains(path) { return path }
    return paths.filter { RepoPath.isInside($0, folder: path) }.min()
  }

  private static func text(_ data: Data) -> String {
    String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
