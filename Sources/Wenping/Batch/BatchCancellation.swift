import Foundation

/// A flag that stops a running batch: set it (from a signal handler, another thread, a progress callback) and the
/// batch takes no new inputs, finishes the ones being worked on, and writes its summary marked as interrupted.
public final class BatchCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// Asks the batch to stop; safe to call from any thread, any number of times.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}

/// How far a batch has got, reported after every input in input order.
public struct BatchProgress: Sendable {
    /// Inputs finished so far.
    public let done: Int
    /// Of those, how many were not graded.
    public let invalid: Int
    /// The number of inputs, when known before reading them (folders and project files); `nil` for JSON Lines
    /// and CSV inputs, counted as they are read.
    public let total: Int?
    /// The problem with the input just finished, if it was not graded.
    public let issue: BatchIssue?
    /// The share of the input bytes read so far, 0 to 1; `nil` unless every input is a JSON Lines or CSV file.
    ///
    /// With ``done`` it estimates the total when ``total`` is unknown. Standard input, folders and project files
    /// have no such share.
    public let fractionRead: Double?

    public init(done: Int, invalid: Int, total: Int?, issue: BatchIssue? = nil, fractionRead: Double? = nil) {
        self.done = done
        self.invalid = invalid
        self.total = total
        self.issue = issue
        self.fractionRead = fractionRead
    }
}
