import WenpingYAML

/// A project file as written (YAML or JSON), before its facts are typed against a ruleset.
struct ProjectFile: Sendable {
    /// A descriptive field shown in reports (location, applicant, …).
    struct Detail: Sendable, Hashable {
        let key: String
        let label: String
        let value: String
    }

    var file: String
    var id: Located<String>
    var name: Located<String>
    var kind: Located<String>
    var jurisdiction: Located<String>?
    var details: [Detail]
    /// Facts in file order: the key as written and its value node (the `facts` mapping's entries, not copied).
    var facts: [YAMLNode.Mapping.Entry]
    var measures: [Located<String>]
    /// The `survey` block (questionnaire results and the samples behind some facts), if given.
    var survey: ProjectSurvey?
    /// The `experts` block (an expert panel's scores), checked against the ruleset when facts are bound.
    var experts: ExpertPanelSyntax?
    var start: SourceLocation
    /// The `assessment_date`, which chooses the version of a dated ruleset, with where it is written.
    var assessmentDate: Located<String>?
    /// The report-outline parts (评估主体, 过程和方法, 各方意见, 应急处置预案, sign-off …), all optional.
    var outline = ProjectOutline()

    static let descriptiveFields: [(key: String, label: String)] = [
        ("location", "项目地点"), ("applicant", "项目单位"), ("scale", "建设规模"), ("description", "项目概况"),
    ]
    static let fields =
        ["id", "name", "kind", "jurisdiction", "facts", "measures", "details", "survey", "experts"]
        + descriptiveFields.map(\.key)
        + ProjectOutline.fields

    /// Reads a parsed project document, reporting E407 (and E201–E205) for missing or malformed fields.
    static func load(_ document: YAMLDocument, file: String) -> (ProjectFile?, [Diagnostic]) {
        var reader = NodeReader(file: file)
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let root = document.root else {
            reader.diagnostics.error(.invalidProject, "项目文件是空的；至少要写 id、name、kind 和 facts", at: start)
            return (nil, reader.diagnostics.diagnostics)
        }
        guard let top = reader.mapping(root, "项目文件") else { return (nil, reader.diagnostics.diagnostics) }
        reader.checkKeys(top, allowed: fields, "项目文件")
        for key in ["id", "name", "kind"] where top[key] == nil {
            reader.diagnostics.error(.invalidProject, "项目文件缺少必填字段“\(key)”", at: reader.location(top.mark))
        }
        let id = reader.string(top["id"], "项目编号 id")
        let name = reader.string(top["name"], "项目名称 name")
        let kind = reader.string(top["kind"], "项目类型 kind")
        let jurisdiction = reader.string(top["jurisdiction"], "所在地区 jurisdiction")
        var details: [Detail] = []
        for field in descriptiveFields {
            if let value = reader.text(top[field.key], field.key) {
                details.append(Detail(key: field.key, label: field.label, value: value))
            }
        }
        if let node = top["details"], let mapping = reader.mapping(node, "details") {
            for entry in mapping.entries {
                if let value = reader.text(entry.value, entry.key.value) {
                    details.append(Detail(key: entry.key.value, label: entry.key.value, value: value))
                }
            }
        }
        var facts: [YAMLNode.Mapping.Entry] = []
        if let node = top["facts"], let mapping = reader.mapping(node, "事实 facts") {
            facts = mapping.entries
        }
        let measures = reader.stringList(top["measures"], "采取的措施 measures") ?? []
        var outline = ProjectOutline.read(top, &reader)
        let survey = top["survey"].flatMap { ProjectSurvey.read($0, &reader) }
        if let survey { outline.addInvestigation(survey) }
        let experts = top["experts"].flatMap { ExpertPanelSyntax.read($0, &reader) }
        guard let id, let name, let kind, !reader.diagnostics.hasErrors else {
            return (nil, reader.diagnostics.diagnostics)
        }
        var project = ProjectFile(
            file: file, id: id, name: name, kind: kind, jurisdiction: jurisdiction, details: details, facts: facts,
            measures: measures, survey: survey, experts: experts, start: reader.location(top.mark), outline: outline)
        if let date = outline.report.date, let node = top["assessment_date"] {
            project.assessmentDate = Located(
                value: date, location: reader.location(node.mark), length: date.count)
        }
        return (project, reader.diagnostics.diagnostics)
    }

    /// ``jurisdictionPath`` when already worked out (by ``ProjectLoader``, which remembers it per jurisdiction).
    var normalizedJurisdiction: String?

    /// Region path with empty parts and surrounding spaces removed; national when absent.
    var jurisdictionPath: String {
        normalizedJurisdiction ?? RuleSetBuilder.normalizedJurisdiction(jurisdiction?.value)
    }
}
