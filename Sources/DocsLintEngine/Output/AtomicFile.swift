import DocsLintRules
import Foundation

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Replaces a regular file's bytes atomically, or creates a missing one: a temporary file
/// in the same folder (so the rename stays on one file system), given the original's
/// permissions and owner, then renamed over it. Readers see the old file or the new one,
/// never half of either. Never called on anything but a regular file or a missing path:
/// a rename would replace a device, FIFO or symlink with a file (`OutputFile` decides).
enum AtomicFile {
  static func replace(_ path: String, with bytes: [UInt8]) throws(UsageError) {
    var info = stat()
    let exists = stat(path, &info) == 0
    guard exists || errno == ENOENT else { throw failure("cannot stat", path) }
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    var template = Array("\(folder.isEmpty ? "." : folder)/.\(name).docs-lint-XXXXXX".utf8) + [0]
    let descriptor = template.withUnsafeMutableBytes { mkstemp($0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
    guard descriptor >= 0 else { throw failure("cannot create a temporary file beside", path) }
    let temporary = String(decoding: template.dropLast(), as: UTF8.self)
    let ok = StandardStream.writeAll(bytes, to: descriptor) == nil && {
      // mkstemp creates 0600: restore the original mode (and owner, when allowed), or give
      // a new file what `creat` would.
      // A file whose owner cannot be kept is not replaced: it would change hands.
      if exists, fchown(descriptor, info.st_uid, info.st_gid) != 0, info.st_uid != geteuid() || info.st_gid != getegid() {
        return false
      }
      let mode = exists ? info.st_mode & 0o7777 : 0o666 & ~Self.umask
      return fchmod(descriptor, mode) == 0 && fsync(descriptor) == 0
    }()
    let closed = close(descriptor) == 0
    guard ok, closed, rename(temporary, path) == 0 else {
      let error = failure("cannot write", path)
      unlink(temporary)
      throw error
    }
  }

  /// The process's file-creation mask (read by setting it, then set back).
  private static var umask: mode_t {
    let mask = Glibc.umask(0o022)
    _ = Glibc.umask(mask)
    return mask
  }

  /// Reported like any other error that stops a run: `docs-lint: error: …`, exit 2.
  static func failure(_ what: String, _ path: String) -> UsageError {
    UsageError("\(what) \(path): \(String(cString: strerror(errno)))")
  }
}
