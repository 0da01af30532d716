import Foundation
import Testing

/// Issue 8 through the real executable: exit statuses and messages for unusable output folders, a full disk,
/// SIGTERM, hostile text on the terminal, stale temporary files and over-long ids.
struct HardeningCommandTests {
    /// A fresh folder, removed by the caller.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-hard-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `count` JSON Lines projects: the first line of `Fixtures/batch/projects.jsonl` with ids `H-0`, `H-1` and
    /// so on.
    static func lines(_ count: Int) throws -> String {
        let jsonl = try String(
            contentsOfFile: CommandLineTests.root + "/Fixtures/batch/projects.jsonl", encoding: .utf8)
        let first = String(jsonl.split(separator: "\n")[0])
        return (0..<count).map { first.replacingOccurrences(of: "XA-2025-002", with: "H-\($0)") }
            .joined(separator: "\n") + "\n"
    }

    /// A low open-file limit (`ulimit -n 16`) still gives every report: the files each worker holds for their
    /// pages (``WrittenPages``) are let go when the descriptors run out, instead of failing reports.
    @Test func aLowOpenFileLimitStillWritesEveryReport() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let wenping = CommandLineTests.executable
        let run = try CommandLineTests.runShell(
            "'\(wenping)' generate --rules Rules --ruleset national/house-expropriation --count 300 > '\(folder)/p.jsonl'"
                + " && ulimit -n 16 && '\(wenping)' batch '\(folder)/p.jsonl' --rules Rules --output '\(folder)/out'"
                + " --jobs 2 --quiet; echo \"exit $?\"")
        #expect(run.stdout.hasSuffix("exit 0\n"), "\(run.stdout)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/reports")
        #expect(reports.filter { $0.hasSuffix(".json") }.count == 300)
        let csv = try String(contentsOfFile: folder + "/out/summary.csv", encoding: .utf8)
        #expect(!csv.contains("ulimit"))
    }

    @Test func emptyOrRootOutputIsAUsageError() throws {
        for output in ["", "/"] {
            let run = try CommandLineTests.run(["batch", "Fixtures/projects", "--output", output])
            #expect(run.status == 64, "--output \"\(output)\"")
            #expect(run.stderr.contains("输出目录") || run.stderr.contains("根目录"))
        }
        let run = try CommandLineTests.run(["batch", "Fixtures/projects", "--output", "Fixtures"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("包含输入目录"))
    }

    /// A full disk, simulated with a file-size limit.
    ///
    /// `ulimit -f` with SIGXFSZ ignored makes writes fail with EFBIG: `summary.csv` fits, `index.html` does not.
    /// The previous run's three files must stay as they were.
    @Test func fullDiskLeavesThePreviousSummariesAndExitsFour() throws {
        let work = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try Self.lines(300).write(toFile: work + "/in.jsonl", atomically: true, encoding: .utf8)
        let output = work + "/out"
        let first = try CommandLineTests.run(["batch", work + "/in.jsonl", "--output", output, "--summary-only"])
        #expect(first.status == 0, "\(first.stderr)")
        let names = ["summary.csv", "summary.json", "index.html"]
        let before = try names.map { try Data(contentsOf: URL(fileURLWithPath: output + "/" + $0)) }
        let sizes = before.map(\.count)
        #expect(sizes[0] < sizes[2], "\(sizes)")
        // Blocks of 512 bytes: room for summary.csv, not for index.html.
        let blocks = (sizes[0] + sizes[2]) / 2 / 512
        try Self.lines(300).replacingOccurrences(of: "长安区", with: "新城区").write(
            toFile: work + "/in.jsonl", atomically: true, encoding: .utf8)
        let script =
            "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" batch \"$1\" --output \"$2\" --summary-only --jobs 1"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, CommandLineTests.executable, work + "/in.jsonl", output]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 4, "\(stderr)")
        #expect(stderr.contains("无法写入") && stderr.contains("文件超出系统允许的大小"), "\(stderr)")
        #expect(!stderr.contains("NSCocoaErrorDomain") && !stderr.contains("NSPOSIXErrorDomain"))
        let after = try names.map { try Data(contentsOf: URL(fileURLWithPath: output + "/" + $0)) }
        #expect(after == before, "all three summaries are the previous run's")
        let left = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        #expect(left == ["index.html", "summary.csv", "summary.json"], "no temporary files left: \(left)")
    }

    @Test func sigtermWritesTheSummaryMarkedInterruptedAndExits143() throws {
        let work = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try Self.lines(5_000).write(toFile: work + "/in.jsonl", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = [
            "batch", work + "/in.jsonl", "--output", work + "/out", "--summary-only", "--jobs", "1", "--quiet",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: CommandLineTests.root)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the batch is running (its summary's temporary file exists): the handler is installed by then.
        let running = work + "/out/.summary.csv.tmp-\(process.processIdentifier)"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: running) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.2)
        process.terminate()  // SIGTERM
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 143, "\(stderr)")
        #expect(stderr.contains("SIGTERM"))
        let data = try Data(contentsOf: URL(fileURLWithPath: work + "/out/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(summary["interrupted"] as? Bool == true)
    }

    @Test func staleTemporaryFilesOfAKilledRunAreRemovedAndNothingElse() throws {
        let work = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try Self.lines(2).write(toFile: work + "/in.jsonl", atomically: true, encoding: .utf8)
        let output = work + "/out"
        try FileManager.default.createDirectory(atPath: output + "/reports", withIntermediateDirectories: true)
        // A process id that is not running.
        var dead: Int32 = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let stale = [".summary.csv.tmp-\(dead)", ".summary.json.rows-\(dead)", "reports/.H-0.json.tmp-\(dead)-42"]
        let kept = ["notes.txt", ".notes.tmp-abc", "reports/.keep", ".summary.csv.tmp-\(getpid())"]
        for name in stale + kept {
            #expect(FileManager.default.createFile(atPath: output + "/" + name, contents: Data("x".utf8)))
        }
        let run = try CommandLineTests.run(["batch", work + "/in.jsonl", "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        for name in stale { #expect(!FileManager.default.fileExists(atPath: output + "/" + name), "\(name)") }
        for name in kept { #expect(FileManager.default.fileExists(atPath: output + "/" + name), "\(name)") }
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let work = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        // A project whose unknown fact name carries escape sequences (YAML double-quoted escapes).
        let project =
            #"{id: P, name: x, kind: house_expropriation, jurisdiction: 中国/陕西省/西安市, facts: {"\e]0;pwned\a\e[2J\r全部通过": 1}}"#
        try project.write(toFile: work + "/p.yaml", atomically: true, encoding: .utf8)
        for arguments in [["assess", work + "/p.yaml"], ["batch", work + "/p.yaml", "--output", work + "/out"]] {
            let run = try CommandLineTests.run(arguments)
            #expect(run.status == 1)
            #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\u{07}") && !run.stderr.contains("\r"))
            #expect(run.stderr.contains("␛]0;pwned␇␛[2J␍全部通过"), "\(run.stderr)")
        }
    }

    @Test func longChineseIdsGetUniqueReportNamesWithinTheByteLimit() throws {
        let work = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let long = String(repeating: "征", count: 200)
        let lines = try Self.lines(2).replacingOccurrences(of: "H-0", with: long + "甲")
            .replacingOccurrences(of: "H-1", with: long + "乙")
        try lines.write(toFile: work + "/in.jsonl", atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run([
            "batch", work + "/in.jsonl", "--output", work + "/out", "--format", "json,md,html",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: work + "/out/reports")
        #expect(reports.count == 6)
        #expect(reports.allSatisfy { $0.utf8.count <= 200 })
        #expect(Set(reports.map { $0.split(separator: ".")[0] }).count == 2)
    }
}
