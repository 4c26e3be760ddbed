/// Tool facts shared by the machine-readable formats.
public enum ToolInfo {
  public static let name = "docs-lint"
  public static let version = "0.1.0"
  public static let informationURI = "https://github.com/docs-lint/docs-lint"
}
