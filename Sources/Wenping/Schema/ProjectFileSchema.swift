/// The JSON Schema (draft 2020-12) of project files, optionally with the facts and measures of one ruleset.
///
/// Without a ruleset, `facts` is any mapping. With one, every input of the ruleset is a property of `facts`
/// typed as ``FactBinder`` reads it (integer, number, percent as `0.35` or `"35%"`, boolean, enum by key or
/// label, text, date), with its label as `title`, its range, the required inputs listed and unknown facts
/// rejected; `measures` may name only the ruleset's measures and `kind` only the kinds it grades.
enum ProjectFileSchema {
    private typealias S = SchemaBuilding

    static func document(ruleSet: CompiledRuleSet?) -> JSONValue {
        let title = ruleSet.map { "wenping 项目文件（规则 \($0.id)）" } ?? "wenping 项目文件"
        var description = "一个待评估的项目：编号、名称、类型、地区、事实和已采纳的措施。"
        if let ruleSet { description += "事实按规则“\(ruleSet.title)”（\(ruleSet.id)，版本 \(ruleSet.version)）的输入项列出。" }
        return .fields([
            "$schema": S.dialect,
            "title": .string(title),
            "description": .string(description),
            "type": "object",
            "properties": .fields(computed: base(ruleSet) + outline),
            "required": ["id", "name", "kind"],
            "additionalProperties": false,
        ])
    }

    private static func base(_ ruleSet: CompiledRuleSet?) -> [(String, JSONValue)] {
        [
            ("id", S.text("项目编号，如 XA-2025-001；批量评估时用作报告文件名")),
            ("name", S.text("项目名称")),
            ("kind", kind(ruleSet)),
            ("jurisdiction", S.text("所在地区，从大到小用“/”分隔，如 中国/陕西省/西安市；用于选择规则")),
            ("location", S.text("项目地点")),
            ("applicant", S.text("项目单位")),
            ("scale", S.text("建设规模")),
            ("description", S.text("项目概况")),
            (
                "details",
                .fields([
                    "type": "object", "description": "其他说明性字段（名称: 内容），显示在报告的基本情况中",
                    "additionalProperties": ["type": "string"],
                ])
            ),
            ("facts", ruleSet.map(facts) ?? .fields(["type": "object", "description": "事实：规则输入项的名称: 取值"])),
            ("measures", measures(ruleSet)),
            (
                "survey",
                .fields([
                    "type": "object",
                    "description": .string(
                        "入户调查结果（由 wenping survey 生成后原样粘贴）：survey.facts 中的比率作为事实参与评级，"
                            + "其样本量和 95% 区间供规则的 lower()、upper()、sample() 读取"),
                    "required": ["facts"],
                ])
            ),
            (
                "experts",
                .fields([
                    "type": "object",
                    "description": .string(
                        "专家评分：method（mean 或 fuzzy；规则写了 experts.method 时可省略）、defuzzify、weights 和 scores"
                            + "（因素 id → probability、impact，每位专家一项）；规则写了 source: experts 的因素按专家评定取级，"
                            + "其余因素与规则分档并列列出，见 docs/experts.md"),
                    "required": ["scores"],
                ])
            ),
        ]
    }

    private static func kind(_ ruleSet: CompiledRuleSet?) -> JSONValue {
        let description: JSONValue = "项目类型，对应规则的 applies_to，如 house_expropriation；也可写它的中文名称，如 房屋征收"
        guard let ruleSet, !ruleSet.appliesTo.isEmpty else {
            return .fields(["type": "string", "description": description])
        }
        var kinds = ruleSet.appliesTo
        for kind in ruleSet.appliesTo {
            if let label = ruleSet.kindLabel(for: kind), !kinds.contains(label) { kinds.append(label) }
        }
        return .fields(["enum": .strings(kinds), "description": description])
    }

