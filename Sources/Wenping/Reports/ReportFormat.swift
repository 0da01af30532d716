/// The formats a report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case json
    case markdown = "md"
    case html

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }

    /// Renders an assessment in this format.
    public func render(_ assessment: Assessment) -> String {
        switch self {
        case .json: JSONReportRenderer.render(assessment)
        case .markdown: MarkdownReportRenderer.render(assessment)
        case .html: HTMLReportRenderer.render(assessment)
        }
    }
}
