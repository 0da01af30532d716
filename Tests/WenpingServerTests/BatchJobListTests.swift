import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import WenpingLedger
@testable import WenpingServer

/// The batch job list (`/batch`) reads only the folders of the jobs it shows, in the order a scan of every folder
/// gives, and shows a damaged or half-written job folder with what is wrong with it instead of failing.
@Suite("Batch job list")
struct BatchJobListTests {
    static func configure(_ configuration: inout ServerConfiguration) {
        configuration.jobsFolder = configuration.ledger + "-jobs"
    }

    /// A service with one finished job (graded through the API code) in its jobs folder; the job's id.
    static func serviceWithAJob() async throws -> (ServerFixture, String) {
        let fixture = try await ServerFixture(configure: configure)
        let api = APIRoutes(state: fixture.state)
        let id = try api.storeBatchInput(
            ByteBuffer(string: BatchJobTests.lines), fileExtension: "jsonl", file: "原始.jsonl", actor: "li")
        _ = try await api.runBatch(id, fileExtension: "jsonl", actor: "li")
        return (fixture, id)
    }

    /// Copies job `source` as a new job uploaded at `createdAt`; the new id.
    @discardableResult
    static func copy(_ source: String, in jobsFolder: String, createdAt: String, file: String) throws -> String {
        let id = UUID().uuidString.lowercased()
        try FileManager.default.copyItem(atPath: jobsFolder + "/" + source, toPath: jobsFolder + "/" + id)
        try BatchJob.start(
            folder: jobsFolder + "/" + id, record: .init(file: file, user: "li", createdAt: createdAt, format: "jsonl"))
        return id
    }

    /// The job ids the page links to, in the order of its rows.
    static func listed(_ page: String) -> [String] {
        var ids: [String] = []
        var rest = page[...]
        while let range = rest.range(of: "href=\"/batch/") {
            let id = String(rest[range.upperBound...].prefix(36))
            if BatchJob.isJobID(id), ids.last != id { ids.append(id) }
            rest = rest[range.upperBound...]
        }
        return ids
    }

    @Test func theListReadsOnlyTheJobsItShowsInTheOrderOfAScan() async throws {
        let (first, source) = try await Self.serviceWithAJob()
        defer { first.remove() }
        let jobsFolder = first.state.configuration.jobsFolder
        // 59 more, some uploaded in the same second (the larger id first), and one from before job.json existed.
        for n in 0..<59 {
            try Self.copy(
                source, in: jobsFolder, createdAt: String(format: "2026-11-%02dT08:00:00Z", 1 + n % 20),
                file: "第 \(n) 批.jsonl")
        }
        let legacy = UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: jobsFolder + "/" + legacy, withIntermediateDirectories: true)
        try BatchJobTests.lines.write(toFile: jobsFolder + "/\(legacy)/input.jsonl", atomically: true, encoding: .utf8)
        try await first.state.ledger.close()

