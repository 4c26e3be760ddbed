import Foundation
import DocsLintMarkdown

/// A kind of document (ExecPlan, infrastructure spec, agent card, ...) and what
/// documents of that kind must contain. Read from `rules/kinds.yml` and `.docs-lint.yml`.
package struct DocumentKind: Sendable, Hashable {
  package var id: String
  package var name: String
  package var paths: [Glob] = []
  package var exclude: [Glob] = []
  /// Heading level of the kind's sections (`##` by default).
  package var sectionLevel = 2
  /// The shapes a document of this kind may take; the first whose condition holds applies.
  package var variants: [KindVariant] = []
  /// Rule levels that apply to documents of this kind only.
  package var levels: [String: Level?] = [:]
  /// What rules may take documents of this kind for (`plan`, `agent`, ...): rules ask for
  /// roles, never for kind ids, so a repository's own kinds can take them on.
  package var roles: Set<KindRole> = []
  /// What makes a document of no other kind this one by its content.
  package var signals = KindSignals()

  package func has(_ role: KindRole) -> Bool { roles.contains(role) }

  package func contains(_ path: String) -> Bool {
    // By index: `contains(where:)` copies every glob it passes.
    paths.indices.contains { paths[$0].matches(path) } && !exclude.indices.contains { exclude[$0].matches(path) }
  }
}

/// Content that gives a document its kind wherever it lives: ExecPlans are kept in
/// `docs/execplans/`, `plans/` and more, and say what they are.
package struct KindSignals: Sendable, Hashable {
  /// Each entry's phrases (lowercase) must all appear in the text before the first section.
  package var text: [[String]] = []
  /// Ids of sections that must all be present.
  package var sections: [String] = []
  /// For each of `sections`, the first four folded letters of its title and aliases: a
  /// cheap look before the outline is made (set by `KindReader` once the kind is read).
  package var sectionKeys: [[[UInt8]]] = []

  package var isEmpty: Bool { text.isEmpty && sections.isEmpty }
}

package struct KindVariant: Sendable, Hashable {
  package var name: String
  package var condition: VariantCondition?
  package var sections: [SectionSpec] = []
  /// Front-matter keys this variant requires, with their types.
  package var frontMatter: [String: ValueType] = [:]
}

/// When a variant applies (normalized patterns, see `TitleMatcher`).
package enum VariantCondition: Sendable, Hashable {
  case section(String)
  case title(String)
  case frontMatterKey(String)
}

package struct SectionSpec: Sendable, Hashable {
  /// A stable name rules look the section up by (`progress`, `decision-log`); renaming the
  /// title in a configuration keeps it.
  package var id: String?
  package var title: String { didSet { normalizePatterns() } }
  /// The English title, when `title` is in another language: named first to English documents.
  package var english: String? { didSet { normalizePatterns() } }
  package var aliases: [String] = [] { didSet { normalizePatterns() } }
  package var required = false
  /// The shape of the section's list entries, if it has one (an ExecPlan's Decision Log).
  package var entries: EntryShape?

  /// Normalized title and aliases, for matching headings: normalized once, when they are
  /// set, not for every heading every rule asks about.
  package private(set) var patterns: [String] = []

  package init(title: String) {
    self.title = title
    normalizePatterns()
  }

  private mutating func normalizePatterns() {
    patterns = ([title] + (english.map { [$0] } ?? []) + aliases).map(TitleMatcher.normalizePattern)
  }

  package func matches(normalizedHeading heading: String) -> Bool {
    patterns.contains { TitleMatcher.matchesSection(heading, pattern: $0) }
  }

  /// "Progress (or Progreso, Avance)" for messages.
  package var accepted: String { accepted(english: false) }

  /// The same, the English title first for an English document (`en:` of a Spanish title).
  package func accepted(english: Bool) -> String {
    let first = english ? self.english ?? title : title
    let others = ([title] + aliases).filter { $0 != first }
    return others.isEmpty ? "'\(first)'" : "'\(first)' (or " + others.map { "'\($0)'" }.joined(separator: ", ") + ")"
  }
}

/// Types of front-matter values.
package enum ValueType: String, Sendable, Hashable, CaseIterable {
  case string, date, list, number, boolean

  /// Whether a YAML value has this type (scalars stay strings, so numbers and dates are read from text).
  package func accepts(_ value: YAMLValue) -> Bool {
    switch (self, value) {
    case (.list, .sequence): return true
    case (.list, _): return false
    case (_, .sequence), (_, .mapping): return false
    case (.string, .scalar): return true
    case (.date, .scalar(let text, _)): return DateText.isDate(text)
    case (.number, .scalar(let text, _)): return Double(text) != nil
    case (.boolean, .scalar(let text, _)): return ["true", "false", "yes", "no", "sí", "si"].contains(text.lowercased())
    }
  }
}

/// ISO-style dates: `2025-10-01`, optionally with a time (`2025-10-01 13:00`, `2025-10-01T13:00:00Z`).
package enum DateText {
  package static func isDate(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count >= 10 else { return false }
    func digits(_ range: Range<Int>) -> Int? {
      guard bytes[range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
      return Int(String(decoding: bytes[range], as: UTF8.self))
    }
    guard let year = digits(0..<4), bytes[4] == UInt8(ascii: "-"), let month = digits(5..<7),
      bytes[7] == UInt8(ascii: "-"), let day = digits(8..<10)
    else { return false }
    guard year >= 1900, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return false }
    guard bytes.count > 10 else { return true }
    // A time part: "T" or a space, then HH:MM[:SS][.fff][Z|±HH:MM].
    let rest = String(decoding: bytes[10...], as: UTF8.self)
    guard let separator = rest.first, separator == "T" || separator == " " else { return false }
    let time = rest.dropFirst()
    let hour = Int(time.prefix(2)) ?? 99
    let minute = Int(time.dropFirst(3).prefix(2)) ?? 99
    return time.count >= 5 && time.dropFirst(2).first == ":" && hour < 24 && minute < 60
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// How a section's entries are written: an entry starts with one of `starts` (`Decision:`)
/// and must carry a line for each need (`Rationale:`), in any of its labels. Lowercase.
package struct EntryShape: Sendable, Hashable {
  package struct Need: Sendable, Hashable {
    /// How messages name it (`Rationale`).
    package var name: String
    package var labels: [String]
  }

  package var starts: [String] = []
  package var needs: [Need] = []
  /// What an entry says when it records nothing yet ("Observation: none yet."): it needs no
  /// supporting lines. A phrase of one word is the whole entry; a longer one may go on.
  package var nothing: [String] = []

  /// Whether an entry's text after its label (lowercased) records nothing.
  package func recordsNothing(_ rest: Substring) -> Bool {
    let text = rest.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ".!;"))
    return nothing.contains { phrase in
      guard phrase.contains(" ") else { return text == phrase }
      guard text.hasPrefix(phrase) else { return false }
      let next = text.dropFirst(phrase.count).first
      return next.map { !$0.isLetter && !$0.isNumber } ?? true
    }
  }
}
