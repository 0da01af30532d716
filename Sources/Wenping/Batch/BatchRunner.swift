import Foundation

/// Grades many projects on several threads and writes each one's reports and the batch summary.
///
/// Inputs are folders, project files, JSON Lines and CSV files (see ``BatchInputs``). They are read lazily on the
/// calling thread, graded by `jobs` worker threads in chunks of consecutive inputs (``BatchChunk``), and their rows
/// come back in input order, at most `jobs + 2` chunks being in flight at once: memory stays flat however many
/// projects there are. Every input is accounted
/// for: one that cannot be graded gets an error entry and the batch goes on.
///
/// ```swift
/// let runner = BatchRunner(catalog: RuleSetCatalog(paths: ["Rules"]), options: .init(output: "out"))
/// let summary = try runner.run(["projects/", "more.jsonl"])
/// print(summary.graded, summary.invalid)
/// ```
///
/// The output folder gets `reports/<id>.<format>` for each graded project and `summary.csv`, `summary.json` and
/// `index.html`. Every file is written under a temporary name and renamed, so each is whole or absent.
public struct BatchRunner: Sendable {
    public struct Options: Sendable {
        /// The folder the reports and summary files go to (created if needed).
        public var output: String
        /// Reports written for each graded project, in order; empty for the summary files only.
        public var reports: [ReportWriter]
        /// Worker threads (default: one per active processor core), at most ``BatchRunner/maximumJobs``.
        public var jobs: Int
        /// A grade id: projects at or above it after measures are counted in ``BatchSummary/reachedThreshold``.
        public var failOn: String?
        /// Whether report files go into subfolders (``ReportLayout``).
        public var sharding: ReportLayout.Sharding

        public init(
            output: String, reports: [ReportWriter] = [.json], jobs: Int? = nil, failOn: String? = nil,
            sharding: ReportLayout.Sharding = .auto
        ) {
            self.output = output
            self.reports = reports
            self.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            self.failOn = failOn
            self.sharding = sharding
        }
    }

    /// The most worker threads a batch starts (more are not started: each reserves an 8 MB stack, and past the
    /// cores there is nothing to gain).
    public static let maximumJobs = 256

    /// The subfolder of the output folder that holds the reports.
    public static let reportFolder = "reports"

    public let catalog: RuleSetCatalog
    /// A ruleset id that replaces the automatic choice for every project.
    public let override: String?
    /// The date that chooses among versions of a ruleset (default: each project's `assessment_date`).
    public let asOf: AsOfDate
    public let options: Options

    public init(catalog: RuleSetCatalog, override: String? = nil, asOf: AsOfDate = .projectDate, options: Options) {
        self.catalog = catalog
        self.override = override
        self.asOf = asOf
        self.options = options
    }

    /// Why `output` cannot be the output folder of a batch over `inputs`, or nil when it can.
    ///
    /// Refused: an empty path (an unset `$OUT` in a script), the root folder `/`, and a folder equal to or
    /// containing an input folder (the reports would mix with the projects, and the next run would skip them as
    /// its own output). A folder inside an input folder is fine: it is left out of that folder's inputs.
    public static func outputProblem(_ output: String, inputs: [String]) -> String? {
        if output.trimmingWhitespace.isEmpty {
            return "输出目录（--output）不能为空；脚本中是否用了未设置的变量？请给出一个专门存放结果的目录，如 --output 评估结果"
        }
        let target = FilePath.absolute(output)
        if target == "/" { return "不能把根目录“/”作为输出目录；请给出一个专门存放结果的目录" }
        for input in inputs where FileSystem.isDirectory(input) {
            let folder = FilePath.absolute(input)
            if folder == target {
                return "输出目录“\(output)”就是输入目录“\(input)”；报告会和项目文件混在一起，请另给一个输出目录"
            }
            if FilePath.isInside(folder, folder: target) {
                return "输出目录“\(output)”包含输入目录“\(input)”；报告会和项目文件混在一起，请另给一个不包含输入的输出目录"
            }
        }
        return nil
    }

    /// How many inputs `inputs` holds, when that is known without reading them (see ``BatchProgress/total``).
    public func count(_ inputs: [String]) -> Int? {
        BatchInputs.count(inputs, excluding: options.output)
    }

