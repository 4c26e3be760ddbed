import Foundation

/// `docs-lint lsp`: a Language Server Protocol 3.17 server on standard input and output.
/// One message at a time, in order: requests get a result or an error, notifications are
/// acted on or ignored, as the specification says. Open documents are linted from the
/// editor's text; every other file comes from disk and the parse cache.
package final class LanguageServer {
  enum State {
    case starting, running, shuttingDown
  }

  /// JSON-RPC and LSP error codes.
  enum ErrorCode: Int {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case serverNotInitialized = -32002
  }

  private let channel: MessageChannel
  private var state = State.starting
  /// The repositories of the workspace folders (canonical roots).
  private(set) var roots: [String] = []
  private(set) var documents: [String: OpenDocument] = [:]
  /// The last lint of each open document.
  var analyses: [String: Analysis] = [:]
  /// Each repository's graph, kept between keystrokes: built again after `residentLifetime`
  /// (files may change without the client saying so), and at once when the client reports
  /// files or settings changed, or opens, closes or saves a document.
  var residents: [String: (value: ResidentGraph, at: Date)] = [:]
  static let residentLifetime: TimeInterval = 3
  /// Whether the client can watch files for the server, and has agreed to: then it reports
  /// every change and the kept graphs do not age.
  private var clientWatches = false
  private var watchesFromRoots = false
  private(set) var watching = false
  /// Errors already shown to the user.
  var shownErrors: Set<String> = []
  /// Whether the edit being handled may change what the other open documents show.
  var othersMayChange = true
  static let watchRegistration = "docs-lint/watch-files"
  let cacheFolder: String?

  package init(channel: MessageChannel = MessageChannel(), cacheFolder: String? = ParseCache.defaultFolder) {
    self.channel = channel
    self.cacheFolder = cacheFolder
  }

  /// Serves until `exit` (0 after `shutdown`, else 1) or the end of input (1).
  package func run() -> Int32 {
    while true {
      switch channel.read() {
      case .end:
        return 1
      case .malformed(let reason):
        respond(to: NSNull(), error: .parseError, "not a message: \(reason)")
      case .message(let message):
        if let code = handle(message) { return code }
      }
    }
  }

  /// Handles one message; an exit code when it was `exit`.
  func handle(_ message: [String: Any]) -> Int32? {
    guard let method = message["method"] as? String else {
      // A response to a request of ours (the file watchers' registration), or nonsense.
      if message["id"] as? String == Self.watchRegistration {
        watching = message["error"] == nil
      } else if message["id"] != nil, message["result"] == nil, message["error"] == nil {
        respond(to: message["id"]!, error: .invalidRequest, "a request needs a method")
      }
      return nil
    }
    let params = message["params"] as? [String: Any] ?? [:]
    guard let id = message["id"] else {
      return notification(method, params)
    }
    request(method, params, id: id)
    return nil
  }

  private func request(_ method: String, _ params: [String: Any], id: Any) {
    switch (state, method) {
    case (.starting, "initialize"):
      respond(to: id, result: initialize(params))
      state = .running
    case (.starting, _):
      respond(to: id, error: .serverNotInitialized, "initialize first")
    case (.shuttingDown, _):
      respond(to: id, error: .invalidRequest, "the server is shutting down")
    case (.running, "initialize"):
      respond(to: id, error: .invalidRequest, "initialize was already called")
    case (.running, "shutdown"):
      state = .shuttingDown
      respond(to: id, result: NSNull())
    case (.running, "textDocument/diagnostic"):
      guard let uri = Self.uri(params) else {
        return respond(to: id, error: .invalidParams, "textDocument.uri is missing")
      }
      respond(to: id, result: ["kind": "full", "items": diagnostics(for: uri)])
    case (.running, "textDocument/definition"), (.running, "textDocument/hover"):
      if let (analysis, idReference) = idReference(at: params) {
        return respond(to: id, result: Self.idAnswer(method, idReference, in: analysis) ?? NSNull())
      }
      guard let (analysis, reference) = reference(at: params) else {
        let answer = agentMention(at: params).flatMap { Self.agentAnswer(method, $0.1, in: $0.0, text: text(at:)) }
        return respond(to: id, result: answer ?? NSNull())
      }
      if method == "textDocument/hover" {
        respond(to: id, result: ["contents": ["kind": "markdown", "value": Navigation.hover(reference)]])
      } else {
        respond(to: id, result: Navigation.definition(reference, in: analysis, text: text(at:)) ?? NSNull())
      }
    case (.running, "textDocument/prepareRename"):
      guard let uri = Self.uri(params), let position = Self.position(params["position"]),
        let path = FileURI.path(uri), let text = text(at: path)
      else { return respond(to: id, result: NSNull()) }
      respond(to: id, result: prepareRename(uri, at: position, text: text) ?? NSNull())
    case (.running, "textDocument/rename"):
      do {
        respond(to: id, result: try renameEdit(params))
      } catch {
        respond(to: id, error: .invalidParams, "\(error)")
      }
    case (.running, "workspace/willRenameFiles"):
      respond(to: id, result: willRenameEdit(params) ?? NSNull())
    case (.running, "textDocument/references"):
      guard let uri = Self.uri(params), let position = Self.position(params["position"]),
        let path = FileURI.path(uri), let text = text(at: path)
      else { return respond(to: id, error: .invalidParams, "textDocument and position are needed") }
      do {
        let declarations = (params["context"] as? [String: Any])?["includeDeclaration"] as? Bool ?? false
        respond(
          to: id, result: try references(to: path, at: position, text: text, declarations: declarations))
      } catch {
        respond(to: id, error: .invalidParams, "\(error)")
      }
    case (.running, "textDocument/codeAction"):
      guard let uri = Self.uri(params), let range = Self.range(params["range"]) else {
        return respond(to: id, error: .invalidParams, "textDocument and range are needed")
      }
      if analyses[uri] == nil { _ = diagnostics(for: uri) }
      respond(to: id, result: analyses[uri].map { codeActions(uri, range: range, analysis: $0) } ?? [])
    case (.running, "textDocument/completion"):
      respond(to: id, result: ["isIncomplete": false, "items": completions(params)])
    case (.running, "textDocument/documentSymbol"):
      guard let uri = Self.uri(params) else {
        return respond(to: id, error: .invalidParams, "textDocument.uri is missing")
      }
      if analyses[uri] == nil { _ = diagnostics(for: uri) }
      let document = documents[uri] ?? OpenDocument(text: FileURI.path(uri).flatMap(text(at:)) ?? "", version: 0)
      let headings = analyses[uri]?.node?.outline?.headings ?? []
      // Headings that are the kind's sections say which.
      let sections = analyses[uri].flatMap { analysis in
        analysis.configuration.flatMap { KindSections(path: analysis.path, text: document.text, configuration: $0) }
      }
      respond(to: id, result: Navigation.symbols(headings, in: document) { sections?.detail(atLine: $0) })
    default:
      respond(to: id, error: .methodNotFound, "no method \(method)")
    }
  }

  private func notification(_ method: String, _ params: [String: Any]) -> Int32? {
    if method == "exit" { return state == .shuttingDown ? 0 : 1 }
    // Before initialize, notifications are dropped (the specification's rule), and `$/`
    // ones the server does not know may always be ignored.
    guard state == .running else { return nil }
    if method == "initialized", clientWatches {
      // Every file of every repository: a link may point at any of them. A repository
      // wider than its workspace folder needs a pattern from its root.
      let watchers: [[String: Any]] =
        watchesFromRoots
        ? roots.map { ["globPattern": ["baseUri": URL(fileURLWithPath: $0).absoluteString, "pattern": "**/*"]] }
        : [["globPattern": "**/*"]]
      let registration: [String: Any] = [
        "id": Self.watchRegistration, "method": "workspace/didChangeWatchedFiles",
        "registerOptions": ["watchers": watchers],
      ]
      channel.write([
        "jsonrpc": "2.0", "id": Self.watchRegistration, "method": "client/registerCapability",
        "params": ["registrations": [registration]],
      ])
      return nil
    }
    // Files changed outside the editor, or a new configuration: the kept graphs are built
    // anew from the disk and `.docs-lint.yml`, and the open documents shown again when that
    // changed what they show. Changes the graphs cannot see (inside `.git`, the content of
    // a file that is neither Markdown, configuration nor code) cost nothing.
    if method == "workspace/didChangeWatchedFiles" || method == "workspace/didChangeConfiguration" {
      let changes = params["changes"] as? [[String: Any]] ?? []
      guard method == "workspace/didChangeConfiguration" || changes.contains(where: matters) else { return nil }
      residents = [:]
      for uri in documents.keys.sorted() { republish(uri) }
      return nil
    }
    let document = params["textDocument"] as? [String: Any] ?? [:]
    guard let uri = document["uri"] as? String else { return nil }
    switch method {
    case "textDocument/didOpen":
      guard let text = document["text"] as? String else { return nil }
      documents[uri] = OpenDocument(text: text, version: document["version"] as? Int ?? 0)
      residents = [:]
      publish(uri)
      republishOthers(than: uri)
    case "textDocument/didChange":
      // A change to a document that was never opened has nothing to apply to.
      guard var open = documents[uri] else { return nil }
      for change in params["contentChanges"] as? [[String: Any]] ?? [] {
        guard let text = change["text"] as? String else { continue }
        open.apply(range: Self.range(change["range"]), text: text)
      }
      open.version = document["version"] as? Int ?? open.version + 1
      documents[uri] = open
      othersMayChange = false
      publish(uri)
      // The others are judged again when the edit changed what the document lends them (its
      // anchors, declarations, links, ...), and shown when what they show changed.
      if othersMayChange { republishOthers(than: uri) }
    case "textDocument/didSave":
      // A first save creates the file: the graphs that hold it only as a buffer are built
      // anew with it on disk. Saving a file that was there changes nothing they hold.
      // A saved configuration, IaC or code file changes what the graphs read: every open
      // document is judged again (a client that watches files says so too).
      if let path = FileURI.path(uri) {
        let rereads = residents.values.contains { entry in
          entry.value.relative(path).map { !MarkdownFiles.isMarkdown($0) && entry.value.reads(contentOf: $0) } ?? false
        }
        if rereads {
          residents = [:]
          for other in documents.keys.sorted() { republish(other) }
          return nil
        }
        for (root, entry) in residents where entry.value.relative(path).map(entry.value.isNew) ?? false { residents[root] = nil }
      }
      if documents[uri] != nil { publish(uri) }
    case "textDocument/didClose":
      documents[uri] = nil
      analyses[uri] = nil
      residents = [:]
      send("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()])
      // Its text on disk is the truth again for the others.
      republishOthers(than: uri)
    default:
      break
    }
    return nil
  }

  private func initialize(_ params: [String: Any]) -> [String: Any] {
    var folders = (params["workspaceFolders"] as? [[String: Any]] ?? []).compactMap { $0["uri"] as? String }
      .compactMap(FileURI.path)
    if folders.isEmpty, let root = (params["rootUri"] as? String).flatMap(FileURI.path) ?? params["rootPath"] as? String {
      folders = [root]
    }
    roots = folders.compactMap { try? Workspace.locateRoot(paths: [$0], explicitRoot: nil) }
    let capabilities = params["capabilities"] as? [String: Any]
    let watched = (capabilities?["workspace"] as? [String: Any])?["didChangeWatchedFiles"] as? [String: Any]
    clientWatches = watched?["dynamicRegistration"] as? Bool ?? false
    // A repository wider than its folder (a git top level above it) is watched from its
    // root, where the client can; where it cannot, its graph keeps ageing.
    let canonicalFolders = folders.compactMap { Workspace.canonical($0) }
    watchesFromRoots = watched?["relativePatternSupport"] as? Bool ?? false
    if !watchesFromRoots, Set(roots) != Set(canonicalFolders) { clientWatches = false }
    return [
      "capabilities": [
        "positionEncoding": "utf-16",
        "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
        "diagnosticProvider": ["interFileDependencies": true, "workspaceDiagnostics": false],
        "definitionProvider": true, "hoverProvider": true, "documentSymbolProvider": true, "referencesProvider": true,
        "completionProvider": ["triggerCharacters": ["(", "/", "#", "`"]],
        "renameProvider": ["prepareProvider": true],
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        "workspace": [
          "fileOperations": [
            "willRename": ["filters": [["pattern": ["glob": "**/*"]]]]
          ]
        ],
      ],
      "serverInfo": ["name": ToolInfo.name, "version": ToolInfo.version],
    ]
  }

  static func range(_ value: Any?) -> (start: OpenDocument.Position, end: OpenDocument.Position)? {
    guard let range = value as? [String: Any], let start = position(range["start"]), let end = position(range["end"]) else {
      return nil
    }
    return (start, end)
  }

  /// `params.textDocument.uri`.
  static func uri(_ params: [String: Any]) -> String? {
    (params["textDocument"] as? [String: Any])?["uri"] as? String
  }

  static func position(_ value: Any?) -> OpenDocument.Position? {
    guard let position = value as? [String: Any], let line = position["line"] as? Int,
      let character = position["character"] as? Int, line >= 0, character >= 0
    else { return nil }
    return OpenDocument.Position(line: line, character: character)
  }

  // MARK: Messages

  func send(_ method: String, _ params: [String: Any]) {
    channel.write(["jsonrpc": "2.0", "method": method, "params": params])
  }

  private func respond(to id: Any, result: Any) {
    channel.write(["jsonrpc": "2.0", "id": id, "result": result])
  }

  private func respond(to id: Any, error: ErrorCode, _ message: String) {
    channel.write(["jsonrpc": "2.0", "id": id, "error": ["code": error.rawValue, "message": message]])
  }
}

/// `file://` URIs and paths.
enum FileURI {
  static func path(_ uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return url.path
  }
}

/// A finding as an LSP diagnostic: its range in the editor's UTF-16 positions, severity,
/// rule id as code with the rule's page, the source, and its fix as `data`.
enum DiagnosticMessage {
  static func make(_ findings: [Finding], in document: OpenDocument) -> [[String: Any]] {
    findings.map { make($0, in: document) }
  }

  static func make(_ finding: Finding, in document: OpenDocument) -> [String: Any] {
    let span = finding.span
    let start = document.position(line: span.line, column: span.column)
    var end = document.position(line: span.endLine, column: span.endColumn)
    if end.line == start.line, end.character <= start.character { end.character = start.character + 1 }
    let severity = switch finding.level {
    case .error: 1
    case .warning: 2
    case .info: 3
    }
    var diagnostic: [String: Any] = [
      "range": [
        "start": ["line": start.line, "character": start.character],
        "end": ["line": end.line, "character": end.character],
      ],
      "severity": severity,
      "code": finding.ruleId,
      "codeDescription": ["href": ToolInfo.informationURI + "/blob/main/" + RulePages.path(of: finding.ruleId)],
      "source": ToolInfo.name,
      "message": finding.message,
    ]
    // The fix `--fix` would make, as the document's text edits: kept by the client with the
    // diagnostic and handed back with a code action request.
    if let fix = finding.fix {
      diagnostic["data"] = [
        "fix": fix.replacements.map { replacement -> [String: Any] in
          let span = replacement.span
          return [
            "range": Navigation.range(
              document.position(line: span.line, column: span.column), document.position(line: span.endLine, column: span.endColumn)),
            "newText": replacement.text,
          ]
        }
      ]
    }
    return diagnostic
  }
}
