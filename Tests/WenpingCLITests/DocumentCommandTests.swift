import Foundation
import Testing

/// `--format docx|pdf`, `--templates` and `wenping templates export` through the command line.
struct DocumentCommandTests {
    static let project = "Fixtures/projects/house-expropriation/xa-old-town-high.yaml"

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wenping-cli-documents-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func assessWritesAWordPackage() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CommandLineTests.run(["assess", Self.project, "--format", "docx", "--output", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/XA-2025-001.docx"))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        // To standard output as well.
        let again = try CommandLineTests.run(["assess", Self.project, "--format", "docx"])
        #expect(again.status == 0 && again.stdout.hasPrefix("PK\u{3}\u{4}"))
    }

    @Test func templateErrorsStopBeforeGradingWithStatus64() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# {{project.nmae}}\n".write(
            toFile: folder + "/docx-title-page.mustache", atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run([
            "assess", Self.project, "--format", "docx", "--templates", folder, "--output", folder + "/out",
        ])
        #expect(run.status == 64)
        #expect(run.stderr.contains("docx-title-page.mustache:1:3: error[E804]"))
        #expect(run.stderr.contains("是不是想写“project.name”"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test func missingPDFConverterIsAnOutputFailureNamingThePackages() throws {
        let run = try CommandLineTests.run([
            "assess", Self.project, "--format", "pdf", "--pdf-converter", "/nonexistent/soffice",
        ])
        #expect(run.status == 4)
        #expect(run.stderr.contains("E805"))
        let empty = try CommandLineTests.run(
            ["assess", Self.project, "--format", "pdf"], environment: ["PATH": "/nonexistent"])
        #expect(empty.status == 4)
        #expect(empty.stderr.contains("apt-get install libreoffice-writer"))
    }

    @Test func templatesExportRefusesToOverwrite() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CommandLineTests.run(["templates", "export", folder]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/docx-title-page.mustache"))
        #expect(FileManager.default.fileExists(atPath: folder + "/README.md"))
        let again = try CommandLineTests.run(["templates", "export", folder])
        #expect(again.status == 4)
        #expect(again.stderr.contains("E807"))
        #expect(try CommandLineTests.run(["templates", "export", folder, "--force"]).status == 0)
    }
}
