import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import WenpingLedger
@testable import WenpingServer

/// Batch jobs outlive the service: finished jobs are still listed with their summaries and ZIPs after a restart,
/// and a job that was running when the service stopped is marked 已中断 at the next start.
@Suite("Batch jobs across restarts")
struct BatchJobTests {
    static let lines: String = {
        (try? String(contentsOfFile: ServerFixture.root + "/Fixtures/batch/projects.jsonl", encoding: .utf8)) ?? ""
    }()

    static func form(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }

    /// Waits (up to 60 s) until the job's page no longer says it is running; its final page.
    static func finish(_ client: any TestClientProtocol, _ path: String, as caller: Caller) async throws -> String {
        for _ in 0..<600 {
            let page = try await client.call(.get, path, as: caller).text
            if !page.contains("batch-progress") { return page }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("\(path) still running after 60 s")
        return ""
    }

    @Test func jobsOutliveARestartAndRunningOnesAreMarkedInterrupted() async throws {
        let configure: (inout ServerConfiguration) -> Void = { $0.jobsFolder = $0.ledger + "-jobs" }
        let first = try await ServerFixture(configure: configure)
        defer { first.remove() }
        let jobsFolder = first.state.configuration.jobsFolder
        // A job the service is in the middle of when it stops: stored and counting, no outcome yet (the folder as
        // a killed process leaves it).
        let running = try APIRoutes(state: first.state).storeBatchInput(
            ByteBuffer(string: Self.lines), fileExtension: "jsonl", file: "第二批.jsonl", actor: "li")
        try "2 0 5".write(toFile: jobsFolder + "/" + running + "/progress", atomically: true, encoding: .utf8)
        try await first.test { client in
            let admin = try await client.admin()
            let planner = try await client.user("li", role: "编制", admin: admin)
            let upload = try await client.call(
                .post, "/batch", Self.form([("format", "jsonl"), ("file", Self.lines)]), as: planner,
                headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(upload.status == .seeOther)
            let result = try await Self.finish(client, upload.headers[.location] ?? "", as: planner)
            #expect(result.contains("id=\"batch-result\""))
            #expect(try await client.call(.get, "/batch/" + running, as: planner).text.contains("batch-progress"))
        }
        try await first.state.ledger.close()
        let finished = try #require(BatchJob.list(jobsFolder: jobsFolder, limit: 10).first { $0.status == .finished })
            .id

        let second = try await ServerFixture(existing: first.folder, configure: configure)
        try await second.test { client in
            let planner = try await client.login("li", "password-li-123")
            let list = try await client.call(.get, "/batch", as: planner).text
            #expect(list.contains("id=\"batch-jobs\""))
            #expect(list.contains("/batch/\(finished)/reports.zip") && list.contains("已完成"))
            #expect(list.contains("第二批.jsonl") && list.contains("已中断"))
            let zip = try await client.call(.get, "/batch/\(finished)/reports.zip", as: planner)
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            #expect(try await client.call(.get, "/batch/" + finished, as: planner).text.contains("batch-result"))
            let page = try await client.call(.get, "/batch/" + running, as: planner).text
            #expect(page.contains("id=\"batch-interrupted\"") && page.contains("停止前已处理约 2 个项目"))
            #expect(!page.contains("http-equiv=\"refresh\""))
            let audit = try await second.state.ledger.auditLog(limit: 20)
            #expect(audit.contains { $0.action == "batch.interrupted" && $0.target == "batch:\(running)" })
            // The stored input graded again, as a new job; the interrupted one stays as it was.
            let rerun = try await client.call(
                .post, "/batch/\(running)/rerun", "", as: planner,
                headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(rerun.status == .seeOther)
            let again = try #require(rerun.headers[.location])
            #expect(again != "/batch/" + running)
            #expect(try await Self.finish(client, again, as: planner).contains("第二批.jsonl"))
            #expect(try await client.call(.get, "/batch/" + running, as: planner).text.contains("batch-interrupted"))
        }
        try await second.state.ledger.close()

        // A third start marks nothing more: finished jobs stay finished, the interrupted one stays interrupted.
        let third = try await ServerFixture(existing: first.folder, configure: configure)
        let jobs = BatchJob.list(jobsFolder: jobsFolder, limit: 10)
        #expect(jobs.count == 3)
        #expect(
            jobs.filter { $0.status == .finished }.count == 2 && jobs.filter { $0.status == .interrupted }.count == 1)
        let marked = try await third.state.ledger.auditLog(limit: 50).filter { $0.action == "batch.interrupted" }
        #expect(marked.count == 1)
        try await third.state.ledger.close()
    }
}
