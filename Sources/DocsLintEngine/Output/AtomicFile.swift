import DocsLintRules
import Foundation

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Replaces a file's bytes atomically: a temporary file in the same folder (so the
/// rename stays on one file system), given the original's permissions, then renamed
/// over it. Readers see the old file or the new one, never half of either.
enum AtomicFile {
  static func replace(_ path: String, with bytes: [UInt8]) throws(UsageError) {
    var info = stat()
    guard stat(path, &info) == 0 else { throw failure("cannot stat", path) }
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    var template = Array("\(folder)/.\(name).docs-lint-XXXXXX".utf8) + [0]
    let descriptor = template.withUnsafeMutableBytes { mkstemp($0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
    guard descriptor >= 0 else { throw failure("cannot create a temporary file beside", path) }
    let temporary = String(decoding: template.dropLast(), as: UTF8.self)
    var written = 0
    let ok = bytes.withUnsafeBytes { buffer -> Bool in
      while written < buffer.count {
        let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return false
        }
        written += result
      }
      // mkstemp creates 0600: restore the original mode (and owner, when allowed).
      _ = fchown(descriptor, info.st_uid, info.st_gid)
      return fchmod(descriptor, info.st_mode & 0o7777) == 0 && fsync(descriptor) == 0
    }
    let closed = close(descriptor) == 0
    guard ok, closed, rename(temporary, path) == 0 else {
      let error = failure("cannot write", path)
      unlink(temporary)
      throw error
    }
  }

  /// Reported like any other error that stops a run: `docs-lint: error: …`, exit 2.
  private static func failure(_ what: String, _ path: String) -> UsageError {
    UsageError("\(what) \(path): \(String(cString: strerror(errno)))")
  }
}
