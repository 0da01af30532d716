/// Renders an assessment as one self-contained Chinese HTML report, fit to print on A4 and attach to a dossier.
///
/// Same sections and sentences as ``MarkdownReportRenderer`` (both read ``ReportModel``), plus the grade as a
/// badge, the risk matrix and the factors' weighted contributions as inline SVG. Inline CSS only: no scripts, no
/// fonts or images fetched, no dates, so the same assessment always gives the same bytes. All text is escaped
/// with ``HTML/escape(_:)``.
///
/// ```swift
/// let html = HTMLReportRenderer.render(Engine.evaluate(project))
/// ```
public enum HTMLReportRenderer {
    public static func render(_ assessment: Assessment) -> String {
        render(ReportModel(assessment))
    }

    static func render(_ model: ReportModel) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape(model.project.name)) 社会稳定风险评估报告</title>\n"
        out += "<style>\n\(style)</style>\n</head>\n<body>\n"
        out += verdict(model)
        out += basics(model)
        out += basis(model)
        out += survey(model)
        out += estimation(model)
        out += measures(model)
        out += afterMeasures(model)
        out += conclusion(model)
        out += provenance(model)
        return out + "</body>\n</html>\n"
    }

    private static func verdict(_ model: ReportModel) -> String {
        var out = "<header class=\"cover\">\n<h1>\(HTML.escape(model.project.name)) 社会稳定风险评估报告</h1>\n"
        out += "<p class=\"subtitle\">项目编号 \(HTML.escape(model.project.id)) · "
        out += "\(HTML.escape(model.project.jurisdiction))</p>\n"
        out += "<div class=\"verdict\">\n"
        out += badge(model.after, "落实措施后", model, extra: "")
        out += badge(model.before, "措施前", model, extra: " before")
        out += "<div class=\"decision\">\n<p class=\"decision-title\">评估结论</p>\n"
        out += "<p>落实措施后为<strong>\(HTML.escape(model.after.gradeLabel))</strong>"
        out += "(措施前\(HTML.escape(model.before.gradeLabel)))。\(HTML.escape(model.decision))</p>\n"
        if let description = model.gradeDescription {
            out += "<p class=\"meaning\">等级含义:\(HTML.escape(description))</p>\n"
        }
        return out + "</div>\n</div>\n</header>\n"
    }

    private static func badge(_ outcome: ReportModel.Outcome, _ when: String, _ model: ReportModel, extra: String)
        -> String
    {
        let severity = model.ruleSet.grades.firstIndex { $0.id == outcome.grade } ?? 0
        let tone =
            severity == 0 ? "sev-low" : severity >= model.ruleSet.grades.count - 1 ? "sev-high" : "sev-mid"
        return "<div class=\"badge \(tone)\(extra)\"><span class=\"when\">\(when)</span>"
            + "<span class=\"grade\">\(HTML.escape(outcome.gradeLabel))</span></div>\n"
    }

    private static func chapter(_ title: String) -> String {
        "<section class=\"chapter\">\n<h2>\(title)</h2>\n"
    }

    private static func basics(_ model: ReportModel) -> String {
        let project = model.project
        var rows = [
            ["项目编号", project.id], ["项目名称", project.name], ["项目类型", project.kind],
            ["所在地区", project.jurisdiction],
        ]
        rows += project.details.map { [$0.label, $0.value] }
        return chapter("一、基本情况")
            + table(["项目", "内容"], rows.map { $0.map(HTML.escape) }, widths: [22, 78], className: "basics")
            + "</section>\n"
    }

    private static func basis(_ model: ReportModel) -> String {
        let ruleSet = model.ruleSet
        var out = chapter("二、评估依据") + "<ul class=\"basis\">\n"
        for document in ruleSet.basis { out += "<li>\(HTML.escape(document.title))</li>\n" }
        out += "<li>风险等级标准:\(HTML.escape(ruleSet.title))(\(HTML.escape(ruleSet.id)),版本 "
        out += HTML.escape(ruleSet.version) + (ruleSet.effective.map { ",\(HTML.escape($0)) 起施行" } ?? "")
        out += ")</li>\n</ul>\n<p>评估方法:逐项估计风险因素的发生概率和影响程度,由风险矩阵得出单因素风险程度;"
        out += "综合风险指数 = Σ(权重 × 概率分值 × 影响分值) / Σ权重(仅计适用因素);"
        out += "项目风险等级取综合指数、风险程度数量规则和兜底条件中最严重者。"
        for group in ruleSet.weightGroups {
            out += "权重组“\(HTML.escape(group.label ?? group.id))”的因素权重由层次分析法(AHP)判断矩阵求得,"
            out += "一致性比率 CR = \(Formatting.number(group.consistencyRatio, digits: 3))。"
        }
        return out + "</p>\n</section>\n"
    }

    private static func survey(_ model: ReportModel) -> String {
        var rows: [[String]] = model.facts.map { fact in
            let note =
                switch fact.source {
                case "given": "项目提供"
                case "default": "未提供,用默认值"
                default: "未提供"
                }
            return [HTML.escape(fact.label), HTML.escape(fact.display), note]
        }
        rows += model.derived.map { [HTML.escape($0.label), HTML.escape($0.display), "由上述事实计算"] }
        return chapter("三、风险调查") + table(["事实", "取值", "说明"], rows, widths: [52, 28, 20], className: "facts")
            + "</section>\n"
    }

    private static func estimation(_ model: ReportModel) -> String {
        var rows: [[String]] = []
        for (number, factor) in model.factors.filter(\.isApplicable).enumerated() {
            let reasons = [factor.before.probability.because, factor.before.impact.because].compactMap { $0 }
            rows.append([
                "\(number + 1)", HTML.escape(factor.category), HTML.escape(factor.label),
                HTML.escape(factor.before.probability.display), HTML.escape(factor.before.impact.display),
                degree(factor.before, model), Formatting.number(factor.weight),
                factor.basis.map(HTML.escape).joined(separator: ";<br>"),
                reasons.map(HTML.escape).joined(separator: ";"),
            ])
        }
        var out = chapter("四、风险识别和估计") + matrixFigure(model)
        out += table(
            ["序号", "风险类型", "风险因素", "风险概率", "影响程度", "风险程度", "权重", "依据", "理由"], rows,
            widths: [6, 8, 14, 8, 8, 8, 6, 24, 18], className: "estimates")
        let excluded = model.factors.filter { !$0.isApplicable }
        if !excluded.isEmpty {
            out += "<p>不适用的风险因素:\(excluded.map { HTML.escape($0.label) }.joined(separator: "、"))。</p>\n"
        }
        return out + outcome(model.before, "措施前") + "</section>\n"
    }

    private static func measures(_ model: ReportModel) -> String {
        var rows: [[String]] = []
        for factor in model.factors where factor.isApplicable {
            for measure in factor.measures {
                rows.append(
                    [factor.label, measure.label, measure.owner, measure.assisting ?? "—", measure.deadline ?? "—"]
                        .map(HTML.escape) + [measure.adopted ? "是" : "否"])
            }
        }
        return chapter("五、防范化解措施")
            + table(
                ["风险因素", "措施", "责任主体", "协助单位", "时限", "是否采纳"], rows, widths: [20, 33, 14, 16, 9, 8],
                className: "measures") + "</section>\n"
    }

    private static func afterMeasures(_ model: ReportModel) -> String {
        let rows = model.factors.filter(\.isApplicable).map { factor in
            [
                HTML.escape(factor.label),
                HTML.escape(ReportModel.change(factor.before.probability.label, factor.after.probability.label)),
                HTML.escape(ReportModel.change(factor.before.impact.label, factor.after.impact.label)),
                factor.before.degree == factor.after.degree
                    ? degree(factor.after, model)
                    : "\(degree(factor.before, model, tag: "span")) → \(degree(factor.after, model, tag: "span"))",
            ]
        }
        return chapter("六、落实措施后的风险等级") + contributionFigure(model)
            + table(["风险因素", "风险概率", "影响程度", "风险程度"], rows, widths: [40, 20, 20, 20], className: "after")
            + outcome(model.after, "落实措施后") + "</section>\n"
    }

    private static func conclusion(_ model: ReportModel) -> String {
        var out = chapter("七、评估结论") + "<ul class=\"conclusion\">\n"
        out += "<li>风险等级:措施前<strong>\(HTML.escape(model.before.gradeLabel))</strong>,"
        out += "落实措施后<strong>\(HTML.escape(model.after.gradeLabel))</strong>。</li>\n"
        if let description = model.gradeDescription { out += "<li>等级含义:\(HTML.escape(description))</li>\n" }
        out += "<li>决策建议:\(HTML.escape(model.decision))</li>\n"
        let main = model.mainFactors.compactMap { id in model.factors.first { $0.id == id }?.label }
        if !main.isEmpty { out += "<li>主要风险因素:\(main.map(HTML.escape).joined(separator: "、"))</li>\n" }
        for floor in model.floors {
            out += "<li>兜底条件“\(HTML.escape(floor.label ?? floor.id))”成立,项目至少为\(HTML.escape(floor.grade))风险"
            out += floor.basis.isEmpty ? "" : "(依据:\(floor.basis.map(HTML.escape).joined(separator: ";")))"
            out += floor.undecided ? ";因数据缺失按从严原则认定" : ""
            out += "。</li>\n"
        }
        out += "</ul>\n"
        if !model.warnings.isEmpty {
            out += "<div class=\"warnings\">\n<h3>警告</h3>\n<ul>\n"
            for warning in model.warnings { out += "<li>\(HTML.escape(warning))</li>\n" }
            out += "</ul>\n</div>\n"
        }
        return out + "</section>\n"
    }

    private static func provenance(_ model: ReportModel) -> String {
        let ruleSet = model.ruleSet
        var out = "<footer class=\"provenance\">\n"
        out += "<p>规则:\(HTML.escape(ruleSet.id)) 版本 \(HTML.escape(ruleSet.version)),"
        out += "摘要 <code>sha256:\(HTML.escape(ruleSet.digest))</code></p>\n"
        out += "<p>引擎:wenping \(HTML.escape(WenpingVersion.current));"
        out += "输入摘要 <code>sha256:\(HTML.escape(model.project.inputDigest))</code></p>\n"
        return out + "</footer>\n"
    }

    private static func outcome(_ outcome: ReportModel.Outcome, _ when: String) -> String {
        "<p class=\"outcome\">" + outcome.sentence(when, escape: HTML.escape) { "<strong>\($0)</strong>" } + "</p>\n"
    }

    /// A table with a repeating header; `rows` hold cell HTML that is already escaped.
    private static func table(_ headers: [String], _ rows: [[String]], widths: [Int], className: String) -> String {
        var out = "<table class=\"\(className)\">\n<colgroup>"
        for width in widths { out += "<col style=\"width:\(width)%\">" }
        out += "</colgroup>\n<thead><tr>" + headers.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { out += "<tr>" + row.map { $0.hasPrefix("<td") ? $0 : "<td>\($0)</td>" }.joined() + "</tr>\n" }
        return out + "</tbody>\n</table>\n"
    }

    /// The degree label on its matrix colour (the label carries the meaning; the colour only echoes it).
    private static func degree(_ estimate: ReportModel.Estimate, _ model: ReportModel, tag: String = "td") -> String {
        let colour = degreeColour(estimate.degree - 1, of: model.ruleSet.degrees.labels.count)
        return
            "<\(tag) class=\"degree\" style=\"background-color:\(colour)\">\(HTML.escape(estimate.degreeLabel))</\(tag)>"
    }
}
