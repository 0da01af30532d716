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

    /// `batch --format json,docx,pdf` with a PDF converter that fails for one project: that project's row has
    /// the error, its JSON and Word reports are written but no PDF, and every other project gets all three.
    @Test func batchWritesWordAndPDFReportsAndOneFailedConversionStopsNothing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = folder + "/in"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        for name in ["xa-old-town-high", "cd-school-low", "xa-road-low"] {
            try FileManager.default.copyItem(
                atPath: CommandLineTests.root + "/Fixtures/projects/house-expropriation/\(name).yaml",
                toPath: inputs + "/\(name).yaml")
        }
        // A stand-in for Chromium: prints a minimal PDF, except for the report of XA-2025-001.
        let converter = folder + "/chromium"
        try """
        #!/bin/sh
        for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) src="${a#file://}";; esac; done
        if grep -q 'XA-2025-001' "$src"; then echo "转换器崩溃" >&2; exit 3; fi
        printf '%%PDF-1.4\n%%%%EOF\n' > "$out"

        """.write(toFile: converter, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: converter)
        let run = try CommandLineTests.run([
            "batch", inputs, "--output", folder + "/out", "--format", "json,docx,pdf", "--pdf-converter", converter,
            "--jobs", "2", "--quiet",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("pdf 报告生成失败") && run.stderr.contains("E806"), "\(run.stderr)")
        let reports = folder + "/out/reports/"
        let written = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()
        #expect(
            written == [
                "CD-2025-003.docx", "CD-2025-003.json", "CD-2025-003.pdf", "XA-2025-001.docx", "XA-2025-001.json",
                "XA-2025-002.docx", "XA-2025-002.json", "XA-2025-002.pdf",
            ], "\(written)")
        let word = try #require(FileManager.default.contents(atPath: reports + "XA-2025-002.docx"))
        #expect(word.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let summary = try String(contentsOfFile: folder + "/out/summary.json", encoding: .utf8)
        #expect(summary.contains("\"docx\"") && summary.contains("\"pdf\""))
        #expect(!written.contains { $0.hasPrefix(".") }, "no temporary files left")
    }

    /// `--templates` reaches the Markdown and HTML reports of `assess` and `batch`.
    @Test func officeTemplatesRewordMarkdownAndHTMLReports() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let office = "Fixtures/templates/xa-office"
        let markdown = try CommandLineTests.run(["assess", Self.project, "--format", "md", "--templates", office])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("### （三）风险防范化解措施及责任落实"))
        let plain = try CommandLineTests.run(["assess", Self.project, "--format", "md"])
        #expect(plain.stdout.contains("### （三）风险防范和化解措施"))
        let run = try CommandLineTests.run([
            "batch", Self.project, "--output", folder + "/out", "--format", "html", "--templates", office, "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: folder + "/out/reports/XA-2025-001.html", encoding: .utf8)
        #expect(html.contains("<h3>（三）风险防范化解措施及责任落实</h3>"))
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
