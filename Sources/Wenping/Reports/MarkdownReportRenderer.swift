/// The Markdown report as the values its template shows: a Chinese report following the outline of the official
/// assessment report (发改办投资〔2013〕428号 附件2): banners for reference rules and incomplete data; 一、基本情况
/// (项目概况, 评估依据, 评估主体, 评估过程和方法); 二、评估内容 (风险调查及各方意见, 风险识别和估计, 防范化解措施,
/// 落实措施后的风险等级); 三、评估结论; the sign-off; then the provenance that identifies exactly which rules and
/// input produced it.
///
/// The wording and layout are the Mustache template `report.md.mustache` (built in, or an office's own) that
/// `WenpingDocuments` renders; here every value is worked out and made safe for a Markdown table cell
/// (``cell(_:)``), so a template never escapes anything itself.
public enum MarkdownReportRenderer {
    /// The values of the Markdown report of `assessment`.
    public static func context(_ assessment: Assessment) -> ReportContext {
        context(ReportModel(assessment))
    }

    static func context(_ model: ReportModel) -> ReportContext {
        var fields = ReportContext.common(model, escape: cell)
        fields += [
            ("reportFields", ReportContext.pairs(model.reportFields, cell)),
            (
                "banners",
                .list(
                    model.banners.map { banner in
                        .object([
                            ("kind", .text(cell(banner.kind))), ("title", .text(cell(banner.title))),
                            ("hasLines", .flag(!banner.lines.isEmpty)),
                            ("lines", .list(banner.lines.map { .text(cell($0)) })),
                        ])
                    })
            ),
            ("headline", .text(cell(model.headline))),
            ("overview", ReportContext.pairs(model.overviewRows, cell)),
            ("sections", sections(model)),
            ("citations", .list(model.citations.map { .text(cell(ReportModel.fullCitation($0))) })),
            ("method", .text(cell(method(model)))),
            ("effectiveClause", .text(cell(model.periodClause))), ("versionClause", .text(cell(model.versionClause))),
            ("facts", .list(model.facts.map(fact) + model.derived.map(derived))),
            ("survey", .optional(SurveyReportSection(model)?.markdown())),
            ("estimates", .list(estimates(model))),
            ("excluded", .optional(excluded(model))),
            ("beforeOutcome", outcome(model.before, "措施前")),
            ("experts", .optional(ExpertReportSection(model)?.markdown())),
            ("measures", .list(measures(model))),
            ("afterRows", .list(afterRows(model))),
            ("afterOutcome", outcome(model.after, "落实措施后")),
            ("mainFactorList", .optional(mainFactorList(model))),
            (
                "findings",
                .list(
                    model.findings.map {
                        .object([("category", .text(cell($0.category))), ("text", .text(cell($0.text)))])
                    })
            ),
            ("decisiveReasons", .list(model.after.reasons.filter(\.decisive).map { .text(cell($0.text)) })),
            (
                "decisionBasis",
                .text(model.decisionBasis.isEmpty ? "" : "（依据：\(cell(model.decisionBasis.joined(separator: "；")))）")
            ),
            ("gradeMeaningNote", .optional(model.gradeMeaning.map { cell(ReportModel.meaningSentence($0)) })),
            ("required", .list(model.recommendations.required.map { .text(cell($0)) })),
            ("hasSuggested", .flag(!model.recommendations.suggested.isEmpty)),
            ("suggested", .list(model.recommendations.suggested.map { .text(cell($0)) })),
            ("signOff", ReportContext.signOff(model.signOff, cell)),
        ]
        return .object(fields)
    }

    /// The names the Markdown template can show beyond ``ReportContext/paths``, with the names inside their items.
    public static let names: Set<String> = ReportContext.names.union(
        [
            "reportFields", "banners", "kind", "title", "hasLines", "lines", "headline", "overview", "label", "value",
            "sections", "environment", "assessor", "process", "opinions", "emergency", "body", "citations", "method",
            "effectiveClause", "versionClause", "facts", "note", "survey", "estimates", "number", "category", "stage",
            "probability",
            "impact", "degree", "weight", "basis", "reasons", "excluded", "beforeOutcome", "experts", "afterOutcome",
            "sentence",
            "text", "decisive", "measures", "factor", "owner", "assisting", "deadline", "adopted", "outcome",
            "afterRows", "mainFactorList", "findings", "decisiveReasons", "decisionBasis", "gradeMeaningNote",
            "required", "hasSuggested", "suggested", "signOff", "role", "name", "date",
        ]
            + ["environment", "assessor", "process", "opinions", "emergency"].flatMap { section in
                ["sections.\(section)", "sections.\(section).title", "sections.\(section).body"]
            } + ["beforeOutcome", "afterOutcome"].flatMap { ["\($0).sentence", "\($0).reasons"] })

