/// Renders an assessment as the parts of a Word (`.docx`) report: WordprocessingML text, one string per part of
/// the package, ready to be zipped (`WenpingDocuments` writes the ZIP container).
///
/// Same sections and sentences as ``HTMLReportRenderer`` (both read ``ReportModel``), on A4 with the office's
/// title page, letterhead and sign-off block (``WordFixedTexts``), a table of contents field, `第 X 页 共 Y 页`
/// in the footer, tables whose header rows repeat, the risk matrix as a shaded table listing each factor's
/// number before and after measures, and the contributions as a native bar chart. Formatting lives in named
/// styles (标题 1–3, 正文, 题注, the table style 表格) so an office can restyle the whole report in Word. No
/// dates, no random ids: the same assessment always gives the same parts.
public enum WordReportRenderer {
    /// One part of the package: its path inside the ZIP (no leading slash) and its XML text.
    public struct Part: Sendable, Hashable {
        public let path: String
        public let content: String
    }

    /// The parts of the report, in the order they are written to the package (`[Content_Types].xml` first);
    /// `appendices` follow the sign-off block, before the provenance lines.
    public static func parts(
        _ assessment: Assessment, texts: WordFixedTexts, appendices: [WordAppendix] = []
    ) -> [Part] {
        parts(ReportModel(assessment), texts: texts, appendices: appendices)
    }

    static func parts(_ model: ReportModel, texts: WordFixedTexts, appendices: [WordAppendix] = []) -> [Part] {
        let chart = hasChart(model)
        var parts = [
            Part(path: "[Content_Types].xml", content: contentTypes(chart: chart)),
            Part(path: "_rels/.rels", content: packageRelationships),
            Part(path: "docProps/core.xml", content: coreProperties(model)),
            Part(path: "docProps/app.xml", content: appProperties),
            Part(path: "word/document.xml", content: document(model, texts: texts, appendices: appendices)),
            Part(path: "word/_rels/document.xml.rels", content: documentRelationships(chart: chart)),
            Part(path: "word/styles.xml", content: styles),
            Part(path: "word/settings.xml", content: settings),
            Part(path: "word/fontTable.xml", content: fontTable),
            Part(path: "word/numbering.xml", content: numbering),
            Part(path: "word/header1.xml", content: header(texts.letterhead)),
            Part(path: "word/header2.xml", content: header(texts.letterhead)),
            Part(path: "word/footer1.xml", content: pageNumberFooter),
            Part(path: "word/footer2.xml", content: emptyFooter),
        ]
        if chart { parts.append(Part(path: "word/charts/chart1.xml", content: contributionChart(model))) }
        return parts
    }

    /// Width of the text area: A4 (11906 twips) less the left and right margins.
    static let textWidth = 11906 - 1588 - 1474

    static func document(_ model: ReportModel, texts: WordFixedTexts, appendices: [WordAppendix] = []) -> String {
        var body = WordFixedTexts.paragraphs(texts.titlePage)
        body += tableOfContents(model)
        body += verdict(model)
        body += basics(model)
        body += content(model)
        body += conclusion(model)
        body += signOff(model)
        body += WordFixedTexts.paragraphs(texts.signOff)
        body += appendices.map(\.xml).joined()
        body += provenance(model)
        return WordML.declaration + "<w:document \(WordML.namespaces)><w:body>\n" + body + sectionProperties
            + "</w:body></w:document>\n"
    }

    /// A4 portrait, margins after GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm); the title page
    /// has its own header and a footer without a page number.
    static let sectionProperties =
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
        + "<w:headerReference w:type=\"first\" r:id=\"rId5\"/><w:footerReference w:type=\"default\" r:id=\"rId6\"/>"
        + "<w:footerReference w:type=\"first\" r:id=\"rId7\"/>"
        + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" "
        + "w:footer=\"992\" w:gutter=\"0\"/><w:cols w:space=\"425\"/><w:titlePg/>"
        + "<w:docGrid w:linePitch=\"312\"/></w:sectPr>\n"

    /// The chapter titles, in order; the table of contents lists them until the reader updates the field.
    static let chapterTitles = ["一、基本情况", "二、评估内容", "三、评估结论", "签署"]

    /// The bookmark on chapter `index` (0-based) that the table of contents points at.
    static func bookmark(_ index: Int) -> String { "_Toc\(100_000_001 + index)" }

