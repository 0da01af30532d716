import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingDocuments
import WenpingLedger

/// Adds the reviews of an assessment to its report, so every format shows a governed override beside the
/// computed grade (never instead of it), with the reviewer and the time.
enum ReviewedReport {
    static func decorate(_ report: String, format: ReportFormat, reviews: [ReviewRecord]) -> String {
        switch format {
        case .json: json(report, reviews: reviews)
        case .markdown: markdown(report, reviews: reviews)
        case .html: html(report, reviews: reviews)
        }
    }

    /// The report with `"reviews": [...]` as its second member (after `schema`); the rest is byte-identical.
    static func json(_ report: String, reviews: [ReviewRecord]) -> String {
        let entries = reviews.map { review in
            "{\"reviewer\":\(JSONText.string(review.content.reviewer)),"
                + "\"decision\":\(JSONText.string(review.content.decision.rawValue)),"
                + "\"adjusted_grade\":\(review.content.adjustedGrade.map(JSONText.string) ?? "null"),"
                + "\"comment\":\(JSONText.string(review.content.comment)),"
                + "\"time\":\(JSONText.string(review.createdAt))}"
        }
        let member = "\"reviews\":[\(entries.joined(separator: ","))]"
        guard let comma = report.firstIndex(of: ",") else { return report }
        return String(report[...comma]) + member + "," + String(report[report.index(after: comma)...])
    }

    static func markdown(_ report: String, reviews: [ReviewRecord]) -> String {
        var text = report.hasSuffix("\n") ? report : report + "\n"
        text += "\n## 审核意见\n\n"
        if reviews.isEmpty {
            text += "尚未审核。\n"
            return text
        }
        text += "| 时间 | 审核人 | 结论 | 调整后等级(落实措施后) | 意见或理由 |\n|---|---|---|---|---|\n"
        for review in reviews {
            let cells = [
                review.createdAt, review.content.reviewer, review.content.decision.rawValue,
                review.content.adjustedGrade ?? "—", review.content.comment,
            ].map(markdownCell)
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if let adjusted = reviews.last(where: { $0.content.decision == .adjusted }) {
            text += "\n计算所得等级保持不变;审核人 \(markdownCell(adjusted.content.reviewer)) 于 \(adjusted.createdAt) "
            text += "将落实措施后的等级调整为 **\(markdownCell(adjusted.content.adjustedGrade ?? ""))**。\n"
        }
        return text
    }

    /// Text in a Markdown table cell: HTML-escaped (a Markdown viewer may pass HTML through) and without the
    /// characters that would break the table or start markup.
    static func markdownCell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "*", "_", "`", "[", "]", "\\": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    static func html(_ report: String, reviews: [ReviewRecord]) -> String {
        var section = "<section class=\"reviews\"><h2>审核意见</h2>"
        if reviews.isEmpty {
            section += "<p>尚未审核。</p>"
        } else {
            section += "<table><thead><tr><th>时间</th><th>审核人</th><th>结论</th><th>调整后等级(落实措施后)</th>"
            section += "<th>意见或理由</th></tr></thead><tbody>"
            for review in reviews {
                let cells = [
                    review.createdAt, review.content.reviewer, review.content.decision.rawValue,
                    review.content.adjustedGrade ?? "—", review.content.comment,
                ]
                section += "<tr>" + cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
            }
            section += "</tbody></table>"
            if let adjusted = reviews.last(where: { $0.content.decision == .adjusted }) {
                section += "<p>计算所得等级保持不变;审核人 \(HTML.escape(adjusted.content.reviewer)) 于 "
                section += "\(HTML.escape(adjusted.createdAt)) 将落实措施后的等级调整为 "
                section += "<strong>\(HTML.escape(adjusted.content.adjustedGrade ?? ""))</strong>。</p>"
            }
        }
        section += "</section>"
        if let end = report.range(of: "</body>", options: .backwards) {
            return report.replacingCharacters(in: end, with: section + "</body>")
        }
        return report + section
    }

    /// The reviews as a chapter of a Word report: the same table and sentence as the other formats.
    static func appendix(_ reviews: [ReviewRecord]) -> WordAppendix {
        guard !reviews.isEmpty else { return WordAppendix(title: "审核意见", paragraphs: ["尚未审核。"]) }
        let rows = reviews.map { review in
            [
                review.createdAt, review.content.reviewer, review.content.decision.rawValue,
                review.content.adjustedGrade ?? "—", review.content.comment,
            ]
        }
        var paragraphs: [String] = []
        if let adjusted = reviews.last(where: { $0.content.decision == .adjusted }) {
            paragraphs.append(
                "计算所得等级保持不变;审核人 \(adjusted.content.reviewer) 于 \(adjusted.createdAt) "
                    + "将落实措施后的等级调整为 \(adjusted.content.adjustedGrade ?? "")。")
        }
        return WordAppendix(
            title: "审核意见", headers: ["时间", "审核人", "结论", "调整后等级(落实措施后)", "意见或理由"], rows: rows,
            paragraphs: paragraphs)
    }
}
