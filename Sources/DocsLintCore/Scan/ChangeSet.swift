import Foundation

/// The files a change touched: everything that differs from the merge base with a
/// reference (committed, staged, unstaged, deleted) plus untracked files, from git.
public struct ChangeSet: Sendable {
  /// The merge base's commit id.
  public let base: String
  /// Root-relative paths of changed, added, deleted and untracked files.
  public let paths: Set<String>
  let root: String

  public init(base: String, paths: Set<String>, root: String) {
    self.base = base
    self.paths = paths
    self.root = root
  }

  /// The work tree at the root the paths name and, with a reference, the change since
  /// its merge base with HEAD; git is asked about both side by side.
  public static func open(
    paths: [String], explicitRoot: String?, changedSince reference: String?
  ) throws(UsageError) -> (Workspace, ChangeSet?) {
    let root = try Workspace.locateRoot(paths: paths, explicitRoot: explicitRoot)
    guard let reference else { return (Workspace.open(root: root), nil) }
    let results = Parallel.map([false, true]) { asksChange -> Prelude in
      asksChange ? .committed(Result { () throws(UsageError) in try committed(since: reference, root: root) })
        : .workspace(Workspace.open(root: root))
    }
    guard case .workspace(let workspace) = results[0], case .committed(let committed) = results[1] else {
      preconditionFailure("results come back in order")
    }
    guard let listing = workspace.git else {
      throw UsageError("--changed-since needs a git repository, and '\(root)' is not in one")
    }
    let (base, changed) = try committed.get()
    return (workspace, ChangeSet(base: base, paths: Set(changed + listing.untracked), root: root))
  }

  private enum Prelude: Sendable {
    case workspace(Workspace)
    case committed(Result<(base: String, changed: [String]), UsageError>)
  }

  /// The merge base with `reference`, and the tracked files that differ from it in the
  /// work tree (committed, staged or not, deleted).
  private static func committed(since reference: String, root: String) throws(UsageError) -> (
    base: String, changed: [String]
  ) {
    guard let base = Git.run(["merge-base", reference, "HEAD"], in: root).map(Self.text), !base.isEmpty else {
      // Only on failure: find out why, for the message.
      if Git.run(["rev-parse", "--git-dir"], in: root) == nil {
        throw UsageError("--changed-since needs a git repository, and '\(root)' is not in one")
      }
      if Git.run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], in: root) == nil {
        throw UsageError("--changed-since: the repository has no commits yet")
      }
      if Git.run(["rev-parse", "--verify", "--quiet", reference + "^{commit}"], in: root) == nil {
        throw UsageError("--changed-since: unknown revision '\(reference)'")
      }
      throw UsageError("--changed-since: '\(reference)' and HEAD have no common ancestor")
    }
    // Renames count as a deletion and an addition: links to the old name broke.
    guard let diff = Git.run(["diff", "--name-only", "--no-renames", "--relative", "-z", base, "--"], in: root) else {
      throw UsageError("--changed-since: git diff failed in '\(root)'")
    }
    return (base, diff.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
  }

  /// A file's bytes at the merge base; nil when it did not exist there.
  public func baseContent(of path: String) -> [UInt8]? {
    Git.run(["show", "\(base):./\(path)"], in: root).map { Array($0) }
  }

  /// The changed path that `path` names or, for a folder, the first changed path inside it.
  func changedPath(at path: String) -> String? {
    if paths.contains(path) { return path }
    let prefix = path.hasSuffix("/") ? path : path + "/"
    return paths.filter { $0.hasPrefix(prefix) }.min()
  }

  private static func text(_ data: Data) -> String {
    String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
