import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// An assessment with its report links and reviews, the reviewer's queue, history and comparison.
extension PageRoutes {
    func assessmentPage(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.read, "查看评估记录", context)
        let id = try api.assessmentID(context)
        let (record, reviews) = try await api.storedAssessment(id)
        let content = record.content
        let editLink = "/projects/" + Self.pathSegment(content.projectID) + "/edit"
        // Why this grade, from the stored version graded again under the same rules (left out when those rules
        // are no longer loaded).
        var explain: Any = false
        var grade = GradeView.make(reportJSON: content.reportJSON)
        if let assessment = try? await api.reassess(record) {
            let canEdit = context.identity?.role.allows(.prepare) ?? false
            explain = ExplanationView.make(
                Explainer.explanation(of: assessment), links: canEdit ? .edit(editLink) : .none)
            // The risk matrix and contribution chart, as on the live panel, drawn only when grading again gives
            // exactly the stored result (it always should: same version, same rules).
            if assessment.gradeBefore == content.gradeBefore, assessment.gradeAfter == content.gradeAfter,
                assessment.indexBefore == content.indexBefore, assessment.indexAfter == content.indexAfter
            {
                grade.merge(GradeView.figures(assessment, id: "stored")) { _, new in new }
            }
        }
        let grades = state.ruleSet(digest: content.ruleSetDigest)?.gradeIDs ?? ["高", "中", "低"]
        let base = "/api/v1/assessments/\(id)/report"
        return page(
            "assessment", title: "评估记录 \(id)",
            [
                "id": id, "projectId": content.projectID,
                "projectLink": "/projects/" + Self.pathSegment(content.projectID),
                "version": content.projectVersion, "ruleset": content.ruleSetID,
                "rulesetVersion": content.ruleSetVersion,
                "digest": String(content.ruleSetDigest.prefix(12)), "engine": content.engineVersion,
                "assessor": content.user, "at": Self.shortTime(record.createdAt),
                "grade": grade,
                "reportHTML": base + "?format=html", "reportMD": base + "?format=md",
                "reportJSON": base + "?format=json",
                "reviews": reviews.map(Self.reviewView),
                "state": ReviewState(assessmentID: id, decision: reviews.last?.content.decision.rawValue).rawValue,
                "grades": grades.map { ["key": $0] },
                "editLink": editLink, "explain": explain,
            ], context: context)
    }

    static func reviewView(_ review: ReviewRecord) -> [String: Any] {
        [
            "reviewer": review.content.reviewer, "decision": review.content.decision.rawValue,
            "adjusted": review.content.adjustedGrade ?? "", "comment": review.content.comment,
            "at": shortTime(review.createdAt),
        ]
    }

    /// `POST /assessments/{id}/review`: 通过, 退回 or 调整 (with grade and reason), through the API's handler.
    func reviewSubmit(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.review, "审核评估", context)
        let id = try api.assessmentID(context)
        let form = try await form(request)
        var body =
            "{\"decision\":\(JSONText.string(form.text("decision"))),\"comment\":\(JSONText.string(form.text("comment")))"
        if form.text("decision") == "调整" { body += ",\"adjustedGrade\":\(JSONText.string(form.text("adjustedGrade")))" }
        body += "}"
        _ = try await api.review(Self.forward(request, body: body, contentType: "application/json"), context)
        return Self.redirect("/assessments/\(id)")
    }

    /// `GET /review`: projects whose latest assessment waits for a review.
    func reviewQueue(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.review, "审核评估", context)
        let after = request.uri.queryParameters.get("after")
        var rows = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.projectOverview(ProjectFilter(state: .pending, after: after, limit: 51))
        }
        let hasMore = rows.count > 50
        if hasMore { rows.removeLast() }
        return page(
            "review", title: "审核队列",
            [
                "items": rows.map { row in
                    [
                        "id": row.projectID, "name": row.name, "before": row.gradeBefore ?? "—",
                        "after": row.gradeAfter ?? "—", "link": "/assessments/\(row.assessmentID ?? 0)",
                        "at": row.assessedAt.map(Self.shortTime) ?? "",
                    ] as [String: Any]
                },
                "empty": rows.isEmpty,
                "next": hasMore ? "/review?after=" + Self.pathSegment(rows.last?.projectID ?? "") : "",
            ], context: context)
    }

    /// `GET /projects/{id}`: versions and assessments on a timeline, and a form to compare two assessments.
    func history(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.read, "查看项目", context)
        let id = try api.projectID(context)
        let (versions, assessments, latest) = try await projectRecords(id)
        var items: [[String: Any]] = []
        for (index, record) in assessments.enumerated().reversed() {
            let reviews = try await state.ledgerCall { ledger throws(LedgerError) in
                try await ledger.reviews(assessmentID: record.id)
            }
            items.append([
                "id": record.id, "version": record.content.projectVersion, "user": record.content.user,
                "at": Self.shortTime(record.createdAt), "before": record.content.gradeBefore,
                "after": record.content.gradeAfter, "ruleset": record.content.ruleSetID,
                "rulesetVersion": record.content.ruleSetVersion, "link": "/assessments/\(record.id)",
                "reviews": reviews.map(Self.reviewView),
                "fromChecked": index == assessments.count - 2, "toChecked": index == assessments.count - 1,
            ])
        }
        return page(
            "history", title: "项目 \(latest.name)",
            [
                "id": id, "name": latest.name, "versions": versions.count, "assessments": items,
                "canCompare": assessments.count >= 2,
                "compareAction": "/projects/" + Self.pathSegment(id) + "/compare",
                "editLink": "/projects/" + Self.pathSegment(id) + "/edit",
            ], context: context)
    }

    /// `GET /projects/{id}/compare?from=A&to=B`: what changed between two assessments.
    func compare(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.read, "查看项目", context)
        let id = try api.projectID(context)
        guard let fromID = request.uri.queryParameters.get("from", as: Int64.self),
            let toID = request.uri.queryParameters.get("to", as: Int64.self)
        else { throw Problem.malformed("请选择两次评估进行比较") }
        let diff = try await api.diff(project: id, from: fromID, to: toID)
        // The project's name as the newer of the two versions has it.
        let versions = try await projectRecords(id).versions
        let name = versions.last { $0.version == diff.projectVersions.last }?.name ?? ""
        // A measure by the name its report gave it, its id beside the name (ids are what project files list).
        let measures = { (ids: [String]) in
            ids.map { id -> [String: Any] in
                guard let label = diff.measureLabels[id], label != id else { return ["label": id] }
                return ["label": label, "measureId": id]
            }
        }
        let changes = { (list: [APIRoutes.Change]) in
            list.map { ["label": $0.label, "from": $0.from ?? "（未填）", "to": $0.to ?? "（未填）"] }
        }
        return page(
            "compare", title: "比较评估 \(fromID) 与 \(toID)",
            [
                "id": id, "name": name, "from": fromID, "to": toID, "projectLink": "/projects/" + Self.pathSegment(id),
                "versions": diff.projectVersions.map { String($0) }.joined(separator: " → "),
                "rulesetChanged": diff.rulesetChanged,
                "rulesets": diff.ruleset.map { "\($0.id) \($0.version)" }.joined(separator: " → "),
                "grades": changes(diff.grades), "facts": changes(diff.facts), "factors": changes(diff.factors),
                "measuresAdded": measures(diff.measuresAdded), "measuresRemoved": measures(diff.measuresRemoved),
                "noGrades": diff.grades.isEmpty, "noFacts": diff.facts.isEmpty, "noFactors": diff.factors.isEmpty,
                "noMeasures": diff.measuresAdded.isEmpty && diff.measuresRemoved.isEmpty,
            ], context: context)
    }
}
