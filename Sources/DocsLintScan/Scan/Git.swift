import DocsLintConfig
import Foundation

/// The few git queries docs-lint needs, run through the `git` executable.
package enum Git {
  /// Runs git with arguments in a folder; nil when git is missing or fails.
  static func run(_ arguments: [String], in directory: String) -> Data? {
    bytes(arguments, in: directory).map { Data($0) }
  }

  /// `run`'s output as the bytes it came in.
  static func bytes(_ arguments: [String], in directory: String) -> [UInt8]? {
    Subprocess.run(["git", "-C", directory] + arguments)
  }

  /// Whether `directory` or a parent holds `.git`: spares a git process outside repositories.
  static func mayBeWorkTree(_ directory: String) -> Bool {
    var folder = directory
    while true {
      if FileManager.default.fileExists(atPath: folder + "/.git") { return true }
      let parent = (folder as NSString).deletingLastPathComponent
      if parent == folder || parent.isEmpty { return false }
      folder = parent
    }
  }

  /// The work tree's top-level folder containing `directory`, if any.
  static func topLevel(of directory: String) -> String? {
    guard mayBeWorkTree(directory) else { return nil }
    guard let data = run(["rev-parse", "--show-toplevel"], in: directory) else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }

  /// The subset of root-relative paths that git's ignore rules match.
  package static func ignored(_ paths: [String], in directory: String) -> Set<String> {
    guard !paths.isEmpty else { return [] }
    // Folder patterns ("out/") match only paths that end in "/", so ask for both forms.
    let queries = paths.flatMap { [$0, $0 + "/"] }
    let payload = Array(queries.joined(separator: "\u{0}").utf8) + [0]
    // check-ignore exits 1 when nothing matches: that is an answer, not a failure.
    guard let data = Subprocess.run(
      ["git", "-C", directory, "check-ignore", "--no-index", "--stdin", "-z"], input: payload, acceptingStatus: [0, 1])
    else { return [] }
    return Set(split(Data(data)).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
  }

  /// The records of `-z` output, split on NUL.
  static func split(_ data: Data) -> [String] {
    data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }
}
