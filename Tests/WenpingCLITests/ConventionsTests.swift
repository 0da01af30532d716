import ArgumentParser
import Foundation
import Testing
import Wenping

@testable import WenpingCLI

/// Help in Chinese and in step with the README, exit statuses, `--version`, and errors that say what to type.
struct ConventionsTests {
    static let subcommands = WenpingCommand.configuration.subcommands.map { $0._commandName }

    /// The argument parser's English that must not reach users.
    static let english = [
        "OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show help", "default:", "values:", "Error:",
        "See '",
    ]

    @Test(arguments: [""] + subcommands)
    func helpIsChineseFitsEightyColumnsAndShowsEachDefaultOnce(subcommand: String) throws {
        let run = try CommandLineTests.run(
            (subcommand.isEmpty ? [] : [subcommand]) + ["--help"],
            environment: [
                "COLUMNS": "80"
            ])
        #expect(run.status == 0)
        for word in Self.english { #expect(!run.stdout.contains(word), "\(subcommand): \(word)") }
        for line in run.stdout.split(separator: "\n").map(String.init) where !ParserText.isCommand(line) {
            #expect(ParserText.displayWidth(line) <= 80, "\(subcommand): \(line)")
        }
        // A default is shown by the parser (默认:…) or by the help text, never both.
        for row in run.stdout.components(separatedBy: "\n  -") {
            #expect(row.components(separatedBy: "默认").count <= 2, "\(subcommand): \(row)")
        }
    }

    @Test func exitStatusTableIsTheSameInHelpAndReadme() throws {
        let help = try CommandLineTests.run(["--help"])
        for status in ExitStatus.allCases {
            #expect(
                help.stdout.contains("\(status.rawValue)" + " " + status.meaning)
                    || help.stdout.contains(status.meaning))
        }
        let readme = try String(contentsOfFile: CommandLineTests.root + "/README.md", encoding: .utf8)
        #expect(readme.contains(ExitStatus.markdownTable), "README's exit status table differs from ExitStatus")
    }

    @Test func versionIsTheEngineVersion() throws {
        let run = try CommandLineTests.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == WenpingVersion.current + "\n")
    }

    @Test func mistypedSubcommandSuggestsTheNearest() throws {
        let run = try CommandLineTests.run(["asess", "x.yaml"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("错误：没有子命令“asess”。是否想写“assess”？"))
    }

    @Test func errorWhileRunningShowsTheSubcommandsUsage() throws {
        let run = try CommandLineTests.run([
            "assess", "Fixtures/projects/house-expropriation/xa-road-low.yaml", "--fail-on", "极高",
        ])
        #expect(run.status == 64)
        #expect(run.stderr.contains("错误：--fail-on 的等级“极高”不存在；可用：低（低风险）、中（中风险）、高（高风险）"))
        #expect(run.stderr.contains("用法：wenping assess "))
        #expect(run.stderr.contains("用 wenping assess --help 查看详细帮助。"))
    }

    @Test func parseErrorsAreInChinese() throws {
        let run = try CommandLineTests.run(["assess", "--format", "rtf", "x.yaml"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("错误：“rtf”不是 --format "))
        for word in Self.english { #expect(!run.stderr.contains(word)) }
    }

    @Test(arguments: ["高风险", "高"])
    func failOnTakesTheGradeOrItsLabel(grade: String) throws {
        let run = try CommandLineTests.run([
            "assess", "Fixtures/projects/house-expropriation/xa-old-town-high.yaml", "--fail-on", grade,
        ])
        #expect(run.status == 3)
    }

    @Test func unwritableOutputExitsFourInChinese() throws {
        let project = "Fixtures/projects/house-expropriation/xa-road-low.yaml"
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-file-\(UUID().uuidString)")
            .path
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        for arguments in [["assess", project, "--output", blocker], ["batch", project, "--output", blocker + "/sub"]] {
            let run = try CommandLineTests.run(arguments)
            #expect(run.status == 4, "\(arguments)")
            #expect(run.stderr.contains("error[E620]: 无法创建输出目录"), "\(arguments)")
            #expect(!run.stderr.contains("operation could not"), "\(arguments)")
        }
    }

    @Test func emptyBatchIsNotSuccess() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-empty-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CommandLineTests.run(["batch", folder + "/in", "--output", folder + "/out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("没有找到任何项目"))
    }

    @Test func diagnosticsAreColouredOnlyForATerminalWithoutNoColor() throws {
        let text = "x.yaml:1:2: error[E202]: 坏\n   1 | a\n     | ^~~\nx.yaml:3:1: warning[W501]: 注意\n"
        let coloured = TerminalColor.decorate(text)
        #expect(coloured.contains("\u{1B}[1;31merror[E202]\u{1B}[0m:"))
        #expect(coloured.contains("\u{1B}[1;35mwarning[W501]\u{1B}[0m:"))
        #expect(coloured.contains("     | \u{1B}[32m^~~\u{1B}[0m"))
        // Through a pseudo-terminal (script(1)): coloured, unless NO_COLOR is set; through a pipe: plain.
        let command = "\(CommandLineTests.executable) check Fixtures/cases/structure/E202-unknown-field/rules.yaml"
        let terminal = try CommandLineTests.runShell("env -u NO_COLOR TERM=xterm script -qec '\(command)' /dev/null")
        #expect(terminal.stdout.contains("\u{1B}[1;31merror[E"))
        let noColor = try CommandLineTests.runShell("env NO_COLOR=1 TERM=xterm script -qec '\(command)' /dev/null")
        #expect(!noColor.stdout.contains("\u{1B}["))
        #expect(noColor.stdout.contains(": error[E"))
        let piped = try CommandLineTests.run(["check", "Fixtures/cases/structure/E202-unknown-field/rules.yaml"])
        #expect(!piped.stdout.contains("\u{1B}["))
    }

    /// Golden-file folders and non-Swift sources must be excluded in `Package.swift`, or every build warns about
    /// unhandled files.
    @Test func everySnapshotsFolderIsExcludedFromItsTarget() throws {
        let manifest = try String(contentsOfFile: CommandLineTests.root + "/Package.swift", encoding: .utf8)
        let tests = CommandLineTests.root + "/Tests/WenpingTests"
        let folders = (FileManager.default.enumerator(atPath: tests)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix("/Snapshots") }
        #expect(!folders.isEmpty)
        for folder in folders {
            #expect(manifest.contains("\"\(folder)\""), "add \"\(folder)\" to WenpingTests' exclude in Package.swift")
        }
    }

    @Test func manualHoldsEveryCommandsChineseHelpAndRenders() throws {
        let run = try CommandLineTests.run(["manual", "--date", "2026-01-02"])
        #expect(run.status == 0)
        #expect(run.stdout.contains(".TH WENPING 1 \"2026-01-02\" \"wenping \(WenpingVersion.current)\""))
        // A long abstract is wrapped at the page's width, its continuation indented: join those lines back.
        let unwrapped = run.stdout.replacingOccurrences(of: "\n +", with: "", options: .regularExpression)
        for command in WenpingCommand.configuration.subcommands where command.configuration.shouldDisplay {
            #expect(run.stdout.contains(".SH WENPING \(command._commandName.uppercased())\n"))
            #expect(unwrapped.contains(command.configuration.abstract), "\(command._commandName)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-\(UUID().uuidString).1").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data(run.stdout.utf8)))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let rendered = try CommandLineTests.runShell("LANG=C.UTF-8 man -l '\(file)'")
        #expect(rendered.stdout.contains("按规则给项目评级，生成评估报告"))
        #expect(rendered.stdout.contains("wenping assess"))
    }
}
