import Foundation
import Testing

@testable import Wenping

/// The queue between the reading thread and the workers: chunks in, rows back in input order, and a chunk cut
/// short by a cancellation ends what is handed back.
struct WorkQueueTests {
    /// `count` cheap items (failures), numbered from `first`.
    static func items(_ first: Int, _ count: Int) -> [BatchItem] {
        (first..<(first + count)).map { .failure(.error("x", file: "f", line: $0 + 1)) }
    }

    /// Runs `workers` threads over chunks of the given sizes; `rows(chunk)` says how many rows each chunk gives.
    static func run(chunks: [Int], workers: Int, rows: @escaping @Sendable (BatchChunk) -> Int) -> ([Int], Int) {
        let queue = WorkQueue(window: 2, workers: workers)
        for _ in 0..<workers {
            Thread {
                queue.serve { chunk in
                    // Later chunks finish first now and then: the queue must still hand back in order.
                    if chunk.number % 3 == 0 { usleep(2_000) }
                    return (0..<rows(chunk)).map { BatchRow(sequence: chunk.first + $0 + 1, file: "f", line: nil) }
                }
            }.start()
        }
        var sequences: [Int] = []
        let handBack = { (rows: [BatchRow]) in sequences += rows.map(\.sequence) }
        var first = 0
        for size in chunks {
            _ = queue.waitForRoom(cancelled: { false }, handBack: handBack)
            #expect(queue.add(items(first, size)) == first)
            first += size
        }
        let dropped = queue.drain(cancelled: { false }, handBack: handBack)
        return (sequences, dropped)
    }

    @Test(arguments: [1, 3])
    func rowsComeBackInInputOrder(workers: Int) {
        let sizes = [3, 1, 64, 5, 2, 7, 1, 1, 9, 4]
        let (sequences, dropped) = Self.run(chunks: sizes, workers: workers) { $0.items.count }
        #expect(sequences == Array(1...sizes.reduce(0, +)))
        #expect(dropped == 0)
    }

    @Test(arguments: [1, 3])
    func aChunkCutShortEndsTheRowsHandedBack(workers: Int) {
        let sizes = [3, 3, 3, 3]
        let (sequences, dropped) = Self.run(chunks: sizes, workers: workers) {
            $0.number == 1 ? 2 : $0.items.count
        }
        #expect(sequences == [1, 2, 3, 4, 5])
        #expect(dropped == 7)
    }
}
