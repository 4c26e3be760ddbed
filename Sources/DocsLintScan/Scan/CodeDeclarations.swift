/// A `<Name>Agent` declared in source code: `class SDLCDesignAgent(BaseAgent):`,
/// `export interface CustomAgent {`. Read with one light pattern per language: a
/// declaration keyword, blanks, then the name.
package struct CodeDeclaration: Sendable, Hashable {
  package var name: String
  package var path: String
  package var line: Int
  /// The keyword that declares it (`class`, `interface`, `def`, ...).
  package var keyword: String

  package init(name: String, path: String, line: Int, keyword: String) {
    self.name = name
    self.path = path
    self.line = line
    self.keyword = keyword
  }
}

/// Kept in the parse cache per source file, so a warm run reads no source it has seen.
extension CodeDeclaration: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(path)
    writer.write(line)
    writer.write(keyword)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(name: try reader.string(), path: try reader.string(), line: try reader.int(), keyword: try reader.string())
  }
}

package enum CodeDeclarations {
  /// The agent names the file's bytes declare after one of `keywords`.
  package static func agents(in bytes: [UInt8], path: String, keywords: Set<String>) -> [CodeDeclaration] {
    let agent = Array("Agent".utf8)
    guard !keywords.isEmpty, bytes.count >= agent.count else { return [] }
    let isWordByte = { (byte: UInt8) in
      (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == 0x5F
    }
    var found: [CodeDeclaration] = []
    var line = 1
    var lineCounted = 0
    var index = 0
    while index + agent.count <= bytes.count {
      // "Agent" ending a word: the end of a name.
      guard bytes[index] == agent[0], bytes[index..<index + agent.count].elementsEqual(agent),
        index + agent.count == bytes.count || !isWordByte(bytes[index + agent.count])
      else {
        index += 1
        continue
      }
      var start = index
      while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
      defer { index += agent.count }
      // A name of its own ("Agent" alone is a base class), opening with a capital.
      guard start < index, bytes[start] >= 0x41, bytes[start] <= 0x5A else { continue }
      var keywordEnd = start
      while keywordEnd > 0, bytes[keywordEnd - 1] == 0x20 || bytes[keywordEnd - 1] == 0x09 { keywordEnd -= 1 }
      guard keywordEnd < start else { continue }
      var keywordStart = keywordEnd
      while keywordStart > 0, isWordByte(bytes[keywordStart - 1]) { keywordStart -= 1 }
      let keyword = String(decoding: bytes[keywordStart..<keywordEnd], as: UTF8.self)
      guard keywords.contains(keyword) else { continue }
      for byte in bytes[lineCounted..<start] where byte == 0x0A { line += 1 }
      lineCounted = start
      found.append(
        CodeDeclaration(
          name: String(decoding: bytes[start..<index + agent.count], as: UTF8.self), path: path, line: line, keyword: keyword))
    }
    return found
  }
}
