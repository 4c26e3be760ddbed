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
        var word = String.UnicodeScalarView()
        var start = 1
        // An environment word waits for the next word: "QA approval" names a role, not a
        // target; so does one after a role word and "de" ("aprobación de QA").
        var pending: EnvironmentMention?
        var before: (String, String) = ("", "")
        // A sentinel space closes the last word.
        for scalar in source.lineText(line).unicodeScalars + [" "] {
          if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" {
            if word.isEmpty { start = column }
            word.append(scalar)
          } else if !word.isEmpty {
            let text = String(word)
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
            word = String.UnicodeScalarView()
          }
          column += 1
        }
        if let waiting = pending { mentions.append(waiting) }
      }
    }
    return mentions
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
