import Foundation

/// Runs a program with `posix_spawn` and collects its standard output. Foundation's
/// `Process` took about 50 ms a launch here, and a run launches git several times.
package enum Subprocess {
  private static let spawning = NSLock()

  /// A child that exits before reading all its input must not kill docs-lint with SIGPIPE.
  private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

  /// The program's standard output, or nil when it cannot start or exits non-zero.
  /// `input` is written to its standard input from another thread, so a full output
  /// pipe cannot deadlock the two.
  package static func run(_ arguments: [String], input: [UInt8]? = nil, acceptingStatus: Set<Int32> = [0]) -> [UInt8]? {
    _ = ignoreBrokenPipes
    var output: [Int32] = [0, 0]
    var stdin: [Int32] = [0, 0]
    // Pipes are made close-on-exec under a lock every spawn takes, so a child spawned by
    // another thread never inherits them and holds a pipe open (dup2'd copies stay open).
    spawning.lock()
    guard pipe(&output) == 0 else {
      spawning.unlock()
      return nil
    }
    guard pipe(&stdin) == 0 else {
      close(output[0])
      close(output[1])
      spawning.unlock()
      return nil
    }
    for descriptor in output + stdin { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdin[0], 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

    var pid = pid_t()
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    spawning.unlock()
    close(stdin[0])
    close(output[1])
    guard status == 0 else {
      close(stdin[1])
      close(output[0])
      return nil
    }
    let writer = stdin[1]
    let fed = DispatchSemaphore(value: 0)
    if let input, !input.isEmpty {
      // A thread of its own: a pool thread might never come while every worker waits on git.
      Thread {
        input.withUnsafeBytes { buffer in
          var offset = 0
          while offset < buffer.count {
            let count = write(writer, buffer.baseAddress! + offset, buffer.count - offset)
            if count <= 0 { break }
            offset += count
          }
        }
        close(writer)
        fed.signal()
      }.start()
    } else {
      close(writer)
      fed.signal()
    }
    var collected: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(output[0], $0.baseAddress!, $0.count) }
      if count < 0, errno == EINTR { continue }
      if count <= 0 { break }
      collected.append(contentsOf: chunk[0..<count])
    }
    close(output[0])
    fed.wait()
    var exit: Int32 = 0
    while waitpid(pid, &exit, 0) < 0, errno == EINTR {}
    // Exited normally, with an accepted status.
    return exit & 0x7F == 0 && acceptingStatus.contains((exit >> 8) & 0xFF) ? collected : nil
  }
}
