/// One input of a batch, as the input reader found it: a project file, a line of a JSON Lines file, a row of a
/// CSV file, or an input that could not be read at all.
///
/// Items are small and `Sendable`: the reader makes them on one thread and workers grade them on others.
enum BatchItem: Sendable {
    /// A project file (YAML or JSON), by its path as the user named it.
    case file(String)
    /// One non-empty line of a JSON Lines file: its 1-based line number and bytes (without the line break).
    case line(file: String, number: Int, bytes: [UInt8])
    /// One non-blank record of a CSV file, with the file's header.
    case row(CSVTable, CSVReader.Record)
    /// An input that cannot become a project (unreadable file, line over the size limit, CSV without a header).
    case failure(BatchIssue)

    /// The file this item comes from and the 1-based line (or CSV row) where it starts, if it has one.
    var position: (file: String, line: Int?) {
        switch self {
        case .file(let path): (path, nil)
        case .line(let file, let number, _): (file, number)
        case .row(let table, let record): (table.file, record.row)
        case .failure(let issue): (issue.file, issue.line)
        }
    }
}

/// The header of a CSV file, shared by all its rows.
final class CSVTable: Sendable {
    /// The file as the user named it.
    let file: String
    /// Column names as written in row 1, surrounding spaces removed.
    let columns: [String]

    init(file: String, columns: [String]) {
        self.file = file
        self.columns = columns
    }
}

/// Why one input of a batch was not graded: where, and the text shown to people.
public struct BatchIssue: Error, Sendable, Hashable {
    /// The input file as the user named it.
    public var file: String
    /// 1-based line of the first problem (the JSON Lines line, the CSV row), or `nil` when it has none.
    public var line: Int?
    /// The rendered diagnostics: `file:line:col: error[CODE]: message`, with the source line when there is one.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// An issue with one plain message, rendered as `file:line: error: message`.
    static func error(_ message: String, file: String, line: Int?) -> BatchIssue {
        let place = line.map { "\(file):\($0)" } ?? file
        return BatchIssue(file: file, line: line, message: "\(place): error: \(message)\n")
    }
}
