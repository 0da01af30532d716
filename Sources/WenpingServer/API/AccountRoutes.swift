import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// Sign-in, sessions, users and API tokens.
extension APIRoutes {
    /// `POST /api/v1/login`: checks name and password (bcrypt), starts a session in an HttpOnly, Secure,
    /// SameSite=Strict cookie and answers the CSRF token for later writes.
    ///
    /// Failures are rate-limited per name
    /// and per client address.
    func login(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let input = try await state.decode(APIInputs.Login.self, from: request)
        let keys = ["name:\(input.name)", "client:\(context.clientAddress)"]
        if let wait = state.limiter.retryAfter(keys) {
            state.logDenied(request, context, reason: "login throttled for \(input.name)")
            throw Problem(
                .tooManyRequests, .loginThrottled, "登录失败次数过多",
                detail: "登录失败次数过多；请 \(wait) 秒后再试", headers: [.retryAfter: String(wait)])
        }
        let found = try await state.ledgerCall { ledger throws(LedgerError) in try await ledger.user(named: input.name)
        }
        let valid = Secrets.verifyPassword(input.password, hash: found?.passwordHash ?? Secrets.decoyHash)
        guard let user = found, valid else {
            state.limiter.recordFailure(keys)
            state.logDenied(request, context, reason: "login failed for \(input.name)")
            throw Problem(.unauthorized, .loginFailed, "登录失败", detail: "用户名或密码错误")
        }
        state.limiter.recordSuccess(keys)
        let (secret, csrf) = state.sessions.create(user: user)
        var response = try JSONText.response(
            APIModels.LoginResult(
                user: .init(user), csrfToken: csrf, expiresIn: state.configuration.sessionLifetime))
        response.setCookie(
            Cookie(
                name: AuthMiddleware.cookieName, value: secret, path: "/", secure: true, httpOnly: true,
                sameSite: .strict))
        context.logger.info("login", metadata: ["user": .string(user.name)])
        return response
    }

    func logout(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.read, "退出登录")
        if let secret = request.cookies[AuthMiddleware.cookieName]?.value { state.sessions.end(secret: secret) }
        var response = Response(status: .noContent)
        response.setCookie(
            Cookie(
                name: AuthMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: true, httpOnly: true,
                sameSite: .strict))
        return response
    }

    func me(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try context.require(.read, "查看自己的账户")
        let via =
            switch identity.method {
            case .session: "session"
            case .token: "token"
            }
        return try JSONText.response(
            APIModels.Me(id: identity.userID, name: identity.name, role: identity.role.rawValue, via: via))
    }

    func createUser(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try context.require(.administer, "管理用户")
        let input = try await state.decode(APIInputs.NewUser.self, from: request)
        guard let role = Role(rawValue: input.role) else {
            throw Problem.malformed("角色“\(input.role)”不存在；可用：编制、审核、管理")
        }
        try Self.checkName(input.name)
        guard input.password.count >= 12 else { throw Problem.malformed("密码至少 12 个字符") }
        let hash = Secrets.hashPassword(input.password, cost: state.configuration.bcryptCost)
        let user = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.createUser(name: input.name, role: role, passwordHash: hash, by: identity.name)
        }
        return try JSONText.response(APIModels.UserInfo(user), status: .created)
    }

    /// User and token names: 1–64 characters, no control characters.
    static func checkName(_ name: String) throws(Problem) {
        guard (1...64).contains(name.count),
            !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f })
        else { throw Problem.malformed("名称应为 1 到 64 个字符，且不含控制字符") }
    }

    func userList(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.administer, "管理用户")
        let users = try await state.ledgerCall { ledger throws(LedgerError) in try await ledger.users() }
        return try JSONText.response(APIModels.UserList(users: users.map(APIModels.UserInfo.init)))
    }

    /// `POST /api/v1/tokens`: a new API token for the caller, scoped to the caller's role or (for 管理) any role.
    ///
    /// The secret is in this answer only; the ledger keeps its SHA-256.
    func createToken(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try context.require(.read, "创建令牌")
        let input = try await state.decode(APIInputs.NewToken.self, from: request)
        try Self.checkName(input.name)
        var role = identity.role
        if let requested = input.role {
            guard let parsed = Role(rawValue: requested) else {
                throw Problem.malformed("角色“\(requested)”不存在；可用：编制、审核、管理")
            }
            guard parsed == identity.role || identity.role == .administrator else {
                throw Problem.forbidden(identity.role.rawValue, needs: "创建“\(parsed.rawValue)”角色的令牌")
            }
            role = parsed
        }
        let secret = "wp_" + Secrets.randomHex(bytes: 32)
        let token = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.createToken(
                userID: identity.userID, name: input.name, role: role, tokenHash: Secrets.sha256(secret),
                by: identity.name)
        }
        return try JSONText.response(APIModels.TokenInfo(token, secret: secret), status: .created)
    }

    func tokenList(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try context.require(.read, "查看令牌")
        let tokens = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.tokens(userID: identity.userID)
        }
        return try JSONText.response(APIModels.TokenList(tokens: tokens.map { APIModels.TokenInfo($0) }))
    }

    /// `DELETE /api/v1/tokens/{tokenId}`: revokes one of the caller's tokens (管理: anyone's).
    func revokeToken(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try context.require(.read, "吊销令牌")
        guard let raw = context.parameters.get("tokenId"), let id = Int64(raw) else {
            throw Problem.notFound("令牌编号应为整数")
        }
        if identity.role != .administrator {
            let own = try await state.ledgerCall { ledger throws(LedgerError) in
                try await ledger.tokens(userID: identity.userID)
            }
            guard own.contains(where: { $0.id == id }) else { throw Problem.notFound("令牌 \(id) 不存在") }
        }
        let revoked = try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.revokeToken(id: id, by: identity.name)
        }
        guard revoked else { throw Problem.notFound("令牌 \(id) 不存在") }
        return Response(status: .noContent)
    }

    func auditLog(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.administer, "查看审计日志")
        let limit = try Grading.integer(request, "limit", in: 1...1000, default: 100)
        let entries = try await state.ledgerCall { ledger throws(LedgerError) in try await ledger.auditLog(limit: limit)
        }
        return try JSONText.response(APIModels.AuditList(entries: entries))
    }
}
