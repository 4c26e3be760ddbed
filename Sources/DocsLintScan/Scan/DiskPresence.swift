import Foundation

/// Whether root-relative paths the inventory does not list are on disk inside the root,
/// asked of the file system once per path per run: documents repeat the same missing
/// paths thousands of times (across copies, and once per base they may be relative to),
/// and each answer costs system calls.
package final class DiskPresence: Sendable {
  private let reader: FileReader
  private let answers = Memo<Bool>()

  package init(reader: FileReader) { self.reader = reader }

  package func contains(_ path: String) -> Bool {
    answers.value(for: path) { reader.containedPath(path) != nil }
  }
}
