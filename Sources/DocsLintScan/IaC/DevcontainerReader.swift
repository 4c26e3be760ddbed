import DocsLintConfig
import Foundation

/// `devcontainer.json` (JSON with comments): the compose files it starts
/// (`dockerComposeFile`, beside the JSON file) and the scripts its lifecycle
/// commands run (`postCreateCommand` and friends, from the workspace root).
struct DevcontainerReader {
  let classifier: PathClassifier
  let commands: CommandScanner

  static let commandKeys = ["initializeCommand", "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand"]

  func read(_ source: SourceText, into node: inout IaCNode) {
    let object: [String: Any]
    do {
      let json = try JSONSerialization.jsonObject(with: Data(Self.withoutComments(source.bytes)), options: [.fragmentsAllowed])
      guard let dictionary = json as? [String: Any] else {
        node.problem = YAMLProblem(message: "expected a JSON object", line: 1, column: 1)
        return
      }
      object = dictionary
    } catch {
      node.problem = Self.problem(error, in: source)
      return
    }
    let folder = RepoPath.directory(of: node.path)
    if let features = object["features"] as? [String: Any] {
      for feature in features.keys.sorted() {
        node.symbols.append(IaCSymbol(kind: .feature, name: feature, span: SourceSpan(line: Self.line(of: feature, in: source), column: 1)))
      }
    }
    if let service = object["service"] as? String {
      node.symbols.append(IaCSymbol(kind: .devcontainerService, name: service, span: SourceSpan(line: Self.line(of: service, in: source), column: 1)))
    }
    let composeFiles: [String] = (object["dockerComposeFile"] as? [String]) ?? [object["dockerComposeFile"] as? String].compactMap { $0 }
    for file in composeFiles {
      let line = Self.line(of: file, in: source)
      node.references.append(IaCReader.reference(file, onLine: line, in: source, bases: [folder], classifier: classifier))
    }
    for key in Self.commandKeys {
      guard let command = object[key] as? String else { continue }
      let line = Self.line(of: command, in: source)
      let codeLine = CodeLine(text: Substring(command), line: line, column: source.column(of: command, onLine: line))
      for hit in commands.scan([codeLine], everyLine: true) where !hit.creates {
        node.references.append(
          Reference(
            kind: .iacPath, text: hit.path,
            span: SourceSpan(line: hit.line, column: hit.column, endColumn: hit.column + hit.path.unicodeScalars.count),
            resolution: classifier.resolve(hit.path, bases: hit.bases)))
      }
    }
  }

  /// The first line holding the quoted value.
  static func line(of value: String, in source: SourceText) -> Int {
    let needle = Array("\"\(value)\"".utf8)
    guard let offset = source.find(needle, from: 0, to: source.bytes.count) else { return 1 }
    return source.line(atByte: offset)
  }

  /// The parser's own position: Foundation says "Invalid value around character 61." (a
  /// byte offset, which blanking comments kept), or "around line 4, column 30.".
  static func problem(_ error: Error, in source: SourceText) -> YAMLProblem {
    let description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
    var detail = description
    var position = (line: 1, column: 1)
    if let around = description.range(of: " around ") {
      detail = String(description[..<around.lowerBound])
      let numbers = description[around.upperBound...].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
      if description[around.upperBound...].hasPrefix("character"), let offset = numbers.first {
        position = source.position(atByte: min(max(offset, 0), source.bytes.count))
      } else if numbers.count >= 2 {
        position = (numbers[0], numbers[1])
      }
    }
    return YAMLProblem(message: "invalid JSON: \(detail)", line: position.line, column: position.column)
  }

  /// `//` and `/* */` comments blanked (outside strings), newlines kept.
  static func withoutComments(_ bytes: [UInt8]) -> [UInt8] {
    var result = bytes
    var index = 0
    var inString = false
    while index < result.count {
      let byte = result[index]
      if inString {
        if byte == UInt8(ascii: "\\") { index += 2; continue }
        if byte == UInt8(ascii: "\"") { inString = false }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      } else if byte == UInt8(ascii: "/"), index + 1 < result.count, result[index + 1] == UInt8(ascii: "/") {
        while index < result.count, result[index] != 0x0A { result[index] = 0x20; index += 1 }
        continue
      } else if byte == UInt8(ascii: "/"), index + 1 < result.count, result[index + 1] == UInt8(ascii: "*") {
        while index < result.count, !(result[index] == UInt8(ascii: "*") && index + 1 < result.count && result[index + 1] == UInt8(ascii: "/")) {
          if result[index] != 0x0A { result[index] = 0x20 }
          index += 1
        }
        if index + 1 < result.count { result[index] = 0x20; result[index + 1] = 0x20 }
        index += 2
        continue
      }
      index += 1
    }
    return result
  }
}
