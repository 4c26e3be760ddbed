/// A change a rule is sure of: applying every replacement resolves the finding.
/// Set only where there is exactly one right answer (letter case of a path, an
/// anchor that differs only by accents, case or hyphen runs).
public struct Fix: Sendable, Hashable, Codable {
  public var replacements: [Replacement]

  package init(_ replacements: [Replacement]) {
    self.replacements = replacements
  }
}

/// New text for one region of the finding's file.
public struct Replacement: Sendable, Hashable, Codable {
  /// The region, on one line, in Unicode-scalar columns like every span.
  public var span: SourceSpan
  /// What the region holds now. The fixer checks the file's bytes against it and
  /// skips the fix when they differ: it never writes over text it did not verify.
  public var original: String
  public var text: String

  package init(span: SourceSpan, original: String, text: String) {
    self.span = span
    self.original = original
    self.text = text
  }
}
