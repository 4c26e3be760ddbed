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
      return .success(convert(node, lineOffset: firstLine - 1))
    } catch let error as YamlError {
      return .failure(problem(from: error, lineOffset: firstLine - 1))
    } catch {
      return .failure(YAMLProblem(message: "\(error)", line: firstLine, column: 1))
    }
  }

  /// Every document of a multi-document stream (`---` separated), as Kubernetes writes them.
  package static func parseAll(_ text: String) -> Result<[YAMLValue], YAMLProblem> {
    do {
      var documents = try Yams.compose_all(yaml: text, .basic, .default, .utf8)
      var values: [YAMLValue] = []
      while let node = documents.next() { values.append(convert(node, lineOffset: 0)) }
      if let error = documents.error { throw error }
      return .success(values)
    } catch let error as YamlError {
      return .failure(problem(from: error, lineOffset: 0))
    } catch {
      return .failure(YAMLProblem(message: "\(error)", line: 1, column: 1))
    }
  }

  private static func convert(_ node: Node, lineOffset: Int) -> YAMLValue {
    let line = (node.mark?.line ?? 1) + lineOffset
    switch node {
    case .scalar(let scalar):
      return .scalar(scalar.string, line: line)
    case .sequence(let sequence):
      return .sequence(sequence.map { convert($0, lineOffset: lineOffset) }, line: line)
    case .mapping(let mapping):
      let entries = mapping.map { pair in
        YAMLEntry(
          key: pair.key.scalar?.string ?? "\(pair.key)",
          line: (pair.key.mark?.line ?? 1) + lineOffset,
          value: convert(pair.value, lineOffset: lineOffset))
      }
      return .mapping(entries, line: line)
    case .alias:
      return .scalar("", line: line)
    }
  }

  private static func problem(from error: YamlError, lineOffset: Int) -> YAMLProblem {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
      return YAMLProblem(message: detail, line: mark.line + lineOffset, column: mark.column)
    case .composer(let context, let problem, let mark, _):
      let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
      return YAMLProblem(message: detail, line: mark.line + lineOffset, column: mark.column)
    default:
      return YAMLProblem(message: "\(error)", line: lineOffset + 1, column: 1)
    }
  }
}
