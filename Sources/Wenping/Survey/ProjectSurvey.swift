import WenpingYAML

/// The `survey:` block of a project file, as `wenping survey` writes it: what the 风险调查 section of the report
/// shows, and the samples behind the facts it gives (read by `lower`, `upper` and `sample` in rules).
///
/// Every value and interval is recomputed from `count` and `n` when the block is read, and a written value that
/// disagrees (to four decimals) is an error (E464), so a hand edit cannot make the facts and the table disagree.
struct ProjectSurvey: Sendable {
    struct Fact: Sendable {
        let name: String
        let label: String
        let kind: SurveyResult.Fact.Kind
        let count: Int
        let n: Int
        /// Wilson 95% bounds for a rate; both equal to the value for coverage (a count, not an estimate).
        let lower: Double
        let upper: Double
        let question: String?
        let counted: [String]
        let base: [String]
        let key: YAMLNode.Scalar

        var rate: Double { Double(count) / Double(n) }
    }

    struct Question: Sendable {
        let id: String
        let label: String
        let answers: [(value: String, count: Int)]
        let unanswered: Int
    }

    struct Area: Sendable {
        let name: String
        let valid: Int
        let facts: [Fact]
    }

    var title: String?
    var method: String?
    var from: String?
    var to: String?
    var households: Int?
    var source: String?
    var sourceDigest: String?
    var rows: Int?
    var valid: Int?
    var invalid: Int?
    var blank: Int?
    var questions: [Question] = []
    var facts: [Fact] = []
    var areaColumn: String?
    var areas: [Area] = []

    static let fields = [
        "title", "method", "period", "households", "source", "rows", "valid", "invalid", "blank", "questions", "facts",
        "area_column", "areas",
    ]
}

extension ProjectSurvey {
    /// Reads the block, reporting problems into `reader`; `nil` when it is not a mapping.
    static func read(_ node: YAMLNode, _ reader: inout NodeReader) -> ProjectSurvey? {
        guard let top = reader.mapping(node, "调查 survey") else { return nil }
        reader.checkKeys(top, allowed: fields, required: ["facts"], "调查 survey")
        var survey = ProjectSurvey()
        survey.title = reader.text(top["title"], "survey.title")
        survey.method = reader.text(top["method"], "survey.method")
        if let node = top["period"], let period = reader.mapping(node, "survey.period") {
            reader.checkKeys(period, allowed: ["from", "to"], "survey.period")
            survey.from = reader.date(period["from"], "survey.period.from")?.value
            survey.to = reader.date(period["to"], "survey.period.to")?.value
        }
        survey.households = reader.integer(top["households"], "survey.households")?.value
        if let node = top["source"], let source = reader.mapping(node, "survey.source") {
            reader.checkKeys(source, allowed: ["file", "sha256"], "survey.source")
            survey.source = reader.text(source["file"], "survey.source.file")
            survey.sourceDigest = reader.text(source["sha256"], "survey.source.sha256")
        }
        survey.rows = reader.integer(top["rows"], "survey.rows")?.value
        survey.valid = reader.integer(top["valid"], "survey.valid")?.value
        survey.invalid = reader.integer(top["invalid"], "survey.invalid")?.value
        survey.blank = reader.integer(top["blank"], "survey.blank")?.value
        if let node = top["questions"], let items = reader.sequence(node, "survey.questions") {
            survey.questions = items.compactMap { readQuestion($0, &reader) }
        }
        if let node = top["facts"], let mapping = reader.mapping(node, "survey.facts") {
            survey.facts = mapping.entries.compactMap { readFact($0.key, $0.value, &reader) }
        }
        survey.areaColumn = reader.text(top["area_column"], "survey.area_column")
        if let node = top["areas"], let items = reader.sequence(node, "survey.areas") {
            for item in items {
                guard let area = reader.mapping(item, "survey.areas 的一项") else { continue }
                reader.checkKeys(area, allowed: ["area", "valid", "facts"], required: ["area"], "survey.areas 的一项")
                var facts: [Fact] = []
                if let node = area["facts"], let mapping = reader.mapping(node, "facts") {
                    facts = mapping.entries.compactMap { readFact($0.key, $0.value, &reader) }
                }
                if let name = reader.text(area["area"], "area") {
                    survey.areas.append(
                        Area(name: name, valid: reader.integer(area["valid"], "valid")?.value ?? 0, facts: facts))
                }
            }
        }
        return survey
    }