    /// The table of contents.
    ///
    /// A `TOC` field, its result pre-filled with the chapter titles, each linked to its chapter. Word rebuilds
    /// it with page numbers when the document opens (`updateFields` in the settings), and so does the PDF
    /// conversion; the pre-filled entries carry no page numbers, since none is known before layout.
    private static func tableOfContents(_ model: ReportModel) -> String {
        var out = WordML.paragraph(WordML.run("目  录"), style: "TOCHeading", pageBreakBefore: true)
        let entries = chapterTitles
        for (index, title) in entries.enumerated() {
            var runs = ""
            if index == 0 {
                runs += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                runs += "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
                runs += "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            }
            runs +=
                "<w:hyperlink w:anchor=\"\(bookmark(index))\" w:history=\"1\">" + WordML.run(title) + "</w:hyperlink>"
            if index == entries.count - 1 { runs += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" }
            out += WordML.paragraph(runs, style: "TOC1")
        }
        return out
    }

    /// A chapter title, bookmarked for the table of contents; `title` must be one of ``chapterTitles``.
    private static func chapter(_ title: String, first: Bool = false) -> String {
        let index = chapterTitles.firstIndex(of: title) ?? 0
        let runs =
            "<w:bookmarkStart w:id=\"\(index + 1)\" w:name=\"\(bookmark(index))\"/>" + WordML.run(title)
            + "<w:bookmarkEnd w:id=\"\(index + 1)\"/>"
        return WordML.paragraph(runs, style: "Heading1", keepNext: true, pageBreakBefore: first)
    }

    private static func section(_ title: String) -> String {
        WordML.paragraph(WordML.run(title), style: "Heading2", keepNext: true)
    }

    /// A numbered caption (`表 1 …`, `图 1 …`) whose number is a `SEQ` field, so Word renumbers after edits.
    static func caption(_ kind: String, _ number: Int, _ title: String) -> String {
        WordML.paragraph(
            WordML.run("\(kind) ") + WordML.field("SEQ \(kind) \\* ARABIC", placeholder: "\(number)")
                + WordML.run(" " + title), style: "Caption", alignment: .center, keepNext: true)
    }

    private static func table(_ header: [String], _ rows: [[String]], widths: [Int]) -> String {
        WordML.table(
            header: header, rows: rows.map { $0.map { WordML.Cell($0) } }, widths: widths, totalWidth: textWidth)
    }

    /// The report fields, the notices (missing data, reference rules) and the verdict, before the chapters.
    private static func verdict(_ model: ReportModel) -> String {
        var out = WordML.paragraph(
            WordML.run(model.reportFields.map { "\($0.0)：\($0.1)" }.joined(separator: "　｜　")), style: "Plain",
            alignment: .center, pageBreakBefore: true)
        for banner in model.banners {
            var paragraphs = [WordML.text(banner.title, style: "TableText", run: .strong)]
            paragraphs += banner.lines.map { WordML.text("• " + $0, style: "TableText") }
            out += WordML.table(
                header: [],
                rows: [[WordML.Cell(paragraphs: paragraphs, fill: banner.kind == "incomplete" ? "FFF2CC" : "EDEDED")]],
                widths: [1], totalWidth: textWidth)
        }
        out += WordML.paragraph(
            WordML.run("评估结论：落实措施后为") + WordML.run(model.after.gradeLabel, .strong)
                + WordML.run("（措施前为\(model.before.gradeLabel)）。\(model.decision)"), style: "Verdict")
        let decisive = model.after.reasons.filter(\.decisive).map(\.text)
        if !decisive.isEmpty {
            out += WordML.text("等级由以下情形决定：\(decisive.joined(separator: "；"))。", style: "Verdict")
        }
        return out
    }

    private static func basics(_ model: ReportModel) -> String {
        let rows = model.overviewRows
        var out = chapter("一、基本情况") + section("（一）项目概况") + caption("表", 1, "项目基本情况")
        out += table(["项目", "内容"], rows.map { [$0.0, $0.1] }, widths: [22, 78])
        out += model.sections.filter { $0.id == "environment" }.map { outline($0, style: "Heading3") }.joined()
        out += section("（二）评估依据")
        for citation in model.citations { out += WordML.text(ReportModel.fullCitation(citation), style: "ListBullet") }
        out += WordML.text(model.standardLine, style: "ListBullet")
        out += model.sections.filter { $0.id == "assessor" }.map { outline($0, style: "Heading2", number: "（三）") }
            .joined()
        out += model.sections.filter { $0.id == "process" }.map { outline($0, style: "Heading2", number: "（四）") }
            .joined()
        return out + WordML.text("评估方法：\(MarkdownReportRenderer.method(model))")
    }

    private static func content(_ model: ReportModel) -> String {
        var rows: [[String]] = model.facts.map { fact in
            let note =
                switch fact.source {
                case "given": "项目提供"
                case "default": "未提供，用默认值"
                default: "未提供"
                }
            return [fact.label, fact.display, note]
        }
        rows += model.derived.map { [$0.label, $0.display, "由上述事实计算"] }
        var out = chapter("二、评估内容") + section("（一）风险调查及各方意见采纳情况")
        out += caption("表", 2, "风险调查所得事实") + table(["事实", "取值", "说明"], rows, widths: [52, 28, 20])
        out += model.sections.filter { $0.id == "opinions" }.map { outline($0, style: "Heading3") }.joined()
        return out + estimation(model) + measures(model) + afterMeasures(model)
    }

    private static func estimation(_ model: ReportModel) -> String {
        var rows: [[WordML.Cell]] = []
        for (number, factor) in model.factors.filter(\.isApplicable).enumerated() {
            var reasons: [String] = []
            if let because = factor.before.probability.because { reasons.append("概率：" + because) }
            if let because = factor.before.impact.because { reasons.append("影响：" + because) }
            rows.append(
                [
                    WordML.Cell("\(number + 1)", alignment: .center), WordML.Cell(factor.category),
                    WordML.Cell(factor.stage ?? "—"), WordML.Cell(factor.label),
                    WordML.Cell(factor.before.probability.display), WordML.Cell(factor.before.impact.display),
                    degreeCell(factor.before, model), WordML.Cell(Formatting.weight(factor.weight), alignment: .center),
                    WordML.Cell(factor.basisShort.joined(separator: "；\n")),
                    WordML.Cell(reasons.joined(separator: "\n")),
                ])
        }
        var out = section("（二）风险识别和估计") + matrix(model) + caption("表", 4, "风险因素识别和估计（措施前）")
        out += WordML.table(
            header: ["序号", "风险类型", "发生阶段", "风险因素", "风险概率", "影响程度", "风险程度", "权重", "依据", "理由"],
            rows: rows, widths: [5, 7, 8, 13, 7, 7, 7, 8, 17, 21], totalWidth: textWidth)
        let excluded = model.factors.filter { !$0.isApplicable }
        if !excluded.isEmpty {
            out += WordML.text("不适用的风险因素：\(ReportModel.list(excluded.map(\.label)))。")
        }
        return out + outcome(model.before, "措施前")
    }

    private static func measures(_ model: ReportModel) -> String {
        var rows: [[String]] = []
        for factor in model.factors where factor.isApplicable {
            for measure in factor.measures {
                rows.append([
                    factor.label, measure.label, measure.owner, measure.assisting ?? "—", measure.deadline ?? "—",
                    measure.adopted ? "是" : "否", measure.outcome ?? "—",
                ])
            }
        }
        return section("（三）风险防范和化解措施") + caption("表", 5, "风险防范和化解措施")
            + table(
                ["风险因素", "措施", "责任主体", "协助单位", "时限", "是否采纳", "效果"], rows, widths: [16, 27, 11, 13, 8, 7, 18])
    }

    private static func afterMeasures(_ model: ReportModel) -> String {
        let rows = model.factors.filter(\.isApplicable).map { factor in
            [
                WordML.Cell(factor.label),
                WordML.Cell(ReportModel.change(factor.before.probability.label, factor.after.probability.label)),
                WordML.Cell(ReportModel.change(factor.before.impact.label, factor.after.impact.label)),
                factor.before.degree == factor.after.degree
                    ? degreeCell(factor.after, model)
                    : WordML.Cell(
                        "\(factor.before.degreeLabel) → \(factor.after.degreeLabel)",
                        fill: colour(factor.after.degree - 1, model), alignment: .center),
            ]
        }
        var out = section("（四）落实措施后的风险等级") + contributionFigure(model)
        out += caption("表", 6, "落实措施后的风险因素等级")
        out += WordML.table(
            header: ["风险因素", "风险概率", "影响程度", "风险程度"], rows: rows, widths: [40, 20, 20, 20],
            totalWidth: textWidth)
        return out + outcome(model.after, "落实措施后")
    }

    private static func conclusion(_ model: ReportModel) -> String {
        var out = chapter("三、评估结论")
        let main = model.mainFactors.compactMap { id in model.factors.first { $0.id == id }?.label }
        if !main.isEmpty { out += WordML.text("主要风险因素：\(ReportModel.list(main))。") }
        for finding in model.findings {
            out += WordML.paragraph(
                WordML.run(finding.category, .strong) + WordML.run("：\(finding.text)"), style: "ListBullet")
        }
        out += WordML.paragraph(
            WordML.run("风险等级：措施前为") + WordML.run(model.before.gradeLabel, .strong) + WordML.run("，落实措施后为")
                + WordML.run(model.after.gradeLabel, .strong) + WordML.run("。落实措施后的等级由以下情形决定："))
        for reason in model.after.reasons where reason.decisive { out += WordML.text(reason.text, style: "ListBullet") }
        let basis = model.decisionBasis.isEmpty ? "" : "（依据：\(model.decisionBasis.joined(separator: "；"))）"
        out += WordML.text("决策建议：\(model.decision)\(basis)")
        if let meaning = model.gradeMeaning {
            out += WordML.text("（\(ReportModel.meaningSentence(meaning))）", style: "Note")
        }
        out += WordML.text("对策建议：")
        let required = model.recommendations.required
        out += WordML.text("1. 落实措施后的等级以落实以下已采纳的措施为前提：" + (required.isEmpty ? "无。" : ""))
        for item in required { out += WordML.text(item, style: "ListBullet") }
        if !model.recommendations.suggested.isEmpty {
            out += WordML.text("2. 建议增加的措施：")
            for item in model.recommendations.suggested { out += WordML.text(item, style: "ListBullet") }
        }
        out += model.sections.filter { $0.id == "emergency" }.map { outline($0, style: "Heading2") }.joined()
        return out
    }

    private static func signOff(_ model: ReportModel) -> String {
        guard !model.signOff.isEmpty else { return "" }
        return chapter("签署") + table(["环节", "姓名", "日期"], model.signOff, widths: [20, 50, 30])
    }

    /// An outline section from the project file, its blocks in order.
    private static func outline(_ section: ReportModel.Section, style: String, number: String = "") -> String {
        var out = WordML.paragraph(WordML.run(number + section.title), style: style, keepNext: true)
        for block in section.blocks {
            switch block {
            case .paragraph(let text): out += WordML.text(text)
            case .missing(let text): out += WordML.text(text, style: "Missing")
            case .fields(let pairs): out += table(["项目", "内容"], pairs.map { [$0.0, $0.1] }, widths: [22, 78])
            case .table(let headers, let rows):
                out += table(headers, rows, widths: Array(repeating: 1, count: max(1, headers.count)))
            }
        }
        return out
    }

    private static func provenance(_ model: ReportModel) -> String {
        let ruleSet = model.ruleSet
        return WordML.text(
            "规则：\(ruleSet.id) 版本 \(ruleSet.version)，摘要 sha256:\(ruleSet.digest)", style: "Provenance")
            + WordML.text(
                "引擎：wenping \(WenpingVersion.current)；输入摘要 sha256:\(model.project.inputDigest)", style: "Provenance")
    }

    /// The closing sentence of a part (the grade label in bold), then every reason for the grade.
    private static func outcome(_ outcome: ReportModel.Outcome, _ when: String) -> String {
        let marker = "\u{1}"
        let sentence = outcome.sentence(when, escape: { $0 }, strong: { "\(marker)\($0)\(marker)" })
        let pieces = sentence.split(separator: marker, omittingEmptySubsequences: false)
        let runs = pieces.enumerated().map { index, piece in
            WordML.run(String(piece), index % 2 == 1 ? .strong : .plain)
        }
        var out = WordML.paragraph(runs.joined())
        for reason in outcome.reasons {
            out += WordML.paragraph(
                WordML.run(reason.text, reason.decisive ? .strong : .plain)
                    + (reason.decisive ? WordML.run("（决定等级）") : ""), style: "ListBullet")
        }
        return out
    }

    /// The fill for a degree (0-based), the HTML report's palette without the `#`.
    static func colour(_ degree: Int, _ model: ReportModel) -> String {
        String(
            HTMLReportRenderer.degreeColour(degree, of: model.ruleSet.degrees.labels.count).dropFirst()
        ).uppercased()
    }

    /// The degree label on its matrix colour (the label carries the meaning; the colour only echoes it).
    private static func degreeCell(_ estimate: ReportModel.Estimate, _ model: ReportModel) -> WordML.Cell {
        WordML.Cell(estimate.degreeLabel, fill: colour(estimate.degree - 1, model), alignment: .center)
    }
}
