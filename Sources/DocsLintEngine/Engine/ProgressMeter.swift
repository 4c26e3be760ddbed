import DocsLintRules
import Foundation

/// "parsed 4,210/10,014 files" on standard error while a long run parses, redrawn in
/// place. Only on a terminal, never in CI logs or when standard error is redirected, and
/// only once a run has taken a second: short runs print nothing.
public final class ProgressMeter: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private var total = 0
  private var shown = false
  private var finished = false
  private let write: @Sendable (String) -> Void
  private let delay: TimeInterval

  init(delay: TimeInterval = 1, write: @escaping @Sendable (String) -> Void) {
    self.delay = delay
    self.write = write
  }

  /// A meter for this process's standard error, or nil when it is not an interactive terminal.
  public static func forStandardError() -> ProgressMeter? {
    let environment = ProcessInfo.processInfo.environment
    guard isatty(2) == 1, environment["CI"] == nil, environment["TERM"] != "dumb" else { return nil }
    let meter = ProgressMeter { StandardStream.err($0) }
    meter.start()
    return meter
  }

  /// Starts redrawing every tenth of a second once `delay` has passed.
  func start() {
    let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
    timer.schedule(deadline: .now() + delay, repeating: 0.1)
    timer.setEventHandler { [self] in
      if !draw() { timer.cancel() }
    }
    timer.resume()
  }

  /// More files to parse.
  func expect(_ count: Int) {
    lock.lock()
    total += count
    lock.unlock()
  }

  /// One file parsed.
  func advance() {
    lock.lock()
    done += 1
    lock.unlock()
  }

  /// Clears the line; nothing is drawn after this.
  public func finish() {
    lock.lock()
    defer { lock.unlock() }
    finished = true
    if shown { write("\r\u{1B}[K") }
  }

  /// Draws the current count; false once finished.
  @discardableResult
  func draw() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard !finished else { return false }
    shown = true
    write("\rdocs-lint: parsed \(done)/\(total) files")
    return true
  }
}
