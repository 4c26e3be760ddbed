#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Byte-wise (UTF-8) string order: total, locale-free and fast, so every sorted
/// output is the same on every machine. Public and inlinable for the sorts of every layer
/// (a package type's members are not inlined across modules); not embedding API.
public enum ByteOrder {
  @inlinable public static func less(_ lhs: String, _ rhs: String) -> Bool {
    var left = lhs
    var right = rhs
    return left.withUTF8 { a in
      right.withUTF8 { b in
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order != 0 ? order < 0 : a.count < b.count
      }
    }
  }

  /// The first index of a byte-sorted list whose string is not below `key`: where `key`
  /// is, or would go, and where the strings that start with it begin.
  @inlinable public static func lowerBound(of key: String, in sorted: [String]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if less(sorted[middle], key) { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Whether the strings are in byte order, each once: lists git already sorted need no
  /// second sort.
  @inlinable public static func isStrictlyAscending(_ strings: [String]) -> Bool {
    strings.indices.dropFirst().allSatisfy { less(strings[$0 - 1], strings[$0]) }
  }
}
