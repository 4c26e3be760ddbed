import Foundation

/// Values worked out once per run and shared by every worker that asks, by key: a
/// cross-document rule's index of what the documents declare, built on first use.
package final class SharedValues: @unchecked Sendable {
  /// Recursive: one value's maker may ask for another.
  private let lock = NSRecursiveLock()
  private var values: [String: any Sendable] = [:]

  package init() {}

  /// The value under `key`, made by the first caller; later callers wait for it.
  package func value<Value: Sendable>(_ key: String, _ make: () -> Value) -> Value {
    lock.lock()
    defer { lock.unlock() }
    if let value = values[key] as? Value { return value }
    let made = make()
    values[key] = made
    return made
  }
}
