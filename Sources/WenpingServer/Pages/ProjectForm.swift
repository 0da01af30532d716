import Foundation
import Wenping

/// The project form of the workbench: generated from a ruleset's inputs, read back into a project (JSON, the
/// same body the API takes), and filled again from a stored version for editing.
///
/// Facts are form fields named `fact.<name>`; measures are checkboxes named `measure`; the project's own fields
/// (`id`, `name`, `location`, ...) keep their project-file names.
struct ProjectForm {
    let ruleSet: CompiledRuleSet
    /// The submitted (or stored) values, by field name, as text.
    var values: [String: String] = [:]
    var measures: Set<String> = []
    /// Problems with single fields, in Chinese, by field name.
    var errors: [String: String] = [:]

    /// The descriptive fields a planner fills besides the facts: (name in the project file, label, multi-line).
    static let descriptive: [(key: String, label: String, long: Bool)] = [
        ("location", "项目地点", false), ("applicant", "项目单位", false), ("scale", "建设规模", false),
        ("description", "项目概况", true), ("client", "委托方", false), ("environment", "社会环境概况", true),
    ]

    init(ruleSet: CompiledRuleSet) { self.ruleSet = ruleSet }

    /// Reads a submitted form; ``errors`` says which fields could not be read.
    init(ruleSet: CompiledRuleSet, form: FormData) {
        self.ruleSet = ruleSet
        for (name, value) in form.pairs where name != "measure" && name != "_csrf" { values[name] = value }
        measures = Set(form.all("measure"))
    }

