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
        // The 20 newest jobs: only their folders are read, whatever the number of jobs.
        let jobs = state.batchJobs.newest(20, jobsFolder: state.configuration.jobsFolder).map { job -> [String: Any] in
            [
                "link": "/batch/" + job.id,
                "file": !job.record.file.isEmpty ? job.record.file : job.problem == nil ? "（接口提交）" : "（文件名不明）",
                "problem": job.problem ?? "",
                "user": job.record.user, "at": Self.shortTime(job.record.createdAt), "status": job.status.rawValue,
                "interrupted": job.status == .interrupted, "finished": job.status == .finished,
                "zipLink": "/batch/\(job.id)/reports.zip",
                "stoppedAt": job.progress.map { "停止前已处理约 \($0.done) / \($0.estimate) 个" }
                    ?? "停止前处理了多少不明（没有进度记录）",
            ]
        }
        return page(
            "batch", title: "批量评估", ["rulesets": rulesetChoices(), "jobs": jobs, "hasJobs": !jobs.isEmpty],
            context: context)
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

    /// `POST /batch`: keeps the uploaded CSV or JSON Lines file as a job, grades it in the background (through the
    /// API's batch code) and sends the browser to the job's page, which shows the progress until it is done.
    func batchSubmit(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try require(.prepare, "提交批量评估", context)
        let form = try await form(request)
        let file = form.fileNames["file"] ?? ""
        let isJSONLines =
            file.lowercased().hasSuffix(".jsonl") || file.lowercased().hasSuffix(".ndjson")
            || form.text("format") == "jsonl"
        let jobID = try startBatchJob(
            form["file"] ?? "", fileExtension: isJSONLines ? "jsonl" : "csv", file: file, actor: identity.name)
        return Self.redirect("/batch/" + jobID)
    }

    /// Keeps `text` as a new job and grades it in the background (through the API's batch code), writing its
    /// progress as it goes; the new job's id.
    func startBatchJob(_ text: String, fileExtension: String, file: String, actor: String) throws -> String {
        let api = api
        let logger = state.logger
        let jobID = try api.storeBatchInput(
            ByteBuffer(string: text), fileExtension: fileExtension, file: file, actor: actor)
        let folder = state.configuration.jobsFolder + "/" + jobID
        // The number of rows, for the progress bar.
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }.count
        let estimate = max(fileExtension == "jsonl" ? lines : lines - 1, 1)
        try? Data("0 0 \(estimate)".utf8).write(to: URL(fileURLWithPath: folder + "/progress"), options: .atomic)
        let step = max(1, estimate / 100)
        Task.detached {
            do {
                _ = try await api.runBatch(jobID, fileExtension: fileExtension, actor: actor) { progress in
                    guard progress.done % step == 0 else { return }
                    try? Data("\(progress.done) \(progress.invalid) \(estimate)".utf8).write(
                        to: URL(fileURLWithPath: folder + "/progress"), options: .atomic)
                }
            } catch {
                logger.error("batch job failed", metadata: ["job": "\(jobID)", "error": "\(error)"])
                let message = "批量评估没有完成（服务无法写入任务目录）；请重新上传，或请管理员查看服务日志"
                try? Data(message.utf8).write(to: URL(fileURLWithPath: folder + "/failed"), options: .atomic)
            }
        }
        return jobID
    }

    /// `POST /batch/{jobId}/rerun`: grades a job's stored input again as a new job (for a job the service's
    /// stop interrupted); the original job stays as it was.
    func batchRerun(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try require(.prepare, "提交批量评估", context)
        let jobID = try api.jobID(context)
        let folder = state.configuration.jobsFolder + "/" + jobID
        guard let job = BatchJob.load(id: jobID, jobsFolder: state.configuration.jobsFolder) else {
            throw Problem.notFound("批量任务 \(jobID) 不存在")
        }
        guard let text = try? String(contentsOfFile: folder + "/input." + job.record.format, encoding: .utf8) else {
            throw Problem.notFound("批量任务 \(jobID) 上传的文件不在服务中（任务目录不完整），无法重新评估；请重新上传")
        }
        let newID = try startBatchJob(
            text, fileExtension: job.record.format, file: job.record.file, actor: identity.name)
        return Self.redirect("/batch/" + newID)
    }

    /// `GET /batch/{jobId}`: while the job runs, its progress (the page reloads itself every second); when done,
    /// the summary table with links to the summary, each report and a ZIP of them all.
    func batchJobPage(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.read, "查看批量任务", context)
        let jobID = try api.jobID(context)
        let folder = state.configuration.jobsFolder + "/" + jobID
        guard let job = BatchJob.load(id: jobID, jobsFolder: state.configuration.jobsFolder) else {
            throw Problem.notFound("批量任务 \(jobID) 不存在")
        }
        let file = job.record.file
        if job.status == .failed {
            let failure = (try? String(contentsOfFile: folder + "/failed", encoding: .utf8)) ?? ""
            throw Problem(.internalServerError, .ledgerFailure, "批量评估失败", detail: failure)
        }
        guard job.status == .finished, let text = try? api.batchSummary(jobID) else {
            let interrupted = job.status == .interrupted
            return page(
                "batch-job", title: interrupted ? "批量评估已中断" : "批量评估进行中",
                [
                    "running": !interrupted, "interrupted": interrupted, "refresh": interrupted ? "" : "1",
                    "file": file, "progressKnown": job.progress != nil, "done": job.progress?.done ?? 0,
                    "invalid": job.progress?.invalid ?? 0, "estimate": job.progress?.estimate ?? 0,
                    "max": max(job.progress?.estimate ?? 0, job.progress?.done ?? 0, 1), "jobId": jobID,
                    "interruptedAt": job.interruptedAt.map(Self.shortTime) ?? "",
                    "canRerun": context.identity?.role.allows(.prepare) == true && job.hasInput,
                    "hasInput": job.hasInput,
                    "problem": job.problem ?? "",
                ], context: context)
        }
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let summary = parsed ?? [:]
        let problem =
            parsed == nil ? "汇总文件（summary.json）不完整或已损坏，无法列出结果；请重新上传文件评估" : job.problem ?? ""
        let stored = "input." + job.record.format
        let counts = summary["counts"] as? [String: Any] ?? [:]
        let rows = (summary["rows"] as? [[String: Any]] ?? []).map { row -> [String: Any] in
            let reports = (row["reports"] as? [String] ?? []).map { path in
                "/api/v1/batches/\(jobID)/reports/" + Self.pathSegment(String(path.split(separator: "/").last ?? ""))
            }
            // The message names the job's copy of the upload (`input.csv:4:5`); show the name that was uploaded.
            var problem = ""
            if let error = row["error"] as? [String: Any], let message = error["message"] as? String {
                problem = file.isEmpty ? message : message.replacingOccurrences(of: stored + ":", with: file + ":")
            }
            return [
                "sequence": row["sequence"] ?? "", "id": row["id"] as? String ?? "",
                "name": row["name"] as? String ?? "",
                "status": (row["status"] as? String) == "graded" ? "已评级" : "无效",
                "before": row["grade_before"] as? String ?? "—", "after": row["grade_after"] as? String ?? "—",
                "report": reports.first ?? "", "problems": problem,
                "line": row["line"] ?? "",
            ] as [String: Any]
        }
        // How many projects got each grade after measures, in the order the grades first appear.
        var grades: [(grade: String, count: Int)] = []
        for row in summary["rows"] as? [[String: Any]] ?? [] {
            guard let grade = row["grade_after"] as? String else { continue }
            if let index = grades.firstIndex(where: { $0.grade == grade }) {
                grades[index].count += 1
            } else {
                grades.append((grade, 1))
            }
        }
        return page(
            "batch-job", title: "批量评估结果",
            [
                "finished": true, "file": file, "jobId": jobID, "summaryLink": "/api/v1/batches/\(jobID)",
                "zipLink": "/batch/\(jobID)/reports.zip", "total": counts["total"] ?? 0,
                "graded": counts["graded"] ?? 0, "invalid": counts["invalid"] ?? 0, "rows": rows,
                "distribution": grades.map { ["grade": $0.grade, "count": $0.count] as [String: Any] },
                "hasDistribution": !grades.isEmpty, "problem": problem,
            ], context: context)
    }

    /// `GET /batch/{jobId}/reports.zip`: the job's summary files and JSON reports in one ZIP (names sorted, fixed
    /// dates, so the same job always gives the same bytes).
    func batchArchive(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.read, "查看批量任务", context)
        let jobID = try api.jobID(context)
        _ = try api.batchSummary(jobID)
        let out = state.configuration.jobsFolder + "/" + jobID + "/out"
        guard let data = BatchArchive.zip(folder: out) else {
            throw Problem(.internalServerError, .ledgerFailure, "无法打包报告", detail: "服务无法读取该任务的报告；请管理员查看服务日志")
        }
        var response = Response(
            status: .ok, headers: [.contentType: "application/zip"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        response.headers[.contentDisposition] = "attachment; filename=\"wenping-batch-\(jobID.prefix(8)).zip\""
        return response
    }

    func rulesPage(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try require(.read, "查看规则", context)
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
        var data: [String: Any] = ["rulesets": items]
        if identity.role.allows(.administer) { data["admin"] = reloadView() }
        return page("rules", title: "规则", data, context: context)
    }

    /// For administrators: the last reload's result with its diagnostics, and the warnings of the rules in force.
    func reloadView() -> [String: Any] {
        func rows(_ diagnostics: [Diagnostic]) -> [[String: Any]] {
            diagnostics.sorted().map {
                [
                    "severity": $0.severity == .error ? "错误" : "警告", "isError": $0.severity == .error,
                    "code": $0.code.rawValue, "location": "\($0.location)", "message": $0.message,
                ] as [String: Any]
            }
        }
        let current = state.catalog.diagnostics
        var view: [String: Any] = [
            "currentWarnings": rows(current), "currentCount": current.count, "hasCurrent": !current.isEmpty,
        ]
        if let last = state.lastReload {
            let errors = last.diagnostics.count { $0.severity == .error }
            view["last"] =
                [
                    "at": Self.shortTime(last.at), "actor": last.actor, "accepted": last.accepted,
                    "rulesets": last.rulesets.joined(separator: "、"), "errors": errors,
                    "warnings": last.diagnostics.count - errors, "diagnostics": rows(last.diagnostics),
                    "hasDiagnostics": !last.diagnostics.isEmpty,
                ] as [String: Any]
        }
        return view
    }

    /// `POST /rules/reload` (管理): reloads the rules through the API's handler, which keeps the result for the
    /// rules page whether the new rules were taken or refused.
    func rulesReloadSubmit(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.administer, "重新加载规则", context)
        do {
            _ = try await api.reload(Self.forward(request, body: "", contentType: "application/json"), context)
        } catch let problem as Problem where problem.code == .reloadRejected {
            // Shown on the rules page from the kept result.
        }
        return Self.redirect("/rules#reload")
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
