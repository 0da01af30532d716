/// One difference between two versions of a ruleset, as a policy office would read it in a change summary.
///
/// Produced by ``RuleSetComparison``; values are display text (levels by label, numbers trimmed, conditions as
/// written), so renderers only lay them out.
struct RuleChange: Sendable, Hashable {
    /// The part of the ruleset the change is in, in the order summaries list them.
    enum Section: String, Sendable, CaseIterable {
        case metadata
        case inputs
        case derived
        case scales
        case degrees
        case grades
        case index
        case rules
        case factors
        case floors

        /// The heading in Chinese summaries.
        var title: String {
            switch self {
            case .metadata: "基本信息"
            case .inputs: "输入项"
            case .derived: "派生值"
            case .scales: "概率和影响等级"
            case .degrees: "风险程度表"
            case .grades: "风险等级"
            case .index: "综合指数阈值"
            case .rules: "数量规则"
            case .factors: "风险因素"
            case .floors: "兜底条件"
            }
        }
    }

    enum Kind: String, Sendable {
        case added
        case removed
        case changed

        /// `新增`, `删除` or `修改`.
        var title: String {
            switch self {
            case .added: "新增"
            case .removed: "删除"
            case .changed: "修改"
            }
        }
    }

    var section: Section
    var kind: Kind
    /// The item changed: a factor, floor, rule, input or grade id; empty for a whole section (index thresholds).
    var item: String
    /// The item's label when it has one (`被征收人支持程度`).
    var label: String?
    /// What changed within the item (`权重`, `风险概率第 2 档`); `nil` when the whole item was added or removed.
    var field: String?
    var old: String?
    var new: String?
}
