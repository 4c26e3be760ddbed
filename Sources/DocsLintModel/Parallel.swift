import Dispatch

/// Order-preserving parallel map over all cores. Each slot is written by
/// exactly one worker, so the result is deterministic whatever the thread count.
/// Public and inlinable so each layer specializes it for its own element types (a
/// package type's members are not inlined across modules); not embedding API.
public enum Parallel {
  @inlinable public static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ transform: @Sendable (Input) -> Output
  ) -> [Output] {
    guard inputs.count > 1 else { return inputs.map(transform) }
    let slots = Slots<Output>(count: inputs.count)
    DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
      slots.set(index, transform(inputs[index]))
    }
    return slots.values()
  }
}

extension Parallel {
  /// Updates every element in place, in parallel; `update` must touch only its own element.
  @inlinable public static func update<Element: Sendable>(_ elements: inout [Element], _ update: @Sendable (inout Element) -> Void) {
    elements.withUnsafeMutableBufferPointer { buffer in
      let shared = SharedBuffer(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: buffer.count) { index in update(&shared.buffer[index]) }
    }
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
