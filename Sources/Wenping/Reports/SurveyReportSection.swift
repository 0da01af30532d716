/// The survey part of a report's 风险调查 section: how the survey was done, the table of answers, how each fact
/// was computed (with its sample and Wilson 95% interval) and the breakdown by area.
///
/// Built once from the project's `survey` block as plain-text tables; each renderer escapes and formats them, so
/// Markdown, HTML and JSON show the same numbers.
struct SurveyReportSection: Sendable {
    struct Table: Sendable {
        let title: String?
        let headers: [String]
        let rows: [[String]]
    }

    let survey: ProjectSurvey
    let tables: [Table]
    /// Which survey facts the ruleset grades with (the others are shown only).
    let graded: Set<String>

    static let intervalNote =
        "比率的 95% 置信区间按 Wilson 方法计算（z = 1.96）；规则可用 lower(x)、upper(x) 读取区间下限、上限，sample(x) 读取样本量。"

    init?(_ model: ReportModel) {
        guard let survey = model.project.survey else { return nil }
        self.survey = survey
        let inputs = Set(model.ruleSet.inputs.map(\.name))
        let graded = Set(survey.facts.map(\.name).filter(inputs.contains))
        self.graded = graded
        let percent = SurveySummaryRenderer.percent
        var tables: [Table] = []
        var overview: [[String]] = []
        if let title = survey.title { overview.append(["调查名称", title]) }
        if let method = survey.method { overview.append(["调查方式", method]) }
        if let from = survey.from, let to = survey.to { overview.append(["调查时间", "\(from) 至 \(to)"]) }
        if let households = survey.households { overview.append(["应调查户数", "\(households) 户"]) }
        if let rows = survey.rows { overview.append(["回收问卷", "\(rows) 份"]) }
        if let valid = survey.valid { overview.append(["有效问卷", "\(valid) 份"]) }
        if let invalid = survey.invalid {
            overview.append(["无效问卷", invalid == 0 ? "无" : "\(invalid) 份（未计入任何比率；逐行原因见 wenping survey 写出的计算说明）"])
        }
        if let valid = survey.valid, let households = survey.households, households > 0 {
            overview.append(["有效回收率", "\(percent(Double(valid) / Double(households)))（有效问卷 / 应调查户数）"])
        }
        if let source = survey.source {
            overview.append(["问卷数据", survey.sourceDigest.map { "\(source)（sha256:\($0)）" } ?? source])
        }
        tables.append(Table(title: nil, headers: ["项目", "内容"], rows: overview))
        for question in survey.questions {
            let valid = question.answers.reduce(question.unanswered) { $0 + $1.count }
            var rows = question.answers.map { answer in
                [answer.value, "\(answer.count)", valid > 0 ? percent(Double(answer.count) / Double(valid)) : "—"]
            }
            if question.unanswered > 0 {
                rows.append(["未作答", "\(question.unanswered)", percent(Double(question.unanswered) / Double(valid))])
            }
            tables.append(Table(title: question.label, headers: ["答案", "户数", "占有效问卷"], rows: rows))
        }
        let factRows = survey.facts.map { fact -> [String] in
            let explanation = SurveySummaryRenderer.explanation(
                kind: fact.kind, count: fact.count, n: fact.n, counted: fact.counted, base: fact.base)
            let interval = fact.kind == .rate ? "\(percent(fact.lower)) – \(percent(fact.upper))" : "—（计数，非抽样估计）"
            return [
                fact.label, percent(fact.rate), explanation, fact.kind == .rate ? "\(fact.n)" : "\(fact.n)（应调查户数）",
                interval,
                graded.contains(fact.name) ? "是" : "否（规则未使用）",
            ]
        }
        tables.append(
            Table(title: "调查得出的事实", headers: ["事实", "取值", "计算方法", "样本量", "95% 置信区间", "用于评级"], rows: factRows))
        let rates = survey.facts.filter { $0.kind == .rate }
        if let column = survey.areaColumn, !survey.areas.isEmpty, !rates.isEmpty {
            let rows = survey.areas.map { area -> [String] in
                [area.name, "\(area.valid)"]
                    + rates.map { rate in
                        guard let fact = area.facts.first(where: { $0.name == rate.name }) else { return "—" }
                        return
                            "\(percent(fact.rate))（\(fact.count)/\(fact.n)，\(percent(fact.lower))–\(percent(fact.upper))）"
                    }
            }
            tables.append(
                Table(title: "按\(column)分列", headers: [column, "有效问卷"] + rates.map(\.label), rows: rows))
        }
        self.tables = tables
    }

    func markdown() -> String {
        let cell = MarkdownReportRenderer.cell
        var out = "#### 入户调查\n\n"
        for table in tables {
            if let title = table.title { out += "**\(cell(title))**\n\n" }
            out += "| " + table.headers.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: "---|", count: table.headers.count) + "\n"
            for row in table.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            out += "\n"
        }
        return out + Self.intervalNote + "\n\n"
    }

    func html() -> String {
        var out = "<h4>入户调查</h4>\n"
        for table in tables {
            if let title = table.title { out += "<p class=\"table-title\">\(HTML.escape(title))</p>\n" }
            out += "<table class=\"survey\">\n<thead><tr>"
            out += table.headers.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows { out += "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n" }
            out += "</tbody>\n</table>\n"
        }
        return out + "<p class=\"note\">\(HTML.escape(Self.intervalNote))</p>\n"
    }

    /// Writes `"survey": {…}` (or nothing without a survey) into a JSON report.
    static func writeJSON(_ model: ReportModel, _ json: inout JSONWriter) {
        guard let section = SurveyReportSection(model) else { return }
        let survey = section.survey
        json.key("survey")
        json.object { json in
            json.field("title", survey.title)
            json.field("method", survey.method)
            json.field("from", survey.from)
            json.field("to", survey.to)
            json.key("households")
            if let households = survey.households { json.int(households) } else { json.null() }
            for (key, value) in [("rows", survey.rows), ("valid", survey.valid), ("invalid", survey.invalid)] {
                json.key(key)
                if let value { json.int(value) } else { json.null() }
            }
            json.field("source", survey.source)
            json.field("sourceSha256", survey.sourceDigest)
            json.key("questions")
            json.array { json in
                for question in survey.questions {
                    json.object { json in
                        json.field("id", question.id)
                        json.field("label", question.label)
                        json.key("answers")
                        json.array { json in
                            for answer in question.answers {
                                json.object { json in
                                    json.field("value", answer.value)
                                    json.field("count", answer.count)
                                }
                            }
                        }
                        json.field("unanswered", question.unanswered)
                    }
                }
            }
            json.key("facts")
            json.array { json in
                for fact in survey.facts { write(fact, graded: section.graded.contains(fact.name), &json) }
            }
            json.key("areas")
            json.array { json in
                for area in survey.areas {
                    json.object { json in
                        json.field("area", area.name)
                        json.field("valid", area.valid)
                        json.key("facts")
                        json.array { json in
                            for fact in area.facts { write(fact, graded: false, &json) }
                        }
                    }
                }
            }
        }
    }

    private static func write(_ fact: ProjectSurvey.Fact, graded: Bool, _ json: inout JSONWriter) {
        json.object { json in
            json.field("name", fact.name)
            json.field("label", fact.label)
            json.field("kind", fact.kind.rawValue)
            json.field("count", fact.count)
            json.field("n", fact.n)
            json.field("value", number: fact.rate)
            json.field("lower", number: fact.lower)
            json.field("upper", number: fact.upper)
            json.field("graded", graded)
        }
    }
}
