import DocsLintScan

/// The heading slugs and HTML anchors of one Markdown file, which a `#fragment` may name.
/// Fresh from a parse it is a set; read back from the cache it stays in the mapped pack
/// (most files' anchors are never asked about). Either way `contains` compares bytes, as
/// a browser matches a fragment: `validación` composed and decomposed are two anchors.
package struct AnchorSet: Sendable, Equatable, Sequence, ExpressibleByArrayLiteral {
  private enum Storage: Sendable {
    case names(Set<String>)
    case packed(PackedStrings)
  }

  private let storage: Storage

  package init(_ names: Set<String> = []) { storage = .names(names) }

  package init(arrayLiteral names: String...) { storage = .names(Set(names)) }

  init(packed: PackedStrings) { storage = .packed(packed) }

  package var count: Int {
    switch storage {
    case .names(let names): names.count
    case .packed(let packed): packed.count
    }
  }

  package var isEmpty: Bool { count == 0 }

  package func contains(_ name: String) -> Bool {
    switch storage {
    case .names(let names): names.firstIndex(of: name).map { names[$0].utf8.elementsEqual(name.utf8) } ?? false
    case .packed(let packed): packed.contains(name)
    }
  }

  /// The anchors as strings (decoded now when packed).
  package var names: Set<String> {
    switch storage {
    case .names(let names): names
    case .packed(let packed): Set(packed.strings)
    }
  }

  /// The anchors in byte order, as the cache stores them.
  package var sorted: [String] {
    switch storage {
    case .names(let names): names.sorted(by: ByteOrder.less)
    case .packed(let packed): packed.strings
    }
  }

  /// Each anchor's UTF-8 bytes, in no particular order: no strings are made for packed ones.
  package func forEachUTF8(_ body: (UnsafeRawBufferPointer) -> Void) {
    switch storage {
    case .names(let names):
      for var name in names { name.withUTF8 { body(UnsafeRawBufferPointer($0)) } }
    case .packed(let packed):
      _ = packed.contains { bytes in
        body(bytes)
        return false
      }
    }
  }

  package func makeIterator() -> IndexingIterator<[String]> { sorted.makeIterator() }

  package static func == (lhs: AnchorSet, rhs: AnchorSet) -> Bool { lhs.names == rhs.names }
}