    private static func measures(_ ruleSet: CompiledRuleSet?) -> JSONValue {
        var item: JSONValue = ["type": "string"]
        if let ruleSet {
            var ids: [String] = []
            for factor in ruleSet.factors {
                for measure in factor.measures where !ids.contains(measure.id) { ids.append(measure.id) }
            }
            item = .fields(["enum": .strings(ids)])
        }
        return .fields([
            "description": "已采纳的措施 id（规则中风险因素的 measures），每项只写一次",
            "anyOf": [item, .fields(["type": "array", "items": item, "uniqueItems": true])],
        ])
    }

    private static func facts(_ ruleSet: CompiledRuleSet) -> JSONValue {
        let required = ruleSet.inputs.filter(\.isRequired).map(\.name)
        return .fields([
            "type": "object",
            "description": .string("事实：规则“\(ruleSet.id)”的输入项；百分数写 0.35 或 35%"),
            "properties": .fields(computed: ruleSet.inputs.map { ($0.name, fact($0)) }),
            "required": required.isEmpty ? nil : .strings(required),
            "additionalProperties": false,
        ])
    }

    /// The schema of one fact, typed by its input's kind.
    static func fact(_ input: CompiledRuleSet.Input) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("title", .string(input.label)), ("description", .string(summary(input))),
        ]
        func bounds() -> [(String, JSONValue)] {
            [("minimum", input.min.map(JSONValue.number)), ("maximum", input.max.map(JSONValue.number))]
                .compactMap { key, value in value.map { (key, $0) } }
        }
        switch input.kind {
        case .integer:
            members += [("type", "integer")] + bounds()
        case .number:
            members += [("type", "number")] + bounds()
        case .percent:
            let number = JSONValue.fields(computed: [("type", "number")] + bounds())
            // `35%` as text; within the default range 0–100% the pattern also keeps the value in range.
            let pattern: JSONValue =
                input.min == 0 && input.max == 1 ? "^(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)%$" : "^[0-9.]+%$"
            members.append(("anyOf", [number, ["type": "string", "pattern": pattern]]))
        case .boolean:
            // FactBinder also reads 是 and 否.
            members.append(("anyOf", [["type": "boolean"], ["enum": ["是", "否"]]]))
        case .enumeration:
            var names: [String] = []
            for value in input.domain?.values ?? [] { names.append(value.key) }
            for value in input.domain?.values ?? [] where !names.contains(value.label) { names.append(value.label) }
            members += [("type", "string"), ("enum", .strings(names))]
        case .text:
            members.append(("type", "string"))
        case .date:
            members += [("type", "string"), ("format", "date"), ("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
        }
        return .fields(computed: members)
    }

    /// `被征收户数。单位：户。必填。`: what an editor shows when hovering over a fact.
    private static func summary(_ input: CompiledRuleSet.Input) -> String {
        var parts = [input.label]
        if let unit = input.unit { parts.append("单位：\(unit)") }
        if input.kind == .percent { parts.append("百分数，写 0.35 或 35%") }
        if input.kind == .enumeration, let domain = input.domain { parts.append("可选：\(domain.valueList)") }
        if let description = input.description { parts.append(description) }
        if input.isRequired {
            parts.append("必填")
        } else if let value = input.defaultValue {
            parts.append("不填时默认为 \(display(value, input))")
        } else {
            parts.append("可选；不填时相关条件按“无法判断”处理")
        }
        return parts.joined(separator: "。") + "。"
    }

    private static func display(_ value: Value, _ input: CompiledRuleSet.Input) -> String {
        switch value {
        case .number(let number) where input.kind == .percent: return "\(Formatting.number(number * 100))%"
        case .number(let number): return Formatting.number(number)
        case .boolean(let flag): return flag ? "true（是）" : "false（否）"
        case .enumeration(let index): return input.domain?.values[Int(index)].label ?? String(index)
        case .date(let days): return CalendarDate(daysSinceEpoch: Int(days)).description
        case .text, .unknown: return "—"
        }
    }
}
