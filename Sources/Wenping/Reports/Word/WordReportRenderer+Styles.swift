/// `word/styles.xml`: every look of the report is a named style, so an office restyles the whole report by
/// editing a style in Word (标题 1 for all chapter titles, 正文 for the body, 表格 for every table).
///
/// Built-in styles keep Word's own names (`heading 1`, `Normal`, `caption`, …), which Chinese Word shows as
/// 标题 1, 正文, 题注 and which the table of contents and the navigation pane recognise; the report's own
/// styles have Chinese names. Sizes follow Chinese document practice: 小四 (12 pt) body in 宋体, 三号 (16 pt)
/// 黑体 chapter titles, 五号 (10.5 pt) tables and captions.
extension WordReportRenderer {
    /// A run-properties fragment naming the fonts: `latin` for Western text, `eastAsia` for Chinese.
    private static func fonts(_ eastAsia: String, latin: String = "Times New Roman") -> String {
        "<w:rFonts w:ascii=\"\(latin)\" w:hAnsi=\"\(latin)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(latin)\"/>"
    }

    private static func size(_ halfPoints: Int) -> String {
        "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>"
    }

    /// One paragraph style.
    private static func paragraphStyle(
        id: String, name: String, basedOn: String? = "Normal", next: String? = nil, outline: Int? = nil,
        priority: Int? = nil, paragraph: String = "", run: String = ""
    ) -> String {
        var out = "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
        if let basedOn { out += "<w:basedOn w:val=\"\(basedOn)\"/>" }
        if let next { out += "<w:next w:val=\"\(next)\"/>" }
        if let priority { out += "<w:uiPriority w:val=\"\(priority)\"/>" }
        out += "<w:qFormat/>"
        var properties = paragraph
        if let outline { properties += "<w:outlineLvl w:val=\"\(outline)\"/>" }
        if !properties.isEmpty { out += "<w:pPr>\(properties)</w:pPr>" }
        if !run.isEmpty { out += "<w:rPr>\(run)</w:rPr>" }
        return out + "</w:style>\n"
    }

    /// No first-line indent.
    private static let flush = "<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/>"

    static let styles: String = {
        var out = WordML.declaration
        out += "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n"
        out += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts("宋体"))<w:kern w:val=\"2\"/>\(size(24))"
        out += "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        out += "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/></w:pPr>"
        out += "</w:pPrDefault></w:docDefaults>\n"
        // 正文: justified, two-character first-line indent.
        out +=
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        out += "<w:pPr><w:widowControl/><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/><w:jc w:val=\"both\"/>"
        out += "</w:pPr></w:style>\n"
        out += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
        out += "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\n"
        out += paragraphStyle(
            id: "Title", name: "Title", next: "Normal", priority: 10,
            paragraph: "<w:spacing w:before=\"480\" w:after=\"240\" w:line=\"240\" w:lineRule=\"auto\"/>\(flush)"
                + "<w:jc w:val=\"center\"/>", run: fonts("黑体") + "<w:b/><w:bCs/>" + size(44))
        out += paragraphStyle(
            id: "Subtitle", name: "Subtitle", next: "Normal", priority: 11,
            paragraph: "<w:spacing w:before=\"120\" w:after=\"120\"/>\(flush)<w:jc w:val=\"center\"/>",
            run: fonts("黑体") + size(32))
        for (level, (halfPoints, font, bold)) in [(32, "黑体", false), (28, "黑体", false), (24, "仿宋", true)].enumerated() {
            out += paragraphStyle(
                id: "Heading\(level + 1)", name: "heading \(level + 1)", next: "Normal", outline: level, priority: 9,
                paragraph: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(level == 0 ? 360 : 240)\" "
                    + "w:after=\"\(level == 0 ? 240 : 120)\"/>\(flush)",
                run: fonts(font) + (bold ? "<w:b/><w:bCs/>" : "") + size(halfPoints))
        }
        out += paragraphStyle(
            id: "Caption", name: "caption", next: "Normal", priority: 35,
            paragraph: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>\(flush)<w:jc w:val=\"center\"/>",
            run: fonts("黑体") + size(21))
        out += paragraphStyle(
            id: "TableText", name: "表格文字", priority: 20,
            paragraph: "<w:spacing w:line=\"264\" w:lineRule=\"auto\"/>\(flush)<w:jc w:val=\"left\"/>", run: size(21))
        out += paragraphStyle(id: "Plain", name: "无缩进正文", priority: 20, paragraph: flush)
        out += paragraphStyle(
            id: "ListBullet", name: "List Bullet", priority: 36,
            paragraph: "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:ind w:left=\"420\" w:hanging=\"420\" "
                + "w:firstLineChars=\"0\"/>")
        out += paragraphStyle(id: "Note", name: "说明文字", priority: 21, paragraph: flush, run: size(18))
        out += paragraphStyle(
            id: "Verdict", name: "结论摘要", priority: 21,
            paragraph: "<w:spacing w:before=\"120\" w:after=\"120\"/>\(flush)",
            run: fonts("黑体"))
        out += paragraphStyle(id: "Missing", name: "未提供说明", priority: 21, run: "<w:color w:val=\"C00000\"/>")
        out += paragraphStyle(
            id: "Provenance", name: "来源说明", priority: 22,
            paragraph: "<w:spacing w:before=\"240\"/>\(flush)<w:jc w:val=\"left\"/>",
            run: "<w:color w:val=\"595959\"/>" + size(16))
        out += paragraphStyle(
            id: "TOCHeading", name: "TOC Heading", basedOn: "Heading1", next: "Normal", outline: 9, priority: 39,
            paragraph: "<w:jc w:val=\"center\"/>")
        out += paragraphStyle(
            id: "TOC1", name: "toc 1", next: "Normal", priority: 39,
            paragraph: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(textWidth)\"/></w:tabs>\(flush)")
        out += paragraphStyle(
            id: "TOC2", name: "toc 2", next: "Normal", priority: 39,
            paragraph: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(textWidth)\"/></w:tabs>"
                + "<w:ind w:left=\"480\" w:firstLine=\"0\" w:firstLineChars=\"0\"/>")
        // 页眉 carries the letterhead rule under its last line; 页脚 the page numbers.
        out += paragraphStyle(
            id: "Header", name: "header", priority: 99,
            paragraph: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
                + "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>\(flush)<w:jc w:val=\"center\"/>", run: size(18))
        out += paragraphStyle(
            id: "Footer", name: "footer", priority: 99,
            paragraph: "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>\(flush)<w:jc w:val=\"center\"/>", run: size(18))
        // 表格: thin black grid, small cell margins; the header row is shaded by the table itself.
        out += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        out += "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
        out += "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
        out += "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        out += "</w:style>\n"
        out += "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"表格\"/>"
        out += "<w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:qFormat/>"
        out +=
            "<w:pPr><w:spacing w:line=\"264\" w:lineRule=\"auto\"/>\(flush)</w:pPr><w:rPr>\(size(21))</w:rPr><w:tblPr>"
        out += "<w:jc w:val=\"center\"/><w:tblBorders>"
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out += "<w:\(edge) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        out += "</w:tblBorders><w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>"
        out += "<w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        out += "</w:style>\n"
        return out + "</w:styles>\n"
    }()
}
