import DocsLintModel
import Yams

/// A YAML value with the line each node starts on, decoupled from Yams so it is Sendable.
package indirect enum YAMLValue: Sendable, Hashable {
  case scalar(String, line: Int)
  case sequence([YAMLValue], line: Int)
  case mapping([YAMLEntry], line: Int)

  package var line: Int {
    switch self {
    case .scalar(_, let line), .sequence(_, let line), .mapping(_, let line): line
    }
  }

  package var string: String? {
    if case .scalar(let text, _) = self { return text }
    return nil
  }

  package subscript(key: String) -> YAMLValue? {
    guard case .mapping(let entries, _) = self else { return nil }
    return entries.first { $0.key == key }?.value
  }
}

package struct YAMLEntry: Sendable, Hashable {
  package var key: String
  package var line: Int
  package var value: YAMLValue
}

/// A problem reading YAML, at a true file position.
package struct YAMLProblem: Sendable, Hashable, Error {
  package var message: String
  package var line: Int
  package var column: Int

  package init(message: String, line: Int, column: Int) {
    self.message = message
    self.line = line
    self.column = column
  }
}

/// YAML front matter between `---` lines at the top of a Markdown file.
package struct FrontMatter: Sendable, Hashable {
  /// Lines of the opening and closing delimiters.
  package var startLine: Int
  package var endLine: Int
  package var value: YAMLValue?
  package var problem: YAMLProblem?
}