    private static func readQuestion(_ node: YAMLNode, _ reader: inout NodeReader) -> Question? {
        guard let mapping = reader.mapping(node, "survey.questions 的一项") else { return nil }
        reader.checkKeys(
            mapping, allowed: ["id", "label", "column", "answers", "unanswered"], required: ["id", "answers"],
            "survey.questions 的一项")
        var answers: [(value: String, count: Int)] = []
        if let node = mapping["answers"], let items = reader.sequence(node, "answers") {
            for item in items {
                guard let entry = reader.mapping(item, "答案") else { continue }
                reader.checkKeys(entry, allowed: ["value", "count"], required: ["value", "count"], "答案")
                if let value = reader.text(entry["value"], "value"), let count = reader.integer(entry["count"], "count")
                {
                    answers.append((value, count.value))
                }
            }
        }
        guard let id = reader.text(mapping["id"], "id") else { return nil }
        return Question(
            id: id, label: reader.text(mapping["label"], "label") ?? id, answers: answers,
            unanswered: reader.integer(mapping["unanswered"], "unanswered")?.value ?? 0)
    }

    private static func readFact(
        _ key: YAMLNode.Scalar, _ node: YAMLNode, _ reader: inout NodeReader
    ) -> Fact? {
        let what = "调查事实“\(key.value)”"
        guard let mapping = reader.mapping(node, what) else { return nil }
        reader.checkKeys(
            mapping,
            allowed: ["label", "kind", "count", "n", "value", "lower", "upper", "question", "counted", "of"],
            required: ["count", "n"], what)
        let kindText = reader.text(mapping["kind"], "kind") ?? "rate"
        guard let kind = SurveyResult.Fact.Kind(rawValue: kindText) else {
            reader.diagnostics.error(
                .invalidSurveyBlock, "\(what)的 kind 应是 rate（抽样比率）或 coverage（覆盖率），这里是“\(kindText)”",
                at: reader.location(of: node))
            return nil
        }
        guard let count = reader.integer(mapping["count"], "count"), let n = reader.integer(mapping["n"], "n") else {
            return nil
        }
        guard n.value > 0, count.value >= 0, count.value <= n.value else {
            reader.diagnostics.error(
                .invalidSurveyBlock, "\(what)的 count（\(count.value)）应在 0 到 n（\(n.value)）之间，且 n 应大于 0",
                at: count.location, length: count.length)
            return nil
        }
        let rate = Double(count.value) / Double(n.value)
        var lower = rate
        var upper = rate
        if kind == .rate, let interval = WilsonInterval(count: count.value, n: n.value) {
            lower = interval.lower
            upper = interval.upper
        }
        for (field, expected) in [("value", rate), ("lower", lower), ("upper", upper)] {
            guard let written = reader.number(mapping[field], field) else { continue }
            if abs(written.value - expected) > 0.00005 {
                reader.diagnostics.error(
                    .invalidSurveyBlock,
                    "\(what)的 \(field) 写的是 \(Formatting.number(written.value, digits: 6))，"
                        + "按 count/n = \(count.value)/\(n.value) 应是 \(Formatting.number(expected, digits: 6))；"
                        + "请重新运行 wenping survey 生成这一段，不要手工修改",
                    at: written.location, length: written.length)
            }
        }
        return Fact(
            name: key.value, label: reader.text(mapping["label"], "label") ?? key.value, kind: kind, count: count.value,
            n: n.value, lower: lower, upper: upper, question: reader.text(mapping["question"], "question"),
            counted: reader.stringList(mapping["counted"], "counted")?.map(\.value) ?? [],
            base: reader.stringList(mapping["of"], "of")?.map(\.value) ?? [], key: key)
    }
}

extension ProjectOutline {
    /// Lists the survey among the investigations of 评估过程和方法, so the report's process section names it.
    mutating func addInvestigation(_ survey: ProjectSurvey) {
        var process = self.process ?? Process()
        process.investigations.append(
            Investigation(
                method: survey.method ?? "问卷调查", from: survey.from, to: survey.to, scope: survey.title,
                sample: survey.households, responses: survey.valid))
        self.process = process
    }
}
