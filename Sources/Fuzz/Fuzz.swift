import DocsLintReport
import Foundation
import FuzzDriver

/// libFuzzer entry points over what reads untrusted bytes (`scripts/fuzz TARGET SECONDS`):
/// - `document`: the whole per-file pipeline — parse, extract, graph, every rule — on a
///   Markdown file in a small repository of plans, specs, agents and IaC;
/// - `yaml`: the YAML reader, one document and a stream (front matter, config, manifests);
/// - `iac`: every IaC reader (HCL, Dockerfile, Make, compose, Kubernetes, devcontainer …),
///   the first byte choosing which.
/// Built normally, it replays saved inputs instead: `docs-lint-fuzz FILE...`, with the
/// target in `DOCS_LINT_FUZZ_TARGET`.
enum FuzzTarget {
  static let name = ProcessInfo.processInfo.environment["DOCS_LINT_FUZZ_TARGET"] ?? "document"
  static let repository = Scratch()

  static func run(_ bytes: [UInt8]) {
    switch name {
    case "yaml":
      let text = String(decoding: bytes, as: UTF8.self)
      _ = YAMLReader.parse(text)
      _ = YAMLReader.parseAll(text)
    case "iac":
      guard let first = bytes.first else { return }
      let technologies = IaCTechnology.allCases
      let technology = technologies[Int(first) % technologies.count]
      _ = repository.iacReader.read(
        path: repository.iacPath(technology), technology: technology, source: SourceText(bytes: Array(bytes.dropFirst())))
    default:
      repository.lint(bytes)
    }
  }
}

/// A repository on disk, made once: the fuzzed document is written over `docs/fuzz.md`.
final class Scratch: @unchecked Sendable {
  let root: String
  let configuration = Configuration.defaults()
  let iacReader: IaCReader
  private let files: [String: String] = [
    "README.md": "# Repo\n\n- [Plan](docs/plans/plan.md)\n- `deploy_agent.md`\n",
    "docs/plans/plan.md": "# Plan\n\n## Purpose / Big Picture\n\nX.\n\n## Progress\n\n- [ ] one\n",
    "docs/guide.md": "# Guide\n\n## Install steps\n\n## Paso 1\n",
    ".agent/agents/deploy_agent.md": "# DeployAgent\n\nShips.\n",
    "src/agents.py": "class DesignAgent(BaseAgent):\n    pass\n",
    "Makefile": "test:\n\techo\nbuild: test\n",
    "compose.yml": "services:\n  api:\n    image: x\n",
    "infra/main.tf": "variable \"region\" {}\nresource \"aws_s3_bucket\" \"logs\" {}\n",
    "k8s/app.yaml": "kind: Deployment\nmetadata:\n  name: api\n",
    "scripts/run.sh": "",
  ]

  init() {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    root = Workspace.canonical(base.path) ?? base.path
    for (path, text) in files { Self.write(path, Array(text.utf8), in: root) }
    Self.write("docs/fuzz.md", [], in: root)
    let inventory = FileInventory(files: Array(files.keys) + ["docs/fuzz.md"])
    iacReader = IaCReader(
      classifier: PathClassifier(
        settings: configuration.paths, inventory: inventory, reader: FileReader(root: root, maxBytes: 1 << 20)),
      settings: configuration.paths)
  }

  func iacPath(_ technology: IaCTechnology) -> String {
    switch technology {
    case .terraform: "infra/fuzz.tf"
    case .dockerfile: "Dockerfile"
    case .make: "Makefile"
    default: files.keys.sorted().first { IaCTechnology.of($0) == technology } ?? "fuzz.\(technology.rawValue)"
    }
  }

  func lint(_ bytes: [UInt8]) {
    Self.write("docs/fuzz.md", bytes, in: root)
    let workspace = Workspace(
      root: root, inventory: FileInventory(files: Array(files.keys) + ["docs/fuzz.md"]), usesGit: false)
    let iac = files.keys.filter { IaCTechnology.of($0) != nil }.sorted()
    let graph = GraphBuilder(workspace: workspace, configuration: configuration)
      .build(targets: ["README.md", "docs/fuzz.md", "docs/guide.md", "docs/plans/plan.md"], iacTargets: iac)
    _ = Linter(configuration: configuration).findings(in: graph)
  }

  private static func write(_ path: String, _ bytes: [UInt8], in root: String) {
    let url = URL(fileURLWithPath: root + "/" + path)
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(bytes).write(to: url)
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }
#else
  @main
  enum Replay {
    static func main() throws {
      for path in CommandLine.arguments.dropFirst() {
        FuzzTarget.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
      }
    }
  }
#endif
