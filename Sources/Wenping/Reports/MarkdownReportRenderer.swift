/// Renders an assessment as a Chinese Markdown report following the outline of the official assessment report
/// (发改办投资〔2013〕428号 附件2): 基本情况, 评估依据, 风险调查, 风险识别和估计, 防范化解措施, 落实措施后的风险等级,
/// 评估结论, then the provenance that identifies exactly which rules and input produced it.
public enum MarkdownReportRenderer {
    public static func render(_ assessment: Assessment) -> String {
        render(ReportModel(assessment))
    }

    static func render(_ model: ReportModel) -> String {
        let project = model.project
        let ruleSet = model.ruleSet
        var out = "# \(cell(project.name)) 社会稳定风险评估报告\n\n"
        out += "> 评估结论:落实措施后为**\(model.after.gradeLabel)**(措施前\(model.before.gradeLabel))。\(cell(model.decision))\n\n"

        out += "## 一、基本情况\n\n| 项目 | 内容 |\n|---|---|\n"
        out += "| 项目编号 | \(cell(project.id)) |\n| 项目名称 | \(cell(project.name)) |\n"
        out += "| 项目类型 | \(cell(project.kind)) |\n| 所在地区 | \(cell(project.jurisdiction)) |\n"
        for detail in project.details { out += "| \(cell(detail.label)) | \(cell(detail.value)) |\n" }
        out += "\n"

        out += "## 二、评估依据\n\n"
        for document in ruleSet.basis { out += "- \(cell(document.title))\n" }
        out += "- 风险等级标准:\(cell(ruleSet.title))(\(ruleSet.id),版本 \(cell(ruleSet.version))"
        out += ruleSet.effective.map { ",\($0) 起施行" } ?? ""
        out += ")\n\n"
        out += "评估方法:逐项估计风险因素的发生概率和影响程度,由风险矩阵得出单因素风险程度;"
        out += "综合风险指数 = Σ(权重 × 概率分值 × 影响分值) / Σ权重(仅计适用因素);"
        out += "项目风险等级取综合指数、风险程度数量规则和兜底条件中最严重者。"
        for group in ruleSet.weightGroups {
            out += "权重组“\(cell(group.label ?? group.id))”的因素权重由层次分析法(AHP)判断矩阵求得,"
            out += "一致性比率 CR = \(Formatting.number(group.consistencyRatio, digits: 3))。"
        }
        out += "\n\n"

        out += "## 三、风险调查\n\n| 事实 | 取值 | 说明 |\n|---|---|---|\n"
        for fact in model.facts {
            let note =
                switch fact.source {
                case "given": "项目提供"
                case "default": "未提供,用默认值"
                default: "未提供"
                }
            out += "| \(cell(fact.label)) | \(cell(fact.display)) | \(note) |\n"
        }
        for fact in model.derived {
            out += "| \(cell(fact.label)) | \(cell(fact.display)) | 由上述事实计算 |\n"
        }
        out += "\n"

        out += "## 四、风险识别和估计\n\n"
        out += "| 序号 | 风险类型 | 风险因素 | 风险概率 | 影响程度 | 风险程度 | 权重 | 依据 | 理由 |\n"
        out += "|---|---|---|---|---|---|---|---|---|\n"
        var number = 0
        for factor in model.factors where factor.isApplicable {
            number += 1
            let reasons = [factor.before.probability.because, factor.before.impact.because].compactMap { $0 }
            out +=
                "| \(number) | \(cell(factor.category)) | \(cell(factor.label)) | \(factor.before.probability.display) "
            out += "| \(factor.before.impact.display) | \(cell(factor.before.degreeLabel)) "
            out += "| \(Formatting.number(factor.weight)) | \(cell(factor.basis.joined(separator: ";"))) "
            out += "| \(cell(reasons.joined(separator: ";"))) |\n"
        }
        let excluded = model.factors.filter { !$0.isApplicable }
        if !excluded.isEmpty {
            out += "\n不适用的风险因素:\(excluded.map { cell($0.label) }.joined(separator: "、"))。\n"
        }
        out += "\n" + outcome(model.before, "措施前")

        out += "## 五、防范化解措施\n\n| 风险因素 | 措施 | 责任主体 | 协助单位 | 时限 | 是否采纳 |\n|---|---|---|---|---|---|\n"
        for factor in model.factors where factor.isApplicable {
            for measure in factor.measures {
                out += "| \(cell(factor.label)) | \(cell(measure.label)) | \(cell(measure.owner)) "
                out +=
                    "| \(cell(measure.assisting ?? "—")) | \(cell(measure.deadline ?? "—")) | \(measure.adopted ? "是" : "否") |\n"
            }
        }
        out += "\n"

        out += "## 六、落实措施后的风险等级\n\n| 风险因素 | 风险概率 | 影响程度 | 风险程度 |\n|---|---|---|---|\n"
        for factor in model.factors where factor.isApplicable {
            out +=
                "| \(cell(factor.label)) | \(ReportModel.change(factor.before.probability.label, factor.after.probability.label)) "
            out += "| \(ReportModel.change(factor.before.impact.label, factor.after.impact.label)) "
            out += "| \(ReportModel.change(factor.before.degreeLabel, factor.after.degreeLabel)) |\n"
        }
        out += "\n" + outcome(model.after, "落实措施后")

        out += "## 七、评估结论\n\n"
        out += "- 风险等级:措施前**\(model.before.gradeLabel)**,落实措施后**\(model.after.gradeLabel)**。\n"
        if let description = model.gradeDescription { out += "- 等级含义:\(cell(description))\n" }
        out += "- 决策建议:\(cell(model.decision))\n"
        let main = model.mainFactors.compactMap { id in model.factors.first { $0.id == id }?.label }
        if !main.isEmpty { out += "- 主要风险因素:\(main.map(cell).joined(separator: "、"))\n" }
        for floor in model.floors {
            out += "- 兜底条件“\(cell(floor.label ?? floor.id))”成立,项目至少为\(floor.grade)风险"
            out += floor.basis.isEmpty ? "" : "(依据:\(cell(floor.basis.joined(separator: ";"))))"
            out += floor.undecided ? ";因数据缺失按从严原则认定" : ""
            out += "。\n"
        }
        if !model.warnings.isEmpty {
            out += "\n**警告**\n\n"
            for warning in model.warnings { out += "- \(cell(warning))\n" }
        }
        out += "\n---\n\n"
        out += "规则:\(ruleSet.id) 版本 \(cell(ruleSet.version)),摘要 sha256:\(ruleSet.digest)  \n"
        out += "引擎:wenping \(WenpingVersion.current);输入摘要 sha256:\(project.inputDigest)\n"
        return out
    }

    private static func outcome(_ outcome: ReportModel.Outcome, _ when: String) -> String {
        outcome.sentence(when, escape: cell) { "**\($0)**" } + "\n\n"
    }

    /// Text made safe for a Markdown table cell: pipes escaped, line breaks folded, HTML-significant characters
    /// escaped so a project name cannot inject markup.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
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
