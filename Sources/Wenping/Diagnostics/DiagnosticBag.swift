/// Collects diagnostics while a phase runs, so one pass reports every problem instead of the first.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// True when at least one error (not a warning) was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public mutating func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1,
        notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.error(code, message, at: location, length: length, notes: notes))
    }

    public mutating func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1,
        notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.warning(code, message, at: location, length: length, notes: notes))
    }

    /// The diagnostics sorted by file and position, duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.sorted().filter { seen.insert($0).inserted }
    }
}
