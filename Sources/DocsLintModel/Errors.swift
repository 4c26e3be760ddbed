import Foundation

/// A usage problem (bad path, bad root): exit code 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// A configuration problem, reported as `file:line: message` with exit code 2.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var message: String

  package init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String { "\(file):\(line): \(message)" }
}
