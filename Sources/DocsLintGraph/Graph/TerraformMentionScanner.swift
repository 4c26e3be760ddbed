import DocsLintScan

/// An IaC symbol a document names in code: a Terraform address (`var.region`,
/// `module.vpc`, `aws_s3_bucket.logs`, `data.aws_ami.ubuntu`) or a compose service in a
/// `docker compose` command.
package struct IaCMention: Sendable, Hashable {
  /// The kind of symbol it names: `variable`, `module`, `resource`, `data`, `service`, ...
  package var kind: SymbolKind
  /// As IaC symbols name it: `region`, `vpc`, `aws_s3_bucket.logs`, `data.aws_ami.ubuntu`, `api`.
  package var name: String
  package var span: SourceSpan
}

/// Finds Terraform addresses where a reader would take them for addresses, and nowhere
/// else: a code span that is one address (`var.region`, `module.vpc.vpc_id`), and the
/// arguments of `terraform` commands (in code spans, shell fences and unlabelled blocks).
/// HCL snippets are left alone: their `var.x` are often the caller's, not the repository's.
package enum TerraformMentionScanner {
  package static func scan(_ markdown: MarkdownDocument, source: SourceText, shellLanguages: Set<String>) -> [IaCMention] {
    var mentions: [IaCMention] = []
    for span in markdown.codeSpans where span.span.line == span.span.endLine {
      let text = Substring(span.text)
      if let command = terraformArguments(text) {
        mentions += addresses(in: command, of: text, line: span.span.line, column: span.span.column)
      } else if mayBeAddress(text), let mention = address(text, whole: true) {
        mentions.append(
          IaCMention(
            kind: mention.kind, name: mention.name,
            span: SourceSpan(line: span.span.line, column: span.span.column, endColumn: span.span.endColumn)))
      }
    }
    for code in ShellCodeLines.containing("terraform ", in: markdown, source: source, shellLanguages: shellLanguages, spans: false) {
      guard let command = terraformArguments(code.text) else { continue }
      mentions += addresses(in: command, of: code.text, line: code.line, column: code.column)
    }
    return mentions
  }

  /// A cheap byte test before splitting: a lowercase start, a dot, no spaces or slashes
  /// (most code spans are paths).
  private static func mayBeAddress(_ text: Substring) -> Bool {
    guard let first = text.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
    var dot = false
    for byte in text.utf8 {
      if byte == 0x20 || byte == UInt8(ascii: "/") { return false }
      if byte == UInt8(ascii: ".") { dot = true }
    }
    return dot
  }

  /// The text after `terraform` when `text` (less a `$ ` prompt) is a terraform command.
  private static func terraformArguments(_ text: Substring) -> Substring? {
    // Bytes, not Characters: this runs on every code span and command line.
    var rest = text.utf8.drop { $0 == 0x20 || $0 == 0x09 }
    if rest.starts(with: "$ ".utf8) { rest = rest.dropFirst(2) }
    guard rest.starts(with: "terraform ".utf8) else { return nil }
    return Substring(rest.dropFirst("terraform ".utf8.count))
  }

  /// Every address among the words of `arguments` (`-target=ADDR` included), placed in `text`.
  private static func addresses(in arguments: Substring, of text: Substring, line: Int, column: Int) -> [IaCMention] {
    var result: [IaCMention] = []
    for bytes in arguments.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }) where bytes.contains(UInt8(ascii: ".")) {
      let word = Substring(bytes)
      var token = word.hasPrefix("-") ? word.drop { $0 != "=" }.dropFirst() : word
      token = token.drop { $0 == "'" || $0 == "\"" }
      while let last = token.last, last == "'" || last == "\"" || last == ";" { token = token.dropLast() }
      guard !token.isEmpty, let found = address(token, whole: false) else { continue }
      let start = column + text.unicodeScalars.distance(from: text.startIndex, to: token.startIndex)
      result.append(
        IaCMention(
          kind: found.kind, name: found.name,
          span: SourceSpan(line: line, column: start, endColumn: start + token.unicodeScalars.count)))
    }
    return result
  }

  /// The address `text` starts with. With `whole`, every part must be an identifier (an
  /// attribute path like `module.vpc.vpc_id` is fine; `module.exports = x` is not).
  static func address(_ text: Substring, whole: Bool) -> (kind: SymbolKind, name: String)? {
    let parts: [Substring] = text.split(separator: ".", omittingEmptySubsequences: false).map { part in
      if let bracket = part.firstIndex(of: "[") { part[..<bracket] } else { part }
    }
    guard parts.count >= 2, !whole || parts.allSatisfy(isIdentifier) else { return nil }
    let first = parts[0]
    let second = parts[1]
    guard isIdentifier(second) else { return nil }
    switch first {
    case "var": return (.variable, String(second))
    case "module": return second == "exports" ? nil : (.module, String(second))
    case "data":
      guard parts.count >= 3, isResourceType(second), isIdentifier(parts[2]) else { return nil }
      return (.data, "data.\(second).\(parts[2])")
    default:
      guard isResourceType(first), !fileExtensions.contains(String(second)) else { return nil }
      return (.resource, "\(first).\(second)")
    }
  }

  /// `aws_s3_bucket.tf` is a file, not the resource `tf`.
  private static let fileExtensions: Set<String> = [
    "tf", "tfvars", "hcl", "json", "yml", "yaml", "md", "sh", "py", "txt", "tpl", "zip",
  ]

  private static func isIdentifier(_ text: Substring) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
    return text.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  /// `aws_s3_bucket`: lowercase provider prefix, an underscore, lowercase words.
  private static func isResourceType(_ text: Substring) -> Bool {
    guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.contains("_") else { return false }
    return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }
}
