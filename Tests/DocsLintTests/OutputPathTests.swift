import Foundation
import Testing

@testable import DocsLintEngine
@testable import DocsLintReport

/// `--output` and `--write-baseline` replace only regular files; standard output failures
/// are exit 2 with one line (issue #13).
struct OutputPathTests {
  static let demo = ["--no-cache", "--root", "fixtures/demo", "fixtures/demo"]

  /// A scratch folder; symlinks into it stand in for devices, so a regression replaces the
  /// link, never the device.
  static func scratch() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-out-\(UUID())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  static func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  static var expected: String {
    get throws { try String(contentsOfFile: packageRoot + "/fixtures/demo.expected.txt", encoding: .utf8) }
  }

  @Test func aMissingFileIsCreatedAndARegularOneKeepsItsMode() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let created = folder + "/report.txt"
    #expect(try CommandLineTests.run(Self.demo + ["--output", created]).status == 1)
    #expect(try String(contentsOfFile: created, encoding: .utf8) == Self.expected)
    let kept = folder + "/kept.txt"
    try Data("old".utf8).write(to: URL(fileURLWithPath: kept))
    chmod(kept, 0o600)
    #expect(try CommandLineTests.run(Self.demo + ["--output", kept]).status == 1)
    var info = stat()
    stat(kept, &info)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(try String(contentsOfFile: kept, encoding: .utf8) == Self.expected)
  }

  @Test func aSymlinkIsFollowedAndStaysALink() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/target.txt"))
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.txt", withDestinationPath: "target.txt")
    #expect(try CommandLineTests.run(Self.demo + ["--output", folder + "/link.txt"]).status == 1)
    #expect(Self.kind(folder + "/link.txt") == S_IFLNK)
    #expect(try String(contentsOfFile: folder + "/target.txt", encoding: .utf8) == Self.expected)
    // A link to nothing creates no file elsewhere.
    try FileManager.default.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: "gone/x.txt")
    let dangling = try CommandLineTests.run(Self.demo + ["--output", folder + "/dangling"])
    #expect(dangling.status == 2)
    #expect(dangling.stderr == "docs-lint: error: cannot write \(folder)/dangling: a symbolic link to a missing file\n")
  }

  @Test func devicesAreWrittenThroughNotReplaced() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createSymbolicLink(atPath: folder + "/null", withDestinationPath: "/dev/null")
    for option in ["--output", "--write-baseline"] {
      let result = try CommandLineTests.run(Self.demo + [option, folder + "/null"])
      #expect(result.status != 2, "\(option): \(result.stderr)")
      #expect(Self.kind(folder + "/null") == S_IFLNK, "\(option) replaced the link")
      #expect(Self.kind("/dev/null") == S_IFCHR)
    }
    let stdout = try CommandLineTests.run(Self.demo + ["--output", "/dev/stdout"])
    #expect(stdout.stdout == (try Self.expected))
    let refused = try CommandLineTests.run(Self.demo + ["--output", folder])
    #expect(refused.status == 2)
    #expect(refused.stderr == "docs-lint: error: cannot write \(folder): it is a folder\n")
  }

  @Test func aFIFOGetsTheReportAndStaysAFIFO() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo]
    let pipe = Pipe()
    reader.standardOutput = pipe
    try reader.run()
    #expect(try CommandLineTests.run(Self.demo + ["--output", fifo]).status == 1)
    let received = pipe.fileHandleForReading.readDataToEndOfFile()
    reader.waitUntilExit()
    #expect(String(decoding: received, as: UTF8.self) == (try Self.expected))
    #expect(Self.kind(fifo) == S_IFIFO)
  }

  /// Runs the binary with standard output on `output`.
  static func run(_ arguments: [String], stdout output: FileHandle) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    process.standardOutput = output
    let err = Pipe()
    process.standardError = err
    try process.run()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
  }

  @Test func aFullDiskIsExitTwoWithOneLine() throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"), "/dev/full is missing")
    for arguments in [Self.demo, ["rules"], ["explain", "link/missing-file"], ["--help"]] {
      let result = try Self.run(arguments, stdout: full)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr == "docs-lint: error: cannot write to standard output: No space left on device\n")
    }
  }

  @Test func aClosedPipeEndsQuietlyWithTheRunsStatus() throws {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let result = try Self.run(Self.demo, stdout: pipe.fileHandleForWriting)
    #expect(result.status == 1)
    #expect(result.stderr.isEmpty)
  }

  /// A decoded `%0A` in a link, a file name with a line break and raw control characters
  /// never make a report line of their own, in any line-based format.
  @Test func controlCharactersAreVisibleEscapesInEveryTextFormat() throws {
    let repository = try TestRepository([
      "a.md": "[x](gone%0A::error%20file=x::pwned.md) [y](esc%1B%5B31m%07.md)\n",
      "b\n::error file=y::named.md": "[z](missing.md) \u{202E}\n",
    ])
    defer { repository.remove() }
    for format in ["text", "github"] {
      let result = try CommandLineTests.run(["--no-cache", "--root", repository.root, repository.root, "--format", format])
      #expect(result.status == 1)
      let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(!lines.contains { $0.hasPrefix("::error file=x") || $0.hasPrefix("::error file=y") }, "\(format)")
      #expect(!result.stdout.utf8.contains { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }, "\(format)")
      #expect(result.stdout.contains("gone\\n::error file=x::pwned.md") || result.stdout.contains("gone\\n%3A%3Aerror"))
      #expect(result.stdout.contains("\\x1B[31m\\x07"))
    }
    for format in ["dot", "mermaid"] {
      let result = try CommandLineTests.run(["graph", repository.root, "--format", format])
      #expect(!result.stdout.utf8.contains { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }, "\(format)")
      #expect(result.stdout.contains("b\\\\n::error") || result.stdout.contains("b\\n::error"), "\(format)")
    }
  }
}
