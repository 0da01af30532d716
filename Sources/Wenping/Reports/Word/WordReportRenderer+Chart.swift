/// The contribution chart of the Word report: a native DrawingML bar chart (`word/charts/chart1.xml`), so Word
/// and LibreOffice draw it with the document's fonts and an office can restyle it like any other chart.
///
/// The chart carries its numbers in its caches only (no embedded workbook): it displays and prints everywhere;
/// editing its data in Word reports that the linked data is unavailable. The values are repeated in the table
/// that follows, so nothing is known from the picture alone.
extension WordReportRenderer {
    /// Whether the report has a chart: at least one applicable factor.
    static func hasChart(_ model: ReportModel) -> Bool {
        model.factors.contains(where: \.isApplicable)
    }

    /// The relationship id of the chart in `document.xml.rels`.
    static let chartRelationship = "rId8"

    /// The chart inline in its own paragraph, followed by its caption.
    static func contributionFigure(_ model: ReportModel) -> String {
        guard hasChart(model) else { return "" }
        let count = model.factors.filter(\.isApplicable).count
        // 16 cm wide; 2.5 cm plus 0.9 cm per factor high, at most 18 cm (EMU: 360000 per cm), so the chart, the
        // section heading kept with it and the caption fit on one page (the text area is 22.5 cm high): a taller
        // chart left its heading alone on an otherwise empty page.
        let width = 5_760_000
        let height = min(900_000 + 324_000 * count, 6_480_000)
        var drawing = "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
        drawing += "<wp:extent cx=\"\(width)\" cy=\"\(height)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
        drawing += "<wp:docPr id=\"1\" name=\"图表 1\" descr=\"各风险因素对综合风险指数的贡献，措施前与落实措施后\"/>"
        drawing += "<wp:cNvGraphicFramePr/><a:graphic><a:graphicData "
        drawing += "uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
        drawing += "<c:chart r:id=\"\(chartRelationship)\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        return WordML.paragraph(drawing, alignment: .center, keepNext: true)
            + caption("图", 1, "各风险因素对综合风险指数的贡献（权重 × 概率分值 × 影响分值 / Σ权重）")
    }

    /// `word/charts/chart1.xml`: one category per applicable factor (`序号 名称`), one series before and one
    /// after measures, values labelled.
    static func contributionChart(_ model: ReportModel) -> String {
        let factors = model.factors.filter(\.isApplicable)
        let categories = factors.enumerated().map { "\($0.offset + 1) \($0.element.label)" }
        let rowsEnd = factors.count + 1
        var out = WordML.declaration
        out += "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
        out += "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        out += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        out += "<c:lang val=\"zh-CN\"/><c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/>"
        out += "<c:plotArea><c:layout/><c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/>"
        out += "<c:varyColors val=\"0\"/>\n"
        let series: [(name: String, column: String, colour: String, values: [Double])] = [
            ("措施前", "B", "C0504D", factors.map(\.before.contribution)),
            ("落实措施后", "C", "4F81BD", factors.map(\.after.contribution)),
        ]
        for (index, item) in series.enumerated() {
            out += "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
            out += "<c:tx><c:strRef><c:f>Sheet1!$\(item.column)$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
            out += "<c:pt idx=\"0\"><c:v>\(item.name)</c:v></c:pt></c:strCache></c:strRef></c:tx>"
            out += "<c:spPr><a:solidFill><a:srgbClr val=\"\(item.colour)\"/></a:solidFill></c:spPr>"
            out += "<c:invertIfNegative val=\"0\"/>"
            out += "<c:dLbls><c:numFmt formatCode=\"0.000\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/>"
            out += "</a:ln></c:spPr>\(textProperties(size: 800))<c:dLblPos val=\"outEnd\"/><c:showLegendKey val=\"0\"/>"
            out +=
                "<c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/>"
            out += "<c:showBubbleSize val=\"0\"/></c:dLbls>"
            out += "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(rowsEnd)</c:f><c:strCache>"
            out += "<c:ptCount val=\"\(categories.count)\"/>"
            for (point, category) in categories.enumerated() {
                out += "<c:pt idx=\"\(point)\"><c:v>\(WordML.escape(category))</c:v></c:pt>"
            }
            out += "</c:strCache></c:strRef></c:cat>"
            out += "<c:val><c:numRef><c:f>Sheet1!$\(item.column)$2:$\(item.column)$\(rowsEnd)</c:f><c:numCache>"
            out += "<c:formatCode>General</c:formatCode><c:ptCount val=\"\(item.values.count)\"/>"
            for (point, value) in item.values.enumerated() {
                out += "<c:pt idx=\"\(point)\"><c:v>\(Formatting.number(value, digits: 6))</c:v></c:pt>"
            }
            out += "</c:numCache></c:numRef></c:val></c:ser>\n"
        }
        out += "<c:gapWidth val=\"60\"/><c:axId val=\"50010\"/><c:axId val=\"50020\"/></c:barChart>"
        out += "<c:catAx><c:axId val=\"50010\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling>"
        out += "<c:delete val=\"0\"/><c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
        out += "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
        out += textProperties(size: 900) + "<c:crossAx val=\"50020\"/><c:crosses val=\"autoZero\"/>"
        out += "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/>"
        out += "</c:catAx>"
        out += "<c:valAx><c:axId val=\"50020\"/><c:scaling><c:orientation val=\"minMax\"/><c:min val=\"0\"/>"
        out += "</c:scaling><c:delete val=\"0\"/><c:axPos val=\"t\"/><c:majorGridlines><c:spPr><a:ln w=\"6350\">"
        out += "<a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
        out += "<c:numFmt formatCode=\"0.0\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/>"
        out += "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>" + textProperties(size: 800)
        out += "<c:crossAx val=\"50010\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>"
        out += "</c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>" + textProperties(size: 900)
        out += "</c:legend><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        out += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" + textProperties(size: 900)
        return out + "</c:chartSpace>\n"
    }

    /// Chart text in the report's fonts; `size` in hundredths of a point.
    private static func textProperties(size: Int) -> String {
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(size)\"><a:latin typeface=\"Times New Roman\"/>"
            + "<a:ea typeface=\"宋体\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr>"
    }
}
