import Foundation
import Wenping

/// The view model of “为什么是这个等级” on the project page: how the grade was decided before and after measures,
/// and the nearest changes and measures not yet adopted, each a link that puts its value into the form.
enum ExplanationView {
    /// Where the explanation's “试用”/“采纳” links go.
    enum Links {
        /// On the project form: to the field (the script fills it in and grades again).
        case form
        /// On a stored assessment: to the project's edit page with the value filled in (`?fact.x=v`, `?measure=m`).
        case edit(String)
        /// No links (a reader who may not edit).
        case none

        func target(_ name: String, _ value: String, anchor: String) -> String {
            switch self {
            case .form: return anchor
            case .none: return ""
            case .edit(let page):
                var components = URLComponents()
                components.queryItems = [URLQueryItem(name: name, value: value)]
                // `+` would read as a space in a query; `%2B` keeps it.
                let query = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
                return page + "?" + query
            }
        }
    }

    static func make(_ explanation: GradeExplanation, links: Links = .form) -> [String: Any] {
        let titles: [(GradeExplanation.Direction, String, String)] = [
            (.lowers, "lowers", "能降低落实措施后等级的变化"), (.raises, "raises", "会提高落实措施后等级的变化"),
            (.keeps, "keeps", "只改变风险因素等级的变化"),
        ]
        let groups = titles.compactMap { direction, key, title -> [String: Any]? in
            let items = explanation.changes.enumerated().filter { $0.element.direction == direction }
            guard !items.isEmpty else { return nil }
            return [
                "key": key, "title": title, "count": items.count, "open": direction != .keeps,
                "items": items.map { offset, change in
                    [
                        "field": "fact." + change.fact, "value": change.formValue,
                        "target": links.target("fact." + change.fact, change.formValue, anchor: "#f-" + change.fact),
                        "valueLabel": change.valueLabel, "segments": segments(change.text), "id": "try-\(offset)",
                    ] as [String: Any]
                },
            ]
        }
        let measures = explanation.measures.enumerated().map { offset, option in
            [
                "measure": option.measure, "label": option.label,
                "target": links.target("measure", option.measure, anchor: "#m-" + option.measure),
                "segments": segments(option.text), "lowers": option.direction == .lowers, "id": "adopt-\(offset)",
            ] as [String: Any]
        }
        return [
            "outcomes": explanation.outcomes.map { outcome in
                ["title": outcome.title, "lines": outcome.lines.map { ["segments": segments($0)] }] as [String: Any]
            },
            "changeGroups": groups, "hasChanges": !groups.isEmpty,
            "hasLowering": explanation.changes.contains { $0.direction == .lowers }, "measures": measures,
            "hasMeasures": !measures.isEmpty, "isLowest": explanation.isLowest,
            "linkable": { if case .none = links { false } else { true } }(),
        ]
    }

    /// The explanation's light markup as segments for the template (which escapes each): `**bold**` and
    /// backquoted conditions; anything else, unmatched markers included, is plain text.
    static func segments(_ text: String) -> [[String: Any]] {
        var result: [[String: Any]] = []
        var rest = Substring(text)
        func plain(_ part: Substring) {
            if !part.isEmpty { result.append(["text": String(part), "plain": true]) }
        }
        while !rest.isEmpty {
            let bold = rest.range(of: "**")
            let code = rest.firstIndex(of: "`")
            if let bold, code.map({ bold.lowerBound < $0 }) ?? true,
                let end = rest[bold.upperBound...].range(of: "**")
            {
                plain(rest[..<bold.lowerBound])
                result.append(["text": String(rest[bold.upperBound..<end.lowerBound]), "bold": true])
                rest = rest[end.upperBound...]
            } else if let code, let end = rest[rest.index(after: code)...].firstIndex(of: "`") {
                plain(rest[..<code])
                result.append(["text": String(rest[rest.index(after: code)..<end]), "code": true])
                rest = rest[rest.index(after: end)...]
            } else {
                plain(rest)
                rest = ""
            }
        }
        return result
    }
}
