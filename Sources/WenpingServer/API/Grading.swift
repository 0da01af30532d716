import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingDocuments
import WenpingLedger

/// Grading one project sent in a request body, with problems as the CLI reports them.
enum Grading {
    /// The file name diagnostics give for a request body (`body:3:5`).
    static let bodyName = "body"

    /// Loads and grades `bytes` (a project as JSON, or YAML) under `catalog`.
    ///
    /// - Throws: ``Problem`` 400 (E701) when the body is not JSON/YAML at all, 422 (E717) when the project is
    ///   invalid for its rules; both carry the loader's diagnostics.
    static func assess(
        _ bytes: [UInt8], catalog: RuleSetCatalog, override: String? = nil, asOf: AsOfDate = .projectDate
    ) throws(Problem) -> Assessment {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) {
            throw Problem.malformed("请求正文为空；请在正文中给出项目（JSON）")
        }
        let output = ProjectLoader(catalog: catalog, override: override, asOf: asOf).load(bytes: bytes, file: bodyName)
        let errors = output.diagnostics.filter { $0.severity == .error }
        if let project = output.project, errors.isEmpty {
            return Engine.evaluate(project)
        }
        let shown = (errors.isEmpty ? output.diagnostics : errors).sorted()
        if shown.allSatisfy({ $0.code.rawValue.hasPrefix("E1") }) {
            throw Problem(
                .badRequest, .requestMalformed, "请求内容无法解析",
                detail: "正文不是有效的 JSON（或 YAML）：" + (shown.first.map(describe) ?? "无法解析"), diagnostics: shown)
        }
        throw Problem(
            .unprocessableContent, .projectRejected, "项目无法评级",
            detail: "项目有 \(shown.count) 处问题，未评级：" + (shown.first.map(describe) ?? ""), diagnostics: shown)
    }

    /// An integer query parameter: `fallback` when absent, a 400 problem when not an integer in `range`.
    static func integer(_ request: Request, _ name: String, in range: ClosedRange<Int>, default fallback: Int)
        throws(Problem) -> Int
    {
        guard let text = request.uri.queryParameters.get(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.malformed("参数 \(name) 应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数")
        }
        return value
    }

    /// The `as_of` query parameter: the date whose rules grade the project (default: its `assessment_date`).
    static func asOf(_ request: Request) throws(Problem) -> AsOfDate {
        guard let value = request.uri.queryParameters.get("as_of") else { return .projectDate }
        guard let date = AsOfDate(String(value)) else {
            throw Problem.malformed("参数 as_of 应是“年-月-日”格式的有效日期（如 2025-06-30），这里是“\(value)”")
        }
        return date
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.location) \(diagnostic.code) \(diagnostic.message)"
    }

    /// The `format` query parameter (`json`, `md`, `html`, `docx` or `pdf`; JSON when absent).
    static func format(_ request: Request) throws(Problem) -> ReportDownload {
        guard let value = request.uri.queryParameters.get("format") else { return .text(.json) }
        if let format = ReportFormat(rawValue: value) { return .text(format) }
        if let format = DocumentFormat(rawValue: value) { return .document(format) }
        throw Problem.malformed("报告格式“\(value)”不支持；可用：json、md、html、docx、pdf")
    }

    static func contentType(_ format: ReportFormat) -> String {
        switch format {
        case .json: "application/json; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }

    static func reportResponse(_ text: String, format: ReportFormat) -> Response {
        var response = JSONText.text(text, contentType: contentType(format))
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}

/// A report format the service answers in: a text format of the core, or a Word or PDF document.
enum ReportDownload: Equatable, Sendable {
    case text(ReportFormat)
    case document(DocumentFormat)
}
