import Testing
@testable import DocsLintCore
@Test func smoke() { #expect(GitHubSlugger.slug("A b") == "a-b") }
