/// A chapter added after the body of a Word report by whoever hands out the report: the service adds its
/// reviews (审核意见) this way, without the core knowing about reviews.
///
/// A heading, then a table (when `headers` is not empty), then paragraphs; all plain text, escaped for XML when
/// written.
public struct WordAppendix: Sendable, Hashable {
    public var title: String
    public var headers: [String]
    public var rows: [[String]]
    public var paragraphs: [String]

    public init(title: String, headers: [String] = [], rows: [[String]] = [], paragraphs: [String] = []) {
        self.title = title
        self.headers = headers
        self.rows = rows
        self.paragraphs = paragraphs
    }

    /// The appendix as WordprocessingML paragraphs and a table, columns of equal width.
    var xml: String {
        var out = WordML.paragraph(WordML.run(title), style: "Heading1", keepNext: true)
        if !headers.isEmpty {
            out += WordML.table(
                header: headers, rows: rows.map { $0.map { WordML.Cell($0) } },
                widths: Array(repeating: 1, count: headers.count), totalWidth: WordReportRenderer.textWidth)
        }
        for paragraph in paragraphs { out += WordML.text(paragraph) }
        return out
    }
}
