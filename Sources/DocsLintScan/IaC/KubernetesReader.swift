import DocsLintConfig

/// Kubernetes manifests (every document of the stream: `Kind/name` and its namespace)
/// and Kustomize files (the local `resources`, `bases`, `components` and patch files,
/// beside the kustomization; remote bases are skipped).
struct KubernetesReader {
  let classifier: PathClassifier

  func readManifests(_ source: SourceText, into node: inout IaCNode) {
    switch YAMLReader.parseAll(String(decoding: source.bytes, as: UTF8.self)) {
    case .failure(let problem): node.problem = problem
    case .success(let documents):
      for document in documents {
        guard case .scalar(let kind, let line)? = document["kind"], case .scalar(let name, _)? = document["metadata"]?["name"]
        else { continue }
        node.symbols.append(IaCSymbol(kind: .kubernetesObject, name: "\(kind)/\(name)", span: SourceSpan(line: line, column: 1)))
        if case .scalar(let namespace, let at)? = document["metadata"]?["namespace"] {
          node.symbols.append(IaCSymbol(kind: .namespace, name: namespace, span: SourceSpan(line: at, column: 1)))
        }
      }
    }
  }

  func readKustomization(_ source: SourceText, into node: inout IaCNode) {
    guard let value = node.readYAML(source) else { return }
    let folder = RepoPath.directory(of: node.path)
    var paths: [(String, Int)] = []
    for key in ["resources", "bases", "components", "patchesStrategicMerge", "crds"] {
      guard case .sequence(let items, _)? = value[key] else { continue }
      for case .scalar(let path, let line) in items { paths.append((path, line)) }
    }
    if case .sequence(let patches, _)? = value["patches"] {
      for patch in patches { if case .scalar(let path, let line)? = patch["path"] { paths.append((path, line)) } }
    }
    for (path, line) in paths where !Self.isRemote(path) {
      node.references.append(IaCReader.reference(path, onLine: line, in: source, bases: [folder], classifier: classifier))
    }
  }

  /// `github.com/org/repo//base?ref=v1`, `https://...`: fetched by kustomize, not files here.
  static func isRemote(_ path: String) -> Bool {
    path.includes("://") || path.includes("?ref=") || path.hasPrefix("github.com/") || path.hasPrefix("git@")
  }
}
