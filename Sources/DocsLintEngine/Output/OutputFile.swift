import DocsLintRules
import Foundation

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Writes a report or a baseline to a path the user named (`--output`, `--write-baseline`),
/// replacing only what should be replaced:
/// - a missing path or a regular file is written atomically;
/// - a symlink is followed: the file it points to is written the same way, the link stays;
///   a link to nothing is an error, not a new file somewhere else;
/// - `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to that open descriptor, as shells do;
/// - character devices (`/dev/null`), FIFOs and sockets are written through, never replaced;
/// - folders and block devices are refused;
/// - missing parent folders are created, as `mkdir -p` would (ruff's `--output-file` does too).
package enum OutputFile {
  package static func write(_ bytes: [UInt8], to path: String) throws(UsageError) {
    if let descriptor = inherited(path) {
      if let error = StandardStream.writeAll(bytes, to: descriptor), error != EPIPE {
        throw UsageError("cannot write \(path): \(String(cString: strerror(error)))")
      }
      return
    }
    var link = stat()
    guard lstat(path, &link) == 0 else {
      guard errno == ENOENT else { throw AtomicFile.failure("cannot stat", path) }
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
        do {
          try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
          throw UsageError("cannot create the folder of \(path): \(error.localizedDescription)")
        }
      }
      return try AtomicFile.replace(path, with: bytes)
    }
    var info = link
    if kind(link) == S_IFLNK, stat(path, &info) != 0 {
      throw UsageError("cannot write \(path): a symbolic link to a missing file")
    }
    switch kind(info) {
    case S_IFREG:
      // Through a link, the file it names is replaced; the link stays a link.
      try AtomicFile.replace(kind(link) == S_IFLNK ? resolved(path) : path, with: bytes)
    case S_IFCHR, S_IFIFO, S_IFSOCK:
      try writeThrough(bytes, to: path)
    case S_IFDIR:
      throw UsageError("cannot write \(path): it is a folder")
    default:
      throw UsageError("cannot write \(path): not a regular file, character device or FIFO")
    }
  }

  private static func kind(_ info: stat) -> mode_t { info.st_mode & S_IFMT }

  /// The descriptor a shell would use for the name, if it names one.
  private static func inherited(_ path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return 1
    case "/dev/stderr": return 2
    default:
      guard path.hasPrefix("/dev/fd/"), let number = Int32(path.dropFirst(8)), number >= 0 else { return nil }
      return fcntl(number, F_GETFD) >= 0 ? number : nil
    }
  }

  private static func resolved(_ path: String) throws(UsageError) -> String {
    guard let real = Workspace.canonical(path) else { throw AtomicFile.failure("cannot resolve", path) }
    return real
  }

  private static func writeThrough(_ bytes: [UInt8], to path: String) throws(UsageError) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw AtomicFile.failure("cannot open", path) }
    defer { close(descriptor) }
    if let error = StandardStream.writeAll(bytes, to: descriptor), error != EPIPE {
      throw UsageError("cannot write \(path): \(String(cString: strerror(error)))")
    }
  }
}
