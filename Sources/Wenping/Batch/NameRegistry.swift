import Foundation

/// Hands out report file names in input order, so that of two projects with the same id the one that comes first
/// in the input always keeps the name, however the worker threads happen to finish.
///
/// Every item of the batch calls ``claim(_:sequence:)`` exactly once (with `nil` when it has no name), in any
/// thread; a call waits until every earlier item has made its call. Items are taken from the queue in input order,
/// so the earlier ones are always already being worked on and the wait is short. Holds a 12-byte fingerprint per
/// project named so far (see ``FingerprintTable``): the one piece of per-project state a batch keeps to the end,
/// needed to find collisions.
final class NameRegistry: @unchecked Sendable {
    private let condition = NSCondition()
    /// The sequence number (0-based) whose turn it is.
    private var turn = 0
    /// File name → 1-based sequence number of the item that holds it.
    private var holders = FingerprintTable()

    /// Claims `name` for item `sequence` (0-based), waiting for earlier items first.
    ///
    /// - Returns: the 1-based sequence number of the earlier item that already holds the name, or `nil` when the
    ///   name is now this item's (or `name` is `nil`).
    func claim(_ name: String?, sequence: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while turn != sequence { condition.wait() }
        turn += 1
        condition.broadcast()
        guard let name else { return nil }
        return holders.insert(name, value: UInt32(clamping: sequence + 1)).map(Int.init)
    }
}
