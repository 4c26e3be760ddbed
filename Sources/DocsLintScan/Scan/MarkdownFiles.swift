import DocsLintConfig

/// Which files are Markdown, by name.
package enum MarkdownFiles {
  /// `.md`, `.markdown` or `.mdx`, in any letter case (no lowercased copy of the path).
  package static func isMarkdown(_ path: String) -> Bool {
    hasSuffixIgnoringCase(path, ".md") || hasSuffixIgnoringCase(path, ".markdown") || hasSuffixIgnoringCase(path, ".mdx")
  }

  private static func hasSuffixIgnoringCase(_ path: String, _ suffix: String) -> Bool {
    let tail = path.utf8.suffix(suffix.utf8.count)
    return tail.count == suffix.utf8.count && zip(tail, suffix.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
  }
}
