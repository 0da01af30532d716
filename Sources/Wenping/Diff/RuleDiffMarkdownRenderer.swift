import Foundation

/// Renders a ``RuleDiff`` as a Markdown report in Chinese, for a policy office reviewing a rule change.
///
/// The report opens with the two versions and a one-line verdict, then lists the projects whose results change
/// (a table, then one section per project with the factors responsible and the band each now matches), the
/// projects that do not change, and last a summary of what changed in the rules, ruleset by ruleset.
public enum RuleDiffMarkdownRenderer {
    public static func render(_ diff: RuleDiff) -> String {
        var out = "# 规则修改影响预览\n\n"
        out += "| | 原规则 | 新规则 |\n|---|---|---|\n"
        out += "| 规则位置 | `\(cell(diff.oldPath))` | `\(cell(diff.newPath))` |\n"
        for pair in diff.ruleSets {
            out += "| \(cell(pair.id)) | \(version(pair.old)) | \(version(pair.new)) |\n"
        }
        out += "\n" + verdict(diff) + "\n"
        let changed = diff.projects.filter(\.isChanged)
        out += "\n## 一、结果有变化的项目\n\n"
        if changed.isEmpty {
            out += diff.projects.isEmpty ? "没有评估项目。\n" : "两版规则对这些项目的评估结果完全相同。\n"
        } else {
            out += "| 项目 | 措施前等级 | 措施后等级 | 措施前指数 | 措施后指数 | 变化的因素 |\n"
            out += "|---|---|---|---|---|---|\n"
            for project in changed { out += row(project) }
            for project in changed { out += "\n" + section(project) }
        }
        out += "\n## 二、结果不变的项目\n\n"
        let unchanged = diff.projects.filter { !$0.isChanged }
        if unchanged.isEmpty { out += "无。\n" }
        for project in unchanged {
            let grade = project.new.map { "措施前\($0.gradeBefore)、措施后\($0.gradeAfter)" } ?? ""
            let error = project.newError.map { "两版规则下都无法评估：\($0)" } ?? grade
            out += "- \(title(project))（`\(project.file)`）：\(error)\n"
        }
        out += "\n## 三、规则改动\n"
        for pair in diff.ruleSets { out += "\n" + changes(pair) }
        return out
    }

    private static func verdict(_ diff: RuleDiff) -> String {
        let graded = diff.projects.count
        let changed = diff.changedProjectCount
        let grades = diff.projects.count { $0.gradeChanged }
        var text = "用两版规则评估了 \(graded) 个项目：\(changed) 个结果有变化"
        if changed > 0 { text += "（其中 \(grades) 个风险等级变化）" }
        text += "，\(graded - changed) 个不变"
        if diff.invalidProjectCount > 0 { text += "；\(diff.invalidProjectCount) 个项目至少在一版规则下无法评估" }
        return text + "。"
    }

    private static func version(_ ruleSet: CompiledRuleSet?) -> String {
        ruleSet.map { "版本 \(cell($0.version))" } ?? "无"
    }

    private static func title(_ project: ProjectComparison) -> String {
        project.id.isEmpty ? project.file : "\(project.id) \(project.name)"
    }

    /// `低 → **中**`, or `低` when both versions agree.
    private static func change(_ old: String?, _ new: String?) -> String {
        let was = old ?? "无法评估"
        let now = new ?? "无法评估"
        return was == now ? was : "\(was) → **\(now)**"
    }

    private static func index(_ old: Double?, _ new: Double?) -> String {
        guard let old, let new else {
            return change(old.map { Formatting.index($0) }, new.map { Formatting.index($0) })
        }
        guard abs(old - new) > ProjectComparison.indexTolerance else { return Formatting.index(new) }
        let delta = new - old
        return
            "\(Formatting.index(old)) → \(Formatting.index(new))（\(delta > 0 ? "+" : "")\(Formatting.index(delta))）"
    }

    private static func row(_ project: ProjectComparison) -> String {
        let factors = project.factors.filter { $0.items.contains { $0.key != "weight" } }.map(\.label)
        let cells = [
            title(project),
            change(project.old?.gradeBefore, project.new?.gradeBefore),
            change(project.old?.gradeAfter, project.new?.gradeAfter),
            index(project.old?.indexBefore, project.new?.indexBefore),
            index(project.old?.indexAfter, project.new?.indexAfter),
            factors.isEmpty ? "—" : ReportModel.list(factors),
        ]
        return "| " + cells.map(cell).joined(separator: " | ") + " |\n"
    }

