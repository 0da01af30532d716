import Foundation

/// Hands out report file names in input order, so that of two projects with the same id the one that comes first
/// in the input always keeps the name, however the worker threads happen to finish.
///
/// Every chunk of the batch (``BatchChunk``) calls ``claim(_:first:)`` exactly once, for all its items at once
/// (`nil` for an item with no name), in any thread; a call waits until every earlier chunk has made its call.
/// Chunks are taken from the queue in input order, and a worker claims its chunk's names as soon as it has read
/// them, before grading: so the earlier chunks are always already being worked on and the wait is short. Holds a
/// 12-byte fingerprint per project named so far (see ``FingerprintTable``): the one piece of per-project state a
/// batch keeps to the end, needed to find collisions.
final class NameRegistry: @unchecked Sendable {
    private let condition = NSCondition()
    /// The sequence number (0-based) of the first item whose names are still to be claimed.
    private var turn = 0
    /// File name → 1-based sequence number of the item that holds it.
    private var holders = FingerprintTable()

    /// Claims `names[i]` for item `first + i` (0-based sequence numbers), waiting for earlier items first.
    ///
    /// - Returns: per name, the 1-based sequence number of the earlier item that already holds it, or `nil` when
    ///   the name is now this item's (or the name is `nil`). A name repeated within `names` is held by its first
    ///   item.
    func claim(_ names: [String?], first: Int) -> [Int?] {
        condition.lock()
        defer { condition.unlock() }
        while turn != first { condition.wait() }
        turn += names.count
        condition.broadcast()
        return names.enumerated().map { offset, name in
            guard let name else { return nil }
            return holders.insert(name, value: UInt32(clamping: first + offset + 1)).map(Int.init)
        }
    }
}
