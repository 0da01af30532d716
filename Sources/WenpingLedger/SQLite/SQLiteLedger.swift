import Foundation
import GRDB

/// The ledger in one SQLite file (WAL mode), through GRDB.
///
/// Writes are serialised by GRDB's single writer and each is one transaction, so a crash or kill leaves either
/// the whole write or none of it. Reads run concurrently with writes (WAL). The schema comes from
/// ``migrator``, applied on open.
public final class SQLiteLedger: LedgerStore {
    let pool: DatabasePool
    public let path: String

    /// Opens (or creates) the ledger at `path` and brings its schema up to date.
    ///
    /// - Parameter create: when false, a missing file is an error instead of a new, empty ledger.
    public init(path: String, create: Bool = true) throws(LedgerError) {
        self.path = path
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw .unavailable("文件“\(path)”不存在；请检查路径")
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL with synchronous=FULL: a committed write survives power loss, not only a killed process.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw .unavailable("“\(path)”不是可用的 wenping 账本（\(Self.describe(error))）")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite \(error.resultCode)" }
        return "\(error)"
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(LedgerError) -> T {
        do {
            return try await pool.read(body)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .storage(Self.describe(error))
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(LedgerError) -> T {
        do {
            return try await pool.write(body)
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw .conflict("已存在同名记录")
        } catch {
            throw .storage(Self.describe(error))
        }
    }

    /// The current time as ISO 8601 UTC with milliseconds (`2026-11-30T09:41:07.123Z`).
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    static func appendAudit(_ db: Database, actor: String, action: String, target: String, detail: String) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [now(), actor, action, target, detail])
    }

    // MARK: Users and tokens

    public func userCount() async throws(LedgerError) -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 }
    }

    public func createUser(name: String, role: Role, passwordHash: String, by actor: String) async throws(LedgerError)
        -> LedgerUser
    {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [name]) == true {
                throw LedgerError.conflict("用户名“\(name)”已被使用；请换一个")
            }
            let createdAt = Self.now()
            try db.execute(
                sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, passwordHash, createdAt])
            let id = db.lastInsertedRowID
            try Self.appendAudit(db, actor: actor, action: "user.create", target: "user:\(name)", detail: role.rawValue)
            return LedgerUser(id: id, name: name, role: role, passwordHash: passwordHash, createdAt: createdAt)
        }
    }

    static func decodeUser(_ row: Row) -> LedgerUser? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return LedgerUser(
            id: row["id"], name: row["name"], role: role, passwordHash: row["password_hash"],
            createdAt: row["created_at"])
    }

    public func user(named name: String) async throws(LedgerError) -> LedgerUser? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name]).flatMap(Self.decodeUser)
        }
    }

    public func user(id: Int64) async throws(LedgerError) -> LedgerUser? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).flatMap(Self.decodeUser)
        }
    }

    public func users() async throws(LedgerError) -> [LedgerUser] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY id").compactMap(Self.decodeUser)
        }
    }

    static let tokenQuery = """
        SELECT tokens.*, token_revocations.revoked_at FROM tokens
        LEFT JOIN token_revocations ON token_revocations.token_id = tokens.id
        """

    static func decodeToken(_ row: Row) -> LedgerToken? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return LedgerToken(
            id: row["id"], userID: row["user_id"], name: row["name"], role: role, tokenHash: row["token_hash"],
            createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }

    public func createToken(userID: Int64, name: String, role: Role, tokenHash: String, by actor: String)
        async throws(LedgerError) -> LedgerToken
    {
        try await write { db in
            let createdAt = Self.now()
            try db.execute(
                sql: "INSERT INTO tokens (user_id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [userID, name, role.rawValue, tokenHash, createdAt])
            let id = db.lastInsertedRowID
            try Self.appendAudit(
                db, actor: actor, action: "token.create", target: "token:\(id)", detail: "\(name) \(role.rawValue)")
            return LedgerToken(
                id: id, userID: userID, name: name, role: role, tokenHash: tokenHash, createdAt: createdAt,
                revokedAt: nil)
        }
    }

    public func token(hash tokenHash: String) async throws(LedgerError) -> LedgerToken? {
        try await read { db in
            try Row.fetchOne(db, sql: Self.tokenQuery + " WHERE token_hash = ?", arguments: [tokenHash])
                .flatMap(Self.decodeToken)
        }
    }

    public func tokens(userID: Int64) async throws(LedgerError) -> [LedgerToken] {
        try await read { db in
            try Row.fetchAll(db, sql: Self.tokenQuery + " WHERE user_id = ? ORDER BY tokens.id", arguments: [userID])
                .compactMap(Self.decodeToken)
        }
    }

    public func revokeToken(id: Int64, by actor: String) async throws(LedgerError) -> Bool {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM tokens WHERE id = ?", arguments: [id]) == true else {
                return false
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO token_revocations (token_id, revoked_at, revoked_by) VALUES (?, ?, ?)",
                arguments: [id, Self.now(), actor])
            try Self.appendAudit(db, actor: actor, action: "token.revoke", target: "token:\(id)", detail: "")
            return true
        }
    }

    // MARK: Audit

    public func audit(actor: String, action: String, target: String, detail: String) async throws(LedgerError) {
        try await write { db in try Self.appendAudit(db, actor: actor, action: action, target: target, detail: detail) }
    }

    public func auditLog(limit: Int) async throws(LedgerError) -> [AuditEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(
                    id: $0["id"], at: $0["at"], actor: $0["actor"], action: $0["action"], target: $0["target"],
                    detail: $0["detail"])
            }
        }
    }

    // MARK: Integrity

    public func backup(to path: String) async throws(LedgerError) {
        if FileManager.default.fileExists(atPath: path) {
            throw .conflict("备份文件“\(path)”已存在；请换一个文件名，备份不会覆盖已有文件")
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try pool.backup(to: destination)
            try destination.close()
        } catch {
            throw .storage("无法写入备份“\(path)”（\(Self.describe(error))）")
        }
    }

    public func close() async throws(LedgerError) {
        do {
            try pool.close()
        } catch {
            throw .storage(Self.describe(error))
        }
    }
}