    private static func section(_ project: ProjectComparison) -> String {
        var out = "### \(title(project))\n\n"
        out += "- 项目文件：`\(project.file)`\n"
        guard let old = project.old, let new = project.new else {
            if let error = project.oldError { out += "- 原规则下无法评估：\(error)\n" }
            if let error = project.newError { out += "- 新规则下无法评估：\(error)\n" }
            if let graded = project.old ?? project.new {
                let which = project.old == nil ? "新规则" : "原规则"
                out += "- \(which)下：措施前\(graded.gradeBefore)，措施后\(graded.gradeAfter)，"
                out += "综合指数 \(Formatting.index(graded.indexBefore)) / \(Formatting.index(graded.indexAfter))\n"
            }
            return out
        }
        out += "- 评估规则：\(old.ruleSet.id == new.ruleSet.id ? new.ruleSet.id : "\(old.ruleSet.id) → \(new.ruleSet.id)")\n"
        out += "- 措施前等级：\(change(old.gradeBefore, new.gradeBefore))\n"
        out += "- 措施后等级：\(change(old.gradeAfter, new.gradeAfter))"
        if old.mayProceed != new.mayProceed {
            out += old.mayProceed ? "，由可以实施变为不可实施" : "，由不可实施变为可以实施"
        }
        out += "\n"
        out += "- 综合指数：措施前 \(index(old.indexBefore, new.indexBefore))，"
        out += "措施后 \(index(old.indexAfter, new.indexAfter))\n"
        let floors = { (assessment: Assessment) in
            names(assessment.floors.map { assessment.ruleSet.floors[$0].label ?? assessment.ruleSet.floors[$0].id })
        }
        if floors(old) != floors(new) { out += "- 触发的兜底条件：\(floors(old)) → \(floors(new))\n" }
        let rules = { (assessment: Assessment, bits: UInt64) in
            names(
                assessment.ruleSet.aggregation.rules.indices.filter { bits & (1 << UInt64($0)) != 0 }
                    .map {
                        assessment.ruleSet.aggregation.rules[$0].because ?? assessment.ruleSet.aggregation.rules[$0].id
                    },
                quoted: false)
        }
        let rulesBefore = (rules(old, old.before.rules), rules(new, new.before.rules))
        let rulesAfter = (rules(old, old.after.rules), rules(new, new.after.rules))
        if rulesBefore.0 != rulesBefore.1 { out += "- 措施前成立的数量规则：\(rulesBefore.0) → \(rulesBefore.1)\n" }
        if rulesAfter.0 != rulesAfter.1 { out += "- 措施后成立的数量规则：\(rulesAfter.0) → \(rulesAfter.1)\n" }
        guard !project.factors.isEmpty else { return out }
        out += "\n| 风险因素 | 变化 | 原规则 | 新规则 |\n|---|---|---|---|\n"
        for factor in project.factors {
            for (number, item) in factor.items.enumerated() {
                let name = number == 0 ? "\(factor.label)（\(factor.id)）" : ""
                out += "| " + [name, item.name, item.old, item.new].map(cell).joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    private static func changes(_ pair: RuleDiff.RuleSetPair) -> String {
        var out = "### \(pair.id)"
        switch (pair.old, pair.new) {
        case (let old?, let new?):
            out += old.version == new.version ? "（版本 \(new.version)）\n\n" : "（版本 \(old.version) → \(new.version)）\n\n"
        case (nil, let new?):
            return out + "（版本 \(new.version)）\n\n新增的规则，原规则中没有。\n"
        case (let old?, nil):
            return out + "（版本 \(old.version)）\n\n已删除，新规则中没有。\n"
        case (nil, nil):
            return out + "\n"
        }
        guard !pair.changes.isEmpty else { return out + "规则内容没有变化。\n" }
        for section in RuleChange.Section.allCases {
            let items = pair.changes.filter { $0.section == section }
            guard !items.isEmpty else { continue }
            out += "#### \(section.title)\n\n"
            for change in items { out += "- " + line(change) + "\n" }
            out += "\n"
        }
        return String(out.dropLast())
    }

    /// `修改 **opposition** 被征收人支持程度 · 权重：0.14 → 0.2`.
    private static func line(_ change: RuleChange) -> String {
        var subject = change.kind.title
        if !change.item.isEmpty { subject += " **\(change.item)**" }
        if let label = change.label, label != change.item { subject += " \(label)" }
        if let field = change.field { subject += change.item.isEmpty ? " \(field)" : " · \(field)" }
        switch change.kind {
        case .added: return "\(subject)：\(code(change.new ?? ""))"
        case .removed: return "\(subject)（原为 \(code(change.old ?? ""))）"
        case .changed: return "\(subject)：\(code(change.old ?? "")) → \(code(change.new ?? ""))"
        }
    }

    /// Text set in code when it reads as an expression or threshold (`opposition_rate > 30% → 较高`).
    private static func code(_ text: String) -> String {
        if text.isEmpty { return "（空）" }
        return text.contains(where: { "<>=≥_".contains($0) }) ? "`\(text)`" : text
    }

    /// Names for people: quoted and joined by `、` (so a `、` inside a name stays unambiguous), or, for texts that
    /// carry their own quotes (count-rule reasons), joined by `；`.
    private static func names(_ names: [String], quoted: Bool = true) -> String {
        names.isEmpty ? "无" : quoted ? ReportModel.list(names) : names.joined(separator: "；")
    }

    /// Text safe inside a table cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
