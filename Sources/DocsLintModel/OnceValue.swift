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
