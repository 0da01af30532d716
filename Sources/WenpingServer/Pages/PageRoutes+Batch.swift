import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// Batch upload, the rules in force, and the administrator's page.
extension PageRoutes {
    func batchPage(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.prepare, "提交批量评估", context)
        return page("batch", title: "批量评估", ["rulesets": rulesetChoices()], context: context)
    }

    func rulesetChoices() -> [[String: Any]] {
        gradingRuleSets.map {
            ["id": $0.id, "title": $0.title, "jurisdiction": $0.jurisdiction, "kind": $0.primaryKind?.label ?? ""]
                as [String: Any]
        }
    }

    /// `GET /batch/template?ruleset=`: a CSV (UTF-8 with BOM, for Excel) whose Chinese headers are the columns
    /// `wenping batch` reads for that ruleset, with the kind and jurisdiction filled in on one example row.
    func batchTemplate(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.read, "下载表格模板", context)
        let ruleSet = try ruleSet(request.uri.queryParameters.get("ruleset"))
        let form = ruleSet.form
        let header = ["项目编号", "项目名称", "项目类型", "所在地区"] + form.fields.map(\.label) + ["措施"]
        let example =
            ["", "", ruleSet.primaryKind?.key ?? "", ruleSet.jurisdiction] + form.fields.map { _ in "" } + [""]
        let csv =
            "\u{FEFF}"
            + [header, example].map { $0.map(Self.csvCell).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
        var response = Response(
            status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: csv)))
        let name = ruleSet.id.replacingOccurrences(of: "/", with: "-") + "-template.csv"
        response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return response
    }

    static func csvCell(_ text: String) -> String {
        text.contains(where: { ",\"\r\n".contains($0) })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// `POST /batch`: the uploaded CSV or JSON Lines file, graded through the API's batch handler; shows the
    /// summary table with links to the summary and each report.
    func batchSubmit(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.prepare, "提交批量评估", context)
        let form = try await form(request)
        let file = form.fileNames["file"] ?? ""
        let text = form["file"] ?? ""
        let isJSONLines =
            file.lowercased().hasSuffix(".jsonl") || file.lowercased().hasSuffix(".ndjson")
            || form.text("format") == "jsonl"
        let response = try await api.createBatch(
            Self.forward(request, body: text, contentType: isJSONLines ? "application/jsonl" : "text/csv"), context)
        let jobID = (response.headers[.location] ?? "").split(separator: "/").last.map(String.init) ?? ""
        let summary =
            (try? JSONSerialization.jsonObject(with: Data(try api.batchSummary(jobID).utf8)) as? [String: Any]) ?? [:]
        let counts = summary["counts"] as? [String: Any] ?? [:]
        let rows = (summary["rows"] as? [[String: Any]] ?? []).map { row -> [String: Any] in
            let reports = (row["reports"] as? [String] ?? []).map { path in
                "/api/v1/batches/\(jobID)/reports/" + Self.pathSegment(String(path.split(separator: "/").last ?? ""))
            }
            let problems = (row["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            return [
                "sequence": row["sequence"] ?? "", "id": row["id"] as? String ?? "",
                "name": row["name"] as? String ?? "",
                "status": (row["status"] as? String) == "graded" ? "已评级" : "无效",
                "before": row["grade_before"] as? String ?? "—", "after": row["grade_after"] as? String ?? "—",
                "report": reports.first ?? "", "problems": problems.joined(separator: ";"),
                "line": row["line"] ?? "",
            ] as [String: Any]
        }
        return page(
            "batch", title: "批量评估结果",
            [
                "rulesets": rulesetChoices(), "done": true, "file": file, "jobId": jobID,
                "summaryLink": "/api/v1/batches/\(jobID)", "total": counts["total"] ?? 0,
                "graded": counts["graded"] ?? 0, "invalid": counts["invalid"] ?? 0, "rows": rows,
            ], context: context, status: .created)
    }

    func rulesPage(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.read, "查看规则", context)
        let items = gradingRuleSets.map { ruleSet -> [String: Any] in
            let form = ruleSet.form
            return [
                "id": ruleSet.id, "title": ruleSet.title, "version": ruleSet.version,
                "digest": String(ruleSet.digest.prefix(16)), "jurisdiction": ruleSet.jurisdiction,
                "kinds": ruleSet.appliesTo.map { ruleSet.kindLabel(for: $0) ?? $0 }.joined(separator: "、"),
                "effective": ruleSet.effective ?? "—", "reference": ruleSet.statusBanner ?? "",
                "grades": ruleSet.gradeIDs.joined(separator: "、"), "factorCount": ruleSet.factorCount,
                "basis": ruleSet.basis.map(\.title), "summary": ruleSet.summary,
                "inputs": form.fields.map {
                    [
                        "label": $0.label, "name": $0.name, "unit": $0.unit ?? "", "required": $0.isRequired,
                        "feeds": $0.factors.joined(separator: "、"),
                    ] as [String: Any]
                },
                "schema": "/api/v1/rulesets/" + Self.pathSegment(ruleSet.id) + "/schema",
            ]
        }
        return page("rules", title: "规则", ["rulesets": items], context: context)
    }

    /// `GET /admin`: users and the recent audit log (管理 only).
    func adminPage(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.administer, "管理用户", context)
        let (users, audit) = try await state.ledgerCall { ledger throws(LedgerError) in
            (try await ledger.users(), try await ledger.auditLog(limit: 50))
        }
        return page(
            "admin", title: "管理",
            [
                "users": users.map { ["name": $0.name, "role": $0.role.rawValue, "at": Self.shortTime($0.createdAt)] },
                "audit": audit.map {
                    [
                        "at": Self.shortTime($0.at), "actor": $0.actor, "action": $0.action, "target": $0.target,
                        "detail": $0.detail,
                    ]
                },
            ], context: context)
    }

    /// `POST /admin/users`: a new user (管理 only), through the API's handler.
    func createUserSubmit(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.administer, "管理用户", context)
        let form = try await form(request)
        let body =
            "{\"name\":\(JSONText.string(form.text("name"))),\"role\":\(JSONText.string(form.text("role"))),"
            + "\"password\":\(JSONText.string(form["password"] ?? ""))}"
        _ = try await api.createUser(Self.forward(request, body: body, contentType: "application/json"), context)
        return Self.redirect("/admin")
    }
}
