import Foundation

/// Writes `summary.csv`, `summary.json` and `index.html` as rows arrive in input order, holding none of them.
///
/// The CSV is streamed straight into its temporary file. The JSON and HTML rows go to hidden spill files, because
/// their heads carry totals only known at the end; ``finish(_:)`` writes each head, copies the spilled rows after
/// it and renames the file into place. So the three files appear whole at the end, and memory does not grow with
/// the batch. Used from one thread.
final class SummaryWriter {
    let folder: String
    private(set) var summary: BatchSummary
    private let csv: StreamingFile
    private let jsonRows: StreamingFile
    private let htmlRows: StreamingFile
    /// `reports.jsonl`, when the batch writes the report stream (``ReportStream``).
    private let stream: StreamingFile?

    init(folder: String, summary: BatchSummary) throws {
        self.folder = folder
        self.summary = summary
        stream =
            summary.formats.contains(ReportWriter.jsonLines.name)
            ? try StreamingFile(path: FilePath.join(folder, ReportStream.fileName), releasesPages: true) : nil
        csv = try StreamingFile(path: FilePath.join(folder, "summary.csv"))
        jsonRows = try StreamingFile(path: FilePath.join(folder, "summary.json"), suffix: "rows")
        htmlRows = try StreamingFile(path: FilePath.join(folder, "index.html"), suffix: "rows")
        try csv.write(SummaryCSV.header)
    }

    /// One row as written in each summary file.
    struct Lines: Sendable {
        /// UTF-8.
        let csv: [UInt8]
        /// UTF-8.
        let json: [UInt8]
        let html: String
    }

    /// Renders a row for the three files (done on the worker threads: it is most of the per-row work).
    ///
    /// - Parameter jurisdictionLabel: the label of the row's jurisdiction, when the caller remembers it.
    static func lines(_ row: BatchRow, jurisdictionLabel: String? = nil) -> Lines {
        Lines(
            csv: SummaryCSV.rowBytes(row, jurisdictionLabel: jurisdictionLabel), json: SummaryJSON.rowBytes(row),
            html: SummaryHTML.shows(sequence: row.sequence) ? SummaryHTML.row(row) : "")
    }

    /// Adds the next row (rows must come in input order).
    func append(_ row: BatchRow) throws {
        let lines = row.lines ?? Self.lines(row)
        try jsonRows.write(summary.total == 0 ? "\n" : ",\n")
        try jsonRows.write(lines.json)
        summary.add(row)
        try csv.write(lines.csv)
        if !lines.html.isEmpty { try htmlRows.write(lines.html) }
        try stream?.write(ReportStream.line(row))
    }

    /// Writes the three files (and `reports.jsonl`, if written) into place and removes the spill files.
    ///
    /// The summaries are one set: all three are written whole under temporary names first, and only then renamed
    /// into place, one right after the other. If writing any of them fails (a full disk), every temporary file is
    /// removed and the previous run's three files stay as they were: never a new `summary.csv` beside an old
    /// `summary.json`. The report stream belongs to the set.
    func finish(interrupted: Bool) throws -> BatchSummary {
        summary.interrupted = interrupted
        defer {
            jsonRows.abandon()
            htmlRows.abandon()
        }
        var finished: [StreamingFile] = []
        do {
            if let stream {
                try stream.finishWriting()
                finished.append(stream)
            }
            try csv.finishWriting()
            finished.append(csv)
            let json = try StreamingFile(path: jsonRows.path)
            finished.append(json)
            try json.write(SummaryJSON.head(summary))
            try json.append(contentsOf: jsonRows)
            try json.write(SummaryJSON.tail(empty: summary.total == 0))
            try json.finishWriting()
            let html = try StreamingFile(path: htmlRows.path)
            finished.append(html)
            try html.write(SummaryHTML.head(summary))
            try html.append(contentsOf: htmlRows)
            try html.write(SummaryHTML.tail)
            try html.finishWriting()
            for file in finished { try file.publish() }
        } catch {
            for file in finished { file.abandon() }
            csv.abandon()
            stream?.abandon()
            throw error
        }
        return summary
    }

    /// Removes every temporary file (after an error).
    func abandon() {
        stream?.abandon()
        csv.abandon()
        jsonRows.abandon()
        htmlRows.abandon()
    }
}
