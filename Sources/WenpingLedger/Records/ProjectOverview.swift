/// One row of the workbench's project list: a project's latest version, its latest assessment and the latest
/// review of that assessment.
public struct ProjectOverview: Sendable, Hashable {
    public var projectID: String
    /// The name of the latest assessed version (or of the latest version when none is assessed).
    public var name: String
    public var latestVersion: Int
    /// The latest assessment's id, or nil when the project has none yet.
    public var assessmentID: Int64?
    public var ruleSetID: String?
    public var gradeBefore: String?
    public var gradeAfter: String?
    /// ISO 8601 UTC time of the latest assessment.
    public var assessedAt: String?
    /// The latest review's decision (通过, 退回, 调整) of the latest assessment, nil when not reviewed.
    public var decision: String?

    public init(
        projectID: String, name: String, latestVersion: Int, assessmentID: Int64?, ruleSetID: String?,
        gradeBefore: String?, gradeAfter: String?, assessedAt: String?, decision: String?
    ) {
        self.projectID = projectID
        self.name = name
        self.latestVersion = latestVersion
        self.assessmentID = assessmentID
        self.ruleSetID = ruleSetID
        self.gradeBefore = gradeBefore
        self.gradeAfter = gradeAfter
        self.assessedAt = assessedAt
        self.decision = decision
    }
}

/// Which projects the list shows, one page at a time (keyset paging on the project id, so a page costs the same
/// at 100,000 projects as at 100).
public struct ProjectFilter: Sendable, Hashable {
    /// Only projects whose latest assessment used one of these rulesets; nil for any.
    public var ruleSetIDs: [String]?
    /// Only projects whose latest grade after measures is this grade id.
    public var gradeAfter: String?
    /// Only projects in this state (see ``ReviewState``).
    public var state: ReviewState?
    /// Only projects whose id sorts after this one (the last id of the previous page).
    public var after: String?
    /// Rows per page, 1–500.
    public var limit: Int

    public init(
        ruleSetIDs: [String]? = nil, gradeAfter: String? = nil, state: ReviewState? = nil, after: String? = nil,
        limit: Int = 50
    ) {
        self.ruleSetIDs = ruleSetIDs
        self.gradeAfter = gradeAfter
        self.state = state
        self.after = after
        self.limit = limit
    }
}

/// Where a project stands: 编制中 (saved, not yet assessed), 待审核 (its latest assessment has no review),
/// 已通过 (signed off or adjusted by a reviewer), 已退回 (returned for changes).
public enum ReviewState: String, Sendable, Hashable, CaseIterable {
    case drafting = "编制中"
    case pending = "待审核"
    case approved = "已通过"
    case returned = "已退回"

    /// The state of a project whose latest assessment is `assessmentID` with latest review `decision`.
    public init(assessmentID: Int64?, decision: String?) {
        switch (assessmentID, decision) {
        case (nil, _): self = .drafting
        case (_, nil): self = .pending
        case (_, "退回"?): self = .returned
        default: self = .approved
        }
    }
}
