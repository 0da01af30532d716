/// What the service asks the ledger to keep about one assessment; the ledger adds id, time and chain hashes.
public struct NewAssessment: Sendable, Hashable {
    public var projectID: String
    public var projectVersion: Int
    public var ruleSetID: String
    public var ruleSetVersion: String
    /// Hex SHA-256 digest of the ruleset's files, as the JSON report carries it.
    public var ruleSetDigest: String
    public var engineVersion: String
    public var user: String
    public var gradeBefore: String
    public var gradeAfter: String
    public var indexBefore: Double
    public var indexAfter: Double
    /// The JSON report (`wenping/assessment/1`), exactly as rendered.
    public var reportJSON: String

    public init(
        projectID: String, projectVersion: Int, ruleSetID: String, ruleSetVersion: String, ruleSetDigest: String,
        engineVersion: String, user: String, gradeBefore: String, gradeAfter: String, indexBefore: Double,
        indexAfter: Double, reportJSON: String
    ) {
        self.projectID = projectID
        self.projectVersion = projectVersion
        self.ruleSetID = ruleSetID
        self.ruleSetVersion = ruleSetVersion
        self.ruleSetDigest = ruleSetDigest
        self.engineVersion = engineVersion
        self.user = user
        self.gradeBefore = gradeBefore
        self.gradeAfter = gradeAfter
        self.indexBefore = indexBefore
        self.indexAfter = indexAfter
        self.reportJSON = reportJSON
    }
}

/// One stored, immutable assessment with its place in the hash chain.
public struct AssessmentRecord: Sendable, Hashable {
    public var id: Int64
    /// Position in the ledger's hash chain (shared by assessments and reviews), from 1.
    public var chainSeq: Int64
    public var content: NewAssessment
    /// ISO 8601 UTC time it was stored.
    public var createdAt: String
    /// Hex SHA-256 of the previous chain row (64 zeros for the first).
    public var previousHash: String
    /// Hex SHA-256 over `previousHash` and this row's canonical content.
    public var rowHash: String

    public init(
        id: Int64, chainSeq: Int64, content: NewAssessment, createdAt: String, previousHash: String, rowHash: String
    ) {
        self.id = id
        self.chainSeq = chainSeq
        self.content = content
        self.createdAt = createdAt
        self.previousHash = previousHash
        self.rowHash = rowHash
    }
}
