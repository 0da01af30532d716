/// Collects diagnostics while a phase runs, so one pass reports every problem instead of the first.
///
/// Keeps at most ``maximumPerFile`` diagnostics per file: beyond that, one E114 diagnostic counts the rest
/// ("还有 N 个问题未显示"), so that a file with thousands of mistakes (a generated project with 5,000 unknown facts)
/// costs a bounded amount of memory and output.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Per file: how many diagnostics are kept, and where the E114 summary is (once there is one).
    private var kept: [String: Int] = [:]
    private var omitted: [String: (index: Int, count: Int, errors: Int)] = [:]

    /// The most diagnostics kept for one file; the rest are counted in one E114 diagnostic.
    public static let maximumPerFile = 50

    public init() {}

    /// True when at least one error (not a warning) was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Errors reported, including those counted but not kept.
    public var errorCount: Int {
        diagnostics.count { $0.severity == .error && $0.code != .diagnosticsOmitted }
            + omitted.values.reduce(0) { $0 + $1.errors }
    }

    /// True once `file` has ``maximumPerFile`` diagnostics: further ones are only counted, so callers may skip
    /// work that only improves a message (such as "did you mean" hints).
    public func isFull(_ file: String) -> Bool { kept[file, default: 0] >= Self.maximumPerFile }

    public mutating func append(_ diagnostic: Diagnostic) {
        let file = diagnostic.location.file
        let count = kept[file, default: 0]
        // A count from another bag (merged in) is kept as it is.
        guard count >= Self.maximumPerFile, diagnostic.code != .diagnosticsOmitted else {
            kept[file] = count + 1
            diagnostics.append(diagnostic)
            return
        }
        let isError = diagnostic.severity == .error
        var summary = omitted[file] ?? (index: diagnostics.count, count: 0, errors: 0)
        if summary.count == 0 { diagnostics.append(diagnostic) }
        summary.count += 1
        if isError { summary.errors += 1 }
        omitted[file] = summary
        diagnostics[summary.index] = Diagnostic(
            summary.errors > 0 ? .error : .warning, .diagnosticsOmitted,
            "这个文件还有 \(summary.count) 个问题未显示（只列出前 \(Self.maximumPerFile) 个）；请先改正列出的问题，再重新检查",
            at: SourceLocation(file: file, line: diagnostics[summary.index].location.line, column: 1))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        for diagnostic in other { append(diagnostic) }
    }

    public mutating func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1,
        notes: [Diagnostic.Note] = []
    ) {
        append(.error(code, message, at: location, length: length, notes: notes))
    }

    public mutating func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1,
        notes: [Diagnostic.Note] = []
    ) {
        append(.warning(code, message, at: location, length: length, notes: notes))
    }

    /// The diagnostics sorted by file and position, duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.sorted().filter { seen.insert($0).inserted }
    }
}
