import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// Batch jobs: the same inputs as `wenping batch` (JSON Lines or CSV) uploaded in one body, graded without
/// storing assessments; the job's summary and JSON reports are kept under the jobs folder by job id.
extension APIRoutes {
    /// `{"jobId": "...", "summary": {...summary.json...}}`.
    static func batchJob(_ id: String, summary: String, status: HTTPResponse.Status = .ok) -> Response {
        JSONText.text(
            "{\"jobId\":\(JSONText.string(id)),\"summary\":\(summary)}", contentType: "application/json; charset=utf-8",
            status: status)
    }

    /// `POST /api/v1/batches` with `Content-Type: application/jsonl` (or `application/x-ndjson`) or `text/csv`.
    func createBatch(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try context.require(.prepare, "提交批量评估")
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let fileExtension: String
        if contentType.hasPrefix("text/csv") {
            fileExtension = "csv"
        } else if contentType.hasPrefix("application/jsonl") || contentType.hasPrefix("application/x-ndjson")
            || contentType.hasPrefix("application/x-jsonlines")
        {
            fileExtension = "jsonl"
        } else {
            throw Problem(
                .unsupportedMediaType, .requestMalformed, "不支持的内容类型",
                detail: "批量评估的 Content-Type 应为 application/jsonl（每行一个项目）或 text/csv（与 wenping batch 相同）")
        }
        let jobID = try storeBatchInput(
            try await state.collectBody(request), fileExtension: fileExtension, file: "", actor: identity.name)
        _ = try await runBatch(jobID, fileExtension: fileExtension, actor: identity.name)
        var response = Self.batchJob(jobID, summary: try batchSummary(jobID), status: .created)
        response.headers[.location] = "/api/v1/batches/\(jobID)"
        return response
    }

    /// Keeps an uploaded batch input in a new job folder (`input.csv` or `input.jsonl`, and `job.json` naming the
    /// uploaded `file` and the `actor`); the new job's id.
    func storeBatchInput(_ body: ByteBuffer, fileExtension: String, file: String, actor: String) throws(Problem)
        -> String
    {
        if body.readableBytesView.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) {
            throw Problem.malformed("请求正文为空；请给出 JSON Lines（每行一个项目）或 CSV 表格")
        }
        let jobID = UUID().uuidString.lowercased()
        let folder = state.configuration.jobsFolder + "/" + jobID
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Whole or not at all: a folder with `input.*` but no `job.json` is still a job that can run again.
            try Data(body.readableBytesView).write(
                to: URL(fileURLWithPath: folder + "/input." + fileExtension), options: .atomic)
            let record = BatchJob.Record(
                file: file, user: actor, createdAt: ISO8601DateFormatter().string(from: Date()), format: fileExtension)
            try BatchJob.start(folder: folder, record: record)
            state.batchJobs.add(id: jobID, createdAt: record.createdAt)
        } catch {
            throw Problem(.serviceUnavailable, .ledgerFailure, "无法保存批量任务", detail: "服务无法写入任务目录；请管理员检查磁盘和权限")
        }
        return jobID
    }

    /// Grades a stored job's input into its `out` folder (summary files and one JSON report per graded project),
    /// counts the grades in the metrics and writes the audit line.
    ///
    /// - Parameter progress: called after each input, in input order, off the caller's task.
    func runBatch(
        _ jobID: String, fileExtension: String, actor: String,
        progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }
    ) async throws -> BatchSummary {
        let folder = state.configuration.jobsFolder + "/" + jobID
        let input = folder + "/input." + fileExtension
        let runner = BatchRunner(
            catalog: state.catalog,
            options: .init(output: folder + "/out", reports: [.json], jobs: 1, sharding: .never))
        let summary: BatchSummary = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runner.run([input], progress: progress) })
            }
        }
        for (grade, count) in summary.distributionAfter where count > 0 {
            for _ in 0..<count { state.metrics.assessment(grade: grade, stored: false) }
        }
        try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.audit(
                actor: actor, action: "batch.run", target: "batch:\(jobID)",
                detail: "\(summary.total) inputs, \(summary.graded) graded, \(summary.invalid) invalid")
        }
        return summary
    }

    /// The job's `summary.json`, with the server's folder names removed.
    func batchSummary(_ jobID: String) throws(Problem) -> String {
        let folder = state.configuration.jobsFolder + "/" + jobID
        guard let text = try? String(contentsOfFile: folder + "/out/summary.json", encoding: .utf8) else {
            throw Problem.notFound("批量任务 \(jobID) 不存在")
        }
        return text.replacingOccurrences(of: folder + "/", with: "")
    }

    /// A job id exactly as the service makes them (a lowercase UUID); anything else is not found.
    func jobID(_ context: WenpingRequestContext) throws(Problem) -> String {
        let raw = context.parameters.get("jobId") ?? ""
        guard BatchJob.isJobID(raw) else {
            throw Problem.notFound("批量任务编号不对")
        }
        return raw
    }

    func batchInfo(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.read, "查看批量任务")
        let id = try jobID(context)
        return Self.batchJob(id, summary: try batchSummary(id))
    }

    /// `GET /api/v1/batches/{jobId}/reports/{file}`: one JSON report of the job.
    ///
    /// The file name must be a plain
    /// name the batch wrote (no folders, no leading dot); the resolved path must stay inside the job's reports.
    func batchReport(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.read, "查看批量任务")
        let id = try jobID(context)
        let raw = context.parameters.get("file") ?? ""
        let name = raw.removingPercentEncoding ?? raw
        let reports = state.configuration.jobsFolder + "/" + id + "/out/" + BatchRunner.reportFolder
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\\"), !name.contains("\0"),
            name.hasSuffix(".json")
        else { throw Problem.notFound("报告文件名不对") }
        let path = URL(fileURLWithPath: reports + "/" + name).standardizedFileURL.path
        let base = URL(fileURLWithPath: reports).standardizedFileURL.path + "/"
        guard path.hasPrefix(base), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Problem.notFound("批量任务 \(id) 中没有报告“\(name)”")
        }
        return Grading.reportResponse(text, format: .json)
    }
}
