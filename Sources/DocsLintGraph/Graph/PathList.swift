import DocsLintScan

/// A list of root-relative paths (the files a document's edges reach). Fresh from a parse
/// it holds strings; read back from the cache it stays in the mapped pack and is decoded
/// only when iterated, so the many documents whose targets nobody asks about cost nothing,
/// and `contains` compares bytes without making strings.
package struct PathList: Sendable, Equatable, Sequence {
  private enum Storage: Sendable {
    case strings([String])
    case packed(PackedStrings)
  }

  private let storage: Storage

  package init(_ paths: [String] = []) { storage = .strings(paths) }

  init(packed: PackedStrings) { storage = .packed(packed) }

  package var count: Int {
    switch storage {
    case .strings(let paths): paths.count
    case .packed(let packed): packed.count
    }
  }

  package var isEmpty: Bool { count == 0 }

  /// The paths as strings (decoded now when packed).
  package var paths: [String] {
    switch storage {
    case .strings(let paths): paths
    case .packed(let packed): packed.strings
    }
  }

  /// Compares bytes, as Linux compares file names, whichever the storage.
  package func contains(_ path: String) -> Bool {
    switch storage {
    case .strings(let paths): paths.contains { $0.utf8.elementsEqual(path.utf8) }
    case .packed(let packed): packed.contains(path)
    }
  }

  /// Whether some path is `path`, a folder holding it, or inside it: what reaches a stack.
  /// Compares bytes, so asking about every document's targets makes no strings.
  package func reaches(_ path: String) -> Bool {
    var wanted = path
    return wanted.withUTF8 { target in
      let stack = UnsafeRawBufferPointer(target)
      return anyEntry { entry in
        guard !entry.isEmpty else { return false }
        if entry.count == stack.count { return entry.elementsEqual(stack) }
        // One is a folder of the other: the shorter, then a slash, opens the longer.
        let (short, long) = entry.count < stack.count ? (entry, stack) : (stack, entry)
        return long[short.count] == UInt8(ascii: "/") && long.prefix(short.count).elementsEqual(short)
      }
    }
  }

  /// Whether some entry, as UTF-8 bytes, satisfies `test`.
  private func anyEntry(_ test: (UnsafeRawBufferPointer) -> Bool) -> Bool {
    switch storage {
    case .strings(let paths):
      return paths.contains { path in
        var path = path
        return path.withUTF8 { test(UnsafeRawBufferPointer($0)) }
      }
    case .packed(let packed):
      return packed.contains(where: test)
    }
  }

  package func makeIterator() -> IndexingIterator<[String]> { paths.makeIterator() }

  package static func == (lhs: PathList, rhs: PathList) -> Bool { lhs.paths == rhs.paths }
}
