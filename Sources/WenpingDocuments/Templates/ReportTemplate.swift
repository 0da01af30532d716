/// A template an office can replace: its file name in a template folder and its built-in text.
public enum ReportTemplate: String, Sendable, CaseIterable {
    /// The title page of Word and PDF reports.
    case titlePage = "docx-title-page"
    /// The page header of Word and PDF reports.
    case letterhead = "docx-letterhead"
    /// The sign-off block after the body of Word and PDF reports.
    case signOff = "docx-sign-off"

    /// The file name in a template folder.
    public var fileName: String { rawValue + ".mustache" }

    /// What the template is for, in Chinese, for messages and the exported README.
    public var purpose: String {
        switch self {
        case .titlePage: "Word/PDF 报告的标题页"
        case .letterhead: "Word/PDF 报告的页眉(每页)"
        case .signOff: "Word/PDF 报告正文后的落款"
        }
    }

    /// The built-in Mustache text.
    public var builtInText: String {
        switch self {
        case .titlePage: BuiltInTemplates.titlePage
        case .letterhead: BuiltInTemplates.letterhead
        case .signOff: BuiltInTemplates.signOff
        }
    }
}
