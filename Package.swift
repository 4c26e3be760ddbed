// swift-tools-version: 6.0
import PackageDescription

// The layers, bottom to top; a target sees only the layers below it, so the compiler
// refuses an arrow that points up.
//   DocsLintModel     findings, levels, spans, dependencies, errors, hashes, parallel map
//   DocsLintMarkdown  libcmark and YAML → plain Markdown values (the only code importing CMark)
//   DocsLintConfig    settings, rule packs, document kinds
//   DocsLintScan      the repository: files, git, path resolution, IaC readers
//   DocsLintGraph     documents, their edges and facts, the cross-reference graph
//   DocsLintRules     one file per rule, and the registry
//   DocsLintEngine    lint run, cache, impact mode, baseline, fixes
//   DocsLintReport    one reporter per format, graph writers
//   DocsLintServer    the language server (`docs-lint lsp`): JSON-RPC, open documents
//   DocsLintCLI       argument parsing
let layers = [
  "DocsLintModel", "DocsLintMarkdown", "DocsLintConfig", "DocsLintScan", "DocsLintGraph", "DocsLintRules",
  "DocsLintEngine", "DocsLintReport", "DocsLintServer", "DocsLintCLI",
]

/// Every layer below `layer`. Each file imports only the layer directly beneath (which
/// re-exports the rest), but the build must know every module a target reads, or a change
/// two layers down does not rebuild it.
func below(_ layer: String) -> [Target.Dependency] {
  layers.prefix { $0 != layer }.map { .target(name: $0) }
}

let yams = Target.Dependency.product(name: "Yams", package: "Yams")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")

let package = Package(
  name: "docs-lint",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "docs-lint", targets: ["DocsLintCLI"]),
    .library(name: "DocsLint", targets: ["DocsLintReport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // SHA-1 for git blob ids, SHA-256 for cache keys (BoringSSL, hardware-accelerated).
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
  ],
  targets: [
    // libcmark 0.30 from the system (Debian: libcmark-dev).
    .systemLibrary(
      name: "CMark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
    ),
    .target(name: "DocsLintModel"),
    .target(name: "DocsLintMarkdown", dependencies: below("DocsLintMarkdown") + ["CMark", yams]),
    .target(name: "DocsLintConfig", dependencies: below("DocsLintConfig")),
    .target(name: "DocsLintScan", dependencies: below("DocsLintScan") + [crypto]),
    .target(name: "DocsLintGraph", dependencies: below("DocsLintGraph")),
    .target(name: "DocsLintRules", dependencies: below("DocsLintRules")),
    .target(name: "DocsLintEngine", dependencies: below("DocsLintEngine") + [crypto]),
    .target(name: "DocsLintReport", dependencies: below("DocsLintReport")),
    .target(name: "DocsLintServer", dependencies: below("DocsLintServer")),
    .executableTarget(
      name: "DocsLintCLI",
      dependencies: below("DocsLintCLI") + [.product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // libFuzzer entry points (scripts/fuzz), above every layer like the CLI; built normally
    // it replays saved inputs.
    .executableTarget(name: "docs-lint-fuzz", dependencies: below("DocsLintCLI") + ["FuzzDriver"], path: "Sources/Fuzz"),
    .target(name: "FuzzDriver"),
    .testTarget(
      name: "DocsLintTests",
      // The CLI target is a dependency so `swift test` builds the binary the CLI tests run.
      dependencies: below("DocsLintCLI") + ["DocsLintCLI", yams],
      exclude: ["Resources"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
