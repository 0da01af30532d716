import Foundation
import Testing

/// The README as a contract: every command in its `sh` blocks runs as shown and exits as the README says.
///
/// Convention (documented in the README's “Commands” section): a command exits 0 unless its line ends with a
/// comment `# exit N: why`; a block whose fence reads `sh skip-test` is not run; `swift run wenping` stands for
/// the built binary. A `yaml project` block is a complete project file and must grade.
struct ReadmeCommandsTests {
    struct Command: CustomStringConvertible {
        /// 1-based line of the README where the command starts.
        var line: Int
        var text: String
        var status: Int32

        var description: String { "README.md:\(line): \(text)" }
    }

    struct Block {
        var info: String
        /// 1-based line of the first line inside the fence.
        var firstLine: Int
        var lines: [String]
    }

    static let readme = (try? String(contentsOfFile: CommandLineTests.root + "/README.md", encoding: .utf8)) ?? ""

    /// The fenced code blocks of `markdown` (three or more backticks), with their info strings.
    static func blocks(_ markdown: String) -> [Block] {
        var result: [Block] = []
        var current: Block?
        var fence = ""
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            if var open = current {
                if text.hasPrefix(fence) && text.trimmingCharacters(in: .whitespaces) == fence {
                    result.append(open)
                    current = nil
                } else {
                    open.lines.append(text)
                    current = open
                }
            } else if text.hasPrefix("```") {
                fence = String(text.prefix { $0 == "`" })
                let info = text.dropFirst(fence.count).trimmingCharacters(in: .whitespaces)
                current = Block(info: info, firstLine: index + 2, lines: [])
            }
        }
        return result
    }

    /// The commands of the README's runnable `sh` blocks, continuation lines joined.
    static func commands(_ markdown: String) -> [Command] {
        var result: [Command] = []
        for block in blocks(markdown) where block.info == "sh" {
            var pending: (line: Int, text: String)?
            for (offset, line) in block.lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if pending == nil && (trimmed.isEmpty || trimmed.hasPrefix("#")) { continue }
                var joined = (pending?.text ?? "") + (pending == nil ? "" : " ") + trimmed
                let start = pending?.line ?? block.firstLine + offset
                if joined.hasSuffix("\\") {
                    joined.removeLast()
                    pending = (start, joined.trimmingCharacters(in: .whitespaces))
                    continue
                }
                pending = nil
                result.append(Command(line: start, text: joined, status: expectedStatus(joined)))
            }
        }
        return result
    }

    /// The status a `# exit N` comment names, else 0.
    static func expectedStatus(_ command: String) -> Int32 {
        guard let match = command.range(of: #"#\s*exit\s+[0-9]+"#, options: .regularExpression) else { return 0 }
        return Int32(command[match].filter(\.isNumber)) ?? 0
    }

    /// A scratch folder with the checkout's `Fixtures` and `Rules`, and a `bin` folder holding `wenping`.
    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wenping-readme-\(UUID().uuidString)"
        )
        .path
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        for name in ["Fixtures", "Rules"] {
            try manager.createSymbolicLink(
                atPath: folder + "/" + name, withDestinationPath: CommandLineTests.root + "/" + name)
        }
        try manager.createSymbolicLink(
            atPath: folder + "/bin/wenping", withDestinationPath: CommandLineTests.executable)
        return folder
    }

    static func shell(_ command: String, in folder: String, input: String? = nil) throws -> CommandLineTests.Run {
        let text = command.replacingOccurrences(of: "swift run wenping", with: "wenping")
        let path = folder + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", text]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path
        environment["WENPING_RULES"] = nil
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func extractsCommandsWithTheirStatusesAndSkipsMarkedBlocks() {
        let markdown = """
            ```sh
            # a comment
            wenping a \\
              --b
            wenping c  # exit 1: on purpose
            ```

            ```sh skip-test
            make install
            ```
            """
        let commands = Self.commands(markdown)
        #expect(commands.map(\.text) == ["wenping a --b", "wenping c  # exit 1: on purpose"])
        #expect(commands.map(\.status) == [0, 1])
        #expect(commands.map(\.line) == [3, 5])
    }

    @Test func everyReadmeCommandExitsAsTheReadmeSays() throws {
        let commands = Self.commands(Self.readme)
        #expect(commands.count >= 10)
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for command in commands {
            let run = try Self.shell(command.text, in: folder)
            #expect(run.status == command.status, "\(command)\n\(run.stderr.prefix(2000))")
        }
    }

    @Test func theReadmeProjectExampleGrades() throws {
        let block = try #require(Self.blocks(Self.readme).first { $0.info == "yaml project" })
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.shell("wenping assess -", in: folder, input: block.lines.joined(separator: "\n"))
        #expect(run.status == 0, "\(run.stderr)")
    }
}
