import Foundation
import Testing

@testable import DocsLintModel

/// `make install` as a user runs it: a binary that needs no Swift toolchain at run time,
/// with its completions and man page, and `make uninstall` taking them away again.
/// Serialized with the action's build (`ActionTests.swift` extends this suite): each holds a
/// test thread for minutes, and two at once would leave none for the other tests.
@Suite(.serialized)
struct InstallTests {
  /// make and strip, and the toolchain's root (to tell its libraries from the system's).
  static let toolchainRoot: String? = {
    let found = try? CommandLineTests.run(
      ["-c", "command -v make >/dev/null && command -v strip >/dev/null && command -v ldd >/dev/null && command -v swift"],
      shell: true)
    guard found?.status == 0, let swift = found?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
    // .../usr/bin/swift → .../usr
    let resolved = URL(fileURLWithPath: swift).resolvingSymlinksInPath()
    return resolved.deletingLastPathComponent().deletingLastPathComponent().path
  }()

  @Test(
    .enabled(if: toolchainRoot != nil, "needs make, strip, ldd and swift on PATH"),
    .timeLimit(.minutes(30)))
  func installedBinaryRunsWithoutTheToolchain() throws {
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-install-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    let prefix = temporary + "/prefix"
    // Not the package's .build, which the running `swift test` holds.
    let make = "cd '\(packageRoot)' && make install PREFIX='\(prefix)' SCRATCH='\(StaticBuild.scratch)' 2>&1"
    let installed = try CommandLineTests.run(["-c", make], shell: true)
    #expect(installed.status == 0, "\(installed.stdout.suffix(3000))")
    let files = [
      "bin/docs-lint", "share/man/man1/docs-lint.1", "share/bash-completion/completions/docs-lint",
      "share/zsh/site-functions/_docs-lint", "share/fish/vendor_completions.d/docs-lint.fish",
    ]
    for file in files { #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)") }
    let binary = prefix + "/bin/docs-lint"

    // No library from the toolchain: only the system's (libcmark, libc, libstdc++, ...).
    let libraries = try CommandLineTests.run(["-c", "ldd '\(binary)'"], shell: true).stdout
    #expect(!libraries.contains(try #require(Self.toolchainRoot)), "\(libraries)")
    #expect(libraries.contains("libcmark"))
    #expect(!libraries.contains("not found"), "\(libraries)")

    // With an empty environment, from outside the build folder, it runs and reports as the
    // tested binary does.
    let version = try CommandLineTests.run(["-c", "env -i PATH=/usr/bin:/bin '\(binary)' --version"], shell: true)
    #expect(version.stdout == "docs-lint \(ToolInfo.version)\n", "\(version.stdout)\(version.stderr)")
    let root = packageRoot + "/fixtures/demo"
    let arguments = "--no-cache --root '\(root)' '\(root)' --format json"
    let alone = try CommandLineTests.run(["-c", "env -i PATH=/usr/bin:/bin '\(binary)' \(arguments)"], shell: true)
    let tested = try CommandLineTests.run(["-c", "'\(CommandLineTests.binary)' \(arguments)"], shell: true)
    #expect(alone.status == tested.status)
    #expect(alone.stdout == tested.stdout)
    let manual = try String(contentsOfFile: prefix + "/share/man/man1/docs-lint.1", encoding: .utf8)
    #expect(manual.contains("docs-lint"))

    let uninstall = "cd '\(packageRoot)' && make uninstall PREFIX='\(prefix)' SCRATCH='\(StaticBuild.scratch)' 2>&1"
    #expect(try CommandLineTests.run(["-c", uninstall], shell: true).status == 0)
    for file in files { #expect(!FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)") }
  }
}
