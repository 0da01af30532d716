import Foundation
import Testing
import Wenping

@testable import WenpingDocuments

struct PDFConverterTests {
    @Test func missingConverterNamesTheDebianPackages() {
        #expect {
            try PDFConverter.locate(nil, searchPath: "/nonexistent")
        } throws: { error in
            guard let error = error as? DocumentError else { return false }
            return error.code == .pdfConverterMissing && error.message.contains("libreoffice-writer")
                && error.message.contains("chromium") && error.message.contains("soffice")
        }
    }

    @Test func converterKindComesFromTheChoice() throws {
        let folder = try DocumentFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["soffice", "chromium"] {
            let path = folder + "/" + name
            try "#!/bin/sh\n".write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        #expect(try PDFConverter.locate(nil, searchPath: folder).kind == .libreOffice)
        #expect(try PDFConverter.locate("chromium", searchPath: folder).kind == .chromium)
        #expect(try PDFConverter.locate(folder + "/chromium").executable == folder + "/chromium")
        #expect(throws: DocumentError.self) { try PDFConverter.locate("wordperfect", searchPath: folder) }
    }

    @Test func normalizingFixesDatesAndIdsWithoutMovingBytes() {
        let pdf = Array(
            "%PDF-1.7\n<</CreationDate (D:20261130094021+08'00')/ModDate(D:20261130094021Z)>>\n/ID [ <a1B2><c3d4> ]\n/DocChecksum /C6FFC2BA61D9\n<xmp:CreateDate>2026-11-30T09:40:21Z</xmp:CreateDate>\n"
                .utf8)
        let normalized = PDFNormalizer.normalize(pdf)
        #expect(normalized.count == pdf.count)
        #expect(
            String(decoding: normalized, as: UTF8.self)
                == "%PDF-1.7\n<</CreationDate (D:19800101000000+00'00')/ModDate(D:19800101000000Z)>>\n/ID [ <0000><0000> ]\n/DocChecksum /000000000000\n<xmp:CreateDate>1980-01-01T00:00:00Z</xmp:CreateDate>\n"
        )
    }

    /// Two prints whose structure ids differ are the same bytes once ranked, and the ID name tree stays sorted.
    ///
    /// Chromium's structure ids come from DOM node ids, which vary with load (seen at load average 30: one
    /// print in sixty differed only there).
    @Test func chromiumStructureIDsAreRankedKeepingTheirOrder() {
        func pdf(_ ids: [Int]) -> [UInt8] {
            let names = ids.sorted().map { String(format: "(node%08d) 9 0 R", $0) }.joined(separator: " ")
            let elements = ids.map { String(format: "<</S /TH /ID (node%08d)>>", $0) }.joined(separator: "\n")
            return Array("%PDF-1.7\n\(elements)\n<</Names [\(names)]>>\n(node) (nodes) (node7x)".utf8)
        }
        let early = PDFNormalizer.normalize(pdf([54, 60, 1359]))
        let late = PDFNormalizer.normalize(pdf([46, 52, 1351]))
        #expect(early == late)
        #expect(early.count == pdf([54, 60, 1359]).count)
        let text = String(decoding: early, as: UTF8.self)
        #expect(text.contains("<</Names [(node00000001) 9 0 R (node00000002) 9 0 R (node00000003) 9 0 R]>>"))
        #expect(text.hasSuffix("(node) (nodes) (node7x)"))
        // Ids of different widths are left alone: their digits' order would not be their numbers' order.
        let mixed = Array("(node7) (node12)".utf8)
        #expect(PDFNormalizer.normalize(mixed) == mixed)
    }

    static let soffice = DocumentFixtures.which("soffice")

    /// One report through LibreOffice.
    ///
    /// A PDF on A4 with every font embedded, contents with real page numbers, the
    /// same bytes twice. Skipped (with a note) where LibreOffice is not installed, except under `.ci/run`.
    @Test(.enabled(if: soffice != nil || DocumentFixtures.toolsRequired, "LibreOffice (soffice) 未安装,跳过 PDF 转换测试"))
    func libreOfficeMakesAnA4PDFWithEmbeddedFonts() throws {
        let executable = try #require(Self.soffice, "soffice not on PATH although WENPING_REQUIRE_DOCUMENT_TOOLS=1")
        let renderer = DocumentRenderer(converter: PDFConverter(kind: .libreOffice, executable: executable))
        let assessment = try DocumentFixtures.assess(WordReportTests.fixture)
        let pdf = try renderer.pdf(assessment)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/MediaBox[0 0 595") || text.contains("/MediaBox [0 0 595"))
        #expect(text.contains("/FontFile"))
        #expect(try renderer.pdf(assessment) == pdf)
        if let pdftotext = DocumentFixtures.which("pdftotext") {
            let folder = try DocumentFixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try Data(pdf).write(to: URL(fileURLWithPath: folder + "/r.pdf"))
            let contents = try DocumentFixtures.run(pdftotext, ["-f", "2", "-l", "2", folder + "/r.pdf", "-"]).output
            // The contents were rebuilt: each chapter with a dotted leader and its page number.
            #expect(contents.contains(#/一、基本情况\.+\d+/#), "\(contents)")
            #expect(contents.contains(#/三、评估结论\.+\d+/#), "\(contents)")
            let first = try DocumentFixtures.run(pdftotext, ["-f", "1", "-l", "1", folder + "/r.pdf", "-"]).output
            #expect(first.contains("社会稳定风险评估报告"))
            #expect(!first.contains("第 1 页"))
        }
    }

    static let chromium = DocumentFixtures.which("chromium") ?? DocumentFixtures.which("chromium-browser")

    /// One report printed by headless Chromium from the HTML report (the path taken where only Chromium is there).
    ///
    /// A4 pages, every font embedded, page numbers from the style sheet, the same bytes twice.
    /// Skipped (with a note) where Chromium is not installed, except under `.ci/run`, which installs it.
    @Test(.enabled(if: chromium != nil || DocumentFixtures.toolsRequired, "Chromium 未安装,跳过 Chromium 转换测试"))
    func chromiumPrintsTheHTMLReportOnA4WithEmbeddedFonts() throws {
        let executable = try #require(Self.chromium, "chromium not on PATH although WENPING_REQUIRE_DOCUMENT_TOOLS=1")
        let renderer = DocumentRenderer(converter: PDFConverter(kind: .chromium, executable: executable))
        let assessment = try DocumentFixtures.assess(WordReportTests.fixture)
        let pdf = try renderer.pdf(assessment)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        // A4 in points, as Skia writes it: `/MediaBox [0 0 594.95996 841.91998]`.
        #expect(text.contains(#/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/#))
        #expect(try renderer.pdf(assessment) == pdf)
        let folder = try DocumentFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(pdf).write(to: URL(fileURLWithPath: folder + "/r.pdf"))
        if let pdffonts = DocumentFixtures.which("pdffonts") {
            let rows = try DocumentFixtures.run(pdffonts, [folder + "/r.pdf"]).output.split(separator: "\n").dropFirst(
                2)
            #expect(!rows.isEmpty)
            // Columns: name, type (may be two words), encoding, emb, sub, uni, object, generation.
            for row in rows {
                #expect(row.split(separator: " ").dropLast(4).last == "yes", "font not embedded: \(row)")
            }
        }
        if let pdftotext = DocumentFixtures.which("pdftotext") {
            let first = try DocumentFixtures.run(pdftotext, ["-f", "1", "-l", "1", folder + "/r.pdf", "-"]).output
            #expect(first.contains("社会稳定风险评估报告"))
            #expect(first.contains("第 1 页"), "\(first)")
        }
    }
}