        let second = try await ServerFixture(existing: first.folder, configure: Self.configure)
        let scan = BatchJob.list(jobsFolder: jobsFolder, limit: 20)
        #expect(second.state.batchJobs.count == 61)
        #expect(second.state.batchJobs.newest(20, jobsFolder: jobsFolder) == scan)
        // A folder put into the jobs folder by hand while the service runs (newer than all): the page does not
        // read the folder to find it; a job the service makes is listed first at once.
        let byHand = try Self.copy(source, in: jobsFolder, createdAt: "2099-01-01T00:00:00Z", file: "手工.jsonl")
        try await second.test { client in
            let planner = try await client.user("li", role: "编制", admin: try await client.admin())
            let page = try await client.call(.get, "/batch", as: planner).text
            #expect(Self.listed(page) == scan.map(\.id))
            #expect(!page.contains(byHand))
            let upload = try await client.call(
                .post, "/batch", BatchJobTests.form([("format", "jsonl"), ("file", BatchJobTests.lines)]), as: planner,
                headers: [.contentType: "application/x-www-form-urlencoded"])
            let made = String((upload.headers[.location] ?? "").dropFirst("/batch/".count))
            _ = try await BatchJobTests.finish(client, "/batch/" + made, as: planner)
            let after = Self.listed(try await client.call(.get, "/batch", as: planner).text)
            // What a scan of every folder shows (leaving out the one made by hand); the new job is among the newest
            // (first, unless another job was uploaded in the same second with a larger id).
            let rescan = BatchJob.list(jobsFolder: jobsFolder, limit: 21).map(\.id).filter { $0 != byHand }
            #expect(after == Array(rescan.prefix(20)))
            #expect(after.prefix(3).contains(made))
        }
        try await second.state.ledger.close()
        // From the next start on, the folder made by hand is listed like any other.
        let third = try await ServerFixture(existing: first.folder, configure: Self.configure)
        #expect(third.state.batchJobs.newest(1, jobsFolder: jobsFolder).first?.id == byHand)
        try await third.state.ledger.close()
    }

    @Test func theIndexKeepsTheListOrderWhateverOrderJobsAreAddedIn() throws {
        let jobsFolder = NSTemporaryDirectory() + "wenping-jobs-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: jobsFolder) }
        var made: [(id: String, createdAt: String)] = []
        for n in 0..<12 {
            let id = UUID().uuidString.lowercased()
            let folder = jobsFolder + "/" + id
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "x".write(toFile: folder + "/input.csv", atomically: true, encoding: .utf8)
            let createdAt = "2026-11-\(10 + n % 4)T00:00:00Z"  // ties, broken by the id
            try BatchJob.start(folder: folder, record: .init(file: "", user: "", createdAt: createdAt, format: "csv"))
            made.append((id, createdAt))
        }
        let index = BatchJobIndex()
        for job in made.shuffled() { index.add(id: job.id, createdAt: job.createdAt) }
        index.add(id: made[0].id, createdAt: made[0].createdAt)
        #expect(index.count == 12)
        #expect(index.newest(5, jobsFolder: jobsFolder) == BatchJob.list(jobsFolder: jobsFolder, limit: 5))
        // A folder that has gone is left out and forgotten; the next older job takes its place.
        let newest = BatchJob.list(jobsFolder: jobsFolder, limit: 1)[0].id
        try FileManager.default.removeItem(atPath: jobsFolder + "/" + newest)
        #expect(index.newest(5, jobsFolder: jobsFolder) == BatchJob.list(jobsFolder: jobsFolder, limit: 5))
        #expect(index.count == 11)
        #expect(index.newest(50, jobsFolder: jobsFolder).count == 11)
    }

    @Test func damagedAndHalfWrittenJobFoldersAreListedAndSaySo() async throws {
        let (first, source) = try await Self.serviceWithAJob()
        defer { first.remove() }
        let jobsFolder = first.state.configuration.jobsFolder
        let manager = FileManager.default
        // job.json cut short; a folder made but nothing written into it; job.json without the uploaded file; a
        // finished job whose summary is cut short.
        let cut = try Self.copy(source, in: jobsFolder, createdAt: "2026-11-30T10:00:00Z", file: "x.jsonl")
        try #"{"createdAt": "2026-11-30T1"#.write(
            toFile: jobsFolder + "/\(cut)/job.json", atomically: true, encoding: .utf8)
        let binary = try Self.copy(source, in: jobsFolder, createdAt: "2026-11-30T09:00:00Z", file: "y.jsonl")
        try Data([0xFF, 0xFE, 0x00, 0x7B]).write(to: URL(fileURLWithPath: jobsFolder + "/\(binary)/job.json"))
        let empty = UUID().uuidString.lowercased()
        try manager.createDirectory(atPath: jobsFolder + "/" + empty, withIntermediateDirectories: true)
        let noInput = try Self.copy(source, in: jobsFolder, createdAt: "2026-11-30T11:00:00Z", file: "丢失.jsonl")
        try manager.removeItem(atPath: jobsFolder + "/\(noInput)/input.jsonl")
        try manager.removeItem(atPath: jobsFolder + "/\(noInput)/out")
        try "7 1 20".write(toFile: jobsFolder + "/\(noInput)/progress", atomically: true, encoding: .utf8)
        let badSummary = try Self.copy(source, in: jobsFolder, createdAt: "2026-11-30T12:00:00Z", file: "半截.jsonl")
        try #"{"schema": "wenping/batch-summary/1", "rows": [{"#.write(
            toFile: jobsFolder + "/\(badSummary)/out/summary.json", atomically: true, encoding: .utf8)
        try await first.state.ledger.close()

        let second = try await ServerFixture(existing: first.folder, configure: Self.configure)
        try await second.test { client in
            let planner = try await client.user("li", role: "编制", admin: try await client.admin())
            let list = try await client.call(.get, "/batch", as: planner)
            #expect(list.status == .ok)
            let page = list.text
            #expect(Set(Self.listed(page)).isSuperset(of: [cut, binary, empty, noInput, badSummary, source]))
            #expect(page.contains("任务记录（job.json）不完整或已损坏"))
            #expect(page.contains("任务目录不完整（没有任务记录，也没有上传的文件）"))
            #expect(page.contains("任务目录中没有上传的文件（input.jsonl），无法重新评估"))
            #expect(page.contains("（文件名不明）"))
            // The folder with nothing in it has no progress record: its row says that, not "约 0 / 0 个".
            #expect(!page.contains("0 / 0"))
            let emptyRow = page.range(of: "/batch/" + empty).map { link -> Substring in
                let rest = page[link.upperBound...]
                return rest[..<(rest.range(of: "</tr>")?.lowerBound ?? rest.endIndex)]
            }
            #expect(emptyRow?.contains("停止前处理了多少不明（没有进度记录）") == true, "\(emptyRow ?? "")")
            // Each job's own page renders too and says what is wrong.
            let damaged = try await client.call(.get, "/batch/" + cut, as: planner)
            #expect(damaged.status == .ok && damaged.text.contains("id=\"batch-problem\""))
            #expect(try await client.call(.get, "/batch/" + binary, as: planner).text.contains("job.json）不完整或已损坏"))
            let missing = try await client.call(.get, "/batch/" + noInput, as: planner).text
            #expect(missing.contains("没有上传的文件") && !missing.contains("id=\"batch-rerun\""))
            let rerun = try await client.call(
                .post, "/batch/\(noInput)/rerun", "", as: planner,
                headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(rerun.status == .notFound && rerun.text.contains("无法重新评估"))
            let summary = try await client.call(.get, "/batch/" + badSummary, as: planner)
            #expect(summary.status == .ok && summary.text.contains("汇总文件（summary.json）不完整或已损坏"))
            let emptyPage = try await client.call(.get, "/batch/" + empty, as: planner).text
            #expect(emptyPage.contains("任务目录不完整"))
            #expect(emptyPage.contains("没有进度记录，停止前处理了多少不明"))
            #expect(!emptyPage.contains("已处理约 0 个") && !emptyPage.contains("<progress"))
            #expect(!emptyPage.contains("上传的文件仍保存在服务中"))
            // A job whose progress file is there keeps its counts.
            #expect(missing.contains("停止前已处理约 7 个项目（文件约有 20 行数据）"))
            #expect(page.contains("停止前已处理约 7 / 20 个"))
        }
        try await second.state.ledger.close()
    }
}
