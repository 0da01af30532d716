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
    /// The report's two pictures of `assessment`, without their numbered captions.
    ///
    /// The probability × impact matrix and the factors' contributions to the index, each an HTML `<figure>` with
    /// inline SVG and escaped labels (the contributions are empty when no factor applies). The workbench's live
    /// panel shows these, so it draws exactly what the report draws.
    public static func figures(_ assessment: Assessment) -> (matrix: String, contributions: String) {
        let model = ReportModel(assessment)
        return (matrixFigure(model, caption: false), contributionFigure(model, caption: false))
    }

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
        out += content(model)
        out += conclusion(model)
        out += signOff(model)
        out += provenance(model)
        return out + "</body>\n</html>\n"
    }

    private static func verdict(_ model: ReportModel) -> String {
        var out = "<header class=\"cover\">\n<h1>\(HTML.escape(model.project.name))<br>社会稳定风险评估报告</h1>\n"
        out += "<p class=\"subtitle\">"
        out += model.reportFields.map { "\($0.0)：\(notGiven(HTML.escape($0.1)))" }.joined(separator: "　｜　")
        out += "</p>\n"
        for banner in model.banners {
            out += "<div class=\"banner banner-\(HTML.escape(banner.kind))\" role=\"alert\">\n"
            out += "<p class=\"banner-title\">\(HTML.escape(banner.title))</p>\n"
            if !banner.lines.isEmpty {
                out += "<ul>\n" + banner.lines.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
            }
            out += "</div>\n"
        }
        let incomplete = !model.missingFacts.isEmpty
        out += "<div class=\"verdict\(incomplete ? " incomplete" : "")\">\n"
        out += badge(model.after, "落实措施后", model, extra: "", incomplete: incomplete)
        out += badge(model.before, "措施前", model, extra: " before", incomplete: incomplete)
        out += "<div class=\"decision\">\n<p class=\"decision-title\">评估结论</p>\n"
        out += "<p>落实措施后为<strong>\(HTML.escape(model.after.gradeLabel))</strong>"
        out += "（措施前为\(HTML.escape(model.before.gradeLabel))）。\(HTML.escape(model.decision))</p>\n"
        let decisive = model.after.reasons.filter(\.decisive).map(\.text)
        if !decisive.isEmpty {
            out += "<p class=\"meaning\">落实措施后的等级由以下情形决定：</p>\n<ul class=\"meaning\">\n"
            out += decisive.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        return out + "</div>\n</div>\n</header>\n"
    }

    private static func badge(
        _ outcome: ReportModel.Outcome, _ when: String, _ model: ReportModel, extra: String, incomplete: Bool
    ) -> String {
        let severity = model.ruleSet.grades.firstIndex { $0.id == outcome.grade } ?? 0
        let tone =
            severity == 0 ? "sev-low" : severity >= model.ruleSet.grades.count - 1 ? "sev-high" : "sev-mid"
        var out = "<div class=\"badge \(tone)\(extra)\"><span class=\"when\">\(when)</span>"
        out += "<span class=\"grade\">\(HTML.escape(outcome.gradeLabel))</span>"
        if incomplete { out += "<span class=\"caveat\">数据不完整<br>从严认定</span>" }
        return out + "</div>\n"
    }

    /// `未提供` in a span a reviewer cannot miss; other (already escaped) text as it is.
    private static func notGiven(_ html: String) -> String {
        html == ReportModel.notGiven ? "<span class=\"missing\">未提供</span>" : html
    }

    private static func chapter(_ title: String) -> String {
        "<section class=\"chapter\">\n<h2>\(title)</h2>\n"
    }

    private static func basics(_ model: ReportModel) -> String {
        let ruleSet = model.ruleSet
        let rows = model.overviewRows
        var out = chapter("一、基本情况") + "<h3>（一）项目概况</h3>\n"
        out += table(
            ["项目", "内容"], rows.map { [HTML.escape($0.0), notGiven(HTML.escape($0.1))] }, widths: [22, 78],
            className: "basics")
        out += model.sections.filter { $0.id == "environment" }.map { section($0, heading: "h4") }.joined()
        out += "<h3>（二）评估依据</h3>\n<ul class=\"basis\">\n"
        for citation in model.citations { out += "<li>\(HTML.escape(ReportModel.fullCitation(citation)))</li>\n" }
        out += "<li>风险等级评判标准：\(HTML.escape(ruleSet.title))（\(HTML.escape(ruleSet.id))，版本 "
        out += HTML.escape(ruleSet.version) + (ruleSet.effective.map { "，\(HTML.escape($0)) 起施行" } ?? "")
        out += "）</li>\n</ul>\n"
        out += model.sections.filter { $0.id == "assessor" }.map { section($0, heading: "h3", number: "（三）") }
            .joined()
        out += model.sections.filter { $0.id == "process" }.map { section($0, heading: "h3", number: "（四）") }.joined()
        out += "<p>评估方法：\(HTML.escape(MarkdownReportRenderer.method(model)))</p>\n"
        return out + "</section>\n"
    }

    private static func content(_ model: ReportModel) -> String {
        var rows: [[String]] = model.facts.map { fact in
            let note =
                switch fact.source {
                case "given": "项目提供"
                case "survey": "由入户调查得出（见下）"
                case "default": "<span class=\"missing\">未提供，用默认值</span>"
                default: "<span class=\"missing\">未提供</span>"
                }
            return [HTML.escape(fact.label), notGiven(HTML.escape(fact.display)), note]
        }
        rows += model.derived.map { [HTML.escape($0.label), notGiven(HTML.escape($0.display)), "由上述事实计算"] }
        var out = chapter("二、评估内容") + "<h3>（一）风险调查及各方意见采纳情况</h3>\n"
        out += table(["事实", "取值", "说明"], rows, widths: [52, 28, 20], className: "facts")
        out += SurveyReportSection(model)?.html() ?? ""
        out += model.sections.filter { $0.id == "opinions" }.map { section($0, heading: "h4") }.joined()
        out += estimation(model) + measures(model) + afterMeasures(model)
        return out + "</section>\n"
    }

    private static func estimation(_ model: ReportModel) -> String {
        var rows: [[String]] = []
        for (number, factor) in model.factors.filter(\.isApplicable).enumerated() {
            var reasons: [String] = []
            if let because = factor.before.probability.because { reasons.append("概率：" + HTML.escape(because)) }
            if let because = factor.before.impact.because { reasons.append("影响：" + HTML.escape(because)) }
            rows.append([
                "\(number + 1)", HTML.escape(factor.category), HTML.escape(factor.stage ?? "—"),
                HTML.escape(factor.label), HTML.escape(factor.before.probability.display),
                HTML.escape(factor.before.impact.display), degree(factor.before, model),
                Formatting.weight(factor.weight), factor.basisShort.map(HTML.escape).joined(separator: "；<br>"),
                reasons.joined(separator: "<br>"),
            ])
        }
        var out = "<h3>（二）风险识别和估计</h3>\n" + matrixFigure(model)
        out += table(
            ["序号", "风险类型", "发生阶段", "风险因素", "风险概率", "影响程度", "风险程度", "权重", "依据", "理由"], rows,
            widths: [5, 7, 8, 13, 7, 7, 7, 6, 17, 23], className: "estimates")
        let excluded = model.factors.filter { !$0.isApplicable }
        if !excluded.isEmpty {
            out += "<p>不适用的风险因素：\(HTML.escape(ReportModel.list(excluded.map(\.label))))。</p>\n"
        }
        return out + outcome(model.before, "措施前") + (ExpertReportSection(model)?.html() ?? "")
    }

    private static func measures(_ model: ReportModel) -> String {
        var rows: [[String]] = []
        for factor in model.factors where factor.isApplicable {
            for measure in factor.measures {
                rows.append(
                    [factor.label, measure.label, measure.owner, measure.assisting ?? "—", measure.deadline ?? "—"]
                        .map(HTML.escape) + [measure.adopted ? "是" : "否", HTML.escape(measure.outcome ?? "—")])
            }
        }
        return "<h3>（三）风险防范和化解措施</h3>\n"
            + table(
                ["风险因素", "措施", "责任主体", "协助单位", "时限", "是否采纳", "效果"], rows,
                widths: [16, 27, 11, 13, 8, 7, 18], className: "measures")
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
        return "<h3>（四）落实措施后的风险等级</h3>\n" + contributionFigure(model)
            + table(["风险因素", "风险概率", "影响程度", "风险程度"], rows, widths: [40, 20, 20, 20], className: "after")
            + outcome(model.after, "落实措施后")
    }

    private static func conclusion(_ model: ReportModel) -> String {
        var out = chapter("三、评估结论")
        let main = model.mainFactors.compactMap { id in model.factors.first { $0.id == id }?.label }
        if !main.isEmpty { out += "<p>主要风险因素：\(HTML.escape(ReportModel.list(main)))。</p>\n" }
        out += "<ul class=\"conclusion\">\n"
        for finding in model.findings {
            out += "<li><strong>\(HTML.escape(finding.category))</strong>：\(HTML.escape(finding.text))</li>\n"
        }
        out += "</ul>\n<p>风险等级：措施前为<strong>\(HTML.escape(model.before.gradeLabel))</strong>，"
        out += "落实措施后为<strong>\(HTML.escape(model.after.gradeLabel))</strong>。落实措施后的等级由以下情形决定：</p>\n<ul>\n"
        for reason in model.after.reasons where reason.decisive { out += "<li>\(HTML.escape(reason.text))</li>\n" }
        out += "</ul>\n<p>决策建议：\(HTML.escape(model.decision))"
        out += model.decisionBasis.isEmpty ? "" : "（依据：\(model.decisionBasis.map(HTML.escape).joined(separator: "；"))）"
        out += "</p>\n"
        if let meaning = model.gradeMeaning {
            out += "<p class=\"meaning\">（\(HTML.escape(ReportModel.meaningSentence(meaning)))）</p>\n"
        }
        out += "<p>对策建议：</p>\n<ol class=\"recommendations\">\n<li>落实措施后的等级以落实以下已采纳的措施为前提："
        out += model.recommendations.required.isEmpty ? "无。" : "\n<ul>\n"
        for item in model.recommendations.required { out += "<li>\(HTML.escape(item))</li>\n" }
        out += model.recommendations.required.isEmpty ? "</li>\n" : "</ul>\n</li>\n"
        if !model.recommendations.suggested.isEmpty {
            out += "<li>建议增加的措施：\n<ul>\n"
            for item in model.recommendations.suggested { out += "<li>\(HTML.escape(item))</li>\n" }
            out += "</ul>\n</li>\n"
        }
        out += "</ol>\n"
        out += model.sections.filter { $0.id == "emergency" }.map { section($0, heading: "h3") }.joined()
        return out + "</section>\n"
    }

    private static func signOff(_ model: ReportModel) -> String {
        "<section class=\"signoff\">\n<h2>签署</h2>\n"
            + table(
                ["环节", "姓名", "日期"], model.signOff.map { $0.map { notGiven(HTML.escape($0)) } }, widths: [20, 50, 30],
                className: "signoff") + "</section>\n"
    }

    /// An outline section from the project file, its blocks in order.
    private static func section(_ section: ReportModel.Section, heading: String, number: String = "") -> String {
        var out = "<\(heading)>\(number)\(HTML.escape(section.title))</\(heading)>\n"
        for block in section.blocks {
            switch block {
            case .paragraph(let text): out += "<p>\(HTML.escape(text))</p>\n"
            case .missing(let text): out += "<p class=\"missing-part\">\(HTML.escape(text))</p>\n"
            case .fields(let pairs):
                out += table(
                    ["项目", "内容"], pairs.map { [HTML.escape($0.0), notGiven(HTML.escape($0.1))] }, widths: [22, 78],
                    className: "basics")
            case .table(let headers, let rows):
                out += table(
                    headers.map(HTML.escape), rows.map { $0.map { notGiven(HTML.escape($0)) } },
                    widths: widths(headers, rows), className: "outline")
            }
        }
        return out
    }

    /// Column widths in percent, each column's share of the widest text in it (header or cell, at most 24 em),
    /// at least 8%: short columns stay narrow, long text gets the room.
    static func widths(_ headers: [String], _ rows: [[String]]) -> [Int] {
        let wanted = headers.indices.map { column in
            ([headers[column]] + rows.compactMap { column < $0.count ? $0[column] : nil })
                .map { min(HTML.width($0), 24) }.max() ?? 1
        }
        let total = wanted.reduce(0, +)
        var widths = wanted.map { max(8, Int(($0 / max(total, 1) * 100).rounded(.down))) }
        let excess = widths.reduce(0, +) - 100
        if excess != 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) { widths[widest] -= excess }
        return widths
    }

    private static func provenance(_ model: ReportModel) -> String {
        let ruleSet = model.ruleSet
        var out = "<footer class=\"provenance\">\n"
        out += "<p>规则：\(HTML.escape(ruleSet.id)) 版本 \(HTML.escape(ruleSet.version))，"
        out += "摘要 <code>sha256:\(HTML.escape(ruleSet.digest))</code></p>\n"
        out += "<p>引擎：wenping \(HTML.escape(WenpingVersion.current))；"
        out += "输入摘要 <code>sha256:\(HTML.escape(model.project.inputDigest))</code></p>\n"
        return out + "</footer>\n"
    }

    private static func outcome(_ outcome: ReportModel.Outcome, _ when: String) -> String {
        var out = "<p class=\"outcome\">" + outcome.sentence(when, escape: HTML.escape) { "<strong>\($0)</strong>" }
        out += "</p>\n<ul class=\"reasons\">\n"
        for reason in outcome.reasons {
            out += "<li\(reason.decisive ? " class=\"decisive\"" : "")>\(HTML.escape(reason.text))"
            out += reason.decisive ? "（决定等级）" : ""
            out += "</li>\n"
        }
        return out + "</ul>\n"
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
