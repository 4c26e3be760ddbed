/// What a kind of document is for, as rules see it. A kind in `rules/kinds.yml` or
/// `.docs-lint.yml` declares its roles; rules ask whether a document has one.
package enum KindRole: String, Sendable, Hashable, CaseIterable {
  /// An ExecPlan (PLANS.md format): the `execplan/*` rules apply.
  case plan
  /// Describes infrastructure: referring to an IaC stack documents it (`iac/undocumented-stack`).
  case describesInfrastructure = "describes-infrastructure"
  /// Plans or specifies infrastructure changes: its validation section's checks and its
  /// deployment section's environments must match the IaC (`iac/validation-mismatch`,
  /// `iac/environment-drift`).
  case changesInfrastructure = "changes-infrastructure"
  /// An agent card: it declares an agent name and belongs in its folder's catalog (`agent/*`).
  case agent
}
