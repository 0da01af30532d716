/// Consecutive items of a batch that one worker grades in a row (see ``WorkQueue``).
struct BatchChunk: Sendable {
    /// The most items a chunk holds (more saved few meetings between threads but kept more projects in flight:
    /// a million projects `--summary-only` peaked 7 MB higher with 64 items in eight chunks).
    static let maximumItems = 32
    /// A chunk is closed once its items hold this many bytes of input (JSON Lines lines and CSV records are
    /// counted by their bytes, project files as a quarter of it each, since they are read by the worker).
    static let targetBytes = 64 * 1024

    /// 0-based number of the chunk in the batch.
    let number: Int
    /// 0-based sequence number of the first item in the batch.
    let first: Int
    let items: [BatchItem]

    /// What `item` counts for towards ``targetBytes``.
    static func weight(of item: BatchItem) -> Int {
        switch item {
        case .line(_, _, let bytes): bytes.count
        case .row(_, let record): record.fields.reduce(0) { $0 + $1.utf8.count }
        case .file: targetBytes / 4
        case .failure: 0
        }
    }
}
