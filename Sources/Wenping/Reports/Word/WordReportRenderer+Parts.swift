/// The fixed parts of the Word package: content types, relationships, properties, settings, fonts, header and
/// footers. Element order follows the ECMA-376 schemas (Word rejects a package whose parts are out of order).
extension WordReportRenderer {
    static func contentTypes(chart: Bool) -> String {
        let prefix = "application/vnd.openxmlformats-officedocument."
        var out = WordML.declaration
        out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        let overrides = [
            ("/word/document.xml", prefix + "wordprocessingml.document.main+xml"),
            ("/word/styles.xml", prefix + "wordprocessingml.styles+xml"),
            ("/word/settings.xml", prefix + "wordprocessingml.settings+xml"),
            ("/word/fontTable.xml", prefix + "wordprocessingml.fontTable+xml"),
            ("/word/numbering.xml", prefix + "wordprocessingml.numbering+xml"),
            ("/word/header1.xml", prefix + "wordprocessingml.header+xml"),
            ("/word/header2.xml", prefix + "wordprocessingml.header+xml"),
            ("/word/footer1.xml", prefix + "wordprocessingml.footer+xml"),
            ("/word/footer2.xml", prefix + "wordprocessingml.footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", prefix + "extended-properties+xml"),
        ]
        for (part, type) in overrides { out += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>" }
        if chart {
            out += "<Override PartName=\"/word/charts/chart1.xml\" ContentType=\"\(prefix)drawingml.chart+xml\"/>"
        }
        return out + "</Types>\n"
    }

    private static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        var out = WordML.declaration
        out += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for item in items {
            out += "<Relationship Id=\"\(item.id)\" Type=\"\(item.type)\" Target=\"\(item.target)\"/>"
        }
        return out + "</Relationships>\n"
    }

    private static let officeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    static let packageRelationships = relationships([
        ("rId1", officeRelationship + "officeDocument", "word/document.xml"),
        (
            "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml"
        ),
        ("rId3", officeRelationship + "extended-properties", "docProps/app.xml"),
    ])

    static func documentRelationships(chart: Bool) -> String {
        var items = [
            ("rId1", officeRelationship + "styles", "styles.xml"),
            ("rId2", officeRelationship + "settings", "settings.xml"),
            ("rId3", officeRelationship + "fontTable", "fontTable.xml"),
            ("rId4", officeRelationship + "header", "header1.xml"),
            ("rId5", officeRelationship + "header", "header2.xml"),
            ("rId6", officeRelationship + "footer", "footer1.xml"),
            ("rId7", officeRelationship + "footer", "footer2.xml"),
        ]
        if chart { items.append((chartRelationship, officeRelationship + "chart", "charts/chart1.xml")) }
        items.append(("rId9", officeRelationship + "numbering", "numbering.xml"))
        return relationships(items)
    }

    static func coreProperties(_ model: ReportModel) -> String {
        var out = WordML.declaration
        out +=
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        out += "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        out +=
            "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        out += "<dc:title>\(WordML.escape(model.project.name)) 社会稳定风险评估报告</dc:title>"
        out += "<dc:subject>社会稳定风险评估报告</dc:subject><dc:creator>wenping</dc:creator>"
        out += "<cp:keywords>\(WordML.escape(model.project.id))</cp:keywords><dc:language>zh-CN</dc:language>"
        return out + "</cp:coreProperties>\n"
    }

    static let appProperties =
        WordML.declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
        + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        + "<Application>wenping \(WenpingVersion.current)</Application></Properties>\n"

    /// Settings: fields (contents, page count, captions) are updated when the document is opened, Chinese
    /// punctuation compression, Word 2013+ layout.
    static let settings =
        WordML.declaration + "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"420\"/>"
        + "<w:characterSpacingControl w:val=\"compressPunctuation\"/><w:updateFields w:val=\"true\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
        + "w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
        + "<w:decimalSymbol w:val=\".\"/><w:listSeparator w:val=\",\"/></w:settings>\n"

    /// The fonts the styles name, each with the alternative names a reader may have instead (comma-separated,
    /// as `w:altName` takes them): the Windows names, then the Noto CJK fonts free systems carry.
    static let fontTable: String = {
        let fonts: [(name: String, alternatives: String, family: String, pitch: String, charset: String)] = [
            ("Times New Roman", "Liberation Serif,Noto Serif", "roman", "variable", "00"),
            ("宋体", "SimSun,Songti SC,Noto Serif CJK SC,Source Han Serif SC", "auto", "variable", "86"),
            ("黑体", "SimHei,Heiti SC,Noto Sans CJK SC,Source Han Sans SC", "modern", "fixed", "86"),
            ("仿宋", "FangSong,STFangsong,Noto Serif CJK SC,Source Han Serif SC", "modern", "fixed", "86"),
            ("Noto Serif CJK SC", "Source Han Serif SC", "roman", "variable", "86"),
            ("Noto Sans CJK SC", "Source Han Sans SC", "swiss", "variable", "86"),
        ]
        var out =
            WordML.declaration + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        for font in fonts {
            out += "<w:font w:name=\"\(font.name)\"><w:altName w:val=\"\(font.alternatives)\"/>"
            out += "<w:charset w:val=\"\(font.charset)\"/><w:family w:val=\"\(font.family)\"/>"
            out += "<w:pitch w:val=\"\(font.pitch)\"/></w:font>"
        }
        return out + "</w:fonts>\n"
    }()

    /// A bulleted list for the basis documents and the conclusions (style 列表项目符号 uses it).
    static let numbering =
        WordML.declaration + "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\">"
        + "<w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>"
        + "<w:pPr><w:ind w:left=\"420\" w:hanging=\"420\"/></w:pPr>"
        + "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/></w:rPr></w:lvl></w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>\n"

    /// The letterhead: the office's lines over a rule, on every page.
    static func header(_ letterhead: String) -> String {
        var body = WordFixedTexts.paragraphs(letterhead, plainStyle: "Header", alignedStyle: "Header")
        if body.isEmpty { body = WordML.paragraph("", style: "Header") }
        return WordML.declaration + "<w:hdr \(WordML.namespaces)>" + body + "</w:hdr>\n"
    }

    /// `第 X 页 共 Y 页`, centred.
    static let pageNumberFooter =
        WordML.declaration + "<w:ftr \(WordML.namespaces)>"
        + WordML.paragraph(
            WordML.run("第 ") + WordML.field("PAGE", placeholder: "1") + WordML.run(" 页 共 ")
                + WordML.field("NUMPAGES", placeholder: "1") + WordML.run(" 页"), style: "Footer", alignment: .center)
        + "</w:ftr>\n"

    /// The title page's footer: nothing.
    static let emptyFooter =
        WordML.declaration + "<w:ftr \(WordML.namespaces)>" + WordML.paragraph("", style: "Footer") + "</w:ftr>\n"
}
