import DocsLintConfig
import Foundation

/// The few git queries docs-lint needs, run through the `git` executable.
package enum Git {
  /// Runs git with arguments in a folder; nil when git is missing or fails.
  package static func run(_ arguments: [String], in directory: String) -> Data? {
    bytes(arguments, in: directory).map { Data($0) }
  }

  /// `run`'s output as the bytes it came in.
  static func bytes(_ arguments: [String], in directory: String) -> [UInt8]? {
    Subprocess.run(["git", "-C", directory] + arguments)
  }

  /// Whether `directory` or a parent holds `.git`: spares a git process outside repositories.
  package static func mayBeWorkTree(_ directory: String) -> Bool {
    var folder = directory
    while true {
      if FileManager.default.fileExists(atPath: folder + "/.git") { return true }
      let parent = (folder as NSString).deletingLastPathComponent
      if parent == folder || parent.isEmpty { return false }
      folder = parent
    }
  }

  /// The work tree's top-level folder containing `directory`, if any.
  package static func topLevel(of directory: String) -> String? {
    guard mayBeWorkTree(directory) else { return nil }
    guard let data = run(["rev-parse", "--show-toplevel"], in: directory) else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }

  /// The subset of root-relative paths that git's ignore rules match.
  package static func ignored(_ paths: [String], in directory: String) -> Set<String> {
    guard !paths.isEmpty else { return [] }
    // Folder patterns ("out/") match only queries that end in "/": ask the folder form too,
    // but only for a path that may be a folder (it names no file extension).
    let queries = paths.flatMap { mayBeFolder($0) ? [$0, $0 + "/"] : [$0] }
    let payload = Array(queries.joined(separator: "\u{0}").utf8) + [0]
    // check-ignore exits 1 when nothing matches: that is an answer, not a failure.
    guard let data = Subprocess.run(
      ["git", "-C", directory, "check-ignore", "--no-index", "--stdin", "-z", "--verbose"], input: payload,
      acceptingStatus: [0, 1])
    else { return [] }
    // Verbose records come in fours: source, line, pattern, path. A blank pattern is the
    // last line of a CRLF .gitignore (a lone "\r"), which git matches against every folder
    // query; a "!" pattern re-includes the path.
    let fields = split(Data(data), keepingEmpty: true)
    var ignored = Set<String>()
    var index = 0
    while index + 3 < fields.count {
      let pattern = fields[index + 2].trimmingCharacters(in: .whitespacesAndNewlines)
      let path = fields[index + 3]
      index += 4
      guard !pattern.isEmpty, !pattern.hasPrefix("!") else { continue }
      ignored.insert(path.hasSuffix("/") ? String(path.dropLast()) : path)
    }
    return ignored
  }

  /// `build`, `.venv`, `src/vendor`: no extension after the name's first character.
  private static func mayBeFolder(_ path: String) -> Bool {
    !RepoPath.name(of: path).dropFirst().contains(".")
  }

  /// The records of `-z` output, split on NUL.
  static func split(_ data: Data, keepingEmpty: Bool = false) -> [String] {
    var records = data.split(separator: 0, omittingEmptySubsequences: !keepingEmpty).map { String(decoding: $0, as: UTF8.self) }
    // The output ends in NUL: its last, empty record is not one.
    if keepingEmpty, records.last?.isEmpty == true { records.removeLast() }
    return records
  }
}
