import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// An error answered as `application/problem+json` (RFC 9457), carrying a stable diagnostic code and, for
/// rule or project problems, the same positioned Chinese diagnostics the CLI prints.
struct Problem: Error, HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var code: DiagnosticCode
    /// Short Chinese title of the kind of problem.
    var title: String
    /// What went wrong here and what would fix it, in Chinese.
    var detail: String
    var diagnostics: [Diagnostic]
    var headers: HTTPFields

    init(
        _ status: HTTPResponse.Status, _ code: DiagnosticCode, _ title: String, detail: String,
        diagnostics: [Diagnostic] = [], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.diagnostics = diagnostics
        self.headers = headers
    }

    static let mediaType = "application/problem+json; charset=utf-8"

    /// The JSON body: `type`, `title`, `status`, `detail`, `instance`, `code` and `diagnostics`.
    func body(instance: String) -> String {
        var json = "{"
        json += "\"type\":\(JSONText.string("urn:wenping:problem:\(code.rawValue)")),"
        json += "\"title\":\(JSONText.string(title)),"
        json += "\"status\":\(status.code),"
        json += "\"detail\":\(JSONText.string(detail)),"
        json += "\"instance\":\(JSONText.string(instance)),"
        json += "\"code\":\(JSONText.string(code.rawValue)),"
        json += "\"diagnostics\":["
        json += diagnostics.map(Self.diagnosticJSON).joined(separator: ",")
        json += "]}"
        return json
    }

    /// One diagnostic as answers carry them: `code`, `severity`, `message`, `file`, `line`, `column`.
    static func diagnosticJSON(_ diagnostic: Diagnostic) -> String {
        "{\"code\":\(JSONText.string(diagnostic.code.rawValue)),"
            + "\"severity\":\(JSONText.string(diagnostic.severity.rawValue)),"
            + "\"message\":\(JSONText.string(diagnostic.message)),"
            + "\"file\":\(JSONText.string(diagnostic.location.file)),"
            + "\"line\":\(diagnostic.location.line),\"column\":\(diagnostic.location.column)}"
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = Self.mediaType
        return Response(
            status: status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: body(instance: request.uri.path))))
    }

    // MARK: The service's problems (E7xx)

    static func malformed(_ detail: String) -> Problem {
        Problem(.badRequest, .requestMalformed, "请求格式不对", detail: detail)
    }

    static func tooLarge(limit: Int) -> Problem {
        Problem(
            .contentTooLarge, .bodyTooLarge, "请求内容过大",
            detail: "请求内容超过上限 \(limit) 字节；请拆分后分批提交（或由管理员调高 --max-body-bytes）")
    }

    static let unauthenticated = Problem(
        .unauthorized, .notAuthenticated, "需要登录",
        detail: "请先登录（POST /api/v1/login），或在 Authorization 头中给出 API 令牌（Bearer）",
        headers: [.wwwAuthenticate: "Bearer realm=\"wenping\""])

    static let sessionExpired = Problem(
        .unauthorized, .sessionExpired, "登录已过期", detail: "会话已过期或已退出；请重新登录",
        headers: [.wwwAuthenticate: "Bearer realm=\"wenping\""])

    static func forbidden(_ role: String, needs: String) -> Problem {
        Problem(.forbidden, .roleForbidden, "权限不足", detail: "当前角色“\(role)”不能\(needs)；请由有相应角色的用户操作")
    }

    static let csrf = Problem(
        .forbidden, .csrfRejected, "缺少或错误的 CSRF 令牌",
        detail: "用会话登录时，写操作须在 X-CSRF-Token 头（或表单字段 _csrf）中带上登录时返回的 csrfToken")

    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, .resourceNotFound, "未找到", detail: detail)
    }

    static func methodNotAllowed(_ method: String, allowed: [String]) -> Problem {
        Problem(
            .methodNotAllowed, .methodNotAllowed, "不支持的请求方法",
            detail: "此地址不支持 \(method)；可用：\(allowed.joined(separator: "、"))",
            headers: [.allow: allowed.joined(separator: ", ")])
    }

    static func ledger(_ error: LedgerFailure) -> Problem {
        Problem(.serviceUnavailable, .ledgerFailure, "账本暂时不可用", detail: error.message)
    }
}

/// A ledger error reduced to its message, so that WenpingLedger's types stay out of the problem API.
struct LedgerFailure: Sendable {
    var message: String
}
