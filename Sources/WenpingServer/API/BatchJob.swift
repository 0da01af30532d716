import Foundation
import Logging

/// A batch job as its folder under the jobs folder records it, so that jobs outlive the process that ran them.
///
/// The folder (named by the job's lowercase UUID) holds `job.json` (who uploaded which file when, written before
/// grading starts), `input.csv` or `input.jsonl`, `progress` (`done invalid estimate`, rewritten as it runs) and,
/// when the job ends, exactly one of `out/summary.json` (finished; the batch writes it last), `failed` (a Chinese
/// message) or `interrupted` (the service stopped while it ran; written at the next start).
///
/// A folder that is damaged or half-written (an unreadable `job.json`, no uploaded file, nothing at all) is still a
/// job, with a ``problem`` that says in Chinese what is wrong, so that the pages show it instead of failing.
struct BatchJob: Sendable, Hashable {
    enum Status: String, Sendable, Hashable {
        case running = "进行中"
        case finished = "已完成"
        case failed = "失败"
        case interrupted = "已中断"
    }

    /// What `job.json` holds.
    struct Record: Codable, Sendable, Hashable {
        /// The file's name as uploaded ("" through the API).
        var file: String
        var user: String
        /// ISO 8601 UTC time of the upload.
        var createdAt: String
        /// `csv` or `jsonl`.
        var format: String
    }

    var id: String
    var record: Record
    var status: Status
    /// How far a job got, as its `progress` file last recorded it.
    struct Progress: Sendable, Hashable {
        /// Inputs handled and found invalid so far, and the number of data rows the upload seemed to have.
        var done: Int
        var invalid: Int
        var estimate: Int
    }

    /// How far the job got; nil when its `progress` file is missing or unreadable (a damaged or half-written
    /// folder), so that nothing is shown as counted that was not.
    var progress: Progress?
    /// ISO 8601 UTC time at which the job was found interrupted (`interrupted`'s text).
    var interruptedAt: String?
    /// What is wrong with the job's folder, in Chinese; nil when nothing is.
    var problem: String?

    /// Whether the uploaded file is in the folder, so that the job can be graded again.
    var hasInput: Bool

    static let recordFile = "job.json"
    static let interruptedFile = "interrupted"

    /// Writes `job.json` into a new job's folder.
    static func start(folder: String, record: Record) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(record).write(to: URL(fileURLWithPath: folder + "/" + recordFile), options: .atomic)
    }

    /// The job in `jobsFolder/id`, or nil when there is no such job folder.
    static func load(id: String, jobsFolder: String) -> BatchJob? {
        let folder = jobsFolder + "/" + id
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        func text(_ name: String) -> String? { try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) }
        let hasRecord = manager.fileExists(atPath: folder + "/" + recordFile)
        let decoded = text(recordFile).flatMap { try? JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
        let format = manager.fileExists(atPath: folder + "/input.jsonl") ? "jsonl" : "csv"
        let hasInput = manager.fileExists(atPath: folder + "/input." + (decoded?.format ?? format))
        // Without `job.json`, a job made before it existed (its uploaded name in `name`), uploaded when its input
        // was written (the folder's own time moves with every file the job adds, such as `interrupted`).
        let record =
            decoded
            ?? Record(
                file: text("name") ?? "", user: "",
                createdAt: modified(folder + "/input." + format) ?? modified(folder)
                    ?? ISO8601DateFormatter().string(from: Date()), format: format)
        var problem: String?
        if hasRecord && decoded == nil {
            problem = "任务记录（job.json）不完整或已损坏，无法读出提交人和上传的文件名"
        } else if !hasRecord && !hasInput {
            problem = "任务目录不完整（没有任务记录，也没有上传的文件），可能是提交时服务停止了"
        } else if !hasInput {
            problem = "任务目录中没有上传的文件（input.\(record.format)），无法重新评估"
        }
        let numbers = (text("progress") ?? "").split(separator: " ", omittingEmptySubsequences: false)
            .map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let progress =
            numbers.count == 3 && numbers.allSatisfy({ ($0 ?? -1) >= 0 })
            ? Progress(done: numbers[0]!, invalid: numbers[1]!, estimate: numbers[2]!) : nil
        let status: Status =
            manager.fileExists(atPath: folder + "/out/summary.json")
            ? .finished
            : manager.fileExists(atPath: folder + "/failed")
                ? .failed : manager.fileExists(atPath: folder + "/" + interruptedFile) ? .interrupted : .running
        return BatchJob(
            id: id, record: record, status: status, progress: progress,
            interruptedAt: status == .interrupted ? text(interruptedFile) : nil, problem: problem, hasInput: hasInput)
    }

    /// The modification time of the file or folder at `path` as ISO 8601 UTC (for jobs made before `job.json`
    /// existed), nil when it cannot be read.
    static func modified(_ path: String) -> String? {
        guard let date = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date else {
            return nil
        }
        return ISO8601DateFormatter().string(from: date)
    }

    /// The jobs under `jobsFolder`, newest first, at most `limit`.
    ///
    /// - Complexity: reads every job folder; the service does it once, at start (``BatchJobIndex`` then keeps
    ///   the order, so that the job list reads only the folders it shows).
    static func list(jobsFolder: String, limit: Int) -> [BatchJob] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: jobsFolder)) ?? []
        let jobs = names.filter(isJobID).compactMap { load(id: $0, jobsFolder: jobsFolder) }
        return Array(jobs.sorted { $0.listsBefore($1) }.prefix(max(0, limit)))
    }

    /// Whether the job list shows this job before `other`: newer upload first, then the larger id.
    func listsBefore(_ other: BatchJob) -> Bool {
        (record.createdAt, id) > (other.record.createdAt, other.id)
    }

    /// A job id exactly as the service makes them (a lowercase UUID).
    static func isJobID(_ text: String) -> Bool {
        text.count == 36 && UUID(uuidString: text) != nil && text == text.lowercased()
    }

    /// At start: marks every job of `jobs` that was still running when the service stopped as interrupted, so
    /// that its page says so instead of waiting forever; returns the jobs marked.
    ///
    /// No job runs yet when this is called, so a job without an outcome cannot still be in progress.
    static func markInterrupted(_ jobs: [BatchJob], jobsFolder: String, at time: String, logger: Logger) -> [BatchJob] {
        var marked: [BatchJob] = []
        for job in jobs where job.status == .running {
            do {
                try Data(time.utf8).write(
                    to: URL(fileURLWithPath: jobsFolder + "/" + job.id + "/" + interruptedFile), options: .atomic)
                var job = job
                job.status = .interrupted
                job.interruptedAt = time
                marked.append(job)
            } catch {
                logger.error(
                    "cannot mark an interrupted batch job", metadata: ["job": "\(job.id)", "error": "\(error)"])
            }
        }
        return marked
    }
}
