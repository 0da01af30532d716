import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingDocuments
import WenpingLedger

/// Grading: dry run, stored assessments, reports, history, reviews.
extension APIRoutes {
    /// `POST /api/v1/assess`: grades the project in the body without storing anything; answers the report.
    func assess(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let download = try Grading.format(request)
        let asOf = try Grading.asOf(request)
        let bytes = Array(try await state.collectBody(request).readableBytesView)
        let assessment = try Grading.assess(bytes, catalog: state.catalog, asOf: asOf)
        state.metrics.assessment(grade: assessment.gradeAfter, stored: false)
        switch download {
        case .text(let format):
            return Grading.reportResponse(state.documents.templates.render(format, assessment), format: format)
        case .document(let format):
            return try await DocumentDownload.response(format, assessment, state: state)
        }
    }

    /// `POST /api/v1/projects`: saves a new version of the project and stores its assessment.
    func saveProject(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try context.require(.prepare, "保存和评估项目")
        let buffer = try await state.collectBody(request)
        let bytes = Array(buffer.readableBytesView)
        let assessment = try Grading.assess(bytes, catalog: state.catalog)
        let project = assessment.project
        let ruleSet = assessment.ruleSet
        let report = JSONReportRenderer.render(assessment)
        let content = String(decoding: bytes, as: UTF8.self)
        let (gradeBefore, gradeAfter) = (assessment.gradeBefore, assessment.gradeAfter)
        let (indexBefore, indexAfter) = (assessment.indexBefore, assessment.indexAfter)
        let (version, record) = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.saveAndAssess(
                projectID: project.id, name: project.name, content: content, contentDigest: project.inputDigest
            ) { version in
                NewAssessment(
                    projectID: project.id, projectVersion: version, ruleSetID: ruleSet.id,
                    ruleSetVersion: ruleSet.version, ruleSetDigest: ruleSet.digest,
                    engineVersion: WenpingVersion.current,
                    user: identity.name, gradeBefore: gradeBefore, gradeAfter: gradeAfter, indexBefore: indexBefore,
                    indexAfter: indexAfter, reportJSON: report)
            }
        }
        state.metrics.assessment(grade: gradeAfter, stored: true)
        var response = try JSONText.response(
            APIModels.StoredAssessment(
                projectId: version.projectID, projectVersion: version.version,
                assessment: APIModels.AssessmentInfo(record, reviews: [])), status: .created)
        response.headers[.location] = "/api/v1/assessments/\(record.id)"
        return response
    }

    func projectList(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.read, "查看项目")
        let limit = try Grading.integer(request, "limit", in: 1...1000, default: 100)
        let offset = try Grading.integer(request, "offset", in: 0...Int(Int32.max), default: 0)
        let projects = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.projects(limit: limit, offset: offset)
        }
        return try JSONText.response(
            APIModels.ProjectList(
                projects: projects.map {
                    .init(
                        projectId: $0.projectID, name: $0.name, latestVersion: $0.latestVersion, createdAt: $0.createdAt
                    )
                }))
    }

    /// `GET /api/v1/projects/{projectId}`: every version and assessment of a project (its history).
    func projectHistory(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.read, "查看项目")
        let id = try projectID(context)
        let (versions, assessments) = try await state.ledgerCall { ledger throws(LedgerError) in
            (try await ledger.versions(projectID: id), try await ledger.assessments(projectID: id))
        }
        guard let latest = versions.last else { throw Problem.notFound("项目“\(id)”不存在") }
        var infos: [APIModels.AssessmentInfo] = []
        for record in assessments {
            let reviews = try await state.ledgerCall { ledger throws(LedgerError) in
                try await ledger.reviews(assessmentID: record.id)
            }
            infos.append(.init(record, reviews: reviews))
        }
        return try JSONText.response(
            APIModels.ProjectHistory(
                projectId: id, name: latest.name,
                versions: versions.map {
                    .init(
                        version: $0.version, name: $0.name, contentDigest: $0.contentDigest, createdAt: $0.createdAt,
                        createdBy: $0.createdBy)
                }, assessments: infos))
    }

    func projectID(_ context: WenpingRequestContext) throws(Problem) -> String {
        guard let raw = context.parameters.get("projectId") else { throw Problem.notFound("缺少项目编号") }
        return raw.removingPercentEncoding ?? raw
    }

    func assessmentID(_ context: WenpingRequestContext) throws(Problem) -> Int64 {
        guard let raw = context.parameters.get("assessmentId"), let id = Int64(raw), id > 0 else {
            throw Problem.notFound("评估记录编号应为正整数")
        }
        return id
    }

    func storedAssessment(_ id: Int64) async throws(Problem) -> (AssessmentRecord, [ReviewRecord]) {
        let found = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.assessment(id: id)
        }
        guard let record = found else { throw Problem.notFound("评估记录 \(id) 不存在") }
        let reviews = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.reviews(assessmentID: id)
        }
        return (record, reviews)
    }

    func assessmentInfo(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.read, "查看评估记录")
        let (record, reviews) = try await storedAssessment(try assessmentID(context))
        return try JSONText.response(APIModels.AssessmentInfo(record, reviews: reviews))
    }

    /// `GET /api/v1/assessments/{assessmentId}/report?format=`: the stored JSON report, or Markdown, HTML, Word or
    /// PDF rendered again from the stored project version under the same ruleset (by digest); reviews added in
    /// every format.
    func assessmentReport(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.read, "查看评估报告")
        let download = try Grading.format(request)
        let (record, reviews) = try await storedAssessment(try assessmentID(context))
        switch download {
        case .text(.json):
            return Grading.reportResponse(
                ReviewedReport.decorate(record.content.reportJSON, format: .json, reviews: reviews), format: .json)
        case .text(let format):
            let report = state.documents.templates.render(format, try await reassess(record))
            return Grading.reportResponse(
                ReviewedReport.decorate(report, format: format, reviews: reviews), format: format)
        case .document(let format):
            let assessment = try await reassess(record)
            let html =
                format == .pdf && state.documents.converter?.kind == .chromium
                ? ReviewedReport.decorate(
                    state.documents.templates.render(.html, assessment), format: .html, reviews: reviews) : nil
            return try await DocumentDownload.response(
                format, assessment, state: state, appendices: [ReviewedReport.appendix(reviews)],
                html: html)
        }
    }

    /// The stored assessment graded again from its project version under the same ruleset (by digest).
    func reassess(_ record: AssessmentRecord) async throws -> Assessment {
        let content = record.content
        guard let ruleSet = state.ruleSet(digest: content.ruleSetDigest) else {
            throw Problem(
                .conflict, .rulesetUnavailable, "评估所用规则已不在服务中",
                detail: "评估记录 \(record.id) 使用的规则 \(content.ruleSetID) \(content.ruleSetVersion)"
                    + "（摘要 sha256:\(content.ruleSetDigest.prefix(12))…）未在本次启动后加载过；"
                    + "JSON 报告（format=json）始终可取，或加载该版本规则后再取此格式")
        }
        let found = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.projectVersion(projectID: content.projectID, version: content.projectVersion)
        }
        guard let version = found else { throw Problem.notFound("项目版本不存在") }
        return try Grading.assess(
            Array(version.content.utf8), catalog: RuleSetCatalog(ruleSets: [ruleSet]), override: ruleSet.id)
    }

    /// `POST /api/v1/assessments/{assessmentId}/reviews`: 通过/退回 with a comment, or 调整 with a grade and a reason.
    func review(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try context.require(.review, "审核评估")
        let id = try assessmentID(context)
        let input = try await state.decode(APIInputs.Review.self, from: request)
        guard let decision = ReviewDecision(rawValue: input.decision) else {
            throw Problem(
                .unprocessableContent, .reviewInvalid, "审核结论不对",
                detail: "decision 应为 通过、退回 或 调整，而不是“\(input.decision)”")
        }
        let (record, _) = try await storedAssessment(id)
        let comment = input.comment ?? ""
        if decision == .adjusted {
            guard let grade = input.adjustedGrade, !grade.isEmpty else {
                throw Problem(
                    .unprocessableContent, .reviewInvalid, "缺少调整后的等级", detail: "decision 为 调整 时须给出 adjustedGrade")
            }
            if let ruleSet = state.ruleSet(digest: record.content.ruleSetDigest), !ruleSet.gradeIDs.contains(grade) {
                throw Problem(
                    .unprocessableContent, .reviewInvalid, "调整后的等级不存在",
                    detail: "等级“\(grade)”不在规则的等级中；可用：\(ruleSet.gradeIDs.joined(separator: "、"))")
            }
            if comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw Problem(.unprocessableContent, .reviewInvalid, "缺少调整理由", detail: "调整等级必须在 comment 中写明理由")
            }
        } else if input.adjustedGrade != nil {
            throw Problem(
                .unprocessableContent, .reviewInvalid, "只有调整才能给出等级", detail: "通过或退回时请不要填写 adjustedGrade")
        }
        let stored = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.recordReview(
                NewReview(
                    assessmentID: id, reviewer: identity.name, decision: decision, adjustedGrade: input.adjustedGrade,
                    comment: comment))
        }
        return try JSONText.response(APIModels.ReviewInfo(stored), status: .created)
    }
}
