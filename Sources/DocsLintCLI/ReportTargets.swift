import DocsLintServer
import Foundation

/// Where each report of one run goes: `--format` may be given several times, and
/// `--output FORMAT=FILE` sends that format to a file; at most one report goes to standard
/// output. A plain `--output FILE` is for the one format that has no `FORMAT=FILE`.
struct ReportTarget {
  var reporter: any Reporter
  /// nil: standard output.
  var file: String?

  static func resolve(formats given: [String], outputs: [String]) throws -> [ReportTarget] {
    let formats = given.isEmpty ? [TextReporter.format] : given
    var reporters: [any Reporter] = []
    for format in formats {
      guard let reporter = Reporters.named(format) else {
        throw UsageError("unknown --format '\(format)' (expected \(Reporters.choices))")
      }
      guard !reporters.contains(where: { type(of: $0).format == format }) else {
        throw UsageError("--format \(format) is given twice")
      }
      reporters.append(reporter)
    }
    var files: [String: String] = [:]
    var plain: [String] = []
    for output in outputs {
      let equals = output.firstIndex(of: "=")
      let name = equals.map { String(output[..<$0]) }
      guard let name, let equals, Reporters.named(name) != nil else {
        plain.append(output)
        continue
      }
      guard formats.contains(name) else {
        throw UsageError("--output \(output): \(name) is not one of the --format values (\(formats.joined(separator: ", ")))")
      }
      guard files[name] == nil else { throw UsageError("--output names a file for \(name) twice") }
      files[name] = String(output[output.index(after: equals)...])
    }
    let unnamed = formats.filter { files[$0] == nil }
    if let file = plain.first {
      guard plain.count == 1, unnamed.count == 1 else {
        throw UsageError("with several formats, write --output FORMAT=FILE (e.g. --output sarif=docs-lint.sarif)")
      }
      files[unnamed[0]] = file
    } else if unnamed.count > 1 {
      throw UsageError(
        "only one report can go to standard output: give the others --output FORMAT=FILE (\(unnamed.joined(separator: ", ")) have none)")
    }
    if let empty = files.first(where: { $0.value.isEmpty }) { throw UsageError("--output \(empty.key)= names no file") }
    let shared = Dictionary(grouping: files, by: \.value).first { $0.value.count > 1 }
    if let shared {
      throw UsageError("--output: \(shared.value.map(\.key).sorted().joined(separator: " and ")) would both go to \(shared.key)")
    }
    return reporters.map { ReportTarget(reporter: $0, file: files[type(of: $0).format]) }
  }
}

/// Whether the text report on standard output gets colour: on a terminal unless `NO_COLOR`
/// is set (https://no-color.org), or wherever `FORCE_COLOR` is set (and not `0`).
enum TerminalColour {
  static func wanted(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
    return isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb"
  }
}
