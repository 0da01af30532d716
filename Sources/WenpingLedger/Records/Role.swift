/// What a user may do.
///
/// The raw values are the Chinese names people see and the ledger stores.
///
/// - 编制 (preparer): saves projects and has them assessed.
/// - 审核 (reviewer): signs off assessments or records an adjusted grade.
/// - 管理 (administrator): manages users, tokens and rulesets, and may also prepare and review.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    case preparer = "编制"
    case reviewer = "审核"
    case administrator = "管理"

    /// Whether this role may do what `permission` guards.
    public func allows(_ permission: Permission) -> Bool {
        switch (self, permission) {
        case (_, .read): true
        case (.administrator, _): true
        case (.preparer, .prepare): true
        case (.reviewer, .review): true
        default: false
        }
    }
}

/// One kind of action a role may be granted.
public enum Permission: String, Sendable, CaseIterable {
    /// See projects, assessments, reports and rulesets.
    case read
    /// Save projects and assess them (stored).
    case prepare
    /// Review assessments.
    case review
    /// Manage users, tokens and rulesets.
    case administer
}
