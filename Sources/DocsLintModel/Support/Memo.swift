import Foundation

/// Answers worked out once per run and shared by every worker, by key: what the disk
/// says of a path, whether a folder exists under some base. Two workers asking at once
/// may both work the answer out; they get the same one. Public and inlinable so each use
/// specializes its dictionary (an unspecialized lookup cost a thousand instructions); not
/// embedding API.
public final class Memo<Value: Sendable>: @unchecked Sendable {
  @usableFromInline let lock = NSLock()
  @usableFromInline var answers: [String: Value] = [:]

  @inlinable public init() {}

  @inlinable public func value(for key: String, _ make: () -> Value) -> Value {
    lock.lock()
    let known = answers[key]
    lock.unlock()
    if let known { return known }
    let made = make()
    lock.lock()
    answers[key] = made
    lock.unlock()
    return made
  }
}
