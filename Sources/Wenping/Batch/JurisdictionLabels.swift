import Foundation

/// The summary label of each jurisdiction path (``ReportModel/jurisdictionLabel(_:)``: `中国/陕西省/西安市` →
/// `陕西省西安市`), worked out once per path for a whole batch instead of once per row.
///
/// A batch has few distinct jurisdictions and many rows; splitting and joining the path was a tenth of the work
/// of a summary row. Thread-safe (the worker threads share one); remembers at most ``capacity`` paths, then
/// works out the others each time, so memory stays bounded whatever the input.
final class JurisdictionLabels: @unchecked Sendable {
    /// The most paths remembered.
    static let capacity = 4096

    private let lock = NSLock()
    private var labels: [String: String] = [:]

    /// The label of `path` (nil for nil).
    func label(_ path: String?) -> String? {
        guard let path else { return nil }
        lock.lock()
        let known = labels[path]
        lock.unlock()
        if let known { return known }
        let label = ReportModel.jurisdictionLabel(path)
        lock.lock()
        if labels.count < Self.capacity { labels[path] = label }
        lock.unlock()
        return label
    }
}
