import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}

/// Recognises the caller from a bearer token (`Authorization: Bearer wp_…`) or a session cookie, and refuses
/// state-changing session requests that lack the session's CSRF token (header `X-CSRF-Token`, or field `_csrf`
/// in a form body, URL-encoded or multipart).
///
/// Routes then ask ``WenpingRequestContext/require(_:)`` for the permission they need.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = WenpingRequestContext
    static let cookieName = "wenping_session"
    let state: ServiceState

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        var request = request
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer ") else {
                throw Problem.malformed("Authorization 头应为“Bearer 令牌”")
            }
            let secret = String(authorization.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            let token = try await state.ledgerCall { ledger throws(LedgerError) in
                try await ledger.token(hash: Secrets.sha256(secret))
            }
            guard let token else {
                state.logDenied(request, context, reason: "unknown token")
                throw Problem.unauthenticated
            }
            guard token.revokedAt == nil else {
                state.logDenied(request, context, reason: "revoked token \(token.id)")
                throw Problem(.unauthorized, .sessionExpired, "令牌已吊销", detail: "该 API 令牌已被吊销；请向管理员申请新令牌")
            }
            let owner = try await state.ledgerCall { ledger throws(LedgerError) in
                try await ledger.user(id: token.userID)
            }
            guard let owner else {
                throw Problem.unauthenticated
            }
            context.identity = Identity(
                userID: owner.id, name: owner.name, role: token.role, method: .token(id: token.id))
        } else if let secret = request.cookies[Self.cookieName]?.value {
            if let session = state.sessions.session(secret: secret) {
                context.identity = Identity(
                    userID: session.userID, name: session.name, role: session.role,
                    method: .session(csrfToken: session.csrfToken))
                if request.method.isUnsafe {
                    let (sent, buffered) = try await csrfToken(in: request, context: context)
                    if let buffered { request = buffered }
                    guard let sent, Secrets.constantTimeEqual(sent, session.csrfToken) else {
                        state.logDenied(request, context, reason: "csrf")
                        throw Problem.csrf
                    }
                }
            } else {
                context.sessionExpired = true
            }
        }
        if let identity = context.identity {
            context.logger[metadataKey: "user"] = .string(identity.name)
        }
        return try await next(request, context)
    }

    /// The CSRF token from the header, or from a form body's `_csrf` field (the body is then buffered and
    /// handed on in a new request).
    func csrfToken(in request: Request, context: Context) async throws -> (String?, Request?) {
        if let header = request.headers[.csrfToken] { return (header, nil) }
        let contentType = request.headers[.contentType] ?? ""
        if contentType.hasPrefix("multipart/form-data"), let boundary = FormData.parameter("boundary", in: contentType)
        {
            let buffer = try await state.collectBody(request)
            var copy = request
            copy.body = .init(buffer: buffer)
            return (FormData(multipart: Array(buffer.readableBytesView), boundary: boundary)["_csrf"], copy)
        }
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            return (nil, nil)
        }
        let buffer = try await state.collectBody(request)
        var copy = request
        copy.body = .init(buffer: buffer)
        let form = String(buffer: buffer)
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == "_csrf" {
                return (String(parts[1]).removingPercentEncoding, copy)
            }
        }
        return (nil, copy)
    }
}

extension HTTPRequest.Method {
    /// Whether the method changes state (and so needs a CSRF token with a session).
    var isUnsafe: Bool { !(self == .get || self == .head || self == .options) }
}

extension WenpingRequestContext {
    /// The caller, if their role allows `permission`; otherwise a 401 (not signed in, session expired) or 403
    /// problem, logged as a denied request.
    func require(_ permission: Permission, _ needs: String) throws -> Identity {
        guard let identity else {
            logger.notice("denied", metadata: ["reason": "unauthenticated", "needs": "\(permission)"])
            throw sessionExpired ? Problem.sessionExpired : Problem.unauthenticated
        }
        guard identity.role.allows(permission) else {
            logger.notice(
                "denied",
                metadata: ["reason": "role", "role": .string(identity.role.rawValue), "needs": "\(permission)"])
            throw Problem.forbidden(identity.role.rawValue, needs: needs)
        }
        return identity
    }
}
