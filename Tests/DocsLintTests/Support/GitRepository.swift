import Foundation

/// A throwaway git repository built on the fly, for the pull-request workflow tests:
/// write files, commit, change them, then run the real `docs-lint` binary inside it.
struct GitRepository {
  let files: TestRepository
  var root: String { files.root }

  init(_ contents: [String: String]) throws {
    files = try TestRepository(contents)
    try git("init", "-q", "-b", "main")
    try git("config", "user.email", "test@example.com")
    try git("config", "user.name", "Test")
    try git("config", "commit.gpgsign", "false")
  }

  func remove() { files.remove() }

  /// Runs git in the repository and returns its standard output; throws when git fails.
  @discardableResult
  func git(_ arguments: String...) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw GitFailure(message: "git \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Stages everything and commits it.
  func commit(_ message: String = "change") throws {
    try git("add", "-A")
    try git("commit", "-q", "-m", message)
  }

  func write(_ path: String, _ text: String) throws {
    let url = URL(fileURLWithPath: root).appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func read(_ path: String) throws -> String {
    try String(contentsOfFile: root + "/" + path, encoding: .utf8)
  }

  func delete(_ path: String) throws { try FileManager.default.removeItem(atPath: root + "/" + path) }

  /// Runs `docs-lint` with `arguments` from the repository root.
  func lint(_ arguments: [String] = []) throws -> CommandLineTests.Result {
    try CommandLineTests.run(arguments, in: root)
  }
}

struct GitFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
