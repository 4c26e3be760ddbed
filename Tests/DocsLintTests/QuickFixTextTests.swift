import Testing

@testable import DocsLintServer

/// The text the language server's quick fixes write: where a catalog entry goes, in which
/// form and with which line ending.
struct CatalogEntryTests {
  private func insert(_ text: String) -> (String, Int, Int) {
    let insertion = CatalogEntry.insertion(listing: "deploy.md", name: "DeployAgent", in: OpenDocument(text: text, version: 0))
    return (insertion.newText, insertion.at.line, insertion.at.character)
  }

  @Test func afterTheLastItemAndItsContinuationInTheFilesLineEnding() {
    let text = "# Agents\r\n\r\n- [Audit](audit.md)\r\n- [Build](build.md)\r\n  Builds things.\r\n\r\nMore text.\r\n"
    #expect(insert(text) == ("- [DeployAgent](deploy.md)\r\n", 5, 0))
  }

  @Test func examplesInCodeAndListsOfOtherFoldersAreNotTheCatalog() {
    let text = "- [Audit](audit.md)\n\n```md\n- [Example](example.md)\n```\n\nSee also:\n- [Guide](../docs/guide.md)\n"
    #expect(insert(text) == ("- [DeployAgent](deploy.md)\n", 1, 0))
  }

  @Test func aTableGetsARowAndNumberedListsTheNextNumber() {
    #expect(insert("| Agent | File |\n|---|---|\n| [Audit](audit.md) | x |\n") == ("| [DeployAgent](deploy.md) |  |\n", 3, 0))
    #expect(insert("1. [Audit](./audit.md)") == ("\n2. [DeployAgent](deploy.md)", 0, 22))
  }

  @Test func noEntryYetAppendsAListItemAfterABlankLine() {
    #expect(insert("# Agents\n\nNone yet.") == ("\n\n- [DeployAgent](deploy.md)\n", 2, 9))
    #expect(insert("# Agents\n\nNone yet.\n") == ("\n- [DeployAgent](deploy.md)\n", 3, 0))
    #expect(insert("# Agents\n\n") == ("- [DeployAgent](deploy.md)\n", 2, 0))
  }
}
