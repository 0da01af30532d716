/// Writes a ``SurveyResult`` as the `survey:` block of a project file, in YAML (to paste beside `facts:`) or JSON.
///
/// Both formats come from one ordered tree, so they always carry the same fields. A project file reads the block
/// back with ``ProjectSurvey``, which recomputes every value and interval from `count` and `n`.
public enum SurveyFragmentWriter {
    /// An ordered tree of the values a fragment holds.
    indirect enum Node {
        case map([(String, Node)])
        /// A mapping written on one line in YAML (`{ value: 支持, count: 12 }`).
        case inline([(String, Node)])
        case list([Node])
        case string(String)
        case int(Int)
        case number(Double, digits: Int)
        case bool(Bool)
    }

    public static func yaml(_ result: SurveyResult) -> String {
        var out = "# 由 wenping survey 根据 \(result.source) 与 \(result.specSource) 生成。\n"
        out += "# 把 survey 整段放进项目文件（与 facts 同级）；survey.facts 中的比率由 count / n 计算，\n"
        out += "# 规则可用 lower(x)、upper(x)（95% Wilson 区间）和 sample(x)（样本量）读取。\n"
        out += "survey:\n"
        guard case .map(let entries) = tree(result) else { return out }
        for (key, value) in entries { yaml(key, value, indent: 1, into: &out) }
        return out
    }

    public static func json(_ result: SurveyResult) -> String {
        var writer = JSONWriter()
        writer.object { writer in
            writer.key("survey")
            write(tree(result), &writer)
        }
        return writer.output + "\n"
    }

    static func tree(_ result: SurveyResult) -> Node {
        var entries: [(String, Node)] = [("title", .string(result.title))]
        if let method = result.method { entries.append(("method", .string(method))) }
        if let from = result.from, let to = result.to {
            entries.append(("period", .inline([("from", .string(from)), ("to", .string(to))])))
        }
        if let households = result.households { entries.append(("households", .int(households))) }
        entries.append(
            ("source", .inline([("file", .string(result.source)), ("sha256", .string(result.sourceDigest))])))
        entries += [
            ("rows", .int(result.rows)), ("valid", .int(result.valid)), ("invalid", .int(result.invalidRows.count)),
            ("blank", .int(result.blank)),
        ]
        entries.append(
            (
                "questions",
                .list(
                    result.questions.map { question in
                        .map([
                            ("id", .string(question.id)), ("label", .string(question.label)),
                            ("column", .string(question.column)),
                            (
                                "answers",
                                .list(
                                    question.answers.map {
                                        .inline([("value", .string($0.value)), ("count", .int($0.count))])
                                    })
                            ),
                            ("unanswered", .int(question.unanswered)),
                        ])
                    })
            ))
        entries.append(("facts", .map(result.facts.map { ($0.name, fact($0, full: true)) })))
        if let column = result.areaColumn {
            entries.append(("area_column", .string(column)))
            entries.append(
                (
                    "areas",
                    .list(
                        result.areas.map { area in
                            .map([
                                ("area", .string(area.name)), ("valid", .int(area.valid)),
                                ("facts", .map(area.facts.map { ($0.name, fact($0, full: false)) })),
                            ])
                        })
                ))
        }
        return .map(entries)
    }

    private static func fact(_ fact: SurveyResult.Fact, full: Bool) -> Node {
        var entries: [(String, Node)] = []
        if full { entries += [("label", .string(fact.label)), ("kind", .string(fact.kind.rawValue))] }
        entries += [
            ("count", .int(fact.count)), ("n", .int(fact.n)), ("value", .number(fact.value, digits: 6)),
        ]
        if fact.kind == .rate {
            entries += [("lower", .number(fact.lower, digits: 4)), ("upper", .number(fact.upper, digits: 4))]
            if full, let question = fact.question {
                entries += [
                    ("question", .string(question)), ("counted", .list(fact.counted.map { .string($0) })),
                    ("of", .list(fact.base.map { .string($0) })),
                ]
            }
        }
        return .inline(entries)
    }

    // MARK: - YAML

    private static func yaml(_ key: String, _ node: Node, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        switch node {
        case .map(let entries):
            out += "\(pad)\(key):\n"
            for (child, value) in entries { yaml(child, value, indent: indent + 1, into: &out) }
        case .list(let items) where items.contains(where: { if case .map = $0 { true } else { false } }):
            out += "\(pad)\(key):\n"
            for item in items {
                guard case .map(let entries) = item else { continue }
                for (index, (child, value)) in entries.enumerated() {
                    var line = ""
                    yaml(child, value, indent: indent + 2, into: &line)
                    let itemPad = String(repeating: "  ", count: indent + 1)
                    let childPad = String(repeating: "  ", count: indent + 2)
                    if index == 0, line.hasPrefix(childPad) {
                        line = itemPad + "- " + line.dropFirst(childPad.count)
                    }
                    out += line
                }
            }
        case .list(let items) where items.contains(where: { if case .inline = $0 { true } else { false } }):
            out += "\(pad)\(key):\n"
            for item in items { out += "\(pad)  - \(flow(item))\n" }
        default:
            out += "\(pad)\(key): \(flow(node))\n"
        }
    }

    /// A node on one line: flow mappings and lists, strings in JSON-compatible double quotes.
    private static func flow(_ node: Node) -> String {
        switch node {
        case .map(let entries), .inline(let entries):
            return "{ " + entries.map { "\($0.0): \(flow($0.1))" }.joined(separator: ", ") + " }"
        case .list(let items):
            return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .string(let text): return JSONWriter.quoted(text)
        case .int(let value): return String(value)
        case .number(let value, let digits): return Formatting.number(value, digits: digits)
        case .bool(let value): return value ? "true" : "false"
        }
    }

    // MARK: - JSON

    static func write(_ node: Node, _ writer: inout JSONWriter) {
        switch node {
        case .map(let entries), .inline(let entries):
            writer.object { writer in
                for (key, value) in entries {
                    writer.key(key)
                    write(value, &writer)
                }
            }
        case .list(let items):
            writer.array { writer in
                for item in items { write(item, &writer) }
            }
        case .string(let text): writer.string(text)
        case .int(let value): writer.int(value)
        case .number(let value, let digits): writer.number(value, digits: digits)
        case .bool(let value): writer.bool(value)
        }
    }
}
