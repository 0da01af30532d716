import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// Surveys: questionnaire responses turned into a project's `survey:` block, as `wenping survey` does.
extension APIRoutes {
    /// The request body of `POST /api/v1/survey`: the spec (YAML text) and the responses (CSV text).
    struct SurveyInput: Decodable {
        var spec: String
        var responses: String
    }

    /// `POST /api/v1/survey`: the `survey:` block for a project (JSON), with every row that could not be counted.
    ///
    /// Stores nothing (like `/assess`). 200: `{"fragment": {"survey": …}, "rows", "valid", "invalid", "blank",
    /// "diagnostics"}`, the diagnostics being the W540/W541 warnings about rows, positioned in `responses`.
    /// 422 with the spec's or the responses' diagnostics (E460, E462, E463, YAML errors) when nothing can be
    /// computed; 400 when the body is not that JSON object.
    func survey(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let input = try await state.decode(SurveyInput.self, from: request)
        let (spec, specDiagnostics) = SurveySpecLoader.load(bytes: Array(input.spec.utf8), file: "spec")
        let specErrors = specDiagnostics.filter { $0.severity == .error }
        guard let spec, specErrors.isEmpty else {
            let shown = (specErrors.isEmpty ? specDiagnostics : specErrors).sorted()
            throw Problem(
                .unprocessableContent, shown.first?.code ?? .invalidSurveySpec, "调查说明文件有误",
                detail: "调查说明（spec）有 \(shown.count) 处问题：" + (shown.first.map(Grading.describe) ?? ""),
                diagnostics: shown)
        }
        let outcome = SurveyImport.run(spec: spec, bytes: Array(input.responses.utf8), file: "responses")
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        guard let result = outcome.result, errors.isEmpty else {
            let shown = (errors.isEmpty ? outcome.diagnostics : errors).sorted()
            throw Problem(
                .unprocessableContent, shown.first?.code ?? .surveyNoValidRows, "问卷无法统计",
                detail: "问卷（responses）有 \(shown.count) 处问题：" + (shown.first.map(Grading.describe) ?? ""),
                diagnostics: shown)
        }
        var json = "{\"fragment\":" + SurveyFragmentWriter.json(result).trimmingCharacters(in: .newlines)
        json += ",\"rows\":\(result.rows),\"valid\":\(result.valid),\"invalid\":\(result.invalidRows.count)"
        json += ",\"blank\":\(result.blank),\"diagnostics\":["
        json += outcome.diagnostics.sorted().map(Problem.diagnosticJSON).joined(separator: ",")
        json += "]}"
        return JSONText.text(json, contentType: "application/json; charset=utf-8")
    }
}
