/// Renders an assessment as a Chinese Markdown report following the outline of the official assessment report
/// (发改办投资〔2013〕428号 附件2): banners for reference rules and incomplete data; 一、基本情况 (项目概况, 评估依据,
/// 评估主体, 评估过程和方法); 二、评估内容 (风险调查及各方意见, 风险识别和估计, 防范化解措施, 落实措施后的风险等级);
/// 三、评估结论; the sign-off; then the provenance that identifies exactly which rules and input produced it.
public enum MarkdownReportRenderer {
    public static func render(_ assessment: Assessment) -> String {
        render(ReportModel(assessment))
    }

    static func render(_ model: ReportModel) -> String {
        var out = "# \(cell(model.project.name)) 社会稳定风险评估报告\n\n"
        out += model.reportFields.map { "\($0.0)：\(cell($0.1))" }.joined(separator: "　｜　") + "\n\n"
        for banner in model.banners {
            out += "> **\(cell(banner.title))**\n"
            for line in banner.lines { out += ">\n> - \(cell(line))\n" }
            out += "\n"
        }
        out += "> **评估结论**：\(cell(model.headline))\n\n"
        out += basics(model)
        out += content(model)
        out += conclusion(model)
        out += "## 签署\n\n| 环节 | 姓名 | 日期 |\n|---|---|---|\n"
        for row in model.signOff { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        out += "\n---\n\n"
        let ruleSet = model.ruleSet
        out += "规则：\(cell(ruleSet.id)) 版本 \(cell(ruleSet.version))，摘要 sha256:\(ruleSet.digest)  \n"
        out += "引擎：wenping \(WenpingVersion.current)；输入摘要 sha256:\(model.project.inputDigest)\n"
        return out
    }

    private static func basics(_ model: ReportModel) -> String {
        let ruleSet = model.ruleSet
        var out = "## 一、基本情况\n\n### （一）项目概况\n\n| 项目 | 内容 |\n|---|---|\n"
        let rows = model.overviewRows
        for (label, value) in rows { out += "| \(cell(label)) | \(cell(value)) |\n" }
        out += "\n"
        out += model.sections.filter { $0.id == "environment" }.map { section($0, level: 4) }.joined()

        out += "### （二）评估依据\n\n"
        for citation in model.citations { out += "- \(cell(ReportModel.fullCitation(citation)))\n" }
        out += "- 风险等级评判标准：\(cell(ruleSet.title))（\(cell(ruleSet.id))，版本 \(cell(ruleSet.version))"
        out += ruleSet.effective.map { "，\($0) 起施行" } ?? ""
        out += "）\n\n"
        out += model.sections.filter { $0.id == "assessor" }.map { section($0, level: 3, number: "（三）") }.joined()
        out += model.sections.filter { $0.id == "process" }.map { section($0, level: 3, number: "（四）") }.joined()
        out += "评估方法：\(cell(method(model)))\n\n"
        return out
    }

    /// How the level was reached, from the ruleset (the same sentence in every format).
    static func method(_ model: ReportModel) -> String {
        var out = "逐项估计风险因素的发生概率和影响程度，由风险矩阵得出单因素风险程度；"
        out += "综合风险指数 = Σ（权重 × 概率分值 × 影响分值）/ Σ权重（仅计适用因素）；"
        out += "项目风险等级取综合指数分级、风险程度数量规则和兜底条件中最严重者。"
        for group in model.ruleSet.weightGroups {
            out += "权重组“\(group.label ?? group.id)”的因素权重由层次分析法（AHP）判断矩阵求得，"
            out += "一致性比率 CR = \(Formatting.fixed(group.consistencyRatio, digits: 3))。"
        }
        return out
    }

    private static func content(_ model: ReportModel) -> String {
        var out = "## 二、评估内容\n\n### （一）风险调查及各方意见采纳情况\n\n"
        out += "| 事实 | 取值 | 说明 |\n|---|---|---|\n"
        for fact in model.facts {
            let note =
                switch fact.source {
                case "given": "项目提供"
                case "survey": "由入户调查得出（见下）"
                case "default": "**未提供，用默认值**"
                default: "**未提供**"
                }
            out += "| \(cell(fact.label)) | \(cell(fact.display)) | \(note) |\n"
        }
        for fact in model.derived {
            out += "| \(cell(fact.label)) | \(cell(fact.display)) | 由上述事实计算 |\n"
        }
        out += "\n"
        out += SurveyReportSection(model)?.markdown() ?? ""
        out += model.sections.filter { $0.id == "opinions" }.map { section($0, level: 4) }.joined()

        out += "### （二）风险识别和估计\n\n"
        out += "| 序号 | 风险类型 | 发生阶段 | 风险因素 | 风险概率 | 影响程度 | 风险程度 | 权重 | 依据 | 理由 |\n"
        out += "|---|---|---|---|---|---|---|---|---|---|\n"
        for (number, factor) in model.factors.filter(\.isApplicable).enumerated() {
            out += "| \(number + 1) | \(cell(factor.category)) | \(cell(factor.stage ?? "—")) | \(cell(factor.label)) "
            out += "| \(cell(factor.before.probability.display)) | \(cell(factor.before.impact.display)) "
            out += "| \(cell(factor.before.degreeLabel)) | \(Formatting.weight(factor.weight)) "
            out += "| \(cell(factor.basisShort.joined(separator: "；"))) | \(cell(reasons(factor))) |\n"
        }
        let excluded = model.factors.filter { !$0.isApplicable }
        if !excluded.isEmpty {
            out += "\n不适用的风险因素：\(cell(ReportModel.list(excluded.map(\.label))))。\n"
        }
        out += "\n" + outcome(model.before, "措施前")
        out += ExpertReportSection(model)?.markdown() ?? ""

        out += "### （三）风险防范和化解措施\n\n"
        out += "| 风险因素 | 措施 | 责任主体 | 协助单位 | 时限 | 是否采纳 | 效果 |\n|---|---|---|---|---|---|---|\n"
        for factor in model.factors where factor.isApplicable {
            for measure in factor.measures {
                out += "| \(cell(factor.label)) | \(cell(measure.label)) | \(cell(measure.owner)) "
                out += "| \(cell(measure.assisting ?? "—")) | \(cell(measure.deadline ?? "—")) "
                out += "| \(measure.adopted ? "是" : "否") | \(cell(measure.outcome ?? "—")) |\n"
            }
        }
        out += "\n"

        out += "### （四）落实措施后的风险等级\n\n| 风险因素 | 风险概率 | 影响程度 | 风险程度 |\n|---|---|---|---|\n"
        for factor in model.factors where factor.isApplicable {
            out += "| \(cell(factor.label)) "
            out += "| \(cell(ReportModel.change(factor.before.probability.label, factor.after.probability.label))) "
            out += "| \(cell(ReportModel.change(factor.before.impact.label, factor.after.impact.label))) "
            out += "| \(cell(ReportModel.change(factor.before.degreeLabel, factor.after.degreeLabel))) |\n"
        }
        out += "\n" + outcome(model.after, "落实措施后")
        return out
    }

    /// `概率：…；影响：…`, each reason on its own (empty parts left out).
    static func reasons(_ factor: ReportModel.Factor) -> String {
        var parts: [String] = []
        if let because = factor.before.probability.because { parts.append("概率：\(because)") }
        if let because = factor.before.impact.because { parts.append("影响：\(because)") }
        return parts.joined(separator: "；")
    }

    private static func conclusion(_ model: ReportModel) -> String {
        var out = "## 三、评估结论\n\n"
        let main = model.mainFactors.compactMap { id in model.factors.first { $0.id == id }?.label }
        if !main.isEmpty { out += "主要风险因素：\(cell(ReportModel.list(main)))。\n\n" }
        for finding in model.findings { out += "- **\(cell(finding.category))**：\(cell(finding.text))\n" }
        out += "\n风险等级：措施前为**\(cell(model.before.gradeLabel))**，落实措施后为**\(cell(model.after.gradeLabel))**。"
        out += "落实措施后的等级由以下情形决定：\n\n"
        for reason in model.after.reasons where reason.decisive { out += "- \(cell(reason.text))\n" }
        out += "\n决策建议：\(cell(model.decision))"
        out += model.decisionBasis.isEmpty ? "" : "（依据：\(cell(model.decisionBasis.joined(separator: "；")))）"
        out += "\n\n"
        if let meaning = model.gradeMeaning { out += "（\(cell(ReportModel.meaningSentence(meaning)))）\n\n" }
        out += "对策建议：\n\n"
        out += "1. 落实措施后的等级以落实以下已采纳的措施为前提："
        out += model.recommendations.required.isEmpty ? "无。\n" : "\n"
        for item in model.recommendations.required { out += "   - \(cell(item))\n" }
        if !model.recommendations.suggested.isEmpty {
            out += "2. 建议增加的措施：\n"
            for item in model.recommendations.suggested { out += "   - \(cell(item))\n" }
        }
        out += "\n"
        out += model.sections.filter { $0.id == "emergency" }.map { section($0, level: 3) }.joined()
        return out
    }

    private static func section(_ section: ReportModel.Section, level: Int, number: String = "") -> String {
        var out = String(repeating: "#", count: level) + " \(number)\(section.title)\n\n"
        for block in section.blocks {
            switch block {
            case .paragraph(let text): out += "\(cell(text))\n\n"
            case .missing(let text): out += "> **\(cell(text))**\n\n"
            case .fields(let pairs):
                out += "| 项目 | 内容 |\n|---|---|\n"
                for (label, value) in pairs { out += "| \(cell(label)) | \(cell(value)) |\n" }
                out += "\n"
            case .table(let headers, let rows):
                out += "| " + headers.map(cell).joined(separator: " | ") + " |\n"
                out += "|" + String(repeating: "---|", count: headers.count) + "\n"
                for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
                out += "\n"
            }
        }
        return out
    }

    private static func outcome(_ outcome: ReportModel.Outcome, _ when: String) -> String {
        var out = outcome.sentence(when, escape: cell) { "**\($0)**" } + "\n\n"
        for reason in outcome.reasons {
            out += "- \(cell(reason.text))" + (reason.decisive ? "（决定等级）" : "") + "\n"
        }
        return out + "\n"
    }

    /// Text made safe for a Markdown table cell: pipes escaped, line breaks folded, HTML-significant characters
    /// escaped so a project name cannot inject markup, backslashes and brackets escaped so it cannot end a cell
    /// early (a trailing `\`) or become a link or an image (`[点此](http://…)`, `![](…)`), control characters
    /// shown as symbols (``VisibleText``).
    static func cell(_ text: String) -> String {
        var out = ""
        for character in VisibleText.visible(text, keepingNewlines: true) {
            switch character {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "[": out += "\\["
            case "]": out += "\\]"
            case "\n", "\r\n", "\r": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(character)
            }
        }
        return out
    }
}
