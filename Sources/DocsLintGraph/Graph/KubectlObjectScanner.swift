import DocsLintScan

/// Kubernetes objects named in `kubectl` commands as `kind/name`
/// (`kubectl rollout status deploy/api`), in shell blocks, unlabelled blocks and code
/// spans; short names and plurals are mapped to the manifest's `kind`.
package enum KubectlObjectScanner {
  package static func scan(_ markdown: MarkdownDocument, source: SourceText, shellLanguages: Set<String>) -> [IaCMention] {
    ShellCodeLines.containing("kubectl ", in: markdown, source: source, shellLanguages: shellLanguages).flatMap { objects(in: $0.text, line: $0.line, column: $0.column) }
  }

  /// `kubectl` resource names as written → the manifest's `kind`.
  static let kinds: [Substring: String] = [
    "deploy": "Deployment", "deployment": "Deployment", "deployments": "Deployment", "svc": "Service",
    "service": "Service", "services": "Service", "cm": "ConfigMap", "configmap": "ConfigMap", "configmaps": "ConfigMap",
    "secret": "Secret", "secrets": "Secret", "sts": "StatefulSet", "statefulset": "StatefulSet",
    "statefulsets": "StatefulSet", "ds": "DaemonSet", "daemonset": "DaemonSet", "daemonsets": "DaemonSet",
    "ing": "Ingress", "ingress": "Ingress", "ingresses": "Ingress", "job": "Job", "jobs": "Job", "cj": "CronJob",
    "cronjob": "CronJob", "cronjobs": "CronJob", "sa": "ServiceAccount", "serviceaccount": "ServiceAccount",
    "pvc": "PersistentVolumeClaim", "persistentvolumeclaim": "PersistentVolumeClaim",
  ]

  private static func objects(in text: Substring, line: Int, column: Int) -> [IaCMention] {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard let start = words.firstIndex(of: "kubectl") else { return [] }
    var result: [IaCMention] = []
    for word in words[(start + 1)...] {
      if ["|", "||", "&&", ";"].contains(word) || word.hasPrefix("#") { break }
      let parts = word.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, let kind = kinds[parts[0]], !parts[1].isEmpty,
        parts[1].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." })
      else { continue }
      let at = column + text.unicodeScalars.distance(from: text.startIndex, to: word.startIndex)
      result.append(
        IaCMention(kind: .kubernetesObject, name: "\(kind)/\(parts[1])", span: SourceSpan(line: line, column: at, endColumn: at + word.unicodeScalars.count)))
    }
    return result
  }
}
