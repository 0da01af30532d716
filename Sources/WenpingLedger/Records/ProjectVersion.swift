/// One saved version of a project: the body as it was sent, never changed afterwards.
public struct ProjectVersion: Sendable, Hashable, Codable {
    /// The project's own id (`id:` in the project file).
    public var projectID: String
    /// 1 for the first save, then one more for each save.
    public var version: Int
    public var name: String
    /// The project exactly as it was sent (JSON or YAML text).
    public var content: String
    /// Hex SHA-256 of `content`'s UTF-8 bytes.
    public var contentDigest: String
    public var createdAt: String
    public var createdBy: String

    public init(
        projectID: String, version: Int, name: String, content: String, contentDigest: String, createdAt: String,
        createdBy: String
    ) {
        self.projectID = projectID
        self.version = version
        self.name = name
        self.content = content
        self.contentDigest = contentDigest
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// A project and how many versions it has.
public struct ProjectSummary: Sendable, Hashable, Codable {
    public var projectID: String
    public var name: String
    public var latestVersion: Int
    public var createdAt: String

    public init(projectID: String, name: String, latestVersion: Int, createdAt: String) {
        self.projectID = projectID
        self.name = name
        self.latestVersion = latestVersion
        self.createdAt = createdAt
    }
}
