/// One kind of report a batch writes for every graded project: the format's name, its file extension and how
/// its bytes are made.
///
/// The JSON reports are ``json``, ``compactJSON`` and the JSON Lines stream ``jsonLines``; other targets add their
/// own (Markdown and HTML from templates, Word and PDF reports, all in `WenpingDocuments`) without the core knowing
/// them. `render` runs on the batch's worker threads, several at once; a throw becomes that project's error entry
/// and the batch goes on.
public struct ReportWriter: Sendable {
    /// The format's name, as `--format` and `summary.json` spell it (`json`, `md`, `docx`, `jsonl`).
    public let name: String
    /// The file extension, without the dot.
    public let fileExtension: String
    /// Whether the reports go, one line each in input order, into the batch's single stream file
    /// (``ReportStream``) rather than a file per project.
    public let isStream: Bool
    let render: @Sendable (Assessment) throws -> [UInt8]

    public init(
        name: String, fileExtension: String, isStream: Bool = false,
        render: @escaping @Sendable (Assessment) throws -> [UInt8]
    ) {
        self.name = name
        self.fileExtension = fileExtension
        self.isStream = isStream
        self.render = render
    }

    /// The JSON report, pretty-printed (the one format the core renders by itself; Markdown and HTML are
    /// templates).
    public static let json = ReportWriter(name: "json", fileExtension: "json") {
        JSONReportRenderer.bytes($0)
    }

    /// The JSON report on one line, without indentation: the same value as ``json`` (a JSON parser reads the
    /// same document from both), about a third smaller.
    public static let compactJSON = ReportWriter(name: "json", fileExtension: "json") {
        JSONReportRenderer.bytes($0, compact: true)
    }

    /// Every project's compact JSON report as one line of the batch's `reports.jsonl` (``ReportStream``).
    public static let jsonLines = ReportWriter(name: "jsonl", fileExtension: "jsonl", isStream: true) {
        JSONReportRenderer.bytes($0, compact: true)
    }
}
