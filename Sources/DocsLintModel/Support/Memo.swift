import Foundation

/// Answers worked out once per run and shared by every worker, by key: what the disk
/// says of a path, whether a folder exists under some base. Two workers asking at once
/// may both work the answer out; they get the same one.
package final class Memo<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var answers: [String: Value] = [:]

  package init() {}

  package func value(for key: String, _ make: () -> Value) -> Value {
    if let known = lock.withLock({ answers[key] }) { return known }
    let made = make()
    lock.withLock { answers[key] = made }
    return made
  }
}