    /// Runs the batch.
    ///
    /// - Parameters:
    ///   - inputs: folders and files, as the user named them.
    ///   - cancellation: stops the batch early when set; the summary then covers what was finished.
    ///   - progress: called on the calling thread after each input, in input order.
    /// - Returns: the totals (also written to `summary.json`).
    /// - Throws: ``FileSystem/Failure`` when the output folder is unusable (``outputProblem(_:inputs:)``) or it or
    ///   the summary files cannot be written; problems with inputs never throw.
    public func run(
        _ inputs: [String], cancellation: BatchCancellation = BatchCancellation(),
        progress: (BatchProgress) -> Void = { _ in }
    ) throws -> BatchSummary {
        let output = options.output
        if let problem = Self.outputProblem(output, inputs: inputs) { throw FileSystem.Failure(description: problem) }
        let reports = FilePath.join(output, Self.reportFolder)
        let writesFiles = options.reports.contains { !$0.isStream }
        // Looked at before the folder is made: a first run into a new or empty folder has no reports to keep.
        let mayHoldEarlierReports = writesFiles && ReportLayout.folderHoldsEntries(reports)
        do {
            try FileManager.default.createDirectory(
                atPath: writesFiles ? reports : output, withIntermediateDirectories: true)
        } catch {
            throw FileSystem.Failure(description: "无法创建输出目录“\(output)”（上级目录不存在、不是目录或没有写权限）")
        }
        // Temporary files of an earlier run that was killed (SIGKILL, power loss) before it could clean up.
        AtomicFile.removeStaleTemporaries(in: output)
        AtomicFile.removeStaleTemporaries(in: reports)
        // Without report files there is nothing to shard: the inputs are not counted beforehand.
        let layout = ReportLayout(
            output: output,
            isSharded: writesFiles && ReportLayout.isSharded(options.sharding, inputs: inputs, excluding: output),
            mayHoldEarlierReports: mayHoldEarlierReports)
        if writesFiles { try layout.prepare() }
        let total = count(inputs)
        let writer = try SummaryWriter(
            folder: output,
            summary: BatchSummary(formats: options.reports.map(\.name), gradeOrder: BatchSummary.gradeOrder(catalog)))
        let processor = BatchProcessor(
            loader: ProjectLoader(
                catalog: catalog, override: override, asOf: asOf, computesDigest: !options.reports.isEmpty),
            reports: options.reports, layout: layout, failOn: options.failOn,
            names: NameRegistry())
        let jobs = min(max(1, options.jobs), Self.maximumJobs)
        let heldFiles = WrittenPages.depth(workers: jobs)
        let outOfDescriptors = WrittenPages.Flag()
        // A chunk for each worker and two more ready, so a worker that finishes never waits for the reader.
        let queue = WorkQueue(window: jobs + 2, workers: jobs)
        for _ in 0..<jobs {
            let thread = Thread {
                // Each worker's own: the last report files it wrote, let go from the page cache once on disk.
                let pages = WrittenPages(depth: heldFiles, outOfDescriptors: outOfDescriptors)
                queue.serve { chunk in processor.process(chunk, pages: pages, cancelled: { cancellation.isCancelled }) }
                pages.finish()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var invalid = 0
        var source = BatchInputs(paths: inputs, excluding: output)
        let handBack = { (rows: [BatchRow]) throws in
            for row in rows {
                try writer.append(row)
                if !row.isGraded { invalid += 1 }
                progress(
                    BatchProgress(
                        done: writer.summary.total, invalid: invalid, total: total, issue: row.issue,
                        fractionRead: total == nil ? source.fractionRead : nil))
            }
        }
        let cancelled = { cancellation.isCancelled }
        var exhausted = false
        do {
            while !exhausted {
                guard try queue.waitForRoom(cancelled: cancelled, handBack: handBack) else { break }
                var chunk: [BatchItem] = []
                var weight = 0
                while chunk.count < BatchChunk.maximumItems && weight < BatchChunk.targetBytes {
                    guard let item = source.next() else {
                        exhausted = true
                        break
                    }
                    chunk.append(item)
                    weight += BatchChunk.weight(of: item)
                }
                if !chunk.isEmpty { queue.add(chunk) }
            }
            let dropped = try queue.drain(cancelled: cancelled, handBack: handBack)
            return try writer.finish(interrupted: !exhausted || dropped > 0)
        } catch {
            // Stop the workers before giving up on the summary: close the queue and drop what it holds.
            cancellation.cancel()
            _ = queue.drain(cancelled: cancelled, handBack: { _ in })
            writer.abandon()
            throw error
        }
    }
}
