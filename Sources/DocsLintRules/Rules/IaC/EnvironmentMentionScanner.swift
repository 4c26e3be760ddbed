import DocsLintGraph
import Foundation

/// An environment a plan names for its rollout: `producción` → `prod`.
package struct EnvironmentMention: Sendable, Hashable {
  /// The canonical name (`prod`).
  package var name: String
  /// The word as written (`producción`).
  package var word: String
  package var span: SourceSpan
}

/// Environment words in the deployment sections of a plan or spec (Despliegue,
/// Deployment, Rollout, Entornos, ...), whole words only, prose and code alike.
package enum EnvironmentMentionScanner {
  package static func scan(_ markdown: MarkdownDocument, source: SourceText, settings: KindSettings) -> [EnvironmentMention] {
    guard !settings.environments.isEmpty else { return [] }
    var mentions: [EnvironmentMention] = []
    for (index, heading) in markdown.headings.enumerated() {
      let title = TitleMatcher.normalize(heading.text)
      guard settings.isDeploymentSection(title) else { continue }
      let end = markdown.sectionEnd(of: index) ?? source.lineCount + 1
      guard end > heading.endLine + 1 else { continue }
      for line in (heading.endLine + 1)..<end {
        var column = 1
        var start = 1
        // An environment word waits for the next word: "QA approval" names a role, not a
        // target; so does one after a role word and "de" ("aprobación de QA").
        var pending: EnvironmentMention?
        var before: (String, String) = ("", "")
        let scalars = source.lineText(line).unicodeScalars
        var index = scalars.startIndex
        var wordStart: String.UnicodeScalarView.Index?
        // The end of the line closes the last word.
        while true {
          let atEnd = index == scalars.endIndex
          if !atEnd, isWordScalar(scalars[index]) {
            if wordStart == nil {
              wordStart = index
              start = column
            }
          } else if let from = wordStart {
            let text = String(scalars[from..<index])
            let folded = TextFolding.caseAndAccents(text)
            if let waiting = pending {
              if !settings.environmentRoleWords.contains(folded) { mentions.append(waiting) }
              pending = nil
            }
            let afterRole = ["de", "del", "of"].contains(before.1) && settings.environmentRoleWords.contains(before.0)
            if let name = settings.environment(named: text), !afterRole {
              pending = EnvironmentMention(
                name: name, word: text, span: SourceSpan(line: line, column: start, endColumn: start + text.unicodeScalars.count))
            }
            before = (before.1, folded)
            wordStart = nil
          }
          if atEnd { break }
          index = scalars.index(after: index)
          column += 1
        }
        if let waiting = pending { mentions.append(waiting) }
      }
    }
    return mentions
  }

  /// Letters, digits and `-`; ASCII without a Unicode property lookup.
  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.isASCII else { return scalar.properties.isAlphabetic }
    return UInt8(scalar.value).isASCIIAlphanumeric || scalar == "-"
  }
}

extension EnvironmentMention: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(word)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(name: try reader.string(), word: try reader.string(), span: try reader.read())
  }
}

/// What `iac/environment-drift` keeps of a plan or spec (a kind that changes
/// infrastructure, in a repository that has IaC): the environments its deployment
/// sections name.
struct DeploymentEnvironmentCollector: FactCollector {
  static let id = "deployment-environments"

  struct Fact: CollectedFact {
    var mentions: [EnvironmentMention]
  }

  func collect(from document: CollectionInput) -> Fact? {
    guard !document.technologies.isEmpty, document.has(.changesInfrastructure) else { return nil }
    let mentions = EnvironmentMentionScanner.scan(
      document.markdown, source: document.source, settings: document.configuration.kinds)
    return mentions.isEmpty ? nil : Fact(mentions: mentions)
  }
}

extension DeploymentEnvironmentCollector.Fact: BinaryCodable {
  func encode(to writer: inout BinaryWriter) { writer.write(mentions) }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) { mentions = try reader.array() }
}
