import Crypto
import DocsLintConfig
import Foundation

/// A file's content identity: its git blob id (SHA-1 of `blob <size>\0` and the bytes).
/// Git already knows it for every clean tracked file (`GitListing`), so a cache hit reads
/// no file at all; for other files docs-lint computes the same id from the bytes. Held
/// inline, not in an array: a listing makes ten thousand of them.
package struct ContentID: Hashable, Sendable {
  private var head: UInt64
  private var middle: UInt64
  private var tail: UInt32

  init(digest: some Collection<UInt8>) {
    precondition(digest.count == 20, "a blob id has 20 bytes")
    var bytes = digest.makeIterator()
    func next(_ count: Int) -> UInt64 { (0..<count).reduce(0) { value, _ in value << 8 | UInt64(bytes.next()!) } }
    head = next(8)
    middle = next(8)
    tail = UInt32(next(4))
  }

  package init(of bytes: [UInt8]) {
    var hasher = Insecure.SHA1()
    hasher.update(data: Data("blob \(bytes.count)\u{0}".utf8))
    bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    self.init(digest: Array(hasher.finalize()))
  }

  /// From 40 lowercase hex digits; nil for anything else.
  init?(hex: some Collection<UInt8>) {
    guard hex.count == 40 else { return nil }
    var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    for (position, byte) in hex.enumerated() {
      let value: UInt64
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(byte - UInt8(ascii: "a") + 10)
      default: return nil
      }
      // Sixteen digits to a word, the last eight to the tail.
      switch position {
      case ..<16: words.0 = words.0 << 4 | value
      case ..<32: words.1 = words.1 << 4 | value
      default: words.2 = words.2 << 4 | value
      }
    }
    head = words.0
    middle = words.1
    tail = UInt32(words.2)
  }

  /// The 20 bytes, as a pack stores them.
  package var digest: [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: head >> (56 - 8 * $0)) }
      + (0..<8).map { UInt8(truncatingIfNeeded: middle >> (56 - 8 * $0)) }
      + (0..<4).map { UInt8(truncatingIfNeeded: tail >> (24 - 8 * $0)) }
  }

  /// Whether `bytes` (20 of them) are this id.
  package func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.count == 20 && ContentID(digest: bytes) == self
  }
}
