import DocsLintRules
import Foundation

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Standard output and error written with `write(2)`, so a failed write is an error the
/// run reports (exit 2, one line) instead of a trap in Foundation's file handle. A reader
/// that went away (`docs-lint | head`) ends output quietly: the rest is dropped and the run
/// keeps its exit status.
package enum StandardStream {
  /// Writes to standard output; throws on any failure but a closed pipe.
  package static func out(_ text: String) throws(UsageError) {
    try out(Array(text.utf8))
  }

  package static func out(_ bytes: [UInt8]) throws(UsageError) {
    guard let error = writeAll(bytes, to: 1), error != EPIPE else { return }
    throw UsageError("cannot write to standard output: \(String(cString: strerror(error)))")
  }

  /// Writes to standard error; a failure there has nowhere to be told, so it is dropped.
  package static func err(_ text: String) {
    _ = writeAll(Array(text.utf8), to: 2)
  }

  /// Writes every byte, retrying interrupted and partial writes; the `errno` of a failure.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    bytes.withUnsafeBytes { buffer -> Int32? in
      var written = 0
      while written < buffer.count {
        let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return errno
        }
        written += result
      }
      return nil
    }
  }
}
