/// One problem found in a rule file or a project file, with where it is and what would fix it.
///
/// Messages are written for the people who edit the files (policy staff, planners), in plain Chinese. The
/// ``code`` is stable: tests, docs and tools match on it while the wording may improve.
public struct Diagnostic: Sendable, Hashable, Comparable {
    /// How serious a diagnostic is.
    ///
    /// Errors stop a ruleset from compiling; warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
        case error
        case warning
    }

    /// A secondary place that explains the main one, such as the first definition of a duplicated key.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    /// How many columns the caret underlines, at least 1.
    public var length: Int
    public var notes: [Note]

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        length: Int = 1, notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = Self.clippingQuotes(message)
        self.location = location
        self.length = max(1, length)
        self.notes = notes
    }

    public static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, length: length, notes: notes)
    }

    public static func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, length: length, notes: notes)
    }

    /// The longest quoted text (between “ and ”) a message keeps whole, in Unicode scalars.
    static let maximumQuoteLength = 80

    /// `message` with every quoted text longer than ``maximumQuoteLength`` cut to its start and end around
    /// `…(共 N 个字符)…`, so that a message quoting a megabyte value or key stays a line long.
    ///
    /// Messages quote what the user wrote between “ and ”; the fixed wording around quotes is never cut.
    static func clippingQuotes(_ message: String) -> String {
        guard message.utf8.count > maximumQuoteLength else { return message }
        let scalars = Array(message.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            out.append(scalar)
            index += 1
            guard scalar == "\u{201C}" else { continue }
            var end = index
            while end < scalars.count, scalars[end] != "\u{201D}" { end += 1 }
            let length = end - index
            if length > maximumQuoteLength {
                out.append(contentsOf: scalars[index..<index + 50])
                out.append(contentsOf: "…（共 \(length) 个字符）…".unicodeScalars)
                out.append(contentsOf: scalars[end - 20..<end])
            } else {
                out.append(contentsOf: scalars[index..<end])
            }
            index = end
        }
        return String(out)
    }

    /// Orders by location, then code, then message, so any list of diagnostics sorts the same way every run.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}
