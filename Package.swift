// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "docs-lint",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "docs-lint", targets: ["DocsLintCLI"]),
    .library(name: "DocsLintCore", targets: ["DocsLintCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // SHA-256 for the content-addressed parse cache (BoringSSL, hardware-accelerated).
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
  ],
  targets: [
    // libcmark 0.30 from the system (Debian: libcmark-dev).
    .systemLibrary(
      name: "CMark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
    ),
    .target(
      name: "DocsLintCore",
      dependencies: [
        "CMark", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "DocsLintCLI",
      dependencies: [
        "DocsLintCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "DocsLintCoreTests",
      // The CLI target is a dependency so `swift test` builds the binary the CLI tests run.
      dependencies: ["DocsLintCore", "DocsLintCLI", .product(name: "Yams", package: "Yams")],
      exclude: ["Resources"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
