import Foundation
import Testing

/// `docs-lint lsp`: the end-to-end tests in `Tests/lsp` under pytest-lsp (a real client),
/// and the protocol's rules for malformed and out-of-order messages, byte by byte.
struct LanguageServerTests {
  static let pytestLSP: Bool =
    (try? CommandLineTests.run(["-c", "python3 -c 'import pytest_lsp, pytest_asyncio'"], shell: true))?.status == 0

  @Test(.enabled(if: pytestLSP, "pytest-lsp is not installed (scripts/bootstrap installs it from PyPI)"))
  func realClientTests() throws {
    // A server that never answers must not hang the suite: the whole run has 5 minutes.
    let command = "DOCS_LINT_BINARY='\(CommandLineTests.binary)' timeout 300 python3 -m pytest -q -p no:cacheprovider Tests/lsp 2>&1"
    let result = try CommandLineTests.run(["-c", command], shell: true)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains(" passed"), "\(result.stdout)")
  }

  static func json(_ object: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
  }

  static let neovim = FileManager.default.isExecutableFile(atPath: "/usr/bin/nvim")

  /// Neovim's built-in client, headless (`Tests/nvim/smoke.lua`): it opens a fixture file and
  /// writes the diagnostics it received, which must be the server's, at their positions.
  @Test(.enabled(if: neovim, "neovim is not installed (scripts/bootstrap installs it)"), .timeLimit(.minutes(2)))
  func neovimReceivesTheDiagnostics() throws {
    let repository = try GitRepository(["notes.md": "# Notes\n\nA [broken](gone.md) link and [self](#nope).\n"])
    defer { repository.remove() }
    let out = repository.root + "/received.txt"
    let command = """
      DOCS_LINT_BINARY='\(CommandLineTests.binary)' DOCS_LINT_ROOT='\(repository.root)' \
      DOCS_LINT_FILE='\(repository.root)/notes.md' DOCS_LINT_OUT='\(out)' \
      timeout 90 nvim --headless -u NONE -c "luafile \(packageRoot)/Tests/nvim/smoke.lua" 2>&1
      """
    let result = try CommandLineTests.run(["-c", command], shell: true)
    let received = try? String(contentsOfFile: out, encoding: .utf8)
    #expect(
      received == """
        2:11 link/missing-file link target 'gone.md' does not exist
        2:36 link/missing-anchor no heading or anchor '#nope' in this document; did you mean '#notes'?

        """, "\(result.stdout)")
  }

  /// A framed message.
  static func frame(_ json: String) -> String { "Content-Length: \(json.utf8.count)\r\n\r\n\(json)" }

  /// Runs the server on `input` and returns its output messages and exit status.
  static func serve(_ input: String) throws -> (messages: [[String: Any]], status: Int32) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-lsp-\(UUID())").path
    try input.write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let result = try CommandLineTests.run(["-c", "'\(CommandLineTests.binary)' lsp --no-cache < '\(file)'"], shell: true)
    var messages: [[String: Any]] = []
    var rest = Substring(result.stdout)
    while let header = rest.range(of: "\r\n\r\n") {
      let length = Int(rest[..<header.lowerBound].split(separator: ":").last!.trimmingCharacters(in: .whitespaces))!
      let body = Data(rest[header.upperBound...].utf8.prefix(length))
      messages.append(try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]))
      rest = Substring(String(decoding: rest[header.upperBound...].utf8.dropFirst(length), as: UTF8.self))
    }
    return (messages, result.status)
  }

  static func errorCode(_ message: [String: Any]) -> Int? { (message["error"] as? [String: Any])?["code"] as? Int }

  @Test func malformedAndOutOfOrderMessagesGetTheProtocolsAnswers() throws {
    let repository = try TestRepository(["a.md": "# A\n"])
    defer { repository.remove() }
    let uri = URL(fileURLWithPath: repository.root + "/a.md").absoluteString
    let huge = String(repeating: "Line of text.\n", count: 200_000)
    let input = [
      "Content-Type: nothing\r\n\r\n",  // no length: parse error, then the stream goes on
      Self.frame("{not json"),
      Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/diagnostic","params":{}}"#),
      Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"rootUri":"\#(URL(fileURLWithPath: repository.root).absoluteString)","capabilities":{}}}"#),
      Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
      Self.frame(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":2},"contentChanges":[{"text":"x"}]}}"#),
      Self.frame(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":99}}"#),
      Self.frame(#"{"jsonrpc":"2.0","id":3,"method":"workspace/noSuchThing","params":{}}"#),
      Self.frame(#"{"jsonrpc":"2.0","id":4,"method":"initialize","params":{}}"#),
      Self.frame(try Self.json([
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": "# A\n\n" + huge + "[x](gone.md)\n"]],
      ])),
      Self.frame(#"{"jsonrpc":"2.0","id":5,"method":"shutdown"}"#),
      Self.frame(#"{"jsonrpc":"2.0","id":6,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"\#(uri)"}}}"#),
      Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#),
    ].joined()
    let (messages, status) = try Self.serve(input)
    #expect(status == 0)
    let byID = Dictionary(messages.compactMap { message in (message["id"] as? Int).map { ($0, message) } }) { first, _ in first }
    let parseErrors = messages.filter { Self.errorCode($0) == -32700 }
    #expect(parseErrors.count == 2, "\(messages)")
    #expect(parseErrors.allSatisfy { $0["id"] is NSNull })
    #expect(byID[1].map(Self.errorCode) == -32002)
    #expect((byID[2]?["result"] as? [String: Any])?["capabilities"] != nil)
    #expect(byID[3].map(Self.errorCode) == -32601)
    #expect(byID[4].map(Self.errorCode) == -32600)
    #expect(byID[5]?["result"] is NSNull)
    #expect(byID[6].map(Self.errorCode) == -32600)
    // The huge document was linted: its one broken link, on its last line.
    let published = messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
    #expect(published.count == 1, "a change before the open is ignored")
    let diagnostics = (published.first?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
    #expect(diagnostics.map { $0["code"] as? String } == ["link/missing-file"])
    let line = ((diagnostics.first?["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int
    #expect(line == 200_002)
  }

  /// A client that can watch files for the server is asked to watch every file (its reports
  /// then keep the kept graph fresh); one that cannot is not asked.
  @Test func aClientThatCanWatchFilesIsAskedTo() throws {
    func registrations(capabilities: String) throws -> [[String: Any]] {
      let input = [
        Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":\#(capabilities)}}"#),
        Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
        Self.frame(#"{"jsonrpc":"2.0","id":"docs-lint/watch-files","result":null}"#),
        Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#),
        Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#),
      ].joined()
      let (messages, status) = try Self.serve(input)
      #expect(status == 0)
      // The answer to the registration is no request: nothing comes back for it.
      #expect(messages.filter { $0["error"] != nil }.isEmpty, "\(messages)")
      return messages.filter { $0["method"] as? String == "client/registerCapability" }
    }
    let asked = try registrations(capabilities: #"{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}"#)
    #expect(asked.count == 1)
    let registration = ((asked.first?["params"] as? [String: Any])?["registrations"] as? [[String: Any]])?.first
    #expect(registration?["method"] as? String == "workspace/didChangeWatchedFiles")
    let watchers = (registration?["registerOptions"] as? [String: Any])?["watchers"] as? [[String: Any]]
    #expect(watchers?.first?["globPattern"] as? String == "**/*")
    #expect(try registrations(capabilities: "{}").isEmpty)
  }

  @Test func aClientThatDisappearsEndsTheServerWithoutACrash() throws {
    let initialize = Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
    let (messages, status) = try Self.serve(initialize + "Content-Length: 500\r\n\r\n{\"jsonrpc\"")
    #expect(status == 1)
    #expect(messages.count == 1)
    let (_, exitWithoutShutdown) = try Self.serve(initialize + Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#))
    #expect(exitWithoutShutdown == 1)
  }
}
