// swift-tools-version: 6.0
import PackageDescription

// The layers, bottom to top; each target depends only on the one below it (which
// re-exports the rest), so the compiler refuses an arrow that points up.
//   DocsLintModel     findings, levels, spans, dependencies, errors, hashes, parallel map
//   DocsLintMarkdown  libcmark and YAML → plain Markdown values (the only code importing CMark)
//   DocsLintConfig    settings, rule packs, document kinds
//   DocsLintScan      the repository: files, git, path resolution, IaC readers
//   DocsLintGraph     documents, their edges and facts, the cross-reference graph
//   DocsLintRules     one file per rule, and the registry
//   DocsLintEngine    lint run, cache, impact mode, baseline, suppressions, fixes
//   DocsLintReport    one reporter per format, graph writers
//   DocsLintCLI       argument parsing
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
    .target(name: "DocsLintMarkdown", dependencies: ["DocsLintModel", "CMark", .product(name: "Yams", package: "Yams")]),
    .target(name: "DocsLintConfig", dependencies: ["DocsLintMarkdown"]),
    .target(name: "DocsLintScan", dependencies: ["DocsLintConfig", .product(name: "Crypto", package: "swift-crypto")]),
    .target(name: "DocsLintGraph", dependencies: ["DocsLintScan"]),
    .target(name: "DocsLintRules", dependencies: ["DocsLintGraph"]),
    .target(name: "DocsLintEngine", dependencies: ["DocsLintRules", .product(name: "Crypto", package: "swift-crypto")]),
    .target(name: "DocsLintReport", dependencies: ["DocsLintEngine"]),
    .executableTarget(
      name: "DocsLintCLI",
      dependencies: ["DocsLintReport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .testTarget(
      name: "DocsLintTests",
      // The CLI target is a dependency so `swift test` builds the binary the CLI tests run.
      dependencies: ["DocsLintReport", "DocsLintCLI", .product(name: "Yams", package: "Yams")],
      exclude: ["Resources"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
