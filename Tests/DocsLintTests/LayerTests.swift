import Foundation
import Testing

/// The layers of `Package.swift`, bottom to top: a file may import its own layer's
/// modules and those below, never one above (the compiler refuses that too, on a clean build).
@Suite struct LayerTests {
  static let layers = [
    "DocsLintModel", "DocsLintMarkdown", "DocsLintConfig", "DocsLintScan", "DocsLintGraph", "DocsLintRules",
    "DocsLintEngine", "DocsLintReport", "DocsLintServer", "DocsLintCLI",
  ]

  @Test func noFileImportsALayerAboveItsOwn() throws {
    let sources = packageRoot + "/Sources"
    var upward: [String] = []
    for (rank, layer) in Self.layers.enumerated() {
      let enumerator = try #require(FileManager.default.enumerator(atPath: sources + "/" + layer))
      for case let file as String in enumerator where file.hasSuffix(".swift") {
        let text = try String(contentsOfFile: "\(sources)/\(layer)/\(file)", encoding: .utf8)
        for line in text.split(separator: "\n") {
          let words = line.split(separator: " ")
          guard let module = words.last, words.dropLast().allSatisfy({ $0 == "import" || $0.hasPrefix("@") }),
            words.contains("import"), let imported = Self.layers.firstIndex(of: String(module))
          else { continue }
          if imported > rank { upward.append("\(layer)/\(file) imports \(module)") }
        }
      }
    }
    #expect(upward.isEmpty, "\(upward)")
  }

  @Test func everyLayerFolderIsAListedLayer() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Sources")
      .filter { $0.hasPrefix("DocsLint") }
    #expect(Set(folders) == Set(Self.layers))
  }
}
