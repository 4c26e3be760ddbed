import DocsLintConfig

/// How a document refers to something: the edge kinds of the graph.
package enum ReferenceKind: String, Sendable, Hashable, Codable, CaseIterable {
  case link = "markdown-link"
  case image
  case referenceDefinition = "reference-definition"
  case htmlLink = "html-link"
  /// `#fragment` within the same document.
  case anchorLink = "anchor-link"
  /// An inline code span that is a repository path: `docs/plan.md`.
  case backtickPath = "backtick-path"
  /// A path argument of a command: `bash scripts/deploy.sh`.
  case commandPath = "command-path"
  /// A path written as plain or bold text in a list item or a "File:" line: `**docs/x.md**`.
  case textPath = "text-path"
  /// A path an IaC file names: a module source, a script a workflow runs.
  case iacPath = "iac-path"

  /// Link-like references are checked by `link/*` rules; paths by `ref/*`; IaC paths by `iac/*`.
  package var isLink: Bool { self != .backtickPath && self != .commandPath && self != .iacPath && self != .textPath }
}

/// One edge of the graph: what was written, where, and what it resolved to.
package struct Reference: Sendable, Hashable {
  package var kind: ReferenceKind
  /// The text as written (link destination, or path token).
  package var text: String
  package var span: SourceSpan
  package var resolution: Resolution
  /// The decoded `#fragment` of a link into a Markdown file, checked once anchors are known.
  package var fragment: String?

  package init(
    kind: ReferenceKind, text: String, span: SourceSpan, resolution: Resolution = .unresolved,
    fragment: String? = nil
  ) {
    self.kind = kind
    self.text = text
    self.span = span
    self.resolution = resolution
    self.fragment = fragment
  }
}

/// What a reference points at, once resolved against the repository.
package enum Resolution: Sendable, Hashable {
  case unresolved
  /// A URL or other non-repository target; not checked.
  case external
  /// An existing file or folder (root-relative path).
  case target(String)
  /// A glob that matched these files.
  indirect case glob(matches: [String])
  case missing(path: String)
  indirect case caseMismatch(path: String, actual: String)
  case outsideRoot
  /// The file exists but the fragment names no heading or HTML anchor there.
  indirect case missingAnchor(path: String, fragment: String, suggestion: String?)
  case globMatchesNothing(pattern: String)
  /// Missing, but git ignores it: a build output or other generated file, not checked.
  case generated(path: String)
  /// Missing, and the document says it is not there yet ("currently empty"): planned for
  /// every page that names it.
  case planned(path: String)

  /// Whether the edge points nowhere it should.
  package var isBroken: Bool {
    switch self {
    case .missing, .caseMismatch, .outsideRoot, .missingAnchor, .globMatchesNothing: true
    case .unresolved, .external, .target, .glob, .generated, .planned: false
    }
  }

  /// The root-relative path of the file or folder this edge reaches, if any.
  package var targetPath: String? {
    switch self {
    case .target(let path), .missingAnchor(let path, _, _): path
    default: nil
    }
  }

  /// Every existing file or folder this edge reaches: its target, or a glob's matches.
  package var targetPaths: [String] {
    if case .glob(let matches) = self { return matches }
    return targetPath.map { [$0] } ?? []
  }
}

extension Dependency {
  /// What a broken reference depends on: the path it names, or the anchor it names there.
  package static func of(_ resolution: Resolution) -> Dependency? {
    switch resolution {
    case .missing(let path), .caseMismatch(let path, _): .file(path)
    case .missingAnchor(let path, let fragment, _): .anchor(path: path, fragment: fragment)
    default: nil
    }
  }
}

extension [Reference] {
  /// Missing paths git ignores are build outputs (`target/`, `.env`), not stale references:
  /// in prose, commands and IaC files. Links stay broken: they are 404s on GitHub.
  package mutating func markGenerated(ignored: Set<String>) {
    guard !ignored.isEmpty else { return }
    for position in indices where !self[position].kind.isLink {
      if case .missing(let path) = self[position].resolution, ignored.contains(path) {
        self[position].resolution = .generated(path: path)
      }
    }
  }

  /// The missing paths of the edges that are not links.
  package var missingNonLinkPaths: [String] {
    var missing: [String] = []
    for index in indices where !self[index].kind.isLink {
      if case .missing(let path) = self[index].resolution { missing.append(path) }
    }
    return missing
  }
}

extension MutableCollection where Element == Reference {
  /// Missing paths that the same document or job created earlier (or on the same line)
  /// with a command are its outputs, not stale references.
  package mutating func markCreated(_ created: [(path: String, line: Int)]) {
    guard !created.isEmpty else { return }
    for index in indices where !self[index].kind.isLink {
      guard case .missing(let path) = self[index].resolution else { continue }
      let line = self[index].span.line
      if created.contains(where: { $0.line <= line && (path == $0.path || path.hasPrefix($0.path + "/")) }) {
        self[index].resolution = .generated(path: path)
      }
    }
  }
}
