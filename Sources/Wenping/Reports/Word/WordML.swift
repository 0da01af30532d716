/// Small builders for WordprocessingML text (the XML inside a `.docx`), written by hand with a fixed element
/// order so that the same report always gives the same bytes.
///
/// Every piece of text that comes from a project, a rule file or the model goes through ``escape(_:)``. Lengths
/// are in twentieths of a point (twips) unless a name says otherwise; font sizes in half-points.
enum WordML {
    /// The namespace declarations a document, header or footer part opens with.
    static let namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\""

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// `text` made safe as XML character data or a quoted attribute value.
    ///
    /// `&`, `<`, `>` and `"` become entities; characters XML 1.0 cannot carry at all (control characters other
    /// than tab, line feed and carriage return, and the non-characters U+FFFE/U+FFFF) are dropped, so no project
    /// text can make a part that Word refuses to open.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// How a run of text looks, beyond its paragraph's style.
    struct RunStyle: Sendable {
        var bold = false
        /// Half-points; nil keeps the style's size.
        var size: Int?
        /// `RRGGBB`; nil keeps the style's colour.
        var colour: String?

        static let plain = RunStyle()
        static let strong = RunStyle(bold: true)
    }

    /// One run: the text with line breaks as `<w:br/>` and tabs as `<w:tab/>`.
    static func run(_ text: String, _ style: RunStyle = .plain) -> String {
        var properties = ""
        if style.bold { properties += "<w:b/><w:bCs/>" }
        if let colour = style.colour { properties += "<w:color w:val=\"\(colour)\"/>" }
        if let size = style.size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        var out = "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "<w:br/>" }
            let pieces = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (number, piece) in pieces.enumerated() {
                if number > 0 { out += "<w:tab/>" }
                if !piece.isEmpty { out += "<w:t xml:space=\"preserve\">\(escape(String(piece)))</w:t>" }
            }
        }
        return out + "</w:r>"
    }

    /// Paragraph alignment.
    enum Alignment: String, Sendable {
        case left
        case center
        case right
        case both
    }

    /// A paragraph of runs (already built with ``run(_:_:)`` or ``field(_:placeholder:)``).
    static func paragraph(
        _ runs: String, style: String? = nil, alignment: Alignment? = nil, keepNext: Bool = false,
        pageBreakBefore: Bool = false, spacingAfter: Int? = nil
    ) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { properties += "<w:keepNext/>" }
        if pageBreakBefore { properties += "<w:pageBreakBefore/>" }
        if let spacingAfter { properties += "<w:spacing w:after=\"\(spacingAfter)\"/>" }
        if let alignment { properties += "<w:jc w:val=\"\(alignment.rawValue)\"/>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>\n"
    }

    /// A paragraph of plain text.
    static func text(
        _ text: String, style: String? = nil, alignment: Alignment? = nil, run: RunStyle = .plain,
        keepNext: Bool = false
    ) -> String {
        paragraph(WordML.run(text, run), style: style, alignment: alignment, keepNext: keepNext)
    }

    /// A complex field (`PAGE`, `NUMPAGES`, `TOC ...`): begin, instruction, separate, the cached result
    /// `placeholder` (shown until the reader updates fields), end.
    static func field(_ instruction: String, placeholder: String) -> String {
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> \(escape(instruction)) </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run(placeholder)
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }

    /// One table cell.
    struct Cell: Sendable {
        /// Paragraphs of the cell (at least one; Word requires a paragraph in every cell).
        var paragraphs: [String]
        /// Background `RRGGBB`, or nil for none.
        var fill: String?

        init(
            _ text: String, fill: String? = nil, run: RunStyle = .plain, alignment: Alignment? = nil,
            keepNext: Bool = false
        ) {
            paragraphs = [WordML.text(text, style: "TableText", alignment: alignment, run: run, keepNext: keepNext)]
            self.fill = fill
        }

        init(paragraphs: [String], fill: String? = nil) {
            self.paragraphs = paragraphs.isEmpty ? [WordML.paragraph("", style: "TableText")] : paragraphs
            self.fill = fill
        }
    }

    /// A table in the report's table style, full text width, columns in proportion to `widths`; the header
    /// row (bold, shaded) repeats on every page the table runs onto and keeps with the first row, and no row
    /// splits across pages.
    static func table(header: [String], rows: [[Cell]], widths: [Int], totalWidth: Int) -> String {
        let sum = max(1, widths.reduce(0, +))
        var columns = widths.map { $0 * totalWidth / sum }
        if let last = columns.indices.last { columns[last] += totalWidth - columns.reduce(0, +) }
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"\(totalWidth)\" w:type=\"dxa\"/>"
        out += "<w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
        out += "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        for column in columns { out += "<w:gridCol w:w=\"\(column)\"/>" }
        out += "</w:tblGrid>\n"
        if !header.isEmpty {
            out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            for (index, title) in header.enumerated() {
                let header = Cell(title, fill: "D9E2F3", run: .strong, alignment: .center, keepNext: true)
                out += cell(header, width: columns[index])
            }
            out += "</w:tr>\n"
        }
        for row in rows {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, cell) in row.enumerated() where index < columns.count {
                out += self.cell(cell, width: columns[index])
            }
            out += "</w:tr>\n"
        }
        return out + "</w:tbl>\n"
    }

    private static func cell(_ cell: Cell, width: Int) -> String {
        var out = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if let fill = cell.fill { out += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>" }
        out += "<w:vAlign w:val=\"center\"/></w:tcPr>"
        return out + cell.paragraphs.joined() + "</w:tc>"
    }
}
