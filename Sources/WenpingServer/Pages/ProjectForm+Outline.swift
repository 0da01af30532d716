import Foundation

/// The report-outline parts of the project form: 评估主体 (`assessor`), 调查过程 (`process`), 各方意见及采纳情况
/// (`opinions`) and 应急处置预案 (`emergency_response`), with the same keys the project file and the report read
/// (see `ProjectOutline` in the core).
///
/// Lists are one item per line in a text area; investigations and opinions are rows of fields named
/// `investigation.<row>.<key>` and `opinion.<row>.<key>`, the form always showing one empty row more than it holds
/// (at least two), so that a row can be added without a script. A row left wholly empty is dropped.
extension ProjectForm {
    /// 评估主体's single-line fields: (key in `assessor`, label).
    static let assessorFields: [(key: String, label: String)] = [
        ("organisation", "评估机构"), ("role", "角色（委托或承担）"), ("designated_by", "指定或委托评估主体的机关"), ("lead", "评估负责人"),
    ]
    /// An investigation's fields: (key, label, kind) with kind `text`, `date` or `count`.
    static let investigationFields: [(key: String, label: String, kind: String)] = [
        ("method", "调查方式", "text"), ("from", "开始日期", "date"), ("to", "结束日期", "date"), ("scope", "调查范围", "text"),
        ("sample", "样本数（户或人）", "count"), ("responses", "有效回应数", "count"),
    ]
    static let opinionFields: [(key: String, label: String)] = [
        ("source", "意见来源"), ("opinion", "意见或诉求"), ("response", "采纳情况或不采纳的理由"),
    ]
    /// 应急处置预案's fields: (key in `emergency_response`, label, list).
    static let emergencyFields: [(key: String, label: String, list: Bool)] = [
        ("summary", "预案概要", false), ("command", "指挥机构", false), ("levels", "响应分级（每行一级）", true),
        ("contacts", "联系人（每行一人）", true),
    ]

    /// Fills the outline fields from a stored project (JSON as the workbench saves it).
    mutating func readOutline(_ object: [String: Any]) {
        if let assessor = object["assessor"] as? [String: Any] {
            for field in Self.assessorFields {
                if let text = assessor[field.key] as? String { values["assessor." + field.key] = text }
            }
            let members = (assessor["members"] as? [Any] ?? []).compactMap { item -> String? in
                if let name = item as? String { return name }
                guard let member = item as? [String: Any], let name = member["name"] as? String else { return nil }
                return (member["role"] as? String).map { name + "：" + $0 } ?? name
            }
            values["assessor.members"] = members.joined(separator: "\n")
            values["assessor.participants"] = (assessor["participants"] as? [String] ?? []).joined(separator: "\n")
        }
        if let process = object["process"] as? [String: Any] {
            for (row, item) in (process["investigations"] as? [[String: Any]] ?? []).enumerated() {
                for field in Self.investigationFields {
                    if let value = item[field.key] { values["investigation.\(row).\(field.key)"] = "\(value)" }
                }
            }
            values["process.identification"] = (process["identification"] as? [String] ?? []).joined(separator: "\n")
        }
        for (row, item) in (object["opinions"] as? [[String: Any]] ?? []).enumerated() {
            for field in Self.opinionFields {
                if let text = item[field.key] as? String { values["opinion.\(row).\(field.key)"] = text }
            }
            if let adopted = item["adopted"] as? Bool { values["opinion.\(row).adopted"] = adopted ? "true" : "false" }
        }
        if let plan = object["emergency_response"] as? [String: Any] {
            for field in Self.emergencyFields {
                if field.list {
                    values["emergency." + field.key] = (plan[field.key] as? [String] ?? []).joined(separator: "\n")
                } else if let text = plan[field.key] as? String {
                    values["emergency." + field.key] = text
                }
            }
        }
    }

    /// The outline as project-file keys; problems go to ``errors`` by field name.
    mutating func outlineJSON() -> [String: Any] {
        var project: [String: Any] = [:]
        var assessor: [String: Any] = [:]
        for field in Self.assessorFields where !text("assessor." + field.key).isEmpty {
            assessor[field.key] = text("assessor." + field.key)
        }
        let members = lines("assessor.members").map { line -> Any in
            guard let split = line.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return line }
            let name = line[..<split].trimmingCharacters(in: .whitespaces)
            let role = line[line.index(after: split)...].trimmingCharacters(in: .whitespaces)
            return role.isEmpty ? name as Any : ["name": name, "role": role] as Any
        }
        if !members.isEmpty { assessor["members"] = members }
        if !lines("assessor.participants").isEmpty { assessor["participants"] = lines("assessor.participants") }
        if !assessor.isEmpty { project["assessor"] = assessor }

