/// Tool facts shared by the machine-readable formats.
public enum ToolInfo {
  public static let name = "docs-lint"
  /// The latest released entry of CHANGELOG.md (a test holds them together).
  public static let version = "0.1.0"
  public static let informationURI = "https://github.com/docs-lint/docs-lint"
}
