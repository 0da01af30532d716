import Foundation
import Wenping

/// The grade panel's view model (grade before and after, index, missing facts and what they change, fired
/// floors), read from the JSON report so it says what the report says.
enum GradeView {
    /// The live panel's view: the grade panel, the report's risk matrix and contribution chart, and why the grade
    /// is what it is (``ExplanationView``).
    static func make(_ assessment: Assessment) -> [String: Any] {
        var view = make(reportJSON: JSONReportRenderer.render(assessment))
        view.merge(figures(assessment, id: "live")) { _, new in new }
        view["explain"] = ExplanationView.make(Explainer.explanation(of: assessment))
        return view
    }

    /// The report's risk matrix and contribution chart (SVG) for the `figures` partial, whose boxes get the ids
    /// `<id>-matrix` and `<id>-contributions`.
    static func figures(_ assessment: Assessment, id: String) -> [String: Any] {
        let figures = HTMLReportRenderer.figures(assessment)
        return ["matrix": figures.matrix, "contributions": figures.contributions, "figuresID": id, "hasFigures": true]
    }

    static func make(reportJSON: String) -> [String: Any] {
        let report = (try? JSONSerialization.jsonObject(with: Data(reportJSON.utf8)) as? [String: Any]) ?? [:]
        let conclusion = report["conclusion"] as? [String: Any] ?? [:]
        let project = report["project"] as? [String: Any] ?? [:]
        let completeness = report["completeness"] as? [String: Any] ?? [:]
        let missing = (completeness["missing"] as? [[String: Any]] ?? []).map {
            [
                "label": $0["label"] as? String ?? "",
                "effects": ($0["effects"] as? [String] ?? []).joined(separator: ";"),
            ]
        }
        let floors = (report["floors"] as? [[String: Any]] ?? []).compactMap { $0["statement"] as? String }
        let index = { (key: String) in
            ((report[key] as? [String: Any])?["index"] as? Double).map { String(format: "%.4f", $0) } ?? "—"
        }
        let gradeBefore = conclusion["grade_before"] as? String ?? "—"
        let gradeAfter = conclusion["grade_after"] as? String ?? "—"
        return [
            "projectName": project["name"] as? String ?? "", "gradeBefore": gradeBefore, "gradeAfter": gradeAfter,
            "gradeClassBefore": gradeClass(gradeBefore),
            "gradeClassAfter": gradeClass(gradeAfter), "label": conclusion["label"] as? String ?? "",
            "decision": conclusion["decision"] as? String ?? "", "indexBefore": index("before"),
            "indexAfter": index("after"), "missing": missing, "hasMissing": !missing.isEmpty, "floors": floors,
            "hasFloors": !floors.isEmpty,
        ]
    }

    /// A CSS class for a grade id (高, 中, 低); other ids get a neutral class.
    static func gradeClass(_ grade: String) -> String {
        switch grade {
        case "高": "grade-high"
        case "中": "grade-medium"
        case "低": "grade-low"
        default: "grade-other"
        }
    }
}
