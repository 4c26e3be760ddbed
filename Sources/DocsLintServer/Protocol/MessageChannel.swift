import Foundation

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// LSP's base protocol over two file descriptors: each message is `Content-Length: N`
/// (other headers ignored), a blank line, then N bytes of JSON. A header block without a
/// usable length, or a body that is not a JSON object, is reported and skipped; the
/// stream goes on with the next message.
package final class MessageChannel {
  package enum Incoming {
    case message([String: Any])
    /// Bytes that were not a message, and why (answered with a parse error).
    case malformed(String)
    /// The other side closed the stream.
    case end
  }

  /// The largest body accepted: a whole repository's worth of one document is far below.
  static let maximumBody = 256 << 20

  private let input: Int32
  private let output: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var ended = false

  package init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
    self.input = input
    self.output = output
  }

  package func read() -> Incoming {
    // Headers: up to the first blank line.
    guard let headerEnd = fill(until: { self.find([13, 10, 13, 10]) }) else { return .end }
    let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
    start = headerEnd + 4
    var length: Int?
    for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
        length = Int(parts[1].trimmingCharacters(in: .whitespaces))
      }
    }
    guard let length, length >= 0 else { return .malformed("a header without a Content-Length") }
    guard length <= Self.maximumBody else {
      _ = skip(length)
      return .malformed("a message of \(length) bytes, over the \(Self.maximumBody >> 20) MiB limit")
    }
    guard fill(until: { self.buffer.count - self.start >= length ? self.start + length : nil }) != nil else {
      return .end
    }
    let body = Data(buffer[start..<start + length])
    start += length
    compact()
    guard let object = try? JSONSerialization.jsonObject(with: body), let message = object as? [String: Any] else {
      return .malformed("a body that is not a JSON object")
    }
    return .message(message)
  }

  package func write(_ message: [String: Any]) {
    guard let body = try? JSONSerialization.data(withJSONObject: message, options: [.withoutEscapingSlashes]) else {
      return
    }
    var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    bytes += body
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { systemWrite(output, $0.baseAddress, $0.count) }
      if written < 0, errno == EINTR { continue }
      // The client went away: nothing more can be said to it.
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Reads until `found` answers, or the input ends.
  private func fill(until found: () -> Int?) -> Int? {
    while true {
      if let position = found() { return position }
      guard !ended else { return nil }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let count = chunk.withUnsafeMutableBytes { systemRead(input, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        ended = true
        continue
      }
      buffer += chunk[..<count]
    }
  }

  /// Drops `count` body bytes without keeping them.
  private func skip(_ count: Int) -> Bool {
    var left = count
    while left > 0 {
      let available = buffer.count - start
      if available > 0 {
        let taken = min(available, left)
        start += taken
        left -= taken
        compact()
        continue
      }
      guard fill(until: { self.buffer.count > self.start ? self.start : nil }) != nil else { return false }
    }
    return true
  }

  private func find(_ pattern: [UInt8]) -> Int? {
    guard buffer.count - start >= pattern.count else { return nil }
    var index = start
    while index + pattern.count <= buffer.count {
      if buffer[index] == pattern[0], buffer[index..<index + pattern.count].elementsEqual(pattern) { return index }
      index += 1
    }
    return nil
  }

  private func compact() {
    if start > 1 << 20 || start == buffer.count {
      buffer.removeFirst(start)
      start = 0
    }
  }
}

// The C calls, named apart from the methods above.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, bytes, count)
}
