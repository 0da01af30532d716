import Dispatch
import Synchronization

/// Runs async work from a synchronous command (`CommandRunner` runs commands synchronously): the work runs as a
/// task on the concurrency pool while the calling thread waits for it.
enum AsyncBridge {
    static func run(_ body: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await body()
            } catch {
                outcome.error.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error.withLock({ $0 }) { throw error }
    }

    final class Outcome: Sendable {
        let error = Mutex<(any Error)?>(nil)
    }
}
