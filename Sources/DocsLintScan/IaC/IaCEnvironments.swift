import DocsLintConfig

/// The environments IaC files define, by canonical name: folders under `envs/`,
/// `environments/`, `env/` or Kustomize `overlays/`, `.tfvars` files (`prod.tfvars`, `prod.auto.tfvars`),
/// `compose.<env>.yml`, Helm `values-<env>.yaml`, and workflow jobs' `environment:`.
package enum IaCEnvironments {
  static let folders: Set<String> = ["envs", "environments", "env", "entornos", "overlays"]

  package static func names(in files: [IaCNode], settings: KindSettings) -> Set<String> {
    var names = Set<String>()
    func add(_ candidate: some StringProtocol) {
      if let name = settings.environment(named: candidate) { names.insert(name) }
    }
    for file in files {
      let parts = file.path.split(separator: "/")
      for (index, part) in parts.enumerated().dropLast() where folders.contains(String(part)) {
        add(parts[index + 1])
      }
      let name = parts.last ?? ""
      if name.hasSuffix(".tfvars") {
        let stem = name.dropLast(".tfvars".count)
        add(stem.hasSuffix(".auto") ? stem.dropLast(".auto".count) : stem)
      }
      if file.technology == .compose {
        // compose.prod.yml, docker-compose.staging.yaml
        let words = name.split(separator: ".")
        if words.count >= 3 { add(words[words.count - 2]) }
      }
      if file.technology == .helm, name.hasPrefix("values") {
        // values-prod.yaml, values.staging.yaml
        let stem = name.dropFirst("values".count).split(separator: ".").first ?? ""
        if stem.hasPrefix("-") { add(stem.dropFirst()) } else if name.split(separator: ".").count >= 3 { add(name.split(separator: ".")[1]) }
      }
      for symbol in file.symbols where symbol.kind == .environment { add(symbol.name) }
    }
    return names
  }
}
