/// The text formats a report can be written in.
///
/// JSON is rendered here (``JSONReportRenderer``); Markdown and HTML are Mustache templates that
/// `WenpingDocuments` fills with the values worked out here (``MarkdownReportRenderer/context(_:)``,
/// ``HTMLReportRenderer/context(_:)``), so an office can reword and re-lay them out.
public enum ReportFormat: String, Sendable, CaseIterable {
    case json
    case markdown = "md"
    case html

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The values the format's template shows; nil for JSON, which is data rather than a layout.
    public func context(_ assessment: Assessment) -> ReportContext? {
        switch self {
        case .json: nil
        case .markdown: MarkdownReportRenderer.context(assessment)
        case .html: HTMLReportRenderer.context(assessment)
        }
    }
}
