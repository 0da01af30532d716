import Foundation
import Synchronization

/// The report files one batch worker wrote last, kept open until their pages can leave the page cache.
///
/// A batch writes far more than it will read again (a pretty JSON report is about 64 KB; 100,000 of them are
/// 6.4 GB). Left to itself, the kernel keeps every written page cached, takes fresh memory for each new file and
/// writes the pages back later; fresh pages cost most of a report's kernel time (a first touch of memory the
/// machine had not used lately), and a large batch pushes everything else out of the cache. So each file's write-back
/// is started soon after it is written, eight files at a time (`sync_file_range`, which does not wait for the disk;
/// ``startBatch``), and ``depth`` files later, when it is on disk, its pages are let go (`posix_fadvise(DONTNEED)`):
/// the next reports reuse the same memory. On this project's 2-core test machine that halved the kernel time of a
/// pretty report (README, issue 12).
///
/// Only a hint: the bytes and the files are the same either way, and a page still being written back is simply
/// kept. A file is handed over only once it is whole and linked at its path (``AtomicFile``, unnamed-file way: a
/// local file system, where closing reports no write errors). Not shared between threads (each worker has its own).
final class WrittenPages {
    /// Files held open per worker at most: enough for their write-back to finish (a few milliseconds of reports).
    static let maximumDepth = 16
    /// Files held open by all workers together at most, whatever the open-file limit (`ulimit -n`) leaves.
    static let maximumHeld = 256
    /// Files whose write-back is started together, one right after the other (fewer when ``depth`` is lower).
    ///
    /// Each start hands the disk its own request, and on a virtual machine each request that finds the disk idle
    /// costs a notification of the host (a VM exit) and an interrupt when it is done; requests that come in a row
    /// find it still busy and share them. Eight in a row took a third off the kernel time of a pretty report on
    /// this project's 2-core test machine (README, issue 12). A file is let go ``depth`` files after it was handed
    /// over, so at least `depth - startBatch` files after its write-back started.
    static let startBatch = 8

    /// Files each of `workers` workers holds: ``maximumDepth``, less when many workers or a low open-file limit
    /// would otherwise hold more than ``maximumHeld`` or a quarter of the limit; at least 1.
    static func depth(workers: Int) -> Int {
        var limit = rlimit()
        let open = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? Int(clamping: limit.rlim_cur) : 1024
        let budget = min(maximumHeld, open / 4)
        return max(1, min(maximumDepth, budget / max(1, workers)))
    }

    /// Files held before the oldest is let go; 0 once the batch ran out of descriptors (``stopHolding()``).
    private(set) var depth: Int
    /// Shared by all workers of a batch: set when one of them could not open a file for want of descriptors.
    private let outOfDescriptors: Flag

    /// A flag the workers of one batch share.
    final class Flag: Sendable {
        private let value = Atomic<Bool>(false)
        var isSet: Bool { value.load(ordering: .relaxed) }
        func set() { value.store(true, ordering: .relaxed) }
    }

    /// Open descriptors of the last files written, oldest at `oldest` once the ring is full.
    private var descriptors: [Int32] = []
    private var oldest = 0
    /// Files handed over (also in ``descriptors``) whose write-back is not started yet, fewer than ``startBatch``.
    private(set) var unstarted: [Int32] = []

    /// - Parameter outOfDescriptors: shared with the batch's other workers, so that when one runs out of file
    ///   descriptors (a low `ulimit -n`) every worker stops holding files.
    init(depth: Int = WrittenPages.maximumDepth, outOfDescriptors: Flag = Flag()) {
        self.depth = max(1, depth)
        self.outOfDescriptors = outOfDescriptors
        descriptors.reserveCapacity(self.depth)
        unstarted.reserveCapacity(Self.startBatch)
    }

    /// Whether this worker may still hold files, and so may the others (a write that failed for want of
    /// descriptors is worth retrying after ``stopHolding()``).
    var mayHold: Bool { depth > 0 }

    /// Lets every held file go and holds none from now on, in every worker of the batch: the batch ran out of
    /// file descriptors (more reports matter more than their pages).
    func stopHolding() {
        outOfDescriptors.set()
        finish()
        depth = 0
    }

    deinit { finish() }

    /// Takes over `descriptor`, a complete file's: starts its write-back with the next files' (``startBatch``)
    /// and, once ``depth`` newer files were handed over, lets its pages go and closes it.
    func hand(_ descriptor: Int32) {
        if depth > 0 && outOfDescriptors.isSet {
            finish()
            depth = 0
        }
        if depth == 0 {
            PageCache.startWriteBack(descriptor)
            release(descriptor)
            return
        }
        unstarted.append(descriptor)
        if unstarted.count >= min(Self.startBatch, depth) { startWriteBacks() }
        guard descriptors.count == depth else {
            descriptors.append(descriptor)
            return
        }
        release(descriptors[oldest])
        descriptors[oldest] = descriptor
        oldest = (oldest + 1) % depth
    }

    /// Lets go of every file still held (at the end of the worker's run).
    func finish() {
        startWriteBacks()
        for descriptor in descriptors { release(descriptor) }
        descriptors.removeAll()
        oldest = 0
    }

    /// Starts the write-back of the files handed over but not started yet (at most ``startBatch``).
    private func startWriteBacks() {
        for descriptor in unstarted { PageCache.startWriteBack(descriptor) }
        unstarted.removeAll(keepingCapacity: true)
    }

    private func release(_ descriptor: Int32) {
        PageCache.letGo(descriptor)
        close(descriptor)
    }
}
