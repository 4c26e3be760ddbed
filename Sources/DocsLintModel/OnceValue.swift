import Foundation

/// A value worked out on first use, once, whichever thread asks first: for what only some
/// rules read (the set of referenced paths), so runs without them never pay for it.
package final class OnceValue<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value?

  package init() {}

  package func get(_ make: () -> Value) -> Value {
    lock.lock()
    defer { lock.unlock() }
    if let value { return value }
    let made = make()
    value = made
    return made
  }
}

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