package enum YAMLReader {
  /// Parses YAML text whose first line is line `firstLine` of its file.
  package static func parse(_ text: String, firstLine: Int = 1) -> Result<YAMLValue?, YAMLProblem> {
    do {
      // Every scalar stays a string (no implicit typing: ids like `0012` keep their zeros);
      // an explicit encoding spares Yams an environment lookup per document.
      guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(nil) }
      var budget = Expansion(lineOffset: firstLine - 1)
      return .success(try convert(node, budget: &budget, depth: 0))
    } catch let problem as YAMLProblem {
      return .failure(problem)
    } catch let error as YamlError {
      return .failure(problem(from: error, text: text, lineOffset: firstLine - 1))
    } catch {
      return .failure(YAMLProblem(message: "\(error)", line: firstLine, column: 1))
    }
  }

  /// Every document of a multi-document stream (`---` separated), as Kubernetes writes them.
  package static func parseAll(_ text: String) -> Result<[YAMLValue], YAMLProblem> {
    do {
      var documents = try Yams.compose_all(yaml: text, .basic, .default, .utf8)
      var values: [YAMLValue] = []
      while let node = documents.next() {
        var budget = Expansion(lineOffset: 0)
        values.append(try convert(node, budget: &budget, depth: 0))
      }
      if let error = documents.error { throw error }
      return .success(values)
    } catch let problem as YAMLProblem {
      return .failure(problem)
    } catch let error as YamlError {
      return .failure(problem(from: error, text: text, lineOffset: 0))
    } catch {
      return .failure(YAMLProblem(message: "\(error)", line: 1, column: 1))
    }
  }

  /// Plain scalars under the top-level `keys` that YAML's core schema reads as a number,
  /// a boolean or null (`include: 5`, `exclude: true`): every scalar here is kept as text,
  /// so a setting that wants text asks this to tell a typo from a value.
  package static func typedScalars(in text: String, under keys: Set<String>) -> [(key: String, value: String, type: String, line: Int)] {
    guard let root = try? Yams.compose(yaml: text), let mapping = root.mapping else { return [] }
    let names: [String: String] = [
      Tag.Name.int.rawValue: "a number", Tag.Name.float.rawValue: "a number", Tag.Name.bool.rawValue: "a boolean",
      Tag.Name.null.rawValue: "empty",
    ]
    var found: [(key: String, value: String, type: String, line: Int)] = []
    for (key, value) in mapping {
      guard let name = key.string, keys.contains(name) else { continue }
      for node in value.sequence.map(Array.init) ?? [value] {
        guard let scalar = node.scalar, scalar.style == .plain, let type = names[node.tag.rawValue] else { continue }
        found.append((name, scalar.string, type, scalar.mark?.line ?? key.mark?.line ?? 1))
      }
    }
    return found
  }

  /// What converting one document may still expand. Yams shares an anchored node between
  /// its aliases; written out, nested aliases grow exponentially (nine lines of "billion
  /// laughs" reach gigabytes), so nodes reached through an alias are counted and nesting
  /// is bounded. Aliases that stay small are untouched.
  private struct Expansion {
    static let maxAliasNodes = 100_000
    static let maxDepth = 256
    let lineOffset: Int
    var aliasNodes = 0
    /// Where the lists and mappings converted so far start. Yams hands an alias the very
    /// node of its anchor (the node's own anchor is a weak reference, gone after composing),
    /// so meeting a start position again is meeting an alias.
    var seen = Set<Int>()

    init(lineOffset: Int) { self.lineOffset = lineOffset }

    func problem(_ message: String, at mark: Mark?) -> YAMLProblem {
      YAMLProblem(message: message, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }
  }

  /// `at` is the position of the entry holding the node: an alias's node keeps its
  /// anchor's position, so the holder says where the alias is used.
  private static func convert(
    _ node: Node, budget: inout Expansion, depth: Int, inAlias: Bool = false, at holder: Mark? = nil
  ) throws(YAMLProblem) -> YAMLValue {
    guard depth < Expansion.maxDepth else {
      throw budget.problem("nested deeper than \(Expansion.maxDepth) levels", at: node.mark)
    }
    var inAlias = inAlias
    if !inAlias, node.scalar == nil, let mark = node.mark, !budget.seen.insert(mark.line << 32 | mark.column).inserted {
      inAlias = true
    }
    if inAlias {
      budget.aliasNodes += 1
      guard budget.aliasNodes <= Expansion.maxAliasNodes else {
        throw budget.problem(
          "aliases expand to more than \(Expansion.maxAliasNodes) nodes", at: holder ?? node.mark)
      }
    }
    let line = (node.mark?.line ?? 1) + budget.lineOffset
    switch node {
    case .scalar(let scalar):
      return .scalar(scalar.string, line: line)
    case .sequence(let sequence):
      var items: [YAMLValue] = []
      items.reserveCapacity(sequence.count)
      for item in sequence {
        items.append(try convert(item, budget: &budget, depth: depth + 1, inAlias: inAlias, at: holder ?? node.mark))
      }
      return .sequence(items, line: line)
    case .mapping(let mapping):
      var entries: [YAMLEntry] = []
      entries.reserveCapacity(mapping.count)
      for pair in mapping {
        let value = try convert(
          pair.value, budget: &budget, depth: depth + 1, inAlias: inAlias, at: inAlias ? holder : pair.key.mark)
        entries.append(
          YAMLEntry(
            key: pair.key.scalar?.string ?? "\(pair.key)", line: (pair.key.mark?.line ?? 1) + budget.lineOffset,
            value: value))
      }
      return .mapping(entries, line: line)
    case .alias:
      return .scalar("", line: line)
    }
  }

  private static func problem(from error: YamlError, text: String, lineOffset: Int) -> YAMLProblem {
    switch error {
    case .duplicatedKeysInMapping(let keys, let context):
      return duplicate(keys.sorted().first ?? "", first: context.mark, in: text, lineOffset: lineOffset)
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      // libyaml's own bound on nesting, told in the words of ours.
      let detail =
        problem.hasPrefix("Maximum nesting level")
        ? "nested deeper than libyaml's limit"
        : [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
      return YAMLProblem(message: detail, line: mark.line + lineOffset, column: mark.column)
    case .composer(let context, let problem, let mark, _):
      let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
      return YAMLProblem(message: detail, line: mark.line + lineOffset, column: mark.column)
    default:
      return YAMLProblem(message: "\(error)", line: lineOffset + 1, column: 1)
    }
  }

  /// One line for a repeated key, at the repetition (the entry to remove), naming the
  /// first: Yams' own message quotes the whole text.
  private static func duplicate(_ key: String, first: Mark, in text: String, lineOffset: Int) -> YAMLProblem {
    // Lines as libyaml counts them: "\r" and "\r\n" end one too.
    let source = SourceText(bytes: Array(text.utf8))
    let lines = (0..<source.lineCount).map { Substring(source.lineText($0 + 1)) }
    let indent = max(first.column - 1, 0)
    var repeated: Int?
    for index in min(max(first.line, 0), lines.count)..<lines.count {
      let line = lines[index].utf8
      let blanks = line.prefix { $0 == 0x20 }.count
      // A block mapping ends at a line indented less than its keys.
      if blanks < indent, blanks < line.count, line[line.index(line.startIndex, offsetBy: blanks)] != 0x23 { break }
      guard blanks == indent else { continue }
      let rest = Substring(lines[index].dropFirst(indent))
      if [key, "\"\(key)\"", "'\(key)'"].contains(where: { rest.hasPrefix($0 + ":") || rest.hasPrefix($0 + " :") }) {
        repeated = index + 1
        break
      }
    }
    guard let repeated else {
      return YAMLProblem(
        message: "duplicate key '\(key)'", line: first.line + lineOffset, column: first.column)
    }
    return YAMLProblem(
      message: "duplicate key '\(key)' (first at line \(first.line + lineOffset))", line: repeated + lineOffset,
      column: first.column)
  }
}
