import DocsLintScan
import Foundation

/// Facts about all Markdown files at once, for the cross-document rules:
/// who declares which id and agent, who is referred to, which files are copies.
package struct DocumentIndex: Sendable {
  package struct Declaration: Sendable, Hashable {
    package var path: String
    package var span: SourceSpan
  }

  /// Every front-matter `id`, with where it is declared (all Markdown files, linted or not).
  package var ids: [String: [Declaration]] = [:]
  /// Suggestions for undeclared ids: the index of declared ids is built on the first
  /// question (impact mode often asks none), and each answer is kept (a large tree names
  /// the same missing ids thousands of times).
  let suggestions = SuggestionMemo()
  /// Agent names declared by agent docs.
  package var agentNames: Set<String> = []
  /// The agent docs that declare each name, in path order.
  package var agentDocuments: [String: [String]] = [:]
  /// Linted documents with byte-identical content, by the group's first path; each group sorted.
  package var identicalGroups: [String: [String]] = [:]
  /// Per path: linted documents with the same file name and title but other content.
  package var divergedCopies: [String: [String]] = [:]

  package init() {}

  /// The two halves of an index, each read from every document, so that two cores can
  /// build one each.
  package enum Half: Sendable, CaseIterable {
    /// Ids and agent names.
    case declarations
    /// Identical and diverged copies.
    case copies
  }

  /// One half of the index (`init(declarations:copies:)` puts two together).
  package init(
    _ half: Half, documents: [DocumentNode], others: [(path: String, facts: DocumentFacts)],
    vocabulary: Vocabulary
  ) {
    switch half {
    case .declarations: gatherDeclarations(documents: documents, others: others)
    case .copies: gatherCopies(documents: documents, vocabulary: vocabulary)
    }
  }

  /// The declarations of one half and the copies of the other.
  package init(declarations: DocumentIndex, copies: DocumentIndex) {
    ids = declarations.ids
    agentNames = declarations.agentNames
    agentDocuments = declarations.agentDocuments
    identicalGroups = copies.identicalGroups
    divergedCopies = copies.divergedCopies
  }

  /// Ids and agent names.
  private mutating func gatherDeclarations(documents: [DocumentNode], others: [(path: String, facts: DocumentFacts)]) {
    // Indices, not copies: this part runs on one core over every document.
    func declare(_ path: String, _ facts: DocumentFacts) {
      if let id = facts.id, let span = facts.idSpan { ids[id, default: []].append(Declaration(path: path, span: span)) }
      agentNames.formUnion(facts.declaredAgents)
      for name in Set(facts.declaredAgents) { agentDocuments[name, default: []].append(path) }
    }
    for index in documents.indices { declare(documents[index].path, documents[index].facts) }
    for other in others { declare(other.path, other.facts) }
    for (id, declarations) in ids where declarations.count > 1 {
      ids[id] = declarations.sorted { ByteOrder.less($0.path, $1.path) }
    }
    for (name, paths) in agentDocuments where paths.count > 1 { agentDocuments[name] = paths.sorted(by: ByteOrder.less) }
  }

  /// Byte-identical documents, and same-name same-title documents whose content differs.
  private mutating func gatherCopies(documents: [DocumentNode], vocabulary: Vocabulary) {
    let readable = documents.indices.filter { Self.contentKey(of: documents[$0]) != nil }
    // Groups are runs of equal keys once sorted: no dictionary of arrays to grow and rehash.
    func content(_ index: Int) -> ContentKey {
      ContentKey(hash: documents[index].facts.contentHash, size: documents[index].facts.byteCount)
    }
    for group in Self.runs(of: readable, key: content) where group.count > 1 {
      let paths = group.map { documents[$0].path }.sorted(by: ByteOrder.less)
      identicalGroups[paths[0]] = paths
    }
    let copies = readable.filter { Self.nameAndTitle(of: documents[$0], vocabulary: vocabulary) != nil }
    func nameAndTitle(_ index: Int) -> NameAndTitle {
      NameAndTitle(name: RepoPath.name(of: documents[index].path), title: documents[index].facts.title!)
    }
    for group in Self.runs(of: copies, key: nameAndTitle) where group.count > 1 {
      for index in group {
        let others = group.filter { content($0) != content(index) }
        if !others.isEmpty { divergedCopies[documents[index].path] = others.map { documents[$0].path }.sorted(by: ByteOrder.less) }
      }
    }
  }

  /// The indices grouped by equal keys: sorted by the keys' hash values, then each run of
  /// equal hashes split by the keys themselves (a hash shared by unequal keys is rare).
  private static func runs<Key: Hashable>(of indices: [Int], key: (Int) -> Key) -> [[Int]] {
    let hashed = indices.map { (hash: key($0).hashValue, index: $0) }.sorted { $0.hash < $1.hash }
    var groups: [[Int]] = []
    var start = 0
    while start < hashed.count {
      var end = start + 1
      while end < hashed.count, hashed[end].hash == hashed[start].hash { end += 1 }
      if end - start > 1 {
        var rest = hashed[start..<end].map(\.index)
        while let first = rest.first {
          let same = rest.filter { key($0) == key(first) }
          groups.append(same)
          rest.removeAll { key($0) == key(first) }
        }
      }
      start = end
    }
    return groups
  }
}


