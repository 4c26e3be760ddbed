import Crypto
import Foundation

/// A file's content identity: its git blob id (SHA-1 of `blob <size>\0` and the bytes).
/// Git already knows it for every clean tracked file (`GitListing`), so a cache hit reads
/// no file at all; for other files docs-lint computes the same id from the bytes.
struct ContentID: Hashable, Sendable {
  let digest: [UInt8]

  init(digest: [UInt8]) { self.digest = digest }

  init(of bytes: [UInt8]) {
    var hasher = Insecure.SHA1()
    hasher.update(data: Data("blob \(bytes.count)\u{0}".utf8))
    bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    digest = Array(hasher.finalize())
  }

  /// From 40 lowercase hex digits; nil for anything else.
  init?(hex: some Collection<UInt8>) {
    guard hex.count == 40 else { return nil }
    var digest: [UInt8] = []
    digest.reserveCapacity(20)
    var high: UInt8?
    for byte in hex {
      let value: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
      default: return nil
      }
      if let first = high {
        digest.append(first << 4 | value)
        high = nil
      } else {
        high = value
      }
    }
    self.digest = digest
  }
}
