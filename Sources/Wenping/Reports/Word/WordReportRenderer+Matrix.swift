/// The risk matrix of the Word report: a table with one shaded cell per probability × impact pair.
///
/// Each cell names its degree (the label carries the meaning; the shading only echoes it) and lists the numbers
/// of the factors that sit there before measures (`前`) and after adopted measures (`后`). The numbers are those
/// of the estimates table that follows, so the matrix reads the same printed in black and white.
extension WordReportRenderer {
    static func matrix(_ model: ReportModel) -> String {
        let ruleSet = model.ruleSet
        let rows = ruleSet.probabilityScale.levels.count
        let columns = ruleSet.impactScale.levels.count
        func index(_ level: Int, _ count: Int) -> Int { min(max(level - 1, 0), count - 1) }
        var before = Array(repeating: Array(repeating: [Int](), count: columns), count: rows)
        var after = before
        for (number, factor) in model.factors.filter(\.isApplicable).enumerated() {
            before[index(factor.before.probability.level, rows)][index(factor.before.impact.level, columns)]
                .append(number + 1)
            after[index(factor.after.probability.level, rows)][index(factor.after.impact.level, columns)]
                .append(number + 1)
        }
        let small = WordML.RunStyle(size: 18)
        let faint = WordML.RunStyle(size: 16, colour: "595959")
        var tableRows: [[WordML.Cell]] = []
        for probability in (0..<rows).reversed() {
            var row = [
                WordML.Cell(
                    paragraphs: [
                        WordML.text(
                            ruleSet.probabilityScale.levels[probability].label, style: "TableText", alignment: .center,
                            run: .strong, keepNext: true)
                    ], fill: "F2F2F2")
            ]
            for impact in 0..<columns {
                let degree = ruleSet.degrees.table[probability][impact]
                // Every paragraph keeps with the next, so the matrix is never split across pages.
                func line(_ text: String, _ run: WordML.RunStyle) -> String {
                    WordML.text(text, style: "TableText", alignment: .center, run: run, keepNext: true)
                }
                var paragraphs = [line(ruleSet.degrees.labels[degree], faint)]
                let here = before[probability][impact]
                let there = after[probability][impact]
                if !here.isEmpty { paragraphs.append(line(numbers("前", here), small)) }
                if !there.isEmpty { paragraphs.append(line(numbers("后", there), small)) }
                row.append(WordML.Cell(paragraphs: paragraphs, fill: colour(degree, model)))
            }
            tableRows.append(row)
        }
        let header = ["概率 \\ 影响"] + ruleSet.impactScale.levels.map(\.label)
        var out = caption("表", 3, "风险矩阵（概率 × 影响）")
        out += WordML.table(
            header: header, rows: tableRows, widths: [16] + Array(repeating: 84 / max(columns, 1), count: columns),
            totalWidth: textWidth)
        out += WordML.text(
            "说明：行为风险概率，列为影响程度，格中文字为该格的风险程度；“前”后的数字为措施前位于该格的风险因素序号，"
                + "“后”后的数字为落实措施后位于该格的风险因素序号，序号与表 4 一致。", style: "Note")
        return out
    }

    /// `前 3、7、8`: the marker held to the first number by a no-break space, and a break allowed after every `、`
    /// (a zero-width space), so a full cell wraps between numbers; without them LibreOffice broke after `前` and
    /// started lines with `、`.
    static func numbers(_ marker: String, _ numbers: [Int]) -> String {
        marker + "\u{00A0}" + numbers.map(String.init).joined(separator: "、\u{200B}")
    }
}
