/// The HTML report as the values its template shows: one self-contained Chinese page, fit to print on A4 and
/// attach to a dossier.
///
/// Same sections and sentences as the Markdown report (both read ``ReportModel``), plus the grade as a badge, the
/// risk matrix and the factors' weighted contributions as inline SVG. The wording, the layout and the style sheet
/// are the Mustache template `report.html.mustache` (built in, or an office's own) that `WenpingDocuments`
/// renders: inline CSS only, no scripts, no fonts or images fetched, no dates, so the same assessment always gives
/// the same bytes. Every value here is already escaped with ``HTML/escape(_:)`` (or is markup made from escaped
/// text: table cells marking `未提供`, degree cells, the pictures), so a template never escapes anything itself.
public enum HTMLReportRenderer {
    /// The probability × impact matrix and the factors' contributions to the index.
    ///
    /// Each an HTML `<figure>` with inline SVG and escaped labels (the contributions are empty when no factor
    /// applies). The workbench's live panel shows these, so it draws exactly what the report draws.
    public static func figures(_ assessment: Assessment) -> (matrix: String, contributions: String) {
        let model = ReportModel(assessment)
        return (matrixFigure(model, caption: false), contributionFigure(model, caption: false))
    }

    /// The values of the HTML report of `assessment`.
    public static func context(_ assessment: Assessment) -> ReportContext {
        context(ReportModel(assessment))
    }

    static func context(_ model: ReportModel) -> ReportContext {
        let incomplete = !model.missingFacts.isEmpty
        let main = model.mainFactors.compactMap { id in model.factors.first { $0.id == id }?.label }
        let excluded = model.factors.filter { !$0.isApplicable }
        var fields = ReportContext.common(model, escape: HTML.escape)
        fields += [
            ("reportFields", ReportContext.pairs(model.reportFields, HTML.escape, notGiven)),
            (
                "banners",
                .list(
                    model.banners.map { banner in
                        .object([
                            ("kind", .text(HTML.escape(banner.kind))), ("title", .text(HTML.escape(banner.title))),
                            ("hasLines", .flag(!banner.lines.isEmpty)),
                            ("lines", .list(banner.lines.map { .text(HTML.escape($0)) })),
                        ])
                    })
            ),
            ("incomplete", .flag(incomplete)),
            ("afterTone", .text(tone(model.after, model))), ("beforeTone", .text(tone(model.before, model))),
            ("hasDecisive", .flag(model.after.reasons.contains(where: \.decisive))),
            ("decisiveReasons", .list(model.after.reasons.filter(\.decisive).map { .text(HTML.escape($0.text)) })),
            ("overview", ReportContext.pairs(model.overviewRows, HTML.escape, notGiven)),
            ("sections", sections(model)),
            ("citations", .list(model.citations.map { .text(HTML.escape(ReportModel.fullCitation($0))) })),
            ("effectiveClause", .text(HTML.escape(model.periodClause))),
            ("versionClause", .text(HTML.escape(model.versionClause))),
            ("method", .text(HTML.escape(MarkdownReportRenderer.method(model)))),
            ("facts", .list(facts(model))),
            ("survey", .optional(SurveyReportSection(model)?.html())),
            ("matrixFigure", .optional(matrixFigure(model))),
            ("estimates", .list(estimates(model))),
            ("excluded", .optional(excluded.isEmpty ? nil : HTML.escape(ReportModel.list(excluded.map(\.label))))),
            ("beforeOutcome", outcome(model.before, "措施前")),
            ("experts", .optional(ExpertReportSection(model)?.html())),
            ("measures", .list(measures(model))),
            ("contributionFigure", .optional(contributionFigure(model))),
            ("afterRows", .list(afterRows(model))),
            ("afterOutcome", outcome(model.after, "落实措施后")),
            ("mainFactorList", .optional(main.isEmpty ? nil : HTML.escape(ReportModel.list(main)))),
            (
                "findings",
                .list(
                    model.findings.map {
                        .object([("category", .text(HTML.escape($0.category))), ("text", .text(HTML.escape($0.text)))])
                    })
            ),
            (
                "decisionBasis",
                .text(
                    model.decisionBasis.isEmpty
                        ? "" : "（依据：\(model.decisionBasis.map(HTML.escape).joined(separator: "；"))）")
            ),
            ("gradeMeaningNote", .optional(model.gradeMeaning.map { HTML.escape(ReportModel.meaningSentence($0)) })),
            ("hasRequired", .flag(!model.recommendations.required.isEmpty)),
            ("required", .list(model.recommendations.required.map { .text(HTML.escape($0)) })),
            ("hasSuggested", .flag(!model.recommendations.suggested.isEmpty)),
            ("suggested", .list(model.recommendations.suggested.map { .text(HTML.escape($0)) })),
            ("signOff", ReportContext.signOff(model.signOff) { notGiven(HTML.escape($0)) }),
        ]
        return .object(fields)
    }

