import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import Wenping
import WenpingDocuments
import ZIPFoundation

@testable import WenpingServer

/// Word and PDF reports from the service: the dry run, stored assessments with their reviews, the start-up
/// checks of `--templates` and `--pdf-converter`.
struct DocumentDownloadTests {
    /// A stand-in for Chromium that "converts" by writing a PDF header followed by the HTML it was given, so a
    /// test can read what would have been printed.
    static func fakeChromium(in folder: String) throws -> String {
        let path = folder + "/chromium"
        try """
        #!/bin/sh
        for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) src="${a#file://}";; esac; done
        { printf '%%PDF-1.4\\n'; cat "$src"; } > "$out"

        """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static func documentXML(_ body: ByteBuffer) throws -> String {
        let archive = try Archive(data: Data(body.readableBytesView), accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func dryRunAnswersWordAndPDFAsAttachments() async throws {
        let folder = NSTemporaryDirectory() + "wenping-server-documents-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let converter = try Self.fakeChromium(in: folder)
        let fixture = try await ServerFixture { $0.pdfConverter = converter }
        defer { fixture.remove() }
        try await fixture.test { client in
            let word = try await client.call(.post, "/api/v1/assess?format=docx", ServerFixture.project)
            #expect(word.status == .ok)
            #expect(
                word.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(word.headers[.contentDisposition]?.contains("filename*=UTF-8''XA-2025-002.docx") == true)
            #expect(try Self.documentXML(word.body).contains("长安区某某路拓宽工程房屋征收"))
            let pdf = try await client.call(.post, "/api/v1/assess?format=pdf", ServerFixture.project)
            #expect(pdf.status == .ok, "\(pdf.text)")
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.text.hasPrefix("%PDF-") && pdf.text.contains("社会稳定风险评估报告"))
        }
    }

    @Test func storedReportsCarryTheReviewsInWordAndPDF() async throws {
        let folder = NSTemporaryDirectory() + "wenping-server-documents-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let converter = try Self.fakeChromium(in: folder)
        let fixture = try await ServerFixture { $0.pdfConverter = converter }
        defer { fixture.remove() }
        try await fixture.test { client in
            let admin = try await client.admin()
            let preparer = try await client.user("li", role: "编制", admin: admin)
            let reviewer = try await client.user("wang", role: "审核", admin: admin)
            let saved = try await client.call(.post, "/api/v1/projects", ServerFixture.project, as: preparer)
            let id = try #require((saved.json["assessment"] as? [String: Any])?["id"] as? Int)
            let unreviewed = try await client.call(.get, "/api/v1/assessments/\(id)/report?format=docx", as: reviewer)
            #expect(unreviewed.status == .ok)
            #expect(try Self.documentXML(unreviewed.body).contains("尚未审核。"))
            let override = try await client.call(
                .post, "/api/v1/assessments/\(id)/reviews",
                #"{"decision": "调整", "adjustedGrade": "高", "comment": "现场核查：反对意见集中"}"#, as: reviewer)
            #expect(override.status == .created)
            let word = try await client.call(.get, "/api/v1/assessments/\(id)/report?format=docx", as: reviewer)
            let xml = try Self.documentXML(word.body)
            #expect(xml.contains("审核意见") && xml.contains("现场核查：反对意见集中") && xml.contains("将落实措施后的等级调整为 高"))
            let pdf = try await client.call(.get, "/api/v1/assessments/\(id)/report?format=pdf", as: reviewer)
            #expect(pdf.status == .ok)
            #expect(pdf.text.contains("<h2>审核意见</h2>") && pdf.text.contains("现场核查"))
        }
    }

    /// The service's `--templates` reaches the Markdown and HTML reports too.
    @Test func officeTemplatesRewordTheServicesReports() async throws {
        let office = ServerFixture.root + "/Fixtures/templates/xa-office"
        let fixture = try await ServerFixture { $0.reportTemplates = office }
        defer { fixture.remove() }
        try await fixture.test { client in
            let html = try await client.call(.post, "/api/v1/assess?format=html", ServerFixture.project)
            #expect(html.text.contains("<h3>（三）风险防范化解措施及责任落实</h3>"))
            let markdown = try await client.call(.post, "/api/v1/assess?format=md", ServerFixture.project)
            #expect(markdown.text.contains("稳评〔2026〕第 XA-2025-002 号"))
        }
    }

    @Test func badTemplatesOrAMissingConfiguredConverterStopTheStart() async throws {
        let folder = NSTemporaryDirectory() + "wenping-server-documents-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# {{project.nmae}}\n".write(
            toFile: folder + "/docx-title-page.mustache", atomically: true, encoding: .utf8)
        var configuration = ServerConfiguration()
        configuration.reportTemplates = folder
        let logger = Logger(label: "test")
        #expect {
            try WenpingService.documentRenderer(configuration, logger: logger)
        } throws: { error in
            guard let failure = error as? StartFailure else { return false }
            return failure.exitCode == 64 && failure.description.contains("docx-title-page.mustache:1:3")
        }
        configuration.reportTemplates = nil
        configuration.pdfConverter = "none"
        #expect(try WenpingService.documentRenderer(configuration, logger: logger).converter == nil)
        configuration.pdfConverter = "/nonexistent/soffice"
        #expect {
            try WenpingService.documentRenderer(configuration, logger: logger)
        } throws: { error in
            (error as? StartFailure)?.exitCode == 4
        }
    }
}
