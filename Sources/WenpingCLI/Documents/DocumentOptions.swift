import ArgumentParser
import Wenping
import WenpingDocuments

/// `--templates` and `--pdf-converter`: how Word and PDF reports are made.
struct DocumentOptions: ParsableArguments {
    @Option(
        help:
            "本单位的报告模板目录（report.md.mustache、report.html.mustache、docx-title-page.mustache 等，可先用 wenping templates export 写出内置模板）；用于 md、html、docx 和 pdf 格式"
    )
    var templates: String?

    @Option(
        name: .customLong("pdf-converter"),
        help: "生成 PDF 的程序：libreoffice、chromium 或程序路径；默认在 PATH 中依次找 soffice、libreoffice、chromium")
    var pdfConverter: String?

    /// The renderer for `formats`: templates loaded and checked (the Markdown and HTML reports are templates too),
    /// a PDF converter found when PDF is asked for.
    ///
    /// Template errors are printed with file, line and column and end the command with status 64 before anything
    /// is graded; a missing converter ends it with status 4 (a report could not be written).
    func renderer(for formats: [DocumentFormat]) throws -> DocumentRenderer {
        let loaded = ReportTemplates(folder: templates)
        if !loaded.diagnostics.isEmpty {
            Console.error(DiagnosticFormatter(sources: loaded.sources).format(loaded.diagnostics))
        }
        if loaded.hasErrors {
            Console.error("报告模板有错误，未评估任何项目；请修正模板后重试\n")
            throw ExitStatus.usage.exitCode
        }
        var converter: PDFConverter?
        if formats.contains(.pdf) {
            do {
                converter = try PDFConverter.locate(pdfConverter)
            } catch let error as DocumentError {
                Console.error("error: \(error)\n")
                throw ExitCode.outputFailed
            }
        }
        return DocumentRenderer(templates: loaded, converter: converter)
    }
}
