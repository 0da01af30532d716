public import Wenping

/// A template an office can replace: its file name in a template folder and its built-in text.
public enum ReportTemplate: String, Sendable, CaseIterable {
    /// The whole Markdown report.
    case markdown = "report.md"
    /// The whole HTML report (also what Chromium prints as PDF).
    case html = "report.html"
    /// The title page of Word and PDF reports.
    case titlePage = "docx-title-page"
    /// The page header of Word and PDF reports.
    case letterhead = "docx-letterhead"
    /// The sign-off block after the body of Word and PDF reports.
    case signOff = "docx-sign-off"

    /// The template of a text report format; nil for JSON, which is data, not a layout.
    public init?(_ format: ReportFormat) {
        switch format {
        case .json: return nil
        case .markdown: self = .markdown
        case .html: self = .html
        }
    }

    /// The file name in a template folder.
    public var fileName: String { rawValue + ".mustache" }

    /// What the template is for, in Chinese, for messages and the exported README.
    public var purpose: String {
        switch self {
        case .markdown: "Markdown 报告（全文）"
        case .html: "HTML 报告（全文，含样式表；用 Chromium 生成 PDF 时也用它）"
        case .titlePage: "Word/PDF 报告的标题页"
        case .letterhead: "Word/PDF 报告的页眉（每页）"
        case .signOff: "Word/PDF 报告正文后的落款"
        }
    }

    /// The built-in Mustache text.
    public var builtInText: String {
        switch self {
        case .markdown: BuiltInTemplates.markdown
        case .html: BuiltInTemplates.html
        case .titlePage: BuiltInTemplates.titlePage
        case .letterhead: BuiltInTemplates.letterhead
        case .signOff: BuiltInTemplates.signOff
        }
    }

    /// Every name the template may show, for checking a template before it is used (E804).
    var names: Set<String> {
        switch self {
        case .markdown: MarkdownReportRenderer.names
        case .html: HTMLReportRenderer.names
        case .titlePage, .letterhead, .signOff: ReportContext.names
        }
    }
}
