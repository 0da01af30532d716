import WenpingDocuments

@testable import Wenping

// The Markdown and HTML reports are Mustache templates that `WenpingDocuments` fills with the values the core
// works out; the core's report tests read them through these helpers, with the built-in templates, so every golden
// file and check here covers the templates users actually get.

extension ReportFormat {
    /// The report in this format, with the built-in templates.
    func render(_ assessment: Assessment) -> String {
        ReportTemplates.builtIn.render(self, assessment)
    }
}

extension MarkdownReportRenderer {
    static func render(_ assessment: Assessment) -> String {
        ReportTemplates.builtIn.render(.markdown, assessment)
    }
}

extension HTMLReportRenderer {
    static func render(_ assessment: Assessment) -> String {
        ReportTemplates.builtIn.render(.html, assessment)
    }

    static func render(_ model: ReportModel) -> String {
        ReportTemplates.builtIn.render(.html, context(model))
    }
}

extension BatchRunner.Options {
    /// Options writing `formats` with the built-in templates.
    init(output: String, formats: [ReportFormat], jobs: Int? = nil, failOn: String? = nil) {
        self.init(
            output: output, reports: formats.map(ReportTemplates.builtIn.writer), jobs: jobs, failOn: failOn)
    }
}
