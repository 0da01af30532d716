import Foundation

/// The bounded queue between the thread that reads inputs and the worker threads, and the reorder buffer that
/// hands finished rows back in input order.
///
/// At most `window` items are between being read and being handed back (queued, being graded, or finished and
/// waiting for an earlier one), so memory stays the same however long the batch is, and a slow item holds up at
/// most `window` others. Items are taken in input order, so the items taken always form a prefix of the input.
final class WorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let window: Int
    private var pending: [(sequence: Int, item: BatchItem)] = []
    private var pendingStart = 0
    private var finished: [Int: BatchRow] = [:]
    /// Items put in the queue; after a cancellation, only those taken.
    private var added = 0
    private var taken = 0
    /// Rows handed back (the next one to hand back has this sequence number).
    private var handedBack = 0
    private var isClosed = false
    /// Worker threads that have not returned from ``serve(_:)`` yet.
    private var workers: Int
    /// Workers waiting for an item, and whether the reading thread is waiting for room or rows: a thread is only
    /// woken when it has something to do, not after every item (each wake-up is a system call or two).
    private var idleWorkers = 0
    private var readerWaits = false

    /// A queue for `workers` threads (each must call ``serve(_:)`` once).
    init(window: Int, workers: Int) {
        self.window = max(1, window)
        self.workers = workers
    }

    // MARK: - Reading thread

    /// Waits until there is room for one more item, handing back finished rows meanwhile; false when `cancelled`
    /// became true while waiting (the item is then not to be added).
    func waitForRoom(cancelled: () -> Bool, handBack: ([BatchRow]) throws -> Void) rethrows -> Bool {
        while true {
            condition.lock()
            let rows = readyRows()
            if rows.isEmpty {
                if cancelled() {
                    condition.unlock()
                    return false
                }
                if added - handedBack < window {
                    condition.unlock()
                    return true
                }
                readerWaits = true
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
                readerWaits = false
                condition.unlock()
            } else {
                condition.unlock()
                try handBack(rows)
            }
        }
    }

    /// Adds the next item; returns its sequence number (0-based).
    func add(_ item: BatchItem) -> Int {
        condition.lock()
        defer { condition.unlock() }
        let sequence = added
        pending.append((sequence, item))
        added += 1
        if idleWorkers > 0 { condition.broadcast() }
        return sequence
    }

    /// Says no more items will come, then hands back every row still due, in order, until all are back.
    ///
    /// When `cancelled()` turns true, items not yet taken by a worker are dropped; returns how many were.
    func drain(cancelled: () -> Bool, handBack: ([BatchRow]) throws -> Void) rethrows -> Int {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
        var dropped = 0
        while true {
            condition.lock()
            if cancelled(), pending.count > pendingStart {
                dropped += pending.count - pendingStart
                pending.removeAll()
                pendingStart = 0
                added = taken
            }
            let rows = readyRows()
            if rows.isEmpty {
                if handedBack == added && workers == 0 {
                    condition.unlock()
                    return dropped
                }
                readerWaits = true
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
                readerWaits = false
                condition.unlock()
            } else {
                condition.unlock()
                try handBack(rows)
            }
        }
    }

    /// The finished rows that are next in input order, removed from the buffer.
    ///
    /// Called with the lock held.
    private func readyRows() -> [BatchRow] {
        var rows: [BatchRow] = []
        while let row = finished.removeValue(forKey: handedBack) {
            rows.append(row)
            handedBack += 1
        }
        return rows
    }

    // MARK: - Worker threads

    /// Runs `work` on every item taken, until the queue is closed and empty.
    func serve(_ work: (BatchItem, Int) -> BatchRow) {
        condition.lock()
        while true {
            if pendingStart < pending.count {
                let next = pending[pendingStart]
                pendingStart += 1
                if pendingStart > 64 && pendingStart * 2 > pending.count {
                    pending.removeFirst(pendingStart)
                    pendingStart = 0
                }
                taken += 1
                condition.unlock()
                let row = work(next.item, next.sequence)
                condition.lock()
                finished[next.sequence] = row
                // Wake the reader once half the window is finished (it hands the rows back in one go and refills
                // the queue), or when nothing else is being graded, or when the queue is closed (draining).
                if readerWaits,
                    finished.count * 2 >= window || finished.count == added - handedBack || isClosed
                {
                    condition.broadcast()
                }
            } else if isClosed {
                workers -= 1
                condition.broadcast()
                condition.unlock()
                return
            } else {
                idleWorkers += 1
                condition.wait()
                idleWorkers -= 1
            }
        }
    }
}