    /// The names the HTML template can show beyond ``ReportContext/paths``, with the names inside their items.
    public static let names: Set<String> = ReportContext.names.union(
        [
            "reportFields", "banners", "kind", "title", "hasLines", "lines", "incomplete", "hasDecisive", "afterTone",
            "beforeTone",
            "decisiveReasons", "overview", "label", "value", "sections", "environment", "assessor", "process",
            "opinions", "emergency", "body", "citations", "effectiveClause", "versionClause", "method", "facts", "note",
            "survey",
            "matrixFigure", "estimates", "number", "category", "stage", "probability", "impact", "degree", "weight",
            "basis", "reasons", "excluded", "beforeOutcome", "experts", "afterOutcome", "sentence", "text", "decisive",
            "measures",
            "factor", "owner", "assisting", "deadline", "adopted", "outcome", "contributionFigure", "afterRows",
            "mainFactorList", "findings", "decisionBasis", "gradeMeaningNote", "hasRequired", "required",
            "hasSuggested", "suggested",
            "signOff", "role", "name", "date",
        ]
            + ["environment", "assessor", "process", "opinions", "emergency"].flatMap { section in
                ["sections.\(section)", "sections.\(section).title", "sections.\(section).body"]
            } + ["beforeOutcome", "afterOutcome"].flatMap { ["\($0).sentence", "\($0).reasons"] })

    /// `sev-low`, `sev-mid` or `sev-high`: the badge colour of a grade by its place among the ruleset's grades.
    private static func tone(_ outcome: ReportModel.Outcome, _ model: ReportModel) -> String {
        let severity = model.ruleSet.grades.firstIndex { $0.id == outcome.grade } ?? 0
        return severity == 0 ? "sev-low" : severity >= model.ruleSet.grades.count - 1 ? "sev-high" : "sev-mid"
    }

    /// `未提供` in a span a reviewer cannot miss; other (already escaped) text as it is.
    static func notGiven(_ html: String) -> String {
        html == ReportModel.notGiven ? "<span class=\"missing\">未提供</span>" : html
    }

    private static func facts(_ model: ReportModel) -> [ReportContext] {
        let given = model.facts.map { fact in
            let note =
                switch fact.source {
                case "given": "项目提供"
                case "survey": "由入户调查得出（见下）"
                case "default": "<span class=\"missing\">未提供，用默认值</span>"
                default: "<span class=\"missing\">未提供</span>"
                }
            return ReportContext.object([
                ("label", .text(HTML.escape(fact.label))), ("value", .text(notGiven(HTML.escape(fact.display)))),
                ("note", .text(note)),
            ])
        }
        return given
            + model.derived.map {
                .object([
                    ("label", .text(HTML.escape($0.label))), ("value", .text(notGiven(HTML.escape($0.display)))),
                    ("note", .text("由上述事实计算")),
                ])
            }
    }

