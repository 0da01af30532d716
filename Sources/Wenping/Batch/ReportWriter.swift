/// One kind of report a batch writes for every graded project: the format's name, its file extension and how
/// its bytes are made.
///
/// The JSON report is ``json``; other targets add their own (Markdown and HTML from templates, Word and PDF
/// reports, all in `WenpingDocuments`) without the core knowing them. `render` runs on the batch's
/// worker threads, several at once; a throw becomes that project's error entry and the batch goes on.
public struct ReportWriter: Sendable {
    /// The format's name, as `--format` and `summary.json` spell it (`json`, `md`, `docx`).
    public let name: String
    /// The file extension, without the dot.
    public let fileExtension: String
    let render: @Sendable (Assessment) throws -> [UInt8]

    public init(name: String, fileExtension: String, render: @escaping @Sendable (Assessment) throws -> [UInt8]) {
        self.name = name
        self.fileExtension = fileExtension
        self.render = render
    }

    /// The JSON report (the one format the core renders by itself; Markdown and HTML are templates).
    public static let json = ReportWriter(name: "json", fileExtension: "json") {
        Array(JSONReportRenderer.render($0).utf8)
    }
}
