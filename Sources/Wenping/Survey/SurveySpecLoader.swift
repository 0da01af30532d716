import WenpingYAML

/// Reads a survey spec file into a ``SurveySpec``, reporting every problem with its `file:line:col`.
public enum SurveySpecLoader {
    static let format = "wenping-survey/1"
    static let fields = [
        "format", "title", "method", "period", "households", "id_column", "area_column", "questions", "facts",
    ]

    /// Loads the spec at `file` (a path as the user wrote it).
    public static func load(file: String) -> (SurveySpec?, [Diagnostic]) {
        do throws(FileSystem.Failure) {
            let bytes = try FileSystem.read(FilePath.absolute(file), limit: YAMLLimits.default.maxBytes)
            return load(bytes: bytes, file: file)
        } catch {
            let start = SourceLocation(file: file, line: 1, column: 1)
            return (nil, [.error(error.code, "无法读取调查说明文件：\(error)", at: start)])
        }
    }

    /// Loads a spec from the bytes of a file named `file`.
    public static func load(bytes: [UInt8], file: String) -> (SurveySpec?, [Diagnostic]) {
        let document: YAMLDocument
        do {
            document = try YAMLParser.parse(bytes, limits: .default)
        } catch {
            return (nil, [Diagnostic(error, file: file)])
        }
        var reader = NodeReader(file: file)
        let spec = read(document, &reader)
        let diagnostics = reader.diagnostics.sorted
        return (diagnostics.contains { $0.severity == .error } ? nil : spec, diagnostics)
    }

    private static func read(_ document: YAMLDocument, _ reader: inout NodeReader) -> SurveySpec? {
        let start = SourceLocation(file: reader.file, line: 1, column: 1)
        guard let root = document.root, let top = reader.mapping(root, "调查说明文件") else {
            if document.root == nil {
                reader.diagnostics.error(.invalidSurveySpec, "调查说明文件是空的；至少要写 format、title、questions 和 facts", at: start)
            }
            return nil
        }
        reader.checkKeys(top, allowed: fields, required: ["format", "title", "questions", "facts"], "调查说明文件")
        if let format = reader.string(top["format"], "format"), format.value != Self.format {
            reader.diagnostics.error(
                .invalidSurveySpec, "调查说明文件的 format 应是“\(Self.format)”，这里是“\(format.value)”",
                at: format.location, length: format.length)
        }
        let title = reader.text(top["title"], "title") ?? ""
        let method = reader.text(top["method"], "method")
        var from: String?
        var to: String?
        if let node = top["period"], let period = reader.mapping(node, "调查时间 period") {
            reader.checkKeys(period, allowed: ["from", "to"], required: ["from", "to"], "调查时间 period")
            from = reader.date(period["from"], "period.from")?.value
            to = reader.date(period["to"], "period.to")?.value
            if let from, let to, let a = CalendarDate(from), let b = CalendarDate(to), b < a {
                reader.diagnostics.error(
                    .invalidSurveySpec, "调查结束日期 \(to) 早于开始日期 \(from)；请检查 period", at: reader.location(of: node))
            }
        }
        var households: Int?
        if let value = reader.integer(top["households"], "应调查户数 households") {
            if value.value <= 0 {
                reader.diagnostics.error(
                    .valueOutOfRange, "应调查户数 households 应大于 0，这里是 \(value.value)", at: value.location,
                    length: value.length)
            } else {
                households = value.value
            }
        }
        let idColumn = reader.string(top["id_column"], "id_column")?.value
        let areaColumn = reader.string(top["area_column"], "area_column")?.value
        var questions: [SurveySpec.Question] = []
        if let node = top["questions"], let items = reader.sequence(node, "问题列表 questions") {
            for item in items {
                if let question = readQuestion(item, &reader) {
                    if questions.contains(where: { $0.id == question.id }) {
                        reader.diagnostics.error(
                            .duplicateID, "问题 id“\(question.id)”重复了", at: question.location)
                    } else if questions.contains(where: { $0.column == question.column }) {
                        reader.diagnostics.error(
                            .invalidSurveySpec, "列“\(question.column)”被两个问题读取；每列只能对应一个问题", at: question.location)
                    } else {
                        questions.append(question)
                    }
                }
            }
        }
        var facts: [SurveySpec.Fact] = []
        if let node = top["facts"], let items = reader.sequence(node, "事实列表 facts") {
            for item in items {
                guard let fact = readFact(item, questions: questions, hasHouseholds: households != nil, &reader)
                else { continue }
                if facts.contains(where: { $0.name == fact.name }) {
                    reader.diagnostics.error(.duplicateID, "事实“\(fact.name)”重复了", at: fact.location)
                } else {
                    facts.append(fact)
                }
            }
        }
        return SurveySpec(
            file: reader.file, title: title, method: method, from: from, to: to, households: households,
            idColumn: idColumn, areaColumn: areaColumn, questions: questions, facts: facts)
    }

