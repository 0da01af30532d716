import Foundation

/// The `summary.csv` of a batch: one row per input, in input order, for people who open it in a spreadsheet.
///
/// UTF-8 with a byte order mark (so Excel shows Chinese correctly), CRLF line ends and RFC 4180 quoting. A cell
/// that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab, CR or a full-width
/// `＝＋－＠`, and not a plain number) gets a leading `'`, so a project named `=HYPERLINK(…)` or
/// `-2+3+cmd|' /C calc'!A0` stays text.
enum SummaryCSV {
    /// The column titles, shared with `index.html`.
    static let columns = [
        "序号", "项目编号", "项目名称", "项目类型", "所在地区", "措施前等级", "措施后等级", "措施前指数", "措施后指数",
        "主要风险因素", "数据完整性", "报告文件", "错误", "规则及版本", "版本如何选定", "警告",
    ]
    /// The position of 错误 among ``columns``.
    static let errorColumn = 12

    /// The byte order mark and the title row.
    static var header: String { "\u{FEFF}" + line(columns) }

    static func row(_ row: BatchRow) -> String {
        line(cells(row))
    }

    /// ``row(_:)`` as UTF-8 bytes, as the summary file gets it (plain cells copied without a detour through
    /// `String` concatenation).
    static func rowBytes(_ row: BatchRow, jurisdictionLabel: String? = nil) -> [UInt8] {
        lineBytes(cells(row, jurisdictionLabel: jurisdictionLabel))
    }

    /// A row's cells as shown in the CSV and the HTML index (report files and factors joined into one cell).
    ///
    /// - Parameter jurisdictionLabel: the label of `row.jurisdiction` when the caller has it already
    ///   (``ReportModel/jurisdictionLabel(_:)``, remembered per jurisdiction by a batch); worked out when nil.
    static func cells(_ row: BatchRow, jurisdictionLabel: String? = nil) -> [String] {
        let grading = row.grading
        return [
            String(row.sequence), row.id ?? "", row.name ?? "", row.kindLabel ?? row.kind ?? "",
            jurisdictionLabel ?? row.jurisdiction.map(ReportModel.jurisdictionLabel) ?? "",
            grading?.gradeBefore ?? "", grading?.gradeAfter ?? "",
            grading.map { Formatting.index($0.indexBefore) } ?? "",
            grading.map { Formatting.index($0.indexAfter) } ?? "",
            row.mainFactorLabels.joined(separator: "；"), grading.map(Self.completeness) ?? "",
            row.reports.joined(separator: ";"),
            row.issue.map { $0.message.hasSuffix("\n") ? String($0.message.dropLast()) : $0.message } ?? "",
            grading.map { "\($0.ruleSet.id) 版本 \($0.ruleSet.version)" } ?? "",
            grading?.versionChoice?.sentence ?? "",
            row.warnings.map { "\($0.code) \($0.message)" }.joined(separator: "\n"),
        ]
    }

    /// `不完整：缺少“…”、“…”` when facts the grade needed were missing, else `完整`, with how many facts took the
    /// ruleset's default: `完整（3 项用默认值）`.
    static func completeness(_ grading: BatchRow.Grading) -> String {
        var text =
            grading.missingFacts.isEmpty ? "完整" : "不完整：缺少" + ReportModel.list(grading.missingFacts)
        if grading.defaultedCount > 0 { text += "（\(grading.defaultedCount) 项用默认值）" }
        return text
    }

    static func line(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// ``line(_:)`` as UTF-8 bytes.
    static func lineBytes(_ cells: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var cell = cell
            let plain = cell.withUTF8 { utf8 in
                guard isPlainCell(utf8) else { return false }
                bytes.append(contentsOf: utf8)
                return true
            }
            if !plain { bytes.append(contentsOf: escapedField(cell).utf8) }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
        return bytes
    }

    /// The first characters that make a spreadsheet read a cell as a formula (Excel, LibreOffice, Google Sheets;
    /// the full-width forms are converted by some of them).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]

    /// One cell, quoted when needed, with formula-like text made inert.
    ///
    /// A cell starting with a formula character gets a leading `'`, unless it is a plain number such as `-0.5`.
    /// Control characters are shown as symbols (``VisibleText``), line feeds kept (error messages span lines).
    static func field(_ text: String) -> String {
        isPlainCell(text) ? text : escapedField(text)
    }

    /// ``field(_:)`` worked out in full, for any text.
    static func escapedField(_ text: String) -> String {
        var text = VisibleText.visible(text, keepingNewlines: true)
        if let first = text.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(text) {
            text = "'" + text
        }
        let needsQuotes =
            text.unicodeScalars.contains { ",\"\r\n".unicodeScalars.contains($0) }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether ``field(_:)`` leaves `text` as it is, decided from its bytes in one pass (most cells).
    ///
    /// True when there is no control character, `DEL`, C1 control or bidirectional mark (nothing ``VisibleText``
    /// replaces), no `,` or `"`, no space at either end, and a first character that cannot start a formula.
    /// Anything else (including every `U+2000`–`U+2FFF` character and a full-width first character, to keep this
    /// simple) takes the full path.
    static func isPlainCell(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isPlainCell)
    }

    /// ``isPlainCell(_:)`` over a cell's UTF-8 bytes.
    static func isPlainCell(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return true }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: " "), 0xEF:
            return false
        default: break
        }
        for byte in utf8 {
            switch byte {
            case 0x00..<0x20, 0x7F, UInt8(ascii: ","), UInt8(ascii: "\""), 0xC2, 0xD8, 0xE2: return false
            default: break
            }
        }
        return last != UInt8(ascii: " ")
    }

    /// `-12`, `-0.5`: an optional minus, digits, an optional fraction, and nothing else.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
    }
}
