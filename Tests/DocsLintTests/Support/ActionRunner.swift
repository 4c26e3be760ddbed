import Foundation
import Yams

/// Runs the steps of this repository's `action.yml` as a GitHub runner runs a composite
/// action: each `run:` step under `bash --noprofile --norc -eo pipefail`, with its `env:`
/// expressions evaluated, `GITHUB_OUTPUT`, `GITHUB_PATH` and `GITHUB_STEP_SUMMARY` files,
/// and actions/cache simulated by a folder of saved entries. Only the expressions the
/// action uses are understood; any other makes the run throw, so the action cannot grow one
/// this test does not run.
struct ActionRunner {
  struct Failure: Error, CustomStringConvertible { var description: String }

  struct StepResult {
    var id: String
    var status: Int32
    var output: String
  }

  struct Run {
    var steps: [StepResult] = []
    var outputs: [String: [String: String]] = [:]
    var summary = ""
    /// The action's outputs (its `outputs:` evaluated after the steps).
    var actionOutputs: [String: String] = [:]
    var failed: StepResult? { steps.first { $0.status != 0 } }
    func step(_ id: String) -> StepResult? { steps.first { $0.id == id } }
  }

  let action: [String: Any]
  /// `github.*` values, by their path after `github.` (`event.pull_request.base.sha`).
  var github: [String: String]
  /// The runner's environment: GITHUB_*, RUNNER_*, HOME, PATH.
  var environment: [String: String]
  /// Saved cache entries, one folder per key.
  let cacheFolder: String

  init(actionFile: String, github: [String: String], environment: [String: String], cacheFolder: String) throws {
    let text = try String(contentsOfFile: actionFile, encoding: .utf8)
    guard let action = try Yams.load(yaml: text) as? [String: Any] else { throw Failure(description: "action.yml is not a mapping") }
    self.action = action
    self.github = github
    self.environment = environment
    self.cacheFolder = cacheFolder
  }

  /// Runs every step with `inputs` (the rest take their defaults); stops at the first
  /// failing step, as a runner does.
  func run(inputs: [String: String]) throws -> Run {
    guard let runs = action["runs"] as? [String: Any], runs["using"] as? String == "composite",
      let steps = runs["steps"] as? [[String: Any]]
    else { throw Failure(description: "action.yml is not a composite action") }
    var run = Run()
    var paths: [String] = []
    let scratch = NSTemporaryDirectory() + "docs-lint-action-\(UUID())"
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let summaryFile = scratch + "/summary.md"
    _ = FileManager.default.createFile(atPath: summaryFile, contents: nil)
    for (index, step) in steps.enumerated() {
      let id = step["id"] as? String ?? "step\(index)"
      let context = Context(inputs: try resolved(inputs), github: github, steps: run.outputs)
      if let condition = step["if"] as? String, try !context.holds(condition) { continue }
      if let uses = step["uses"] as? String {
        run.outputs[id] = try cache(uses, with: step["with"] as? [String: Any] ?? [:], context: context)
        continue
      }
      guard let script = step["run"] as? String, step["shell"] as? String == "bash" else {
        throw Failure(description: "step \(id): only `run:` steps with `shell: bash` and actions/cache are understood")
      }
      var env = environment
      env["GITHUB_OUTPUT"] = scratch + "/output-\(index)"
      env["GITHUB_PATH"] = scratch + "/path-\(index)"
      env["GITHUB_STEP_SUMMARY"] = summaryFile
      env["PATH"] = (paths.reversed() + [environment["PATH"] ?? "/usr/bin:/bin"]).joined(separator: ":")
      for (name, value) in step["env"] as? [String: Any] ?? [:] { env[name] = try context.evaluate("\(value)") }
      let scriptFile = scratch + "/step-\(index).sh"
      try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)
      let result = try Self.bash(scriptFile, environment: env, in: environment["GITHUB_WORKSPACE"] ?? scratch)
      run.steps.append(StepResult(id: id, status: result.status, output: result.output))
      run.outputs[id] = Self.outputs(in: env["GITHUB_OUTPUT"]!)
      paths += (try? String(contentsOfFile: env["GITHUB_PATH"]!, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
      if result.status != 0 { break }
    }
    run.summary = (try? String(contentsOfFile: summaryFile, encoding: .utf8)) ?? ""
    let context = Context(inputs: try resolved(inputs), github: github, steps: run.outputs)
    for (name, value) in action["outputs"] as? [String: [String: Any]] ?? [:] {
      run.actionOutputs[name] = try context.evaluate("\(value["value"] ?? "")")
    }
    return run
  }

  /// Inputs with the action's defaults, which may themselves be expressions.
  private func resolved(_ given: [String: String]) throws -> [String: String] {
    let declared = action["inputs"] as? [String: [String: Any]] ?? [:]
    if let unknown = given.keys.first(where: { declared[$0] == nil }) { throw Failure(description: "no input '\(unknown)'") }
    var inputs: [String: String] = [:]
    let context = Context(inputs: [:], github: github, steps: [:])
    for (name, declaration) in declared {
      inputs[name] = try given[name] ?? context.evaluate(declaration["default"].map { "\($0)" } ?? "")
    }
    return inputs
  }

  /// actions/cache/restore and actions/cache/save against `cacheFolder`.
  private func cache(_ uses: String, with: [String: Any], context: Context) throws -> [String: String] {
    let path = try context.evaluate("\(with["path"] ?? "")")
    let key = try context.evaluate("\(with["key"] ?? "")")
    guard !path.isEmpty, !key.isEmpty, !key.contains("/") else { throw Failure(description: "\(uses): path '\(path)', key '\(key)'") }
    let entry = cacheFolder + "/" + key
    let files = FileManager.default
    switch uses.split(separator: "@").first {
    case "actions/cache/restore":
      guard files.fileExists(atPath: entry) else { return ["cache-hit": "false"] }
      try? files.removeItem(atPath: path)
      try files.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try files.copyItem(atPath: entry, toPath: path)
      return ["cache-hit": "true", "cache-matched-key": key]
    case "actions/cache/save":
      try files.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
      guard !files.fileExists(atPath: entry) else { return [:] }
      try files.copyItem(atPath: path, toPath: entry)
      return [:]
    default:
      throw Failure(description: "step uses \(uses): only actions/cache/restore and actions/cache/save are simulated")
    }
  }

  /// `name=value` lines, and `name<<DELIMITER` blocks.
  static func outputs(in file: String) -> [String: String] {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [:] }
    var outputs: [String: String] = [:]
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    while let line = lines.popFirst() {
      if let range = line.range(of: "<<") {
        let delimiter = line[range.upperBound...]
        var value: [Substring] = []
        while let next = lines.popFirst(), next != delimiter { value.append(next) }
        outputs[String(line[..<range.lowerBound])] = value.joined(separator: "\n")
      } else if let equals = line.firstIndex(of: "=") {
        outputs[String(line[..<equals])] = String(line[line.index(after: equals)...])
      }
    }
    return outputs
  }