    private static func readQuestion(_ node: YAMLNode, _ reader: inout NodeReader) -> SurveySpec.Question? {
        guard let mapping = reader.mapping(node, "问题") else { return nil }
        reader.checkKeys(
            mapping, allowed: ["id", "column", "label", "answers", "optional"], required: ["id", "column", "answers"],
            "问题")
        let id = reader.identifier(mapping["id"], "问题 id")
        let column = reader.string(mapping["column"], "列名 column")
        let label = reader.text(mapping["label"], "label")
        let optional = reader.boolean(mapping["optional"], "optional")?.value ?? false
        var answers: [SurveySpec.Question.Answer] = []
        var spellings: [String: SourceLocation] = [:]
        if let node = mapping["answers"], let items = reader.sequence(node, "答案列表 answers") {
            for item in items {
                let answer: SurveySpec.Question.Answer?
                if case .scalar = item, let value = reader.string(item, "答案") {
                    answer = .init(value: value.value.trimmingWhitespace, accept: [])
                } else if let entry = reader.mapping(item, "答案") {
                    reader.checkKeys(entry, allowed: ["value", "accept"], required: ["value"], "答案")
                    let value = reader.string(entry["value"], "答案 value")?.value.trimmingWhitespace
                    let accept = (reader.stringList(entry["accept"], "accept") ?? []).map(\.value.trimmingWhitespace)
                    answer = value.map { .init(value: $0, accept: accept) }
                } else {
                    answer = nil
                }
                guard let answer else { continue }
                for spelling in [answer.value] + answer.accept {
                    if let first = spellings[spelling] {
                        reader.diagnostics.error(
                            .invalidSurveySpec, "答案写法“\(spelling)”在同一问题中出现了两次；一种写法只能对应一个答案",
                            at: reader.location(of: item), notes: [Diagnostic.Note("第一次出现在这里", at: first)])
                    }
                    spellings[spelling] = reader.location(of: item)
                }
                answers.append(answer)
            }
            if items.isEmpty {
                reader.diagnostics.error(.invalidSurveySpec, "问题的 answers 不能为空", at: reader.location(of: node))
            }
        }
        guard let id, let column else { return nil }
        return SurveySpec.Question(
            id: id.value, column: column.value, label: label ?? column.value, answers: answers, isOptional: optional,
            location: id.location)
    }

    private static func readFact(
        _ node: YAMLNode, questions: [SurveySpec.Question], hasHouseholds: Bool, _ reader: inout NodeReader
    ) -> SurveySpec.Fact? {
        guard let mapping = reader.mapping(node, "事实") else { return nil }
        reader.checkKeys(
            mapping, allowed: ["name", "label", "question", "count", "of", "coverage"], required: ["name"], "事实")
        guard let name = reader.string(mapping["name"], "事实名称 name") else { return nil }
        guard NodeReader.isExpressionName(name.value) else {
            reader.diagnostics.error(
                .invalidIdentifier, "事实名称“\(name.value)”不合规：应以字母、汉字或下划线开头，只含字母、数字、汉字和下划线",
                at: name.location, length: name.length)
            return nil
        }
        let label = reader.text(mapping["label"], "label") ?? name.value
        if let coverage = reader.boolean(mapping["coverage"], "coverage"), coverage.value {
            for key in ["question", "count", "of"] where mapping[key] != nil {
                reader.diagnostics.error(
                    .invalidSurveySpec, "覆盖率事实“\(name.value)”不读问题，不能再写 \(key)", at: name.location, length: name.length)
            }
            if !hasHouseholds {
                reader.diagnostics.error(
                    .invalidSurveySpec, "覆盖率事实“\(name.value)”需要应调查户数：请在文件开头写 households: 户数",
                    at: name.location, length: name.length)
            }
            return SurveySpec.Fact(name: name.value, label: label, kind: .coverage, location: name.location)
        }
        guard let questionID = reader.string(mapping["question"], "问题 question") else {
            if mapping["question"] == nil {
                reader.diagnostics.error(
                    .missingField, "事实“\(name.value)”缺少 question（从哪个问题计算）和 count（计哪些答案）；覆盖率请写 coverage: true",
                    at: name.location, length: name.length)
            }
            return nil
        }
        guard let questionIndex = questions.firstIndex(where: { $0.id == questionID.value }) else {
            var message = "没有 id 为“\(questionID.value)”的问题"
            if let guess = suggestion(for: questionID.value, among: questions.map(\.id)) {
                message += "。是否想写“\(guess)”？"
            } else {
                message += "；现有问题：\(questions.map(\.id).joined(separator: "、"))"
            }
            reader.diagnostics.error(.invalidSurveySpec, message, at: questionID.location, length: questionID.length)
            return nil
        }
        let question = questions[questionIndex]
        func answers(_ key: String) -> [Int]? {
            guard let list = reader.stringList(mapping[key], key) else { return nil }
            var indexes: [Int] = []
            for item in list {
                if let index = question.answers.firstIndex(where: { $0.value == item.value.trimmingWhitespace }) {
                    if !indexes.contains(index) { indexes.append(index) }
                } else {
                    reader.diagnostics.error(
                        .invalidSurveySpec,
                        "问题“\(question.id)”没有答案“\(item.value)”；可选：\(question.answers.map(\.value).joined(separator: "、"))",
                        at: item.location, length: item.length)
                    return nil
                }
            }
            return indexes
        }
        guard let counted = answers("count") else {
            if mapping["count"] == nil {
                reader.diagnostics.error(
                    .missingField, "事实“\(name.value)”缺少 count：要计入分子的答案，如 count: [反对]", at: name.location,
                    length: name.length)
            }
            return nil
        }
        let base = mapping["of"] == nil ? Array(question.answers.indices) : answers("of")
        guard let base else { return nil }
        if let stray = counted.first(where: { !base.contains($0) }) {
            reader.diagnostics.error(
                .invalidSurveySpec, "事实“\(name.value)”计入分子的答案“\(question.answers[stray].value)”不在分母 of 中",
                at: name.location, length: name.length)
            return nil
        }
        return SurveySpec.Fact(
            name: name.value, label: label, kind: .rate(question: questionIndex, counted: counted, base: base),
            location: name.location)
    }
}
