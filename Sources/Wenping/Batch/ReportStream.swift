/// The batch's single report stream, `reports.jsonl`, for machine consumers: line *n* is input *n* (the 序号 of
/// the summary files), in input order, each line one JSON value.
///
/// A graded project's line is its JSON report on one line (``ReportWriter/jsonLines``: the same value as its
/// `reports/<id>.json`). An input that was not graded gets an error line instead of being left out, so line
/// numbers always match the inputs:
///
/// ```json
/// {"schema":"wenping/batch-error/1","sequence":3,"file":"projects.jsonl","line":3,"id":null,"error":"projects.jsonl:3:25: error[E450]: …"}
/// ```
///
/// `error` is the same text as the summary's 错误 column (file, line, column, code and what would fix it). The
/// file is written under a temporary name and renamed with the summary files, so it is whole or absent.
enum ReportStream {
    /// The stream's file name in the output folder.
    static let fileName = "reports.jsonl"
    /// The schema of an error line.
    static let errorSchema = "wenping/batch-error/1"

    /// The line (with its newline) for `row`: the report rendered by the worker, or the error line.
    static func line(_ row: BatchRow) -> [UInt8] {
        if row.issue == nil, let report = row.streamed { return report }
        var json = JSONWriter(compact: true)
        json.object { json in
            json.field("schema", errorSchema)
            json.field("sequence", row.sequence)
            json.field("file", row.issue?.file ?? row.file)
            json.key("line")
            if let line = row.issue?.line ?? row.line { json.int(line) } else { json.null() }
            json.field("id", row.id)
            json.field("error", row.issue?.message ?? "项目未评级（原因不明）")
        }
        json.endLine()
        return json.finished()
    }
}