  static func bash(
    _ script: String, _ arguments: [String] = [], environment: [String: String], in directory: String
  ) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["--noprofile", "--norc", "-eo", "pipefail", script] + arguments
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// The expression contexts a step sees.
  struct Context {
    var inputs: [String: String]
    var github: [String: String]
    var steps: [String: [String: String]]

    /// Replaces every `${{ … }}` in `text`.
    func evaluate(_ text: String) throws -> String {
      var result = ""
      var rest = text[...]
      while let open = rest.range(of: "${{") {
        guard let close = rest[open.upperBound...].range(of: "}}") else { throw Failure(description: "unclosed ${{ in \(text)") }
        result += rest[..<open.lowerBound]
        result += try value(of: rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
        rest = rest[close.upperBound...]
      }
      return result + rest
    }

    /// `inputs.NAME`, `github.PATH` and `steps.ID.outputs.NAME`.
    func value(of name: String) throws -> String {
      let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
      switch (parts.first, parts.count) {
      case ("inputs", 2):
        guard let value = inputs[parts[1]] else { throw Failure(description: "no input '\(parts[1])'") }
        return value
      case ("github", 2): return github[parts[1]] ?? ""
      case ("steps", 2):
        let path = parts[1].split(separator: ".").map(String.init)
        guard path.count == 3, path[1] == "outputs" else { throw Failure(description: "unsupported expression \(name)") }
        return steps[path[0]]?[path[2]] ?? ""
      default: throw Failure(description: "unsupported expression \(name)")
      }
    }

    /// `A != 'text'` and `A == 'text'`.
    func holds(_ condition: String) throws -> Bool {
      let bare = condition.replacingOccurrences(of: "${{", with: "").replacingOccurrences(of: "}}", with: "")
      for comparison in ["!=", "=="] {
        let sides = bare.components(separatedBy: comparison).map { $0.trimmingCharacters(in: .whitespaces) }
        guard sides.count == 2, sides[1].hasPrefix("'"), sides[1].hasSuffix("'"), sides[1].count >= 2 else { continue }
        let equal = try value(of: sides[0]) == String(sides[1].dropFirst().dropLast())
        return comparison == "==" ? equal : !equal
      }
      throw Failure(description: "unsupported condition \(condition)")
    }
  }
}

/// One folder for the release builds that `make` makes in the tests (the install test and
/// the action's build step): the second build finds the first up to date. SwiftPM's lock
/// on the scratch folder keeps two builds from running in it at once.
enum StaticBuild {
  /// Stands for a runner's `RUNNER_TEMP`; the action builds in `docs-lint-build` below it.
  static let runnerTemp: String = {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in packageRoot.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return NSTemporaryDirectory() + "docs-lint-static-" + String(hash, radix: 16)
  }()
  static var scratch: String { runnerTemp + "/docs-lint-build" }
}
