/// Why the ledger could not do what was asked, in Chinese for the people who read logs and problem responses.
public enum LedgerError: Error, Sendable, CustomStringConvertible {
    /// The database file could not be opened or is not a wenping ledger.
    case unavailable(String)
    /// A read or write failed in the database.
    case storage(String)
    /// A name that must be unique (user, token) is taken.
    case conflict(String)
    /// A referenced record (assessment, user) does not exist.
    case notFound(String)
    /// The request breaks a ledger rule (such as an override without a reason).
    case invalid(String)

    public var description: String {
        switch self {
        case .unavailable(let message): "账本无法打开：\(message)"
        case .storage(let message): "账本读写失败：\(message)"
        case .conflict(let message), .notFound(let message), .invalid(let message): message
        }
    }
}