    private static func fact(_ fact: ReportModel.Fact) -> ReportContext {
        let note =
            switch fact.source {
            case "given": "项目提供"
            case "survey": "由入户调查得出（见下）"
            case "default": "**未提供，用默认值**"
            default: "**未提供**"
            }
        return .object([
            ("label", .text(cell(fact.label))), ("value", .text(cell(fact.display))), ("note", .text(note)),
        ])
    }

    private static func derived(_ fact: ReportModel.Fact) -> ReportContext {
        .object([("label", .text(cell(fact.label))), ("value", .text(cell(fact.display))), ("note", .text("由上述事实计算"))])
    }

    private static func estimates(_ model: ReportModel) -> [ReportContext] {
        model.factors.filter(\.isApplicable).enumerated().map { number, factor in
            .object([
                ("number", .text("\(number + 1)")), ("category", .text(cell(factor.category))),
                ("stage", .text(cell(factor.stage ?? "—"))), ("label", .text(cell(factor.label))),
                ("probability", .text(cell(factor.before.probability.display))),
                ("impact", .text(cell(factor.before.impact.display))),
                ("degree", .text(cell(factor.before.degreeLabel))),
                ("weight", .text(Formatting.weight(factor.weight))),
                ("basis", .text(cell(factor.basisShort.joined(separator: "；")))),
                ("reasons", .text(cell(reasons(factor)))),
            ])
        }
    }

    private static func excluded(_ model: ReportModel) -> String {
        let excluded = model.factors.filter { !$0.isApplicable }
        return excluded.isEmpty ? "" : cell(ReportModel.list(excluded.map(\.label)))
    }

    private static func measures(_ model: ReportModel) -> [ReportContext] {
        model.factors.filter(\.isApplicable).flatMap { factor in
            factor.measures.map { measure in
                .object([
                    ("factor", .text(cell(factor.label))), ("label", .text(cell(measure.label))),
                    ("owner", .text(cell(measure.owner))), ("assisting", .text(cell(measure.assisting ?? "—"))),
                    ("deadline", .text(cell(measure.deadline ?? "—"))), ("adopted", .text(measure.adopted ? "是" : "否")),
                    ("outcome", .text(cell(measure.outcome ?? "—"))),
                ])
            }
        }
    }

    private static func afterRows(_ model: ReportModel) -> [ReportContext] {
        model.factors.filter(\.isApplicable).map { factor in
            .object([
                ("label", .text(cell(factor.label))),
                (
                    "probability",
                    .text(cell(ReportModel.change(factor.before.probability.label, factor.after.probability.label)))
                ),
                ("impact", .text(cell(ReportModel.change(factor.before.impact.label, factor.after.impact.label)))),
                ("degree", .text(cell(ReportModel.change(factor.before.degreeLabel, factor.after.degreeLabel)))),
            ])
        }
    }

    private static func mainFactorList(_ model: ReportModel) -> String {
        let main = model.mainFactors.compactMap { id in model.factors.first { $0.id == id }?.label }
        return main.isEmpty ? "" : cell(ReportModel.list(main))
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
        let panel = model.factors.filter { $0.isApplicable && $0.source == "experts" }
        if let method = model.ruleSet.experts, !panel.isEmpty {
            out += "按规则规定，\(ReportModel.list(panel.map(\.label)))的发生概率和影响程度由专家打分法确定"
            out += "（\(ExpertPanel.describe(method.method, method.defuzzify))），不采用按事实分档的结果。"
        }
        return out
    }

    /// `概率：…；影响：…`, each reason on its own (empty parts left out).
    static func reasons(_ factor: ReportModel.Factor) -> String {
        var parts: [String] = []
        if let because = factor.before.probability.because { parts.append("概率：\(because)") }
        if let because = factor.before.impact.because { parts.append("影响：\(because)") }
        return parts.joined(separator: "；")
    }

    /// The outline sections by id, each with its title and its blocks already laid out.
    private static func sections(_ model: ReportModel) -> ReportContext {
        .object(
            model.sections.map { section in
                (section.id, .object([("title", .text(cell(section.title))), ("body", .block(blocks(section)))]))
            })
    }

    private static func blocks(_ section: ReportModel.Section) -> String {
        var out = ""
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

    /// The closing sentence of a part and every reason for the grade.
    private static func outcome(_ outcome: ReportModel.Outcome, _ when: String) -> ReportContext {
        .object([
            ("sentence", .text(outcome.sentence(when, escape: cell) { "**\($0)**" })),
            (
                "reasons",
                .list(
                    outcome.reasons.map {
                        .object([("text", .text(cell($0.text))), ("decisive", .flag($0.decisive))])
                    })
            ),
        ])
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
