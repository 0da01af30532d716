import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// Who is making a request, once the auth middleware has recognised a session or a token.
struct Identity: Sendable, Hashable {
    var userID: Int64
    var name: String
    var role: Role
    /// How the request authenticated; CSRF tokens are checked for sessions only.
    enum Method: Sendable, Hashable {
        case session(csrfToken: String)
        case token(id: Int64)
    }
    var method: Method
}

/// The per-request context: Hummingbird's core storage, the caller's identity and address.
struct WenpingRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Set by ``AuthMiddleware`` when the request carries a valid session cookie or bearer token.
    var identity: Identity?
    /// The TCP peer's address (for the login rate limit and logs).
    var clientAddress: String
    /// Set when a session cookie was sent but named no live session.
    var sessionExpired = false

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }
}
