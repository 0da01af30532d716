/// The text of one source file, split into lines once so diagnostics can quote the offending line.
public struct SourceText: Sendable, Hashable {
    /// The file as the user named it.
    public let file: String
    /// The lines without their terminators; `lines[0]` is line 1.
    public let lines: [Substring]

    public init(file: String, text: String) {
        self.file = file
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices where lines[index].hasSuffix("\r") {
            lines[index] = lines[index].dropLast()
        }
        self.lines = lines
    }

    /// The text of a 1-based line, or `nil` past the end of the file.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
