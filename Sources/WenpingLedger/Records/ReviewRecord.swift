/// A reviewer's decision on an assessment.
public enum ReviewDecision: String, Sendable, Codable, CaseIterable, Hashable {
    /// Signed off as computed.
    case approved = "通过"
    /// Sent back to the preparer.
    case returned = "退回"
    /// A governed override: an adjusted grade beside the computed one, with a mandatory reason.
    case adjusted = "调整"
}

/// What a reviewer records; the ledger adds id, time and chain hashes.
public struct NewReview: Sendable, Hashable {
    public var assessmentID: Int64
    public var reviewer: String
    public var decision: ReviewDecision
    /// The adjusted grade after measures; present exactly when `decision` is ``ReviewDecision/adjusted``.
    public var adjustedGrade: String?
    /// The comment (or, for an override, the reason); never empty for an override.
    public var comment: String

    public init(
        assessmentID: Int64, reviewer: String, decision: ReviewDecision, adjustedGrade: String?, comment: String
    ) {
        self.assessmentID = assessmentID
        self.reviewer = reviewer
        self.decision = decision
        self.adjustedGrade = adjustedGrade
        self.comment = comment
    }
}

/// One stored, immutable review with its place in the hash chain.
public struct ReviewRecord: Sendable, Hashable {
    public var id: Int64
    public var chainSeq: Int64
    public var content: NewReview
    public var createdAt: String
    public var previousHash: String
    public var rowHash: String

    public init(
        id: Int64, chainSeq: Int64, content: NewReview, createdAt: String, previousHash: String, rowHash: String
    ) {
        self.id = id
        self.chainSeq = chainSeq
        self.content = content
        self.createdAt = createdAt
        self.previousHash = previousHash
        self.rowHash = rowHash
    }
}

/// One line of the audit log: who did what to which record.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: String
    public var actor: String
    /// A short English verb such as `project.save`, `assessment.create`, `user.create`, `token.revoke`.
    public var action: String
    /// What the action touched (`project:MP-1`, `assessment:12`, `user:li`).
    public var target: String
    public var detail: String

    public init(id: Int64, at: String, actor: String, action: String, target: String, detail: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
    }
}
