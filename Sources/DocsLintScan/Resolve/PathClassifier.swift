import DocsLintConfig

/// Decides whether a word written in a document names a repository path, and
/// what it resolves to. The rules (documented in the README):
/// - a reference contains `/` or is a known root file (`README.md`, `Makefile`, ...);
/// - never a URL, an option, a placeholder (`<name>`, `{{x}}`, `${VAR}`, `path/to/...`,
///   `...`, `XXX`), an absolute system path, a home path, nor a bare file name;
/// - in prose code spans it must also be anchored: its first folder exists under the root
///   or the document's folder, or it starts with `../` (so `TCP/IP`, `read/write`
///   and `owner/repo/file.yml` from another repository are not paths); a truncated path
///   (ending in `-`, wrapped across two spans) is not one either;
/// - a glob must match at least one file;
/// - it resolves against the repository root or the document's folder (and, in a
///   shell block, the folder a preceding `cd` moved to).
package struct PathClassifier: Sendable {
  let settings: PathSettings
  package let inventory: FileInventory
  package let reader: FileReader
  /// What is on disk but not in the inventory (ignored or skipped files), asked once per path.
  package let disk: DiskPresence
  /// Whether a first folder exists under some bases, by bases and folder: documents of one
  /// folder name the same few (`src/`, `docs/`) thousands of times.
  private let anchors = Memo<Bool>()

  /// A path found in a word, after cleaning: its text and its scalar offset in the word.
  package struct Candidate: Equatable {
    package var path: String
    package var offset: Int
  }

  /// Strips what surrounds a path in prose or commands: quotes, `:12` line
  /// suffixes, `#L10` anchors, pytest `::test` ids, trailing punctuation.
  /// `strict` is for prose (the path must be anchored); `explicit` is for the value of a
  /// path option (`-chdir=infra`), where even a bare name is a path.
  package func candidate(in word: String, strict: Bool, explicit: Bool = false, bases: [String]) -> Candidate? {
    // Elided paths ("docs/...") are examples, even before trailing dots are trimmed.
    if word.includes("...") || word.includes("…") { return nil }
    // Work on bytes: every character that matters here is ASCII.
    var word = word
    return word.withUTF8 { candidate(bytes: $0, strict: strict, explicit: explicit, bases: bases) }
  }

  private func candidate(bytes: UnsafeBufferPointer<UInt8>, strict: Bool, explicit: Bool, bases: [String]) -> Candidate? {
    var start = 0
    var end = bytes.count
    while start < end, Self.leading[Int(bytes[start])] { start += 1 }
    while end > start, Self.trailing[Int(bytes[end - 1])] { end -= 1 }
    var index = start
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "#") || (byte == UInt8(ascii: ":") && index + 1 < end && bytes[index + 1] == byte) {
        end = index  // "#L10" anchors and pytest "::test" ids
        break
      }
      if byte == UInt8(ascii: ":"), UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]).allSatisfy({ Self.lineSuffix[Int($0)] }) {
        end = index  // "file.rs:42", "file.rs:10-20"
        break
      }
      index += 1
    }
    guard start < end else { return nil }
    let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
    let text = String(decoding: slice, as: UTF8.self)
    guard isPathShaped(text, bytes: slice, explicit: explicit) else { return nil }
    if strict, !isAnchored(text, bases: bases) { return nil }
    return Candidate(path: text, offset: start)
  }

  private static func table(_ characters: String) -> [Bool] {
    var table = [Bool](repeating: false, count: 256)
    for byte in characters.utf8 { table[Int(byte)] = true }
    return table
  }

  private static let leading = table("\"'(")
  private static let trailing = table(",.;:)'\"")
  private static let lineSuffix = table("0123456789-:")
  private static let forbiddenFirst = table("-~$%@!^&+=")
  /// Characters that never occur in a path reference: placeholders, code, prose.
  private static let forbidden = table("<>{}$|;=,\\`\"' ()!*?[]")

  private func isPathShaped(_ text: String, bytes: UnsafeBufferPointer<UInt8>, explicit: Bool) -> Bool {
    guard let first = bytes.first, !Self.forbiddenFirst[Int(first)], !RepoPath.hasScheme(text) else { return false }
    if bytes.contains(where: { Self.forbidden[Int($0)] }) && !isGlob(bytes) { return false }
    if text.hasPrefix("www.") || text.includes("//") { return false }
    for placeholder in settings.placeholders where text.includes(placeholder) { return false }
    if first == UInt8(ascii: "/") && !isRootAnchored(text) { return false }
    if isRoute(text, bytes: bytes) { return false }
    guard bytes.contains(UInt8(ascii: "/")) else { return explicit || settings.rootFiles.contains(text) }
    // A path cut in two to wrap a long line ("docs/the-road-to-").
    if bytes.last == UInt8(ascii: "-") { return false }
    // Dates, ratios and versions ("2025/10/01", "1/2") are not paths.
    if bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2F }) { return false }
    // "github.com/org/repo" and other host names.
    let head = text[..<(text.firstIndex(ofByte: UInt8(ascii: "/")) ?? text.endIndex)]
    if head.includesByte(UInt8(ascii: ".")), head != ".", head != "..",
      !inventory.exists(String(head)), !hasKnownExtension(head)
    {
      return false
    }
    return true
  }

  /// An HTTP route, not a file: `/api/v1/tickets/`, `api/v2/users` (an `api/` folder in the
  /// repository does not make it one): an `api` or version (`v1`) segment and no extension.
  private func isRoute(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.count >= 5, bytes[0] == UInt8(ascii: "/"), text.hasPrefix("/api/") { return true }
    // Cheap first, without a copy: a "/v" or a leading "v" followed by a digit.
    var previous: UInt8 = UInt8(ascii: "/")
    var sawV = false
    var hasVersion = false
    for byte in bytes {
      if sawV, byte >= 0x30, byte <= 0x39 {
        hasVersion = true
        break
      }
      sawV = byte == UInt8(ascii: "v") && previous == UInt8(ascii: "/")
      previous = byte
    }
    guard hasVersion else { return false }
    let segments = text.split(separator: "/")
    guard let last = segments.last, !last.dropFirst().contains(".") else { return false }
    return segments.contains { $0.count >= 2 && $0.first == "v" && $0.dropFirst().allSatisfy(\.isNumber) }
  }

  /// Globs may use `*`, `?` and `[...]`; everything else forbidden still is.
  private func isGlob(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let globBytes: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]")]
    return bytes.contains { globBytes.contains($0) }
      && !bytes.contains { Self.forbidden[Int($0)] && !globBytes.contains($0) }
  }

  /// `/docs/x.md` is root-relative only when `docs` exists at the root; `/etc/...` is not ours.
  private func isRootAnchored(_ text: String) -> Bool {
    let head = text.drop { $0 == "/" }.prefix { $0 != "/" }
    return !head.isEmpty && inventory.exists(String(head))
  }

  package func hasKnownExtension(_ segment: Substring) -> Bool {
    guard let dot = segment.lastIndex(of: "."), dot != segment.startIndex else { return false }
    return settings.extensions.contains(segment[segment.index(after: dot)...].lowercased())
  }

  /// Prose words need more evidence than command arguments: the first real
  /// folder exists under some base, or the path starts with "../".
  private func isAnchored(_ path: String, bases: [String]) -> Bool {
    // "../x.md" says outright that it is a path relative to the document.
    if path.hasPrefix("../") { return true }
    // A root file ("Makefile") is checked as is; a lone folder ("src/") only when it exists somewhere.
    let trimmed = (path.hasSuffix("/") ? path.dropLast() : Substring(path)).drop { $0 == "/" }
    if !trimmed.utf8.contains(UInt8(ascii: "/")) && !path.hasSuffix("/") { return true }
    return firstSegmentExists(trimmed, bases: bases)
  }

  /// Whether the first segment after any leading "./" and "../" exists under one of the bases.
  private func firstSegmentExists(_ path: Substring, bases: [String]) -> Bool {
    // On bytes: leading "/", then "./" and "../" (each "../" one folder up), then the head.
    let (ups, from, to) = path.withBytes { bytes -> (Int, Int, Int) in
      var ups = 0
      var at = 0
      while at < bytes.count, bytes[at] == UInt8(ascii: "/") { at += 1 }
      while true {
        if at + 1 < bytes.count, bytes[at] == UInt8(ascii: "."), bytes[at + 1] == UInt8(ascii: "/") {
          at += 2
        } else if at + 2 < bytes.count, bytes[at] == UInt8(ascii: "."), bytes[at + 1] == UInt8(ascii: "."),
          bytes[at + 2] == UInt8(ascii: "/")
        {
          ups += 1
          at += 3
        } else {
          break
        }
      }
      var end = at
      while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
      return (ups, at, end)
    }
    let utf8 = path.utf8
    let head = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
    guard !head.isEmpty, head != ".", head != ".." else { return false }
    if Glob.isPattern(head) { return true }
    var key = String(ups)
    key.reserveCapacity(head.utf8.count + bases.reduce(8) { $0 + $1.utf8.count + 1 })
    key += "/"
    key += head
    for base in bases {
      key += "\u{0}"
      key += base
    }
    return anchors.value(for: key) { exists(head, ups: ups, bases: bases) }
  }

  private func exists(_ head: Substring, ups: Int, bases: [String]) -> Bool {
    for base in bases {
      var folder = base
      for _ in 0..<ups { folder = RepoPath.directory(of: folder) }
      let probe = RepoPath.join(folder, String(head))
      if inventory.exists(probe) || inventory.caseVariant(of: probe) != nil { return true }
    }
    return false
  }

  /// Resolves a path candidate against the bases, in order.
  package func resolve(_ path: String, bases: [String]) -> Resolution {
    let rootRelative = path.hasPrefix("/")
    let relative = rootRelative ? String(path.drop { $0 == "/" }) : path
    let searchBases = rootRelative ? [""] : bases
    if Glob.isPattern(Substring(relative)) {
      for base in searchBases {
        guard let pattern = RepoPath.normalize(RepoPath.join(base, relative)) else { continue }
        let glob = Glob(pattern)
        let matches = inventory.files(matching: glob)
        if !matches.isEmpty { return .glob(matches: matches) }
        if !inventory.directories(matching: glob).isEmpty { return .glob(matches: []) }
      }
      if settings.hasPlaceholderName(Substring(relative)) { return .unresolved }
      return isOutput(relative) ? .generated(path: path) : .globMatchesNothing(pattern: path)
    }
    var firstCandidate: String?
    var caseVariant: (String, String)?
    for base in searchBases {
      guard let normalized = RepoPath.normalize(RepoPath.join(base, relative)) else { continue }
      if firstCandidate == nil { firstCandidate = normalized }
      if let known = inventory.lookup(normalized) { return .target(known) }
      if disk.contains(normalized) { return .target(normalized) }
      if caseVariant == nil, let actual = inventory.caseVariant(of: normalized) {
        caseVariant = (normalized, actual)
      }
    }
    if let (written, actual) = caseVariant { return .caseMismatch(path: written, actual: actual) }
    if let found = nearby(relative, bases: searchBases) { return .target(inventory.interned(found)) }
    guard let firstCandidate else { return .outsideRoot }
    // `specs/my-project/spec.md`: the reader's own project, a stand-in, not checked.
    if settings.hasPlaceholderName(Substring(relative)) { return .unresolved }
    return isOutput(relative) ? .generated(path: firstCandidate) : .missing(path: firstCandidate)
  }

  /// What a run writes rather than what the repository holds: a path under an output
  /// folder (`mutants.out/`, `sdlc_outputs/`, `coverage/`) or with a timestamp in a name
  /// (`issue_20251107_143022.md`, `run-2025-11-07T14-30.json`).
  private func isOutput(_ path: String) -> Bool {
    let segments = path.split(separator: "/")
    let folders = path.hasSuffix("/") ? segments[...] : segments.dropLast()
    if folders.contains(where: { settings.outputFolders.matches(String($0)) }) { return true }
    return segments.contains(where: Self.hasTimestamp)
  }

  /// Eight digits in a row (a date, maybe with its time), or a `2025-11-07T14` date and hour.
  private static func hasTimestamp(_ name: Substring) -> Bool {
    var run = 0
    for byte in name.utf8 {
      run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
      if run >= 8 { return true }
    }
    let bytes = Array(name.utf8)
    guard bytes.count >= 13 else { return false }
    let digit = { (index: Int) in bytes[index] >= 0x30 && bytes[index] <= 0x39 }
    for start in 0...(bytes.count - 13) {
      let shape = (0..<4).allSatisfy { digit(start + $0) } && bytes[start + 4] == UInt8(ascii: "-")
        && digit(start + 5) && digit(start + 6) && bytes[start + 7] == UInt8(ascii: "-") && digit(start + 8)
        && digit(start + 9) && [UInt8(ascii: "T"), UInt8(ascii: "_"), UInt8(ascii: "-")].contains(bytes[start + 10])
        && digit(start + 11) && digit(start + 12)
      if shape { return true }
    }
    return false
  }

  /// Where a path that is not under any base is still plainly meant:
  /// - a bare root file (`CHANGELOG.md`, `setup.py`) or `./x.sh` in the nearest folder up from
  ///   a base that holds it, else the one place in the tree that holds it (the sub-project
  ///   the document is about);
  /// - a partial path relative to some package or module (`builder/core.rs`);
  /// - a Python dotted name after a folder (`src/core.config.load_config`): its module file.
  private func nearby(_ relative: String, bases: [String]) -> String? {
    let local = relative.hasPrefix("./") ? String(relative.dropFirst(2)) : relative
    let isBare = !local.includesByte(UInt8(ascii: "/")) && settings.rootFiles.contains(local)
    if isBare || relative.hasPrefix("./") {
      for base in bases {
        var folder = RepoPath.directory(of: base)
        while true {
          if let path = RepoPath.normalize(RepoPath.join(folder, local)), inventory.exists(path) { return path }
          if folder.isEmpty { break }
          folder = RepoPath.directory(of: folder)
        }
      }
      if isBare, let only = inventory.paths(named: local).first(where: inventory.isFile) { return only }
      if isBare { return nil }
    }
    if let match = inventory.fileEnding(with: relative) { return match }
    return pythonModule(relative)
  }

  /// `a/b.c.d` → the first of `a/b/c/d.py`, `a/b/c/d/`, `a/b/c.py`, `a/b/c/`, `a/b.py` that
  /// exists; only when the last dotted word is not a file extension.
  private func pythonModule(_ path: String) -> String? {
    guard let slash = path.lastIndex(of: "/") else { return nil }
    let folder = path[..<slash]
    let words = path[path.index(after: slash)...].split(separator: ".", omittingEmptySubsequences: false)
    guard words.count > 1, words.allSatisfy({ !$0.isEmpty }), let last = words.last,
      !settings.extensions.contains(last.lowercased())
    else { return nil }
    // The module, then the module with one or two attributes after it (`config.load_config`,
    // `telemetry.Api.start`); a package folder only as the whole name.
    for count in stride(from: words.count, through: max(1, words.count - 2), by: -1) {
      let module = String(folder) + "/" + words.prefix(count).joined(separator: "/")
      if inventory.isFile(module + ".py") { return module + ".py" }
      if count == words.count, inventory.isDirectory(module) { return module }
    }
    return nil
  }

  package init(settings: PathSettings, inventory: FileInventory, reader: FileReader) {
    self.settings = settings
    self.inventory = inventory
    self.reader = reader
    self.disk = DiskPresence(reader: reader)
  }
}
