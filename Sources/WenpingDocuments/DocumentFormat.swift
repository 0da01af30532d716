public import Wenping

/// The report formats this target writes, beside the text formats of ``Wenping/ReportFormat``.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// A Word document (WordprocessingML package).
    case docx
    /// A PDF made from the report by LibreOffice or Chromium.
    case pdf

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }
}

/// Makes Word and PDF reports with an office's templates.
///
/// ```swift
/// let renderer = DocumentRenderer(templates: ReportTemplates(folder: "模板"))
/// let bytes = try renderer.render(.docx, Engine.evaluate(project))
/// ```
public struct DocumentRenderer: Sendable {
    public let templates: ReportTemplates
    /// The converter PDFs are made with; nil when none was asked for (``render(_:_:)`` then fails for PDF).
    public let converter: PDFConverter?

    public init(templates: ReportTemplates = .builtIn, converter: PDFConverter? = nil) {
        self.templates = templates
        self.converter = converter
    }

    /// The report in `format`, as the bytes of its file; `appendices` are chapters added after the sign-off
    /// block (the service's reviews).
    public func render(_ format: DocumentFormat, _ assessment: Assessment, appendices: [WordAppendix] = []) throws
        -> [UInt8]
    {
        switch format {
        case .docx: try docx(assessment, appendices: appendices)
        case .pdf: try pdf(assessment, appendices: appendices)
        }
    }

    /// The Word report.
    public func docx(_ assessment: Assessment, appendices: [WordAppendix] = []) throws -> [UInt8] {
        try WordPackage.archive(
            WordReportRenderer.parts(assessment, texts: templates.wordTexts(assessment), appendices: appendices))
    }

    /// The PDF report, made from the Word report (LibreOffice) or the HTML report (Chromium).
    ///
    /// - Parameter html: the HTML to convert when the converter is Chromium; nil for the report of `assessment`.
    public func pdf(_ assessment: Assessment, appendices: [WordAppendix] = [], html: String? = nil) throws
        -> [UInt8]
    {
        guard let converter else { throw PDFConverter.missing(tried: []) }
        switch converter.kind {
        case .libreOffice: return try converter.convert(try docx(assessment, appendices: appendices), extension: "docx")
        case .chromium:
            return try converter.convert(
                Array((html ?? templates.render(.html, assessment)).utf8), extension: "html")
        }
    }
}