extension DocumentIndex {
  /// What makes a document an identical copy of another: its content (nil for an empty or
  /// unreadable file: empty files are all alike, only documents with content are copies).
  package static func contentKey(of document: DocumentNode) -> ContentKey? {
    guard case .markdown = document.content, document.facts.hasContent else { return nil }
    return ContentKey(hash: document.facts.contentHash, size: document.facts.byteCount)
  }

  /// What makes a document a diverged copy of another: its file name and title (nil without
  /// content or title, and for per-folder README and index pages, alike by design).
  package static func nameAndTitle(of document: DocumentNode, vocabulary: Vocabulary) -> NameAndTitle? {
    guard contentKey(of: document) != nil, let title = document.facts.title else { return nil }
    let name = RepoPath.name(of: document.path)
    return vocabulary.isFolderPage(named: name) ? nil : NameAndTitle(name: name, title: title)
  }
}

package struct ContentKey: Hashable, Sendable {
  var hash: UInt64
  var size: Int
}

/// Compared and hashed as bytes: a copy carries the same bytes, and hashing a title as
/// Unicode text normalises it first.
package struct NameAndTitle: Hashable, Sendable {
  var name: Substring
  var title: String

  package func hash(into hasher: inout Hasher) {
    var name = name
    var title = title
    name.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(0xFF as UInt8)  // never in UTF-8: the two parts cannot run together
    title.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  package static func == (lhs: NameAndTitle, rhs: NameAndTitle) -> Bool {
    lhs.name.utf8.elementsEqual(rhs.name.utf8) && lhs.title.utf8.elementsEqual(rhs.title.utf8)
  }
}

extension DocumentIndex {
  /// The declared id closest to an undeclared one, if any.
  package func suggestion(forUnknownID id: String) -> String? {
    suggestions.value(for: id, declared: ids)
  }
}

/// The suggestions of an index, shared by the rule workers behind a lock.
final class SuggestionMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var matcher: NearMatch?
  private var known: [String: String?] = [:]

  func value(for id: String, declared: [String: [DocumentIndex.Declaration]]) -> String? {
    lock.lock()
    if let hit = known[id] {
      lock.unlock()
      return hit
    }
    if matcher == nil { matcher = NearMatch(Array(declared.keys)) }
    let matcher = matcher!
    lock.unlock()
    let value = matcher.suggestion(for: id)
    lock.lock()
    known[id] = .some(value)
    lock.unlock()
    return value
  }
}
