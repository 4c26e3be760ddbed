import Dispatch
import Foundation

/// Order-preserving parallel map over all cores (at most `workerLimit` threads when
/// `--jobs` sets one). Each slot is written by
/// exactly one worker, so the result is deterministic whatever the thread count.
/// Public and inlinable so each layer specializes it for its own element types (a
/// package type's members are not inlined across modules); not embedding API.
public enum Parallel {
  @inlinable public static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ transform: @Sendable (Input) -> Output
  ) -> [Output] {
    let slots = Slots<Output>(count: inputs.count)
    forEachIndex(inputs.count) { index in slots.set(index, transform(inputs[index])) }
    return slots.values()
  }

  /// Updates every element in place, in parallel; `update` must touch only its own element.
  @inlinable public static func update<Element: Sendable>(_ elements: inout [Element], _ update: @Sendable (inout Element) -> Void) {
    elements.withUnsafeMutableBufferPointer { buffer in
      let shared = SharedBuffer(buffer: buffer)
      forEachIndex(buffer.count) { index in update(&shared.buffer[index]) }
    }
  }

  /// Runs `body` for every index: in turn with one worker; on all cores (Dispatch
  /// balancing them) with no limit; else each of `workers` threads takes every n-th index.
  @inlinable static func forEachIndex(_ count: Int, _ body: @Sendable (Int) -> Void) {
    let limit = workerLimit
    if count <= 1 || limit == 1 {
      for index in 0..<count { body(index) }
    } else if limit == 0 || limit >= count {
      DispatchQueue.concurrentPerform(iterations: count, execute: body)
    } else {
      DispatchQueue.concurrentPerform(iterations: limit) { worker in
        for index in stride(from: worker, to: count, by: limit) { body(index) }
      }
    }
  }

  /// At most this many threads per step (`--jobs`); 0 for one per core. Set before the work starts.
  public static var workerLimit: Int {
    get { limit.value }
    set { limit.value = max(0, newValue) }
  }

  @usableFromInline static let limit = LockedInt()
}

/// An integer behind a lock (read once per parallel step).
@usableFromInline final class LockedInt: @unchecked Sendable {
  private let lock = NSLock()
  private var stored = 0

  @usableFromInline init() {}

  @usableFromInline var value: Int {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}

/// Lets workers write disjoint elements of one buffer.
@usableFromInline struct SharedBuffer<Element>: @unchecked Sendable {
  @usableFromInline let buffer: UnsafeMutableBufferPointer<Element>

  @inlinable init(buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

/// Write-once storage shared by the workers of `Parallel.map`: a raw buffer,
/// so workers writing different slots never touch shared array bookkeeping.
@usableFromInline final class Slots<Value>: @unchecked Sendable {
  @usableFromInline let storage: UnsafeMutablePointer<Value?>
  @usableFromInline let count: Int

  @inlinable init(count: Int) {
    self.count = count
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil, count: count)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  @inlinable func set(_ index: Int, _ value: Value) { storage[index] = value }

  /// Moves the values out (once, after the workers): no copy of each, no release after.
  @inlinable func values() -> [Value] {
    (0..<count).map { index in
      let value = (storage + index).move()!
      (storage + index).initialize(to: nil)
      return value
    }
  }
}
