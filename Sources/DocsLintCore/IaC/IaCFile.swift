/// Infrastructure-as-code technologies docs-lint reads.
public enum IaCTechnology: String, Sendable, Hashable, CaseIterable {
  case terraform
  case workflow = "github-workflow"

  /// The technology of a root-relative path, if any.
  public static func of(_ path: String) -> IaCTechnology? {
    if path.hasByteSuffix(".tf") || path.hasByteSuffix(".tfvars") { return .terraform }
    if path.hasBytePrefix(".github/workflows/"), path.hasByteSuffix(".yml") || path.hasByteSuffix(".yaml") {
      return .workflow
    }
    return nil
  }
}

/// Something an IaC file declares: a Terraform variable or module, a workflow job, ...
public struct IaCSymbol: Sendable, Hashable {
  /// `variable`, `output`, `module`, `resource`, `data`, `provider`, `backend`, `tfvar`, `job`.
  public var kind: String
  /// `region`; `aws_s3_bucket.logs` for resources; `data.aws_ami.ubuntu` for data sources.
  public var name: String
  public var span: SourceSpan
}

/// One IaC file in the graph: what it declares, the paths it names, or why it could not be read.
public struct IaCNode: Sendable {
  public var path: String
  public var technology: IaCTechnology
  public var symbols: [IaCSymbol] = []
  /// Paths the file names (module sources, scripts a workflow runs, local actions), resolved.
  public var references: [Reference] = []
  /// Why the file could not be parsed (a read problem or the parser's), at its position.
  public var problem: YAMLProblem?
}
