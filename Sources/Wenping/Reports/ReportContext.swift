/// The values a report template may show, as a tree of display-ready text.
///
/// What `WenpingDocuments` hands to the Mustache templates of the reports (the Markdown and HTML reports, the
/// Word report's title page, letterhead and sign-off block), built-in or an office's own. Text is already escaped
/// for the template's format.
///
/// Every value is worked out from ``ReportModel``, so a template shows the same labels and numbers as the built-in
/// reports. Names are English and stable (templates match on them); ``names`` lists every path for checking a
/// template before it is used.
public indirect enum ReportContext: Sendable, Hashable {
    case text(String)
    case flag(Bool)
    case list([ReportContext])
    /// Named values, in a fixed order.
    case object([(String, ReportContext)])

    public static func == (lhs: ReportContext, rhs: ReportContext) -> Bool {
        switch (lhs, rhs) {
        case (.text(let a), .text(let b)): a == b
        case (.flag(let a), .flag(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .text(let text): hasher.combine(text)
        case .flag(let flag): hasher.combine(flag)
        case .list(let items): hasher.combine(items)
        case .object(let fields):
            for (name, value) in fields {
                hasher.combine(name)
                hasher.combine(value)
            }
        }
    }

    /// The context of an assessment's report, as plain text: what the Word report's fixed texts show.
    public static func of(_ assessment: Assessment) -> ReportContext {
        .object(common(ReportModel(assessment), escape: { $0 }))
    }

    /// The values every report template can show (``paths``), each made safe for the output format by `escape`.
    static func common(_ model: ReportModel, escape: (String) -> String) -> [(String, ReportContext)] {
        let project = model.project
        let ruleSet = model.ruleSet
        func text(_ value: String) -> ReportContext { .text(escape(value)) }
        func outcome(_ outcome: ReportModel.Outcome) -> ReportContext {
            .object([
                ("grade", text(outcome.grade)), ("gradeLabel", text(outcome.gradeLabel)),
                ("index", text(Formatting.number(outcome.index))), ("indexGrade", text(outcome.indexGrade)),
            ])
        }
        let main = model.mainFactors.compactMap { id in model.factors.first { $0.id == id }?.label }
        let outline = project.outline
        return [
            (
                "project",
                .object([
                    ("id", text(project.id)), ("name", text(project.name)), ("kind", text(project.kind)),
                    ("kindLabel", text(model.kindLabel)), ("jurisdiction", text(project.jurisdiction)),
                    ("region", text(model.jurisdictionLabel)),
                    ("details", pairs(project.details.map { ($0.label, $0.value) }, escape)),
                ])
            ),
            (
                "report",
                .object([
                    ("number", text(outline.report.number ?? ReportModel.notGiven)),
                    ("date", text(outline.report.date ?? ReportModel.notGiven)),
                    ("client", text(outline.report.client ?? ReportModel.notGiven)),
                ])
            ),
            (
                "assessor",
                .object([
                    ("organisation", text(outline.assessor?.organisation ?? ReportModel.notGiven)),
                    ("lead", text(outline.assessor?.lead ?? ReportModel.notGiven)),
                ])
            ),
            ("before", outcome(model.before)),
            ("after", outcome(model.after)),
            ("decision", text(model.decision)),
            ("gradeMeaning", text(model.gradeMeaning.map(ReportModel.meaningSentence) ?? "")),
            ("mayProceed", .flag(model.mayProceed)),
            ("mainFactors", .list(main.map(text))),
            ("warnings", .list(model.warnings.map(text))),
            (
                "ruleset",
                .object([
                    ("id", text(ruleSet.id)), ("title", text(ruleSet.title)), ("version", text(ruleSet.version)),
                    ("effective", text(ruleSet.effective ?? "")), ("expires", text(ruleSet.expires ?? "")),
                    ("versionChoice", text(project.versionChoice?.sentence ?? "")),
                    ("digest", text(ruleSet.digest)),
                ])
            ),
            ("engine", .object([("version", text(WenpingVersion.current))])),
            ("inputDigest", text(project.inputDigest)),
        ]
    }

    /// Label–value pairs as a list of `{label, value}`, the value passed through `mark` after escaping (the HTML
    /// report marks `未提供`).
    static func pairs(
        _ pairs: [(String, String)], _ escape: (String) -> String, _ mark: (String) -> String = { $0 }
    ) -> ReportContext {
        .list(pairs.map { .object([("label", .text(escape($0.0))), ("value", .text(mark(escape($0.1))))]) })
    }

    /// The sign-off rows (role, name, date) as `{role, name, date}`, each cell through `cell`.
    static func signOff(_ rows: [[String]], _ cell: (String) -> String) -> ReportContext {
        .list(
            rows.map { row in
                .object(
                    zip(["role", "name", "date"], row + Array(repeating: "", count: max(0, 3 - row.count)))
                        .map { ($0, .text(cell($1))) })
            })
    }

    /// A piece that may be absent, as a list of none or one item, so that a template can write
    /// `{{#name}}…{{.}}…{{/name}}` around it; a trailing line break is taken off (the template's line ends it).
    static func optional(_ text: String?) -> ReportContext {
        guard var text, !text.isEmpty else { return .list([]) }
        if text.hasSuffix("\n") { text.removeLast() }
        return .list([.text(text)])
    }

    /// A laid-out block of a report (an outline section's body): its trailing line break taken off, since the
    /// template puts the tag on a line of its own.
    static func block(_ text: String) -> ReportContext {
        .text(text.hasSuffix("\n") ? String(text.dropLast()) : text)
    }

    /// Every name a template may use.
    ///
    /// The dotted paths from the top (`project.name`), each step of them, and
    /// the names inside list items (`label`, `value`, used within `{{#project.details}}`). Fixed, whatever the
    /// project, so a template is checked the same way for every report.
    public static let names: Set<String> = {
        var out: Set<String> = ["."]
        for path in paths + ["label", "value"] {
            let steps = path.split(separator: ".")
            for end in 1...steps.count { out.insert(steps[..<end].joined(separator: ".")) }
            out.insert(String(steps.last!))
        }
        return out
    }()

    /// The full dotted path of every value (list items' `label` and `value` not included).
    public static let paths = [
        "project.id", "project.name", "project.kind", "project.kindLabel", "project.jurisdiction", "project.region",
        "project.details", "report.number", "report.date", "report.client", "assessor.organisation", "assessor.lead",
        "before.grade", "before.gradeLabel", "before.index", "before.indexGrade", "after.grade",
        "after.gradeLabel", "after.index", "after.indexGrade", "decision", "gradeMeaning", "mayProceed",
        "mainFactors", "warnings", "ruleset.id", "ruleset.title", "ruleset.version", "ruleset.effective",
        "ruleset.expires", "ruleset.versionChoice", "ruleset.digest", "engine.version", "inputDigest",
    ]
}
