import Foundation

/// The bounded queue between the thread that reads inputs and the worker threads, and the reorder buffer that
/// hands finished rows back in input order.
///
/// Items travel in chunks (``BatchChunk``: up to ``BatchChunk/maximumItems`` items or about
/// ``BatchChunk/targetBytes`` bytes of input), so the threads meet once per chunk rather than once per project:
/// each meeting can cost a system call and a context switch, which for small projects had cost as much as
/// grading them. At most `window` chunks are between being read and being handed back (queued, being graded, or
/// finished and waiting for an earlier one), so memory stays the same however long the batch is. Chunks are taken
/// in input order, so the items taken always form a prefix of the input.
final class WorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let window: Int
    private var pending: [BatchChunk] = []
    private var pendingStart = 0
    /// Finished rows by chunk number, and how many items the chunk had (fewer rows: it was cut short by a
    /// cancellation).
    private var finished: [Int: (rows: [BatchRow], items: Int)] = [:]
    /// Chunks put in the queue.
    private var added = 0
    /// Items (not chunks) put in the queue, which is the sequence number of the next item added.
    private var addedItems = 0
    /// Chunks handed back (the next one to hand back has this number), and their rows.
    private var handedBack = 0
    private var handedBackItems = 0
    /// A chunk was handed back cut short: nothing after it is handed back, so the rows stay a prefix of the input.
    private var isCutShort = false
    private var isClosed = false
    /// Worker threads that have not returned from ``serve(_:)`` yet.
    private var workers: Int
    /// Workers waiting for a chunk, and whether the reading thread is waiting for room or rows: a thread is only
    /// woken when it has something to do (each wake-up is a system call or two).
    private var idleWorkers = 0
    private var readerWaits = false

    /// A queue for `workers` threads (each must call ``serve(_:)`` once), holding at most `window` chunks.
    init(window: Int, workers: Int) {
        self.window = max(1, window)
        self.workers = workers
    }

    // MARK: - Reading thread

    /// Waits until there is room for one more chunk, handing back finished rows meanwhile; false when `cancelled`
    /// became true while waiting (the chunk is then not to be added).
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

    /// Adds the next chunk of items (not empty); returns the sequence number (0-based) of its first item.
    @discardableResult
    func add(_ items: [BatchItem]) -> Int {
        condition.lock()
        defer { condition.unlock() }
        let first = addedItems
        pending.append(BatchChunk(number: added, first: first, items: items))
        added += 1
        addedItems += items.count
        if idleWorkers > 0 { condition.signal() }
        return first
    }

    /// Says no more items will come, then hands back every row still due, in order, until all are back.
    ///
    /// When `cancelled()` turns true, chunks not yet taken by a worker are dropped (and the workers cut their
    /// chunks short); returns how many items were added but not handed back.
    func drain(cancelled: () -> Bool, handBack: ([BatchRow]) throws -> Void) rethrows -> Int {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
        while true {
            condition.lock()
            if cancelled(), pending.count > pendingStart {
                pending.removeAll()
                pendingStart = 0
            }
            let rows = readyRows()
            if rows.isEmpty {
                if workers == 0 && pendingStart == pending.count {
                    condition.unlock()
                    return addedItems - handedBackItems
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
        while !isCutShort, let chunk = finished.removeValue(forKey: handedBack) {
            rows += chunk.rows
            handedBack += 1
            handedBackItems += chunk.rows.count
            isCutShort = chunk.rows.count < chunk.items
        }
        return rows
    }

    // MARK: - Worker threads

    /// Runs `work` on every chunk taken, until the queue is closed and empty; `work` returns one row per item, in
    /// the chunk's order, or the rows of its first items only when the batch is being cancelled.
    func serve(_ work: (BatchChunk) -> [BatchRow]) {
        condition.lock()
        while true {
            if pendingStart < pending.count {
                // Removed at once (the queue holds a few chunks): a chunk kept after it is taken would keep its
                // inputs' bytes alive.
                let next = pending.remove(at: pendingStart)
                condition.unlock()
                let rows = work(next)
                condition.lock()
                finished[next.number] = (rows, next.items.count)
                // Wake the reader when it waits: it hands the rows back and refills the queue.
                if readerWaits { condition.broadcast() }
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
