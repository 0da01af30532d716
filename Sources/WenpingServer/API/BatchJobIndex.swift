import Synchronization

/// The service's batch jobs in the order the job list shows them, kept in memory so that a page of the list reads
/// only the folders of the jobs on it, however many jobs the jobs folder holds.
///
/// Filled at start from the one scan of the jobs folder that also marks interrupted jobs, and told of each job the
/// service makes (``add(id:createdAt:)``, called by `storeBatchInput` once the job's files are written). The
/// order is newest upload first, then the larger id, as ``BatchJob/list(jobsFolder:limit:)`` sorts; each job's
/// status, progress and problems are read from its folder when it is shown. A folder that another process puts
/// into the jobs folder while the service runs is listed from the next start.
final class BatchJobIndex: Sendable {
    /// A job's place in the list; oldest first, so that a new job is usually appended.
    struct Entry: Comparable, Sendable {
        /// ISO 8601 UTC upload time (compared as text, as the list sorts it).
        var createdAt: String
        var id: String

        static func < (a: Entry, b: Entry) -> Bool { (a.createdAt, a.id) < (b.createdAt, b.id) }
    }

    private let entries: Mutex<[Entry]>

    init(_ jobs: [BatchJob] = []) {
        entries = Mutex(jobs.map { Entry(createdAt: $0.record.createdAt, id: $0.id) }.sorted())
    }

    var count: Int { entries.withLock { $0.count } }

    /// Replaces the whole list with `jobs` (the scan at start).
    func replace(with jobs: [BatchJob]) {
        let sorted = jobs.map { Entry(createdAt: $0.record.createdAt, id: $0.id) }.sorted()
        entries.withLock { $0 = sorted }
    }

    /// Adds a new job in its place (after every job uploaded earlier).
    ///
    /// - Complexity: O(log n) to find the place; appending is the usual case.
    func add(id: String, createdAt: String) {
        let entry = Entry(createdAt: createdAt, id: id)
        entries.withLock { entries in
            var low = entries.startIndex
            var high = entries.endIndex
            while low < high {
                let middle = (low + high) / 2
                if entries[middle] < entry { low = middle + 1 } else { high = middle }
            }
            if low < entries.endIndex, entries[low] == entry { return }
            entries.insert(entry, at: low)
        }
    }

    /// The newest `limit` jobs, each read from its folder now.
    ///
    /// A job whose folder is gone is left out (and forgotten), and the next older job takes its place.
    ///
    /// - Complexity: reads `limit` job folders (more only for folders that have gone).
    func newest(_ limit: Int, jobsFolder: String) -> [BatchJob] {
        // A snapshot shares the array's storage (no copy here); the folders are read outside the lock.
        let snapshot = entries.withLock { $0 }
        var jobs: [BatchJob] = []
        var gone: [Entry] = []
        for entry in snapshot.reversed() {
            guard jobs.count < limit else { break }
            if let job = BatchJob.load(id: entry.id, jobsFolder: jobsFolder) {
                jobs.append(job)
            } else {
                gone.append(entry)
            }
        }
        if !gone.isEmpty {
            entries.withLock { entries in entries.removeAll { gone.contains($0) } }
        }
        return jobs
    }
}