    private static func estimates(_ model: ReportModel) -> [ReportContext] {
        model.factors.filter(\.isApplicable).enumerated().map { number, factor in
            var reasons: [String] = []
            if let because = factor.before.probability.because { reasons.append("概率：" + HTML.escape(because)) }
            if let because = factor.before.impact.because { reasons.append("影响：" + HTML.escape(because)) }
            return .object([
                ("number", .text("\(number + 1)")), ("category", .text(HTML.escape(factor.category))),
                ("stage", .text(HTML.escape(factor.stage ?? "—"))), ("label", .text(HTML.escape(factor.label))),
                ("probability", .text(HTML.escape(factor.before.probability.display))),
                ("impact", .text(HTML.escape(factor.before.impact.display))),
                ("degree", .text(degree(factor.before, model))), ("weight", .text(Formatting.weight(factor.weight))),
                ("basis", .text(factor.basisShort.map(HTML.escape).joined(separator: "；<br>"))),
                ("reasons", .text(reasons.joined(separator: "<br>"))),
            ])
        }
    }

    private static func measures(_ model: ReportModel) -> [ReportContext] {
        model.factors.filter(\.isApplicable).flatMap { factor in
            factor.measures.map { measure in
                .object([
                    ("factor", .text(HTML.escape(factor.label))), ("label", .text(HTML.escape(measure.label))),
                    ("owner", .text(HTML.escape(measure.owner))),
                    ("assisting", .text(HTML.escape(measure.assisting ?? "—"))),
                    ("deadline", .text(HTML.escape(measure.deadline ?? "—"))),
                    ("adopted", .text(measure.adopted ? "是" : "否")),
                    ("outcome", .text(HTML.escape(measure.outcome ?? "—"))),
                ])
            }
        }
    }

    private static func afterRows(_ model: ReportModel) -> [ReportContext] {
        model.factors.filter(\.isApplicable).map { factor in
            .object([
                ("label", .text(HTML.escape(factor.label))),
                (
                    "probability",
                    .text(
                        HTML.escape(ReportModel.change(factor.before.probability.label, factor.after.probability.label))
                    )
                ),
                (
                    "impact",
                    .text(HTML.escape(ReportModel.change(factor.before.impact.label, factor.after.impact.label)))
                ),
                (
                    "degree",
                    .text(
                        factor.before.degree == factor.after.degree
                            ? degree(factor.after, model)
                            : "<td>\(degree(factor.before, model, tag: "span")) → \(degree(factor.after, model, tag: "span"))</td>"
                    )
                ),
            ])
        }
    }

    /// The closing sentence of a part and every reason for the grade.
    private static func outcome(_ outcome: ReportModel.Outcome, _ when: String) -> ReportContext {
        .object([
            ("sentence", .text(outcome.sentence(when, escape: HTML.escape) { "<strong>\($0)</strong>" })),
            (
                "reasons",
                .list(
                    outcome.reasons.map {
                        .object([("text", .text(HTML.escape($0.text))), ("decisive", .flag($0.decisive))])
                    })
            ),
        ])
    }

    /// The outline sections by id, each with its title and its blocks already laid out.
    private static func sections(_ model: ReportModel) -> ReportContext {
        .object(
            model.sections.map { section in
                (
                    section.id,
                    .object([("title", .text(HTML.escape(section.title))), ("body", .block(blocks(section)))])
                )
            })
    }

    /// An outline section's blocks, in order.
    private static func blocks(_ section: ReportModel.Section) -> String {
        var out = ""
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

    /// A table with a repeating header; `rows` hold cell HTML that is already escaped.
    private static func table(_ headers: [String], _ rows: [[String]], widths: [Int], className: String) -> String {
        var out = "<table class=\"\(className)\">\n<colgroup>"
        for width in widths { out += "<col style=\"width:\(width)%\">" }
        out += "</colgroup>\n<thead><tr>" + headers.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { out += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        return out + "</tbody>\n</table>\n"
    }

    /// The degree label on its matrix colour (the label carries the meaning; the colour only echoes it).
    private static func degree(_ estimate: ReportModel.Estimate, _ model: ReportModel, tag: String = "td") -> String {
        let colour = degreeColour(estimate.degree - 1, of: model.ruleSet.degrees.labels.count)
        return
            "<\(tag) class=\"degree\" style=\"background-color:\(colour)\">\(HTML.escape(estimate.degreeLabel))</\(tag)>"
    }
}
