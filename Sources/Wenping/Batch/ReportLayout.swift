import Foundation

/// Where a batch puts each project's report files: `reports/<name>.<ext>`, or, for a batch of more than
/// ``shardThreshold`` inputs, `reports/<xx>/<name>.<ext>` in one of 256 subfolders.
///
/// A subfolder is named by the first two hex digits of the SHA-256 of the report's base name (the project id with
/// unsafe characters replaced, ``AtomicFile/safeName(_:)``), so a project's path depends on its id alone — never
/// on its place in the input or on the other projects — and all its formats sit side by side. A dossier system can
/// work it out (`printf %s GEN-7 | sha256sum | cut -c1-2`), though the summary files link each report's path.
/// 100,000 projects give about 390 files a folder, a million about 3,900.
public struct ReportLayout: Sendable {
    /// Whether reports go into subfolders.
    public enum Sharding: String, Sendable, CaseIterable {
        /// Subfolders when the batch has more than ``ReportLayout/shardThreshold`` inputs.
        case auto
        case always
        case never
    }

    /// Above this many inputs, `auto` puts reports into subfolders.
    public static let shardThreshold = 10_000

    /// The folder of the reports, inside the output folder (``BatchRunner/reportFolder``).
    let folder: String
    /// Reports go into the 256 subfolders.
    public let isSharded: Bool
    /// Whether the report folder held anything when the batch started (an earlier run's reports).
    ///
    /// Only then is a report compared with a file already at its path (``write(_:name:fileExtension:)``): a first
    /// run into a new or empty folder skips that look-up, one failed `open` per report.
    let mayHoldEarlierReports: Bool

    /// The layout of the reports of a batch writing to `output`.
    ///
    /// - Parameter mayHoldEarlierReports: false only when the report folder is known to have been absent or empty
    ///   before the batch (``folderHoldsEntries(_:)``); true is always correct, only slower.
    init(output: String, isSharded: Bool, mayHoldEarlierReports: Bool = true) {
        folder = FilePath.join(output, BatchRunner.reportFolder)
        self.isSharded = isSharded
        self.mayHoldEarlierReports = mayHoldEarlierReports
    }

    /// Whether `folder` exists and holds any entry (or cannot be read, which counts as holding entries).
    static func folderHoldsEntries(_ folder: String) -> Bool {
        guard let directory = opendir(folder) else { return errno != ENOENT }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { return true }
        }
        return false
    }

    /// The subfolder (two lower-case hex digits) a report named `name` (without extension) goes to.
    static func shard(of name: String) -> String {
        String(SHA256.hex(Array(name.utf8)).prefix(2))
    }

    /// The path of report `name`.`fileExtension`, relative to the output folder, as the summary files link it.
    func relativePath(name: String, fileExtension: String) -> String {
        BatchRunner.reportFolder + "/" + pathInFolder(name: name, fileExtension: fileExtension)
    }

    /// Where report `name` with `fileExtension` goes inside the report folder: `<name>.<ext>` or `<xx>/<name>.<ext>`.
    private func pathInFolder(name: String, fileExtension: String) -> String {
        let file = name + "." + fileExtension
        return isSharded ? Self.shard(of: name) + "/" + file : file
    }

    /// Writes a report whole or not at all and returns its path relative to the output folder.
    ///
    /// A report file that already holds exactly these bytes (a re-run of the same batch: reports are
    /// deterministic) is left as it is: reading it back costs less than a new file, whose inode, directory entry
    /// and written-back pages were most of the kernel's time per report. Unless ``mayHoldEarlierReports``, no
    /// file is looked for (a file that appeared meanwhile is still replaced whole: ``AtomicFile``).
    ///
    /// - Parameter pages: the worker's held files (``WrittenPages``), given the new file when it is linked.
    ///
    /// - Precondition: `name` comes from ``AtomicFile/safeName(_:)``.
    func write(_ bytes: [UInt8], name: String, fileExtension: String, pages: WrittenPages? = nil) throws -> String {
        let inFolder = pathInFolder(name: name, fileExtension: fileExtension)
        let relative = BatchRunner.reportFolder + "/" + inFolder
        // `folder` is normalized and a safe name never is `.`, `..` or holds a `/`: no normalizing per report.
        let path = folder + "/" + inFolder
        if !mayHoldEarlierReports || !Self.holds(path, bytes) {
            let handOver = pages.map { pages in { pages.hand($0) } }
            do {
                try AtomicFile.write(bytes, to: path, handOver: handOver)
            } catch let failure as FileSystem.Failure where failure.writeErrno == EMFILE && pages?.mayHold == true {
                // Out of descriptors (a low `ulimit -n`) while files were held for their pages: they are let go,
                // in every worker, and the report is written again.
                pages?.stopHolding()
                try AtomicFile.write(bytes, to: path, handOver: handOver)
            }
        }
        return relative
    }

    /// Whether `path` is a regular file (not a symbolic link) whose content is exactly `bytes`; false when it
    /// cannot be read.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count
        else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count + 1)
        var count = 0
        while count < existing.count {
            let got = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            count += got
        }
        // One byte more was asked for, so a file that grew since fstat is not taken as equal.
        guard count == bytes.count else { return false }
        return count == 0
            || existing.withUnsafeBytes { old in
                bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, count) == 0 }
            }
    }

    /// Every subfolder name, `00` to `ff`.
    static let shards: [String] = (0..<256).map { String(format: "%02x", $0) }

    /// Creates the subfolders (when sharded) and removes temporary files a killed earlier run left in them.
    ///
    /// Call once the report folder itself exists.
    func prepare() throws {
        guard isSharded else { return }
        for shard in Self.shards {
            let path = FilePath.join(folder, shard)
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw FileSystem.Failure(description: "无法创建报告子目录“\(path)”（没有写权限或磁盘已满）")
            }
            AtomicFile.removeStaleTemporaries(in: path)
        }
    }

    /// Whether a batch over `inputs` is sharded under `sharding`.
    ///
    /// `auto` counts the inputs before the run: the project files of folders, and the lines of JSON Lines and CSV
    /// files (a cheap upper bound on their projects: a quoted CSV cell may span lines). Standard input cannot be
    /// counted beforehand and counts as 0 (give `--shard always` for a large stream).
    static func isSharded(_ sharding: Sharding, inputs: [String], excluding output: String) -> Bool {
        switch sharding {
        case .always: return true
        case .never: return false
        case .auto: break
        }
        var total = 0
        for path in inputs {
            switch BatchInputs.kind(of: path) {
            case .jsonLines, .csv:
                if path != BatchInputs.standardInput { total += lineCount(path, upTo: shardThreshold - total) }
            case .folder, .projectFile:
                total += BatchInputs.count([path], excluding: output) ?? 0
            }
            if total > shardThreshold { return true }
        }
        return false
    }

    /// The number of lines of the file at `path` (a last line without a newline counts), reading no further than
    /// needed to know it exceeds `limit`; 0 when it cannot be read (the batch reports that itself).
    static func lineCount(_ path: String, upTo limit: Int) -> Int {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var lines = 0
        var last: UInt8 = 0x0A
        while lines <= limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            buffer.withUnsafeBufferPointer { bytes in
                for byte in bytes[..<count] where byte == 0x0A { lines += 1 }
            }
            last = buffer[count - 1]
        }
        return last == 0x0A ? lines : lines + 1
    }
}
