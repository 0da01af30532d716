import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Wenping
import WenpingLedger

/// Sessions of signed-in people, kept in memory (a restart signs everyone out), keyed by the SHA-256 of the
/// cookie's secret.
///
/// A session lasts ``lifetime`` seconds from its last use.
final class SessionStore: Sendable {
    struct Session: Sendable {
        var userID: Int64
        var name: String
        var role: Role
        var csrfToken: String
        /// Seconds since the reference date after which the session is dead.
        var expires: Double
    }

    let lifetime: Double
    private let sessions = Mutex<[String: Session]>([:])

    init(lifetime: Int) {
        self.lifetime = Double(lifetime)
    }

    /// Starts a session; returns the cookie secret and the CSRF token.
    func create(user: LedgerUser) -> (secret: String, csrfToken: String) {
        let secret = Secrets.randomHex(bytes: 32)
        let csrf = Secrets.randomHex(bytes: 32)
        let now = Date().timeIntervalSinceReferenceDate
        let session = Session(
            userID: user.id, name: user.name, role: user.role, csrfToken: csrf, expires: now + lifetime)
        sessions.withLock { table in
            table = table.filter { $0.value.expires > now }
            table[Secrets.sha256(secret)] = session
        }
        return (secret, csrf)
    }

    /// The live session for `secret`, its expiry pushed forward; nil when unknown or expired.
    func session(secret: String) -> Session? {
        let key = Secrets.sha256(secret)
        let now = Date().timeIntervalSinceReferenceDate
        return sessions.withLock { table in
            guard var session = table[key] else { return nil }
            guard session.expires > now else {
                table[key] = nil
                return nil
            }
            session.expires = now + lifetime
            table[key] = session
            return session
        }
    }

    func end(secret: String) {
        let key = Secrets.sha256(secret)
        _ = sessions.withLock { $0.removeValue(forKey: key) }
    }

    /// Makes every session of `secret` expire now (tests of expiry).
    func expire(secret: String) {
        let key = Secrets.sha256(secret)
        sessions.withLock { $0[key]?.expires = 0 }
    }
}

/// Counts failed logins per user name and per client address in a sliding window; past the limit, further
/// attempts are refused until the oldest failure leaves the window.
final class LoginLimiter: Sendable {
    let attempts: Int
    let window: Double
    private let failures = Mutex<[String: [Double]]>([:])

    init(attempts: Int, window: Int) {
        self.attempts = attempts
        self.window = Double(window)
    }

    /// Seconds to wait before `keys` may try again, or nil when they may try now.
    func retryAfter(_ keys: [String]) -> Int? {
        let now = Date().timeIntervalSinceReferenceDate
        return failures.withLock { table in
            var wait: Double = 0
            for key in keys {
                let recent = (table[key] ?? []).filter { $0 > now - window }
                table[key] = recent.isEmpty ? nil : recent
                if recent.count >= attempts, let oldest = recent.first {
                    wait = max(wait, oldest + window - now)
                }
            }
            return wait > 0 ? max(1, Int(wait.rounded(.up))) : nil
        }
    }

    func recordFailure(_ keys: [String]) {
        let now = Date().timeIntervalSinceReferenceDate
        failures.withLock { table in
            for key in keys { table[key, default: []].append(now) }
        }
    }

    func recordSuccess(_ keys: [String]) {
        failures.withLock { table in
            for key in keys { table[key] = nil }
        }
    }
}