        var process: [String: Any] = [:]
        var investigations: [[String: Any]] = []
        for row in rows("investigation") {
            var item: [String: Any] = [:]
            for field in Self.investigationFields {
                let name = "investigation.\(row).\(field.key)"
                let raw = text(name)
                if raw.isEmpty { continue }
                switch field.kind {
                case "count":
                    let compact = raw.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
                    if let count = Int(compact), count >= 0 {
                        item[field.key] = count
                    } else {
                        errors[name] = "应为不小于 0 的整数，如 260 或 1,200"
                    }
                case "date":
                    if Self.isDate(raw) { item[field.key] = raw } else { errors[name] = "日期应写作 2025-06-30" }
                default: item[field.key] = raw
                }
            }
            if item.isEmpty && errors.keys.allSatisfy({ !$0.hasPrefix("investigation.\(row).") }) { continue }
            if item["method"] == nil { errors["investigation.\(row).method"] = "请填写调查方式，或清空这一行" }
            investigations.append(item)
        }
        if !investigations.isEmpty { process["investigations"] = investigations }
        if !lines("process.identification").isEmpty { process["identification"] = lines("process.identification") }
        if !process.isEmpty { project["process"] = process }

        var opinions: [[String: Any]] = []
        for row in rows("opinion") {
            var item: [String: Any] = [:]
            for field in Self.opinionFields where !text("opinion.\(row).\(field.key)").isEmpty {
                item[field.key] = text("opinion.\(row).\(field.key)")
            }
            switch text("opinion.\(row).adopted") {
            case "true": item["adopted"] = true
            case "false": item["adopted"] = false
            default: break
            }
            if item.isEmpty { continue }
            for key in ["source", "opinion"] where item[key] == nil {
                errors["opinion.\(row).\(key)"] = key == "source" ? "请填写意见来源，或清空这一行" : "请填写意见内容，或清空这一行"
            }
            opinions.append(item)
        }
        if !opinions.isEmpty { project["opinions"] = opinions }

        var plan: [String: Any] = [:]
        for field in Self.emergencyFields {
            let name = "emergency." + field.key
            if field.list {
                if !lines(name).isEmpty { plan[field.key] = lines(name) }
            } else if !text(name).isEmpty {
                plan[field.key] = text(name)
            }
        }
        if !plan.isEmpty { project["emergency_response"] = plan }
        return project
    }

    /// The outline's sections for the template.
    func outlineViews() -> [String: Any] {
        func field(_ name: String, _ label: String, long: Bool = false, kind: String = "text") -> [String: Any] {
            // Text fields' ids start with `d-` like the other descriptive fields; dates and counts with `n-`.
            let prefix = kind == "text" ? "d-" : "n-"
            let id = prefix + name.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "_", with: "-")
            return [
                "name": name, "id": id, "label": label, "long": long, "value": values[name] ?? "",
                "error": errors[name] ?? "", "hasError": errors[name] != nil,
                "inputMode": kind == "count" ? "numeric" : "text",
                "placeholder": kind == "date" ? "2025-06-30" : "",
            ]
        }
        let assessor =
            Self.assessorFields.map { field("assessor." + $0.key, $0.label) } + [
                field("assessor.members", "评估组成员（每行一人，可写“姓名：分工”）", long: true),
                field("assessor.participants", "参与评估的部门、专家和群众代表（每行一项）", long: true),
            ]
        let investigations = (0..<rowCount("investigation")).map { row in
            [
                "number": row + 1,
                "fields": Self.investigationFields.map {
                    field("investigation.\(row).\($0.key)", $0.label, kind: $0.kind)
                },
            ] as [String: Any]
        }
        let opinions = (0..<rowCount("opinion")).map { row in
            let adopted = values["opinion.\(row).adopted"] ?? ""
            return [
                "number": row + 1, "fields": Self.opinionFields.map { field("opinion.\(row).\($0.key)", $0.label) },
                "adoptedName": "opinion.\(row).adopted", "adoptedID": "d-opinion-\(row)-adopted",
                "adoptedOptions": [("", "（未说明）"), ("true", "采纳"), ("false", "不采纳")].map {
                    ["key": $0.0, "label": $0.1, "selected": $0.0 == adopted] as [String: Any]
                },
            ] as [String: Any]
        }
        return [
            "assessor": assessor, "investigations": investigations,
            "identification": field("process.identification", "风险识别方法（每行一种，如 对照表法、专家调查法）", long: true),
            "opinions": opinions,
            "emergency": Self.emergencyFields.map {
                field("emergency." + $0.key, $0.label, long: $0.list || $0.key == "summary")
            },
        ]
    }

    // MARK: Helpers

    private func text(_ name: String) -> String {
        (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The non-empty lines of a text area.
    private func lines(_ name: String) -> [String] {
        (values[name] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The row numbers of `prefix.<row>.<key>` values, in order.
    private func rows(_ prefix: String) -> [Int] {
        Set(
            values.keys.compactMap { key -> Int? in
                let parts = key.split(separator: ".")
                guard parts.count == 3, parts[0] == prefix, let row = Int(parts[1]), (0..<200).contains(row) else {
                    return nil
                }
                return row
            }
        ).sorted()
    }

    /// Rows to show: one more than the highest row with a value, at least two.
    private func rowCount(_ prefix: String) -> Int {
        let filled = rows(prefix).filter { row in
            values.contains {
                $0.key.hasPrefix("\(prefix).\(row).") && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty
            }
        }
        return max((filled.last ?? -1) + 2, 2)
    }

    /// `YYYY-MM-DD` with a month 1–12 and a day 1–31 (the project reader checks the calendar).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
