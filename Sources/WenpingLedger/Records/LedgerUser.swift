/// A person (or a dossier system's account) who can sign in.
///
/// The password is kept only as a bcrypt hash.
public struct LedgerUser: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var role: Role
    /// bcrypt hash (`$2b$...`); never the password.
    public var passwordHash: String
    /// ISO 8601 UTC time of creation.
    public var createdAt: String

    public init(id: Int64, name: String, role: Role, passwordHash: String, createdAt: String) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// An API token for a dossier system: stored as the SHA-256 of its secret, scoped to a role, revocable.
public struct LedgerToken: Sendable, Hashable, Codable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    /// The role the token acts with; never more than its owner's.
    public var role: Role
    /// Hex SHA-256 of the token's secret.
    public var tokenHash: String
    public var createdAt: String
    /// When the token was revoked, if it was.
    public var revokedAt: String?

    public init(
        id: Int64, userID: Int64, name: String, role: Role, tokenHash: String, createdAt: String, revokedAt: String?
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.role = role
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