    /// Fills the form from a stored project version (JSON as the workbench saves it); nil when the version is not
    /// JSON (saved through the API as YAML).
    init?(ruleSet: CompiledRuleSet, stored content: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any] else {
            return nil
        }
        self.ruleSet = ruleSet
        for key in ["id", "name"] + Self.descriptive.map(\.key) {
            if let text = object[key] as? String { values[key] = text }
        }
        readOutline(object)
        let facts = object["facts"] as? [String: Any] ?? [:]
        for field in ruleSet.form.fields {
            guard let value = facts[field.name] else { continue }
            values["fact." + field.name] = Self.display(value, kind: field.kind)
        }
        measures = Set(object["measures"] as? [String] ?? [])
    }

    /// How a stored fact value is written back into its field.
    static func display(_ value: Any, kind: String) -> String {
        if let flag = value as? Bool, kind == "boolean" { return flag ? "true" : "false" }
        if let number = value as? NSNumber {
            if kind == "percent" { return Self.plain(number.doubleValue * 100) + "%" }
            return Self.plain(number.doubleValue)
        }
        return "\(value)"
    }

    /// The project as JSON (sorted keys), or nil when a field could not be read (see ``errors``).
    mutating func projectJSON() -> String? {
        errors = [:]
        var facts: [String: Any] = [:]
        for field in ruleSet.form.fields {
            let raw = (values["fact." + field.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if raw.isEmpty { continue }
            switch Self.parse(raw, field: field) {
            case .success(let value): facts[field.name] = value
            case .failure(let message): errors["fact." + field.name] = message.text
            }
        }
        let id = (values["id"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let name = (values["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if id.isEmpty {
            errors["id"] = "请填写项目编号"
        } else if id.count > 128 || id.contains("/") || id.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            errors["id"] = "项目编号至多 128 个字符，不含“/”和控制字符"
        }
        if name.isEmpty { errors["name"] = "请填写项目名称" }
        let outline = outlineJSON()
        guard errors.isEmpty, let kind = ruleSet.primaryKind else { return nil }
        var project: [String: Any] = [
            "id": id, "name": name, "kind": kind.key, "jurisdiction": ruleSet.jurisdiction, "facts": facts,
            "measures": ruleSet.form.measures.map(\.id).filter(measures.contains),
        ]
        for field in Self.descriptive {
            let text = (values[field.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { project[field.key] = text }
        }
        project.merge(outline) { _, new in new }
        guard let data = try? JSONSerialization.data(withJSONObject: project, options: [.sortedKeys]) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct Message: Error { var text: String }

    /// A number as a planner would write it: no exponent, no trailing zeros (`0.35` → `0.35`, `1200.0` → `1200`).
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// One field's text as a JSON value: integers accept `1,200`, percents accept `35%`, `35％` and `0.35`,
    /// booleans come from a 是/否 choice, enums from their keys.
    static func parse(_ raw: String, field: RuleSetForm.Field) -> Result<Any, Message> {
        let compact = raw.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
            .replacingOccurrences(of: " ", with: "")
        switch field.kind {
        case "integer":
            guard let value = Int(compact) else { return .failure(Message(text: "应为整数，如 1200 或 1,200")) }
            return check(Double(value), field).map { _ in value as Any }
        case "number":
            guard let value = Double(compact), value.isFinite else {
                return .failure(Message(text: "应为数字，如 6790 或 6,790.5"))
            }
            return check(value, field).map { _ in value as Any }
        case "percent":
            let value: Double?
            if compact.hasSuffix("%") || compact.hasSuffix("％") {
                value = Double(compact.dropLast()).map { $0 / 100 }
            } else if let fraction = Double(compact), (0...1).contains(fraction) {
                value = fraction
            } else {
                value = nil
            }
            guard let value, value.isFinite else {
                return .failure(Message(text: "应为百分数，如 35%、35％ 或 0.35"))
            }
            return check(value, field).map { _ in value as Any }
        case "boolean":
            switch compact {
            case "true", "是": return .success(true)
            case "false", "否": return .success(false)
            default: return .failure(Message(text: "请选择“是”或“否”"))
            }
        case "enum":
            guard field.choices.contains(where: { $0.key == raw }) else {
                return .failure(Message(text: "请从列表中选择"))
            }
            return .success(raw)
        default:
            return .success(raw)
        }
    }

    static func check(_ value: Double, _ field: RuleSetForm.Field) -> Result<Double, Message> {
        let percent = field.kind == "percent"
        let show = { (bound: Double) in percent ? Self.plain(bound * 100) + "%" : Self.plain(bound) }
        if let min = field.min, value < min { return .failure(Message(text: "不能小于 \(show(min))")) }
        if let max = field.max, value > max { return .failure(Message(text: "不能大于 \(show(max))")) }
        return .success(value)
    }

    /// The form's fields for the template: label, unit, control, value, the factors each feeds, its error.
    func fieldViews() -> [[String: Any]] {
        ruleSet.form.fields.map { field in
            let key = "fact." + field.name
            let value = values[key] ?? ""
            var view: [String: Any] = [
                "name": key, "id": "f-" + field.name, "label": field.label, "unit": field.unit ?? "",
                "required": field.isRequired, "value": value, "description": field.description ?? "",
                "feeds": field.factors.joined(separator: "、"), "floors": field.floors.joined(separator: "、"),
                "error": errors[key] ?? "", "hasError": errors[key] != nil,
            ]
            switch field.kind {
            case "enum":
                view["isSelect"] = true
                view["options"] =
                    [["key": "", "label": "（未填）", "selected": value.isEmpty] as [String: Any]]
                    + field.choices.map {
                        ["key": $0.key, "label": $0.label, "selected": $0.key == value] as [String: Any]
                    }
            case "boolean":
                view["isSelect"] = true
                view["options"] = [
                    ["key": "", "label": "（未填）", "selected": value.isEmpty] as [String: Any],
                    ["key": "true", "label": "是", "selected": value == "true"] as [String: Any],
                    ["key": "false", "label": "否", "selected": value == "false"] as [String: Any],
                ]
            default:
                view["isInput"] = true
                view["inputMode"] = field.kind == "text" || field.kind == "date" ? "text" : "decimal"
                view["hint"] =
                    switch field.kind {
                    case "percent": "可写 35%、35％ 或 0.35"
                    case "integer": "整数，可写 1,200"
                    case "date": "如 2025-06-30"
                    default: ""
                    }
            }
            return view
        }
    }

    func measureViews() -> [[String: Any]] {
        ruleSet.form.measures.map {
            [
                "id": $0.id, "domID": "m-" + $0.id, "label": $0.label, "effects": $0.effects.joined(separator: ";"),
                "checked": measures.contains($0.id),
            ] as [String: Any]
        }
    }

    func descriptiveViews() -> [[String: Any]] {
        Self.descriptive.map {
            ["name": $0.key, "id": "d-" + $0.key, "label": $0.label, "long": $0.long, "value": values[$0.key] ?? ""]
                as [String: Any]
        }
    }

    /// The label of the field `name` (a fact, the project's own fields or the outline's), for error lists.
    func label(of name: String) -> String {
        if name.hasPrefix("fact."), let field = ruleSet.form.fields.first(where: { "fact." + $0.name == name }) {
            return field.label
        }
        let parts = name.split(separator: ".").map(String.init)
        switch parts.first {
        case "id": return "项目编号"
        case "name": return "项目名称"
        case "investigation" where parts.count == 3:
            let field = Self.investigationFields.first { $0.key == parts[2] }?.label ?? parts[2]
            return "调查 \((Int(parts[1]) ?? 0) + 1)：" + field
        case "opinion" where parts.count == 3:
            let field = Self.opinionFields.first { $0.key == parts[2] }?.label ?? parts[2]
            return "意见 \((Int(parts[1]) ?? 0) + 1)：" + field
        default: return name
        }
    }
}
