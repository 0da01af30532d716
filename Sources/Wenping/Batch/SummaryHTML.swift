/// The `index.html` of a batch: one self-contained page (inline CSS and SVG, no JavaScript, no network) with the
/// totals, the grade distribution after measures as a bar chart, and the first ``shownRows`` inputs in input
/// order with links to their reports.
///
/// The page stays small whatever the batch size (about 1 MB at most), so a browser opens it at once; every input
/// is in `summary.csv` and `summary.json`, which the page points to when it does not list them all. Written in
/// three parts so that rows can be streamed: ``head(_:)``, each ``row(_:)``, and ``tail``. Every piece of text
/// from a project or a rule file is escaped.
enum SummaryHTML {
    /// How many inputs the table lists; the rest are only in `summary.csv` and `summary.json`.
    static let shownRows = 1_000

    /// Whether the row of the input with 1-based `sequence` goes into the table.
    static func shows(sequence: Int) -> Bool { sequence <= shownRows }

    /// Everything up to the first row of the table.
    static func head(_ summary: BatchSummary) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>稳评批量评估汇总</title>
            <style>
            \(style)</style>
            </head>
            <body>
            <h1>稳评批量评估汇总</h1>

            """
        if summary.interrupted {
            out += "<p class=\"interrupted\">批量评估被中断：只列出中断前完成的 \(summary.total) 个输入。</p>\n"
        }
        out += "<p class=\"counts\">共 \(summary.total) 个输入：已评级 \(summary.graded) 个，无效 \(summary.invalid) 个。"
        if summary.incomplete > 0 { out += "其中 \(summary.incomplete) 个项目数据不完整（见“数据完整性”列）。" }
        out += "</p>\n"
        if !summary.ruleSetsUsed.isEmpty {
            out += "<p>所用规则：</p>\n<ul class=\"rules\">\n"
            for ruleSet in summary.ruleSetsUsed {
                out +=
                    "<li>\(HTML.escape(ruleSet.title))（\(HTML.escape(ruleSet.id))，版本 \(HTML.escape(ruleSet.version))，"
                out += "sha256:\(HTML.escape(String(ruleSet.digest.prefix(12))))…）</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<h2>措施后风险等级分布</h2>\n"
        out += chart(summary.distributionAfter)
        out += "<h2>项目一览</h2>\n"
        if summary.total > shownRows {
            out += "<p class=\"partial\"><strong>下表只列出前 \(shownRows) 个输入（共 \(summary.total) 个）。</strong>"
            out += "全部输入的结果和错误见 <a href=\"summary.csv\">summary.csv</a>（可用 Excel 打开）"
            out += "和 <a href=\"summary.json\">summary.json</a>。</p>\n"
        }
        out += "<table>\n<thead><tr>"
        out += SummaryCSV.columns.map { "<th>\($0)</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        return out
    }

    static func row(_ row: BatchRow) -> String {
        let cells = SummaryCSV.cells(row)
        if row.id == nil, row.issue != nil {
            // Nothing is known of the project but the error: let it use the whole row.
            return "<tr class=\"invalid\"><td>\(row.sequence)</td><td colspan=\"\(cells.count - 1)\" class=\"error\">"
                + "\(error(cells[SummaryCSV.errorColumn]))</td></tr>\n"
        }
        if row.name == nil, row.grading == nil, let id = row.id, row.issue != nil {
            // An invalid input whose id could be read: the id, then the error across the rest of the row.
            return "<tr class=\"invalid\"><td>\(row.sequence)</td><td class=\"id\">\(HTML.escape(id))</td>"
                + "<td colspan=\"\(cells.count - 2)\" class=\"error\">"
                + "\(error(cells[SummaryCSV.errorColumn]))</td></tr>\n"
        }
        var out = row.isGraded ? "<tr>" : "<tr class=\"invalid\">"
        for (index, cell) in cells.enumerated() {
            switch index {
            case 1:
                out += "<td class=\"id\">\(HTML.escape(cell))</td>"
            case 5, 6:
                let severity = row.grading.flatMap { $0.ruleSet.gradeIDs.firstIndex(of: cell) }
                out += severity.map { "<td class=\"grade g\(min($0, 2))\">\(HTML.escape(cell))</td>" } ?? "<td></td>"
            case 7, 8:
                out += "<td class=\"number\">\(HTML.escape(cell))</td>"
            case 9:
                out += "<td class=\"factors\">\(row.mainFactorLabels.map(HTML.escape).joined(separator: "<br>"))</td>"
            case 10:
                let incomplete = row.grading.map { !$0.missingFacts.isEmpty } ?? false
                out +=
                    incomplete ? "<td class=\"incomplete\">\(HTML.escape(cell))</td>" : "<td>\(HTML.escape(cell))</td>"
            case 11:
                let links = row.reports.map { path in
                    let label = path.split(separator: ".").last.map(String.init) ?? path
                    return "<a href=\"\(HTML.escape(path))\">\(HTML.escape(label))</a>"
                }
                out += "<td class=\"files\">\(links.joined(separator: " "))</td>"
            case 12:
                out += cell.isEmpty ? "<td></td>" : "<td class=\"error\">\(error(cell))</td>"
            default:
                out += "<td>\(HTML.escape(cell))</td>"
            }
        }
        return out + "</tr>\n"
    }

    /// An error cell's content: the message lines wrap (`<div class="message">`), and the source lines a
    /// diagnostic quotes under them (`   4 | …` and the caret line `     | ^~~`) keep their columns in a monospaced
    /// box of their own (`<pre class="excerpt">`), which scrolls sideways inside the cell when it is wider, so that
    /// the caret stays under the column it points at and the page itself never gets wider than the window.
    static func error(_ message: String) -> String {
        var out = ""
        var lines: [Substring] = []
        var quoting = false
        func flush() {
            guard !lines.isEmpty else { return }
            let text = lines.joined(separator: "\n")
            out +=
                quoting
                ? "<pre class=\"excerpt\">\(excerpt(text))</pre>"
                : "<div class=\"message\">\(HTML.escape(text))</div>"
            lines = []
        }
        for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
            let quoted = isExcerptLine(line)
            if quoted != quoting {
                flush()
                quoting = quoted
            }
            lines.append(line)
        }
        flush()
        return out
    }

    /// Quoted source lines as HTML whose columns are those ``DiagnosticFormatter`` counted for the caret line: each
    /// character outside ASCII sits in a box of its own, two character widths (`2ch`) for a wide or full-width one
    /// (``DiagnosticFormatter/cellWidth(of:)``), one (`1ch`) otherwise (`<span class="w">` and `<span class="n">`,
    /// see ``style``).
    ///
    /// Without the boxes a Chinese character takes the width its fallback font gives it, not two columns of the
    /// monospaced font: with DejaVu Sans Mono and Noto Sans CJK, 1.66 columns, so a caret after ten Chinese
    /// characters stood more than three columns to the right of what it pointed at.
    static func excerpt(_ text: String) -> String {
        let escaped = HTML.escape(text)
        guard !escaped.unicodeScalars.allSatisfy(\.isASCII) else { return escaped }
        var out = ""
        out.reserveCapacity(escaped.utf8.count * 2)
        for scalar in escaped.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                out += DiagnosticFormatter.cellWidth(of: scalar) == 2 ? "<span class=\"w\">" : "<span class=\"n\">"
                out.unicodeScalars.append(scalar)
                out += "</span>"
            }
        }
        return out
    }

    /// Whether `line` is a line of a ``DiagnosticFormatter`` excerpt: spaces, an optional line number, a space and
    /// `|` (the end of the line, or a space and the quoted text or the caret).
    static func isExcerptLine(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " || ($0.isASCII && $0.isNumber) }
        guard rest.startIndex > line.startIndex, line[line.index(before: rest.startIndex)] == " ",
            rest.first == "|"
        else { return false }
        return rest.count == 1 || rest.dropFirst().first == " "
    }

    static let tail = "</tbody>\n</table>\n</body>\n</html>\n"

    /// A horizontal bar per grade, least severe first, with the count at the end of each bar.
    static func chart(_ distribution: [(grade: String, count: Int)]) -> String {
        let barHeight = 28
        let gap = 12
        let labelWidth = 60
        let barSpace = 400
        let width = labelWidth + barSpace + 80
        let height = max(1, distribution.count) * (barHeight + gap) + gap
        let largest = max(1, distribution.map(\.count).max() ?? 0)
        let total = distribution.reduce(0) { $0 + $1.count }
        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"措施后风险等级分布\">\n"
        for (index, entry) in distribution.enumerated() {
            let y = gap + index * (barHeight + gap)
            let length = entry.count == 0 ? 0 : max(2, barSpace * entry.count / largest)
            let share = total == 0 ? "" : "(\(entry.count * 100 / total)%)"
            let grade = HTML.escape(entry.grade)
            out += "<text x=\"\(labelWidth - 10)\" y=\"\(y + 19)\" text-anchor=\"end\">\(grade)风险</text>"
            out += "<rect class=\"g\(min(index, 2))\" x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" "
            out += "height=\"\(barHeight)\"/>"
            out += "<text x=\"\(labelWidth + length + 8)\" y=\"\(y + 19)\">\(entry.count)\(share)</text>\n"
        }
        return out + "</svg>\n"
    }

    /// The page's CSS.
    ///
    /// No part of the page is wider than the window, so it never scrolls sideways: headers, text, ids and error
    /// messages wrap (between words where they can, inside a word only where they must), a diagnostic's quoted
    /// source lines scroll inside their own box (``error(_:)``), the chart shrinks with the window, and at 760 px
    /// and below (a phone) the table reads as one card per input, each cell with its column's name before it
    /// (``cardLabels``). On paper the table stays a table.
    static let style = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
          margin: 2em; color: #222; line-height: 1.5; overflow-wrap: break-word; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
        .interrupted { color: #a40000; font-weight: bold; }
        table { border-collapse: collapse; font-size: 0.9em; }
        thead { display: table-header-group; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; vertical-align: top; text-align: left; min-width: 2em; }
        th { background: #eee; }
        tr { page-break-inside: avoid; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        td.grade { font-weight: bold; text-align: center; }
        tr.invalid { background: #fff4f4; }
        td.id { overflow-wrap: anywhere; min-width: 8em; }
        td:nth-child(3), td.factors { min-width: 6em; }
        td.error { min-width: 16em; color: #a40000; }
        td.incomplete { color: #a40000; font-weight: 700; min-width: 6em; }
        td.error .message { white-space: pre-wrap; overflow-wrap: anywhere; }
        td.error pre.excerpt { width: 0; min-width: 100%; overflow-x: auto; margin: 0.2em 0 0; white-space: pre;
          font-size: 0.85em; line-height: 1.35; }
        td.error pre.excerpt span { display: inline-block; text-align: center; }
        td.error pre.excerpt span.w { width: 2ch; } td.error pre.excerpt span.n { width: 1ch; }
        .g0 { fill: #2e7d32; color: #2e7d32; }
        .g1 { fill: #ef8f00; color: #b36b00; }
        .g2 { fill: #c62828; color: #c62828; }
        ul.rules { margin-top: 0; }
        svg.chart { max-width: 100%; height: auto; }
        svg.chart text { font-size: 14px; fill: #222; }
        @media screen and (max-width: 760px) {
          body { margin: 1em; }
          table, tbody, tr, td { display: block; }
          thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          tr { border: 1px solid #bbb; margin-bottom: 0.8em; }
          td { display: flow-root; border: 0; border-bottom: 1px solid #e4e4e4; padding-left: 7.5em; }
          td[class] { min-width: 0; }
          td:empty { display: none; }
          td::before { float: left; width: 6.5em; margin-left: -7em; font-weight: 700; color: #555; }
          td.grade, td.number { text-align: left; }
        \(cardLabels)  td.error { padding-left: 0.5em; }
          td.error::before { content: "错误"; float: none; display: block; width: auto; margin-left: 0; }
        }
        @page { size: A4 landscape; margin: 12mm; }

        """

    /// On a phone, the name of each column before its cells (the error spanning an invalid input's row is labelled
    /// by its class, after these).
    static var cardLabels: String {
        SummaryCSV.columns.enumerated().map { index, column in
            "  td:nth-child(\(index + 1))::before { content: \"\(column)\"; }\n"
        }.joined()
    }
}
