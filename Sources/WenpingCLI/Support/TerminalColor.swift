import Foundation

/// Colours diagnostics for a terminal, as a decorator over finished text: the diagnostic model and its
/// formatter stay plain, and files, pipes and `NO_COLOR` (https://no-color.org) get the text unchanged.
///
/// Coloured: the severity in `error[E202]:` (bold red), `warning[W501]:` (bold magenta), `note:` (bold cyan),
/// `失败:` in rule test output (bold red), and the caret line under a quoted source line (green).
enum TerminalColor {
    /// Whether text written to `descriptor` gets colour: a terminal, and `NO_COLOR` unset or empty.
    static func isEnabled(for descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Bool
    {
        guard isatty(descriptor) == 1 else { return false }
        return (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    static let red = "\u{1B}[1;31m"
    static let magenta = "\u{1B}[1;35m"
    static let cyan = "\u{1B}[1;36m"
    static let green = "\u{1B}[32m"
    static let reset = "\u{1B}[0m"

    static let severity = try! NSRegularExpression(
        pattern: #"^(\S.*?: )(error|warning|note)(\[[EW][0-9]+\])?(:)"#, options: [.anchorsMatchLines])
    static let failure = try! NSRegularExpression(pattern: #"^(\S.*?: )(失败)(:)"#, options: [.anchorsMatchLines])
    static let caret = try! NSRegularExpression(pattern: #"^( +\| )( *\^~*)$"#, options: [.anchorsMatchLines])

    /// `text` with its diagnostics coloured.
    static func decorate(_ text: String) -> String {
        var out = text
        out = replace(severity, in: out) { groups in
            let colour = groups[2] == "error" ? red : groups[2] == "warning" ? magenta : cyan
            return groups[1] + colour + groups[2] + groups[3] + reset + groups[4]
        }
        out = replace(failure, in: out) { groups in groups[1] + red + groups[2] + reset + groups[3] }
        out = replace(caret, in: out) { groups in groups[1] + green + groups[2] + reset }
        return out
    }

    private static func replace(
        _ pattern: NSRegularExpression, in text: String, with build: ([String]) -> String
    ) -> String {
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        var out = text
        for match in matches.reversed() {
            let groups = (0..<match.numberOfRanges).map { index -> String in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            guard let whole = Range(match.range, in: out) else { continue }
            out.replaceSubrange(whole, with: build(groups))
        }
        return out
    }
}
