import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import Wenping
import WenpingDocuments

/// Word and PDF reports as downloads: made off the request threads (a PDF conversion takes seconds), answered
/// as an attachment named after the project.
enum DocumentDownload {
    /// The characters a `filename*` value may hold unencoded (RFC 8187 attr-char, less a few for safety).
    static let attributeCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")

    static func contentType(_ format: DocumentFormat) -> String {
        switch format {
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .pdf: "application/pdf"
        }
    }

    /// The report of `assessment` in `format`, with `appendices` after the sign-off (Word, and PDF through
    /// LibreOffice) or `html` converted instead of the plain HTML report (PDF through Chromium).
    ///
    /// - Throws: ``Problem`` 503 (E805) when no PDF converter was found at start, 429 (E806, with `Retry-After`)
    ///   when as many PDFs as there are cores are being made already; 500 (E806, E808) when the
    ///   document could not be made.
    static func response(
        _ format: DocumentFormat, _ assessment: Assessment, state: ServiceState,
        appendices: [WordAppendix] = [], html: String? = nil
    ) async throws -> Response {
        let renderer = state.documents
        if format == .pdf {
            let limit = ProcessInfo.processInfo.activeProcessorCount
            let admitted = state.conversions.withLock { running in
                guard running < limit else { return false }
                running += 1
                return true
            }
            guard admitted else {
                throw Problem(
                    .tooManyRequests, .pdfConversionFailed, "PDF 转换繁忙",
                    detail: "已有 \(limit) 个 PDF 正在生成；请稍后重试，或先取 docx 格式", headers: [.retryAfter: "5"])
            }
        }
        defer { if format == .pdf { state.conversions.withLock { $0 -= 1 } } }
        let bytes: [UInt8]
        do {
            bytes = try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(
                        with: Result {
                            switch format {
                            case .docx: try renderer.docx(assessment, appendices: appendices)
                            case .pdf: try renderer.pdf(assessment, appendices: appendices, html: html)
                            }
                        })
                }
            }
        } catch let error as DocumentError {
            if error.code == .pdfConverterMissing {
                throw Problem(.serviceUnavailable, error.code, "本服务不能生成 PDF", detail: error.message)
            }
            throw Problem(.internalServerError, error.code, "报告文件生成失败", detail: error.message)
        }
        var headers = HTTPFields()
        headers[.contentType] = contentType(format)
        let name = AtomicFile.safeName(assessment.project.id) + "." + format.fileExtension
        let encoded = name.addingPercentEncoding(withAllowedCharacters: attributeCharacters) ?? "report"
        headers[.contentDisposition] =
            "attachment; filename=\"report.\(format.fileExtension)\"; filename*=UTF-8''\(encoded)"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
