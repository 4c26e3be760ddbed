import DocsLintConfig
import Foundation

/// Why a file could not be linted, with the position of the problem.
package struct ReadProblem: Sendable, Hashable, Error {
  package var message: String
  package var line: Int = 1
  package var column: Int = 1

  package init(message: String, line: Int = 1, column: Int = 1) {
    self.message = message
    self.line = line
    self.column = column
  }
}

/// Reads files below the root, refusing anything that would leave it:
/// a symbolic link is resolved and must stay inside the root.
package struct FileReader: Sendable {
  /// Canonical absolute path of the repository root.
  package let root: String
  package let maxBytes: Int
  /// Text that stands for a file's bytes on disk (a document piped on standard input, as
  /// an editor holds it), by root-relative path.
  package var overlay: [String: [UInt8]] = [:]

  package init(root: String, maxBytes: Int, overlay: [String: [UInt8]] = [:]) {
    self.root = root
    self.maxBytes = maxBytes
    self.overlay = overlay
  }

  /// Absolute path of a root-relative path, if it exists on disk without
  /// leaving the root through a symbolic link.
  package func containedPath(_ relative: String) -> String? {
    let absolute = relative.isEmpty ? root : root + "/" + relative
    // Most paths asked about are missing: one stat says so, where realpath reads every
    // component's link (a syscall each).
    var info = stat()
    guard stat(absolute, &info) == 0, let resolved = realpath(absolute, nil) else { return nil }
    defer { free(resolved) }
    let real = String(cString: resolved)
    return real == root || real.hasPrefix(root == "/" ? "/" : root + "/") ? real : nil
  }

  /// Whether anything (file, folder, link) exists at a root-relative path.
  package func exists(_ relative: String) -> Bool {
    var info = stat()
    return lstat(root + "/" + relative, &info) == 0
  }

  /// The text of a UTF-8 file (byte-order mark removed), or why it cannot be linted.
  package func read(_ relative: String) -> Result<SourceText, ReadProblem> {
    readBytes(relative).flatMap(Self.decode)
  }

  /// A file's raw bytes (regular files inside the root, within the size limit), not yet
  /// checked as text: the parse cache keys entries by them.
  package func readBytes(_ relative: String) -> Result<[UInt8], ReadProblem> {
    if !overlay.isEmpty, let bytes = overlay[relative] {
      guard bytes.count <= maxBytes else {
        return .failure(ReadProblem(message: "input is \(bytes.count / 1024) KB, over the \(maxBytes / 1024) KB limit (max-file-size-kb); not linted"))
      }
      return .success(bytes)
    }
    let absolute = root + "/" + relative
    var info = stat()
    guard lstat(absolute, &info) == 0 else {
      return .failure(ReadProblem(message: "cannot read file: \(String(cString: strerror(errno)))"))
    }
    var path = absolute
    if info.st_mode & S_IFMT == S_IFLNK {
      guard let real = containedPath(relative) else {
        let reason = realpath(absolute, nil).map { free($0); return "points outside the repository root" }
        return .failure(ReadProblem(message: "symbolic link \(reason ?? "cannot be resolved (dangling or a loop)"); not followed"))
      }
      path = real
      guard stat(path, &info) == 0 else { return .failure(ReadProblem(message: "cannot read symbolic link target")) }
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      return .failure(ReadProblem(message: "not a regular file"))
    }
    guard Int(info.st_size) <= maxBytes else {
      return .failure(ReadProblem(message: "file is \(Int(info.st_size) / 1024) KB, over the \(maxBytes / 1024) KB limit (max-file-size-kb); not linted"))
    }
    return Self.readAll(path, size: Int(info.st_size))
  }

  /// Checks that bytes are UTF-8 text and strips a byte-order mark.
  package static func decode(_ raw: [UInt8]) -> Result<SourceText, ReadProblem> {
    var bytes = raw
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let probe = min(bytes.count, 8192)
    if let nul = bytes.withUnsafeBufferPointer({ buffer -> Int? in
      guard let base = buffer.baseAddress, probe > 0 else { return nil }
      return memchr(base, 0, probe).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
    }) {
      let position = SourceText(bytes: bytes).position(atByte: nul)
      return .failure(ReadProblem(message: "binary file (NUL byte); not linted", line: position.line, column: position.column))
    }
    if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
      let position = SourceText(bytes: bytes).position(atByte: bad)
      return .failure(
        ReadProblem(
          message: "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); not linted",
          line: position.line, column: position.column))
    }
    return .success(SourceText(bytes: bytes))
  }

  private static func readAll(_ path: String, size: Int) -> Result<[UInt8], ReadProblem> {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      return .failure(ReadProblem(message: "cannot open file: \(String(cString: strerror(errno)))"))
    }
    defer { close(descriptor) }
    // Read straight into a buffer of the file's size; keep reading if it grew meanwhile.
    var bytes = [UInt8](repeating: 0, count: size + 1)  // +1: the read that sees end-of-file
    var filled = 0
    while true {
      if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
      let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
      if count < 0 { return .failure(ReadProblem(message: "read error: \(String(cString: strerror(errno)))")) }
      if count == 0 { break }
      filled += count
    }
    bytes.removeSubrange(filled...)
    return .success(bytes)
  }
}
