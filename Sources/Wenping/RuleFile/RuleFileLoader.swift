import WenpingYAML

/// Turns the YAML tree of one rule file into ``RuleFileSyntax``, checking field names and scalar types.
///
/// This stage knows the shape of the format (`wenping/1`) and nothing about meaning across sections: level
/// labels, names in expressions and references are checked later by ``RuleSetCompiler``.
struct RuleFileLoader {
    static let formatVersion = "wenping/1"

    static let topLevelKeys = [
        "format", "id", "title", "version", "effective", "expires", "jurisdiction", "applies_to", "status", "note",
        "extends",
        "basis", "inputs", "derived", "scales", "degrees", "grades", "aggregation", "weights", "experts", "factors",
        "floors", "remove",
    ]
    /// Values of `status`: `reference` marks rules whose local sources are not verified.
    static let statuses = ["reference", "verified"]
    static let inputTypes = ["integer", "number", "percent", "boolean", "enum", "text", "date"]
    static let unknownPolicies = ["cautious", "ignore"]
    /// Where a factor's probability and impact come from: its bands (the default) or the project's expert panel.
    static let factorSources = ["bands", "experts"]
    static let expertsKeys = ["method", "defuzzify", "note"]

    // The fields each part of a rule file allows (the JSON Schema of `wenping schema rules` lists the same).
    static let inputKeys = [
        "label", "type", "unit", "min", "max", "required", "default", "values", "description", "note",
    ]
    static let derivedKeys = ["label", "unit", "expr", "note"]
    static let basisKeys = ["title", "note"]
    static let scalesKeys = ["probability", "impact"]
    static let scaleLevelKeys = ["level", "label", "value"]
    static let elseCutKeys = ["else"]
    static let degreesKeys = ["levels", "by", "cuts", "matrix"]
    static let gradeKeys = ["id", "label", "description", "decision", "decision_basis", "proceed", "basis", "note"]
    static let aggregationKeys = ["index", "rules", "unknown"]
    static let ruleKeys = ["id", "when", "grade", "because", "basis", "note"]
    static let factorKeys = [
        "id", "label", "category", "stage", "weight", "basis", "applies_when", "source", "probability", "impact",
        "measures", "note",
    ]
    static let elseBandKeys = ["else", "because", "id", "note"]
    static let bandKeys = ["when", "level", "because", "id", "note"]
    static let measureKeys = [
        "id", "label", "owner", "assisting", "deadline", "lowers", "cures", "satisfied_when", "note",
    ]
    static let lowersKeys = ["probability", "impact"]
    static let floorKeys = ["id", "label", "when", "grade", "basis", "because", "unknown", "note"]
    static let removeKeys = ["factors", "floors", "inputs", "derived", "rules"]

    /// The fields of one cut-point band whose result field is `target` (`degree` or `grade`).
    static func cutKeys(target: String) -> [String] { ["at_least", target] }

    var reader: NodeReader

    init(file: String) {
        reader = NodeReader(file: file)
    }

    /// Reads one document.
    ///
    /// Returns `nil` (with diagnostics) when the file is not a rule file at all.
    static func load(_ document: YAMLDocument, file: String) -> (syntax: RuleFileSyntax?, diagnostics: [Diagnostic]) {
        var loader = RuleFileLoader(file: file)
        let syntax = loader.load(document.root)
        return (syntax, loader.reader.diagnostics.diagnostics)
    }

    mutating func load(_ root: YAMLNode?) -> RuleFileSyntax? {
        guard let root else {
            reader.diagnostics.error(
                .documentCount, "文件是空的。规则文件至少要写 format、id、title 和 version",
                at: SourceLocation(file: reader.file, line: 1, column: 1))
            return nil
        }
        guard let top = reader.mapping(root, "规则文件") else { return nil }
        reader.checkKeys(top, allowed: Self.topLevelKeys, required: ["format", "id"], "规则文件")
        var syntax = RuleFileSyntax(file: reader.file, start: reader.location(top.mark))
        syntax.format = reader.string(top["format"], "format")
        if let format = syntax.format, format.value != Self.formatVersion {
            reader.diagnostics.error(
                .unsupportedFormat, "不支持的规则格式“\(format.value)”；本版本读取“\(Self.formatVersion)”",
                at: format.location, length: format.length)
        }
        syntax.id = top["id"].flatMap { node in
            guard let id = reader.string(node, "规则 id"), reader.checkLength(id, "规则 id") else { return nil }
            let valid = id.value.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-./".unicodeScalars.contains($0)
            }
            if !valid || id.value.hasPrefix("/") || id.value.hasPrefix(".") {
                reader.diagnostics.error(
                    .invalidIdentifier, "规则 id“\(id.value)”不合规：只能用字母、汉字、数字和“_”“-”“.”“/”",
                    at: id.location, length: id.length)
                return nil
            }
            return id
        }
        syntax.title = reader.string(top["title"], "title")
        syntax.version = reader.string(top["version"], "version")
        // `effective: ~` clears an inherited date (a local ruleset must not print its parent law's date as its own).
        if case .scalar(let scalar)? = top["effective"], scalar.style == .plain, scalar.isNull {
            syntax.effective = Located(value: "", location: reader.location(scalar.mark))
        } else {
            syntax.effective = top["effective"].flatMap { reader.date($0, "生效日期 effective") }
        }
        syntax.expires = top["expires"].flatMap { reader.date($0, "停止施行日期 expires") }
        syntax.jurisdiction = reader.string(top["jurisdiction"], "适用地区 jurisdiction")
        if let node = top["applies_to"] {
            loadAppliesTo(node, into: &syntax)
        }
        syntax.status = choice(
            top["status"], "状态 status", among: Self.statuses,
            "status 只能是 reference（参考规则，地方依据未经原文校核）或 verified（已校核）")
        _ = reader.text(top["note"], "备注 note")
        syntax.extends = reader.string(top["extends"], "extends")
        syntax.basis = top["basis"].flatMap { loadBasis($0) }
        syntax.inputs = top["inputs"].flatMap { loadInputs($0) }
        syntax.derived = top["derived"].flatMap { loadDerived($0) }
        syntax.scales = top["scales"].flatMap { loadScales($0) }
        syntax.degrees = top["degrees"].flatMap { loadDegrees($0) }
        syntax.grades = top["grades"].flatMap { node in
            reader.sequence(node, "grades")?.compactMap { loadGrade($0) }
        }
        syntax.aggregation = top["aggregation"].flatMap { loadAggregation($0) }
        syntax.weights = top["weights"].flatMap { node in
            reader.sequence(node, "权重组 weights")?.compactMap { loadWeightGroup($0) }
        }
        syntax.experts = top["experts"].flatMap { loadExperts($0) }
        syntax.factors = top["factors"].flatMap { node in
            reader.sequence(node, "factors")?.compactMap { loadFactor($0) }
        }
        syntax.floors = top["floors"].flatMap { node in
            reader.sequence(node, "floors")?.compactMap { loadFloor($0) }
        }
        syntax.remove = top["remove"].flatMap { loadRemove($0) }
        return syntax
    }

    // MARK: - Sections

    /// `applies_to: [house_expropriation]` or, with Chinese labels, `applies_to: { house_expropriation: 房屋征收 }`.
    mutating func loadAppliesTo(_ node: YAMLNode, into syntax: inout RuleFileSyntax) {
        if case .mapping(let mapping) = node {
            var kinds: [Located<String>] = []
            var labels: [String: String] = [:]
            for entry in mapping.entries {
                let key = Located(
                    value: entry.key.value, location: reader.location(entry.key.mark),
                    length: NodeReader.width(of: entry.key))
                guard let label = reader.string(entry.value, "项目类型“\(key.value)”的中文名称") else { continue }
                kinds.append(key)
                labels[key.value] = label.value
            }
            syntax.appliesTo = kinds
            syntax.kindLabels = labels
        } else {
            syntax.appliesTo = reader.stringList(node, "适用项目类型 applies_to")
        }
    }

    /// `key: 《title》`, or `key: { title: 《title》, note: 作者备注 }`.
    mutating func loadBasis(_ node: YAMLNode) -> [BasisSyntax]? {
        guard let mapping = reader.mapping(node, "依据 basis") else { return nil }
        return mapping.entries.compactMap { entry in
            let key = Located(
                value: entry.key.value, location: reader.location(entry.key.mark),
                length: NodeReader.width(of: entry.key))
            if case .mapping(let body) = entry.value {
                reader.checkKeys(body, allowed: Self.basisKeys, required: ["title"], "依据“\(key.value)”")
                guard let title = reader.string(body["title"], "依据文件名称 title") else { return nil }
                return BasisSyntax(key: key, title: title, note: reader.text(body["note"], "备注 note"))
            }
            guard let title = reader.string(entry.value, "依据文件名称") else { return nil }
            return BasisSyntax(key: key, title: title)
        }
    }

    mutating func loadInputs(_ node: YAMLNode) -> [InputSyntax]? {
        guard let mapping = reader.mapping(node, "输入项 inputs") else { return nil }
        let allowed = Self.inputKeys
        return mapping.entries.compactMap { entry in
            let name = Located(
                value: entry.key.value, location: reader.location(entry.key.mark),
                length: NodeReader.width(of: entry.key))
            guard checkName(name, "输入项名称") else { return nil }
            guard let body = reader.mapping(entry.value, "输入项“\(name.value)”") else { return nil }
            reader.checkKeys(body, allowed: allowed, required: ["label", "type"], "输入项“\(name.value)”")
            var input = InputSyntax(name: name, location: name.location)
            input.label = reader.string(body["label"], "label")
            input.type = reader.string(body["type"], "type")
            if let type = input.type, !Self.inputTypes.contains(type.value) {
                var message = "输入项类型“\(type.value)”不存在；可用：\(Self.inputTypes.joined(separator: "、"))"
                if let guess = suggestion(for: type.value, among: Self.inputTypes) {
                    message = "输入项类型“\(type.value)”不存在。是否想写“\(guess)”？"
                }
                reader.diagnostics.error(.invalidInput, message, at: type.location, length: type.length)
                input.type = nil
            }
            input.unit = reader.string(body["unit"], "unit")
            _ = reader.text(body["note"], "备注 note")
            input.min = body["min"].flatMap { reader.number($0, "min") }
            input.max = body["max"].flatMap { reader.number($0, "max") }
            input.required = body["required"].flatMap { reader.boolean($0, "required") }
            input.defaultValue = body["default"]
            input.description = reader.text(body["description"], "description")
            if let valuesNode = body["values"] {
                input.values = loadEnumValues(valuesNode)
            }
            return input
        }
    }

    /// `values: { approved: 已批准, pending: 待批 }` or `values: [已批准, 待批]` (label doubles as key).
    mutating func loadEnumValues(_ node: YAMLNode) -> [(key: Located<String>, label: String)]? {
        switch node {
        case .mapping(let mapping):
            return mapping.entries.compactMap { entry in
                guard let label = reader.string(entry.value, "枚举取值的名称") else { return nil }
                let key = Located(
                    value: entry.key.value, location: reader.location(entry.key.mark),
                    length: NodeReader.width(of: entry.key))
                return (key, label.value)
            }
        case .sequence(let sequence):
            return sequence.items.compactMap { item in
                guard let label = reader.string(item, "枚举取值") else { return nil }
                return (label, label.value)
            }
        case .scalar:
            reader.diagnostics.error(
                .wrongNodeKind, "values 应是取值列表（[甲, 乙]）或“键: 名称”映射", at: reader.location(of: node))
            return nil
        }
    }

    mutating func loadDerived(_ node: YAMLNode) -> [DerivedSyntax]? {
        guard let mapping = reader.mapping(node, "派生值 derived") else { return nil }
        return mapping.entries.compactMap { entry in
            let name = Located(
                value: entry.key.value, location: reader.location(entry.key.mark),
                length: NodeReader.width(of: entry.key))
            guard checkName(name, "派生值名称") else { return nil }
            guard let body = reader.mapping(entry.value, "派生值“\(name.value)”") else { return nil }
            reader.checkKeys(body, allowed: Self.derivedKeys, required: ["expr"], "派生值“\(name.value)”")
            _ = reader.text(body["note"], "备注 note")
            return DerivedSyntax(
                name: name, label: reader.string(body["label"], "label"), unit: reader.text(body["unit"], "unit"),
                expression: reader.expression(body["expr"], "表达式 expr"), location: name.location)
        }
    }

    mutating func loadScales(_ node: YAMLNode) -> ScalesSyntax? {
        guard let mapping = reader.mapping(node, "等级表 scales") else { return nil }
        reader.checkKeys(mapping, allowed: Self.scalesKeys, "等级表 scales")
        var scales = ScalesSyntax(location: reader.location(mapping.mark))
        scales.probability = mapping["probability"].flatMap { loadScale($0, "风险概率等级表") }
        scales.impact = mapping["impact"].flatMap { loadScale($0, "影响程度等级表") }
        return scales
    }

    mutating func loadScale(_ node: YAMLNode, _ what: String) -> [ScaleLevelSyntax]? {
        guard let items = reader.sequence(node, what) else { return nil }
        return items.compactMap { item in
            guard let body = reader.mapping(item, "\(what)的一级") else { return nil }
            reader.checkKeys(
                body, allowed: Self.scaleLevelKeys, required: ["level", "label", "value"], "\(what)的一级")
            return ScaleLevelSyntax(
                level: body["level"].flatMap { reader.integer($0, "level") },
                label: reader.string(body["label"], "label"),
                value: body["value"].flatMap { reader.number($0, "value") }, location: reader.location(body.mark))
        }
    }

    mutating func loadCuts(_ node: YAMLNode, target: String, _ what: String) -> [CutSyntax]? {
        guard let items = reader.sequence(node, what) else { return nil }
        return items.compactMap { item in
            guard let body = reader.mapping(item, "\(what)的一档") else { return nil }
            let location = reader.location(body.mark)
            if let elseNode = body["else"] {
                reader.checkKeys(body, allowed: Self.elseCutKeys, "\(what)的 else 档")
                return CutSyntax(target: reader.level(elseNode, target), isElse: true, location: location)
            }
            reader.checkKeys(body, allowed: Self.cutKeys(target: target), required: ["at_least", target], "\(what)的一档")
            return CutSyntax(
                atLeast: body["at_least"].flatMap { reader.number($0, "at_least") },
                target: body[target].flatMap { reader.level($0, target) }, isElse: false, location: location)
        }
    }

    mutating func loadDegrees(_ node: YAMLNode) -> DegreesSyntax? {
        guard let mapping = reader.mapping(node, "风险程度 degrees") else { return nil }
        reader.checkKeys(mapping, allowed: Self.degreesKeys, "风险程度 degrees")
        var degrees = DegreesSyntax(location: reader.location(mapping.mark))
        degrees.levels = reader.stringList(mapping["levels"], "风险程度名称 levels")
        degrees.by = reader.string(mapping["by"], "by")
        degrees.cuts = mapping["cuts"].flatMap { loadCuts($0, target: "degree", "风险程度分界点 cuts") }
        if let matrixNode = mapping["matrix"], let matrix = reader.mapping(matrixNode, "风险程度矩阵 matrix") {
            degrees.matrix = matrix.entries.compactMap { entry in
                let probability: Located<LevelReference>
                if entry.key.style == .plain, let number = entry.key.int {
                    probability = Located(value: .number(number), location: reader.location(entry.key.mark))
                } else {
                    probability = Located(value: .label(entry.key.value), location: reader.location(entry.key.mark))
                }
                guard let cells = reader.sequence(entry.value, "矩阵的一行") else { return nil }
                return (probability, cells.compactMap { reader.level($0, "矩阵中的风险程度") })
            }
        }
        return degrees
    }

    mutating func loadGrade(_ node: YAMLNode) -> GradeSyntax? {
        guard let body = reader.mapping(node, "风险等级") else { return nil }
        // `decision` may be inherited: a grade in a child file with the same id overrides only what it writes.
        reader.checkKeys(body, allowed: Self.gradeKeys, required: ["id"], "风险等级")
        guard let id = reader.identifier(body["id"], "风险等级 id") else { return nil }
        _ = reader.text(body["note"], "备注 note")
        return GradeSyntax(
            id: id, label: reader.string(body["label"], "label"),
            description: reader.text(body["description"], "description"),
            decision: reader.string(body["decision"], "decision"),
            decisionBasis: body["decision_basis"].map { reader.basisReferences($0, "decision_basis") },
            proceed: body["proceed"].flatMap { reader.boolean($0, "proceed") },
            basis: body["basis"].map { reader.basisReferences($0, "basis") }, location: reader.location(body.mark))
    }

    mutating func loadAggregation(_ node: YAMLNode) -> AggregationSyntax? {
        guard let mapping = reader.mapping(node, "汇总方法 aggregation") else { return nil }
        reader.checkKeys(mapping, allowed: Self.aggregationKeys, "汇总方法 aggregation")
        var aggregation = AggregationSyntax(location: reader.location(mapping.mark))
        aggregation.index = mapping["index"].flatMap { loadCuts($0, target: "grade", "综合风险指数阈值 index") }
        aggregation.rules = mapping["rules"].flatMap { node in
            reader.sequence(node, "数量规则 rules")?.compactMap { item in
                guard let body = reader.mapping(item, "数量规则") else { return nil }
                reader.checkKeys(
                    body, allowed: Self.ruleKeys, required: ["id", "when", "grade"],
                    "数量规则")
                guard let id = reader.identifier(body["id"], "规则 id") else { return nil }
                _ = reader.text(body["note"], "备注 note")
                return AggregationRuleSyntax(
                    id: id, when: reader.expression(body["when"], "条件 when"),
                    grade: reader.string(body["grade"], "grade"), because: reader.text(body["because"], "because"),
                    basis: reader.basisReferences(body["basis"], "basis"), location: reader.location(body.mark))
            }
        }
        aggregation.unknown = reader.string(mapping["unknown"], "unknown")
        if let unknown = aggregation.unknown, !Self.unknownPolicies.contains(unknown.value) {
            reader.diagnostics.error(
                .wrongScalarType, "unknown 只能是 cautious（从严）或 ignore（视为不满足），这里是“\(unknown.value)”",
                at: unknown.location, length: unknown.length)
            aggregation.unknown = nil
        }
        return aggregation
    }

    mutating func loadFactor(_ node: YAMLNode) -> FactorSyntax? {
        guard let body = reader.mapping(node, "风险因素") else { return nil }
        let allowed = Self.factorKeys
        guard let id = reader.identifier(body["id"], "风险因素 id") else {
            if body["id"] == nil {
                reader.diagnostics.error(.missingField, "风险因素缺少必填字段“id”", at: reader.location(body.mark))
            }
            return nil
        }
        let what = "风险因素“\(id.value)”"
        // `weight` may be left out when an AHP group in `weights` derives it; the compiler checks that.
        reader.checkKeys(body, allowed: allowed, required: ["label", "probability", "impact"], what)
        var factor = FactorSyntax(
            id: id, basis: reader.basisReferences(body["basis"], "basis"), measures: [],
            location: reader.location(body.mark))
        factor.label = reader.string(body["label"], "label")
        factor.category = reader.string(body["category"], "category")
        factor.stage = reader.text(body["stage"], "stage")
        _ = reader.text(body["note"], "备注 note")
        factor.weight = body["weight"].flatMap { reader.number($0, "权重 weight") }
        factor.appliesWhen = body["applies_when"].flatMap { reader.expression($0, "适用条件 applies_when") }
        factor.source = choice(
            body["source"], "来源 source", among: Self.factorSources,
            "source 只能是 bands（按规则分档，默认）或 experts（由项目的专家评分确定）")
        factor.probability = body["probability"].flatMap { loadBands($0, "\(what)的风险概率") }
        factor.impact = body["impact"].flatMap { loadBands($0, "\(what)的影响程度") }
        if let measures = body["measures"], let items = reader.sequence(measures, "措施 measures") {
            factor.measures = items.compactMap { loadMeasure($0) }
        }
        return factor
    }

    /// `experts: { method: fuzzy, defuzzify: max_membership }`: how this ruleset aggregates a project's expert
    /// panel (the values are checked when the ruleset compiles).
    mutating func loadExperts(_ node: YAMLNode) -> RuleExpertsSyntax? {
        guard let body = reader.mapping(node, "专家评分 experts") else { return nil }
        reader.checkKeys(body, allowed: Self.expertsKeys, required: ["method"], "专家评分 experts")
        _ = reader.text(body["note"], "备注 note")
        let method = choice(
            body["method"], "experts.method", among: ["mean", "fuzzy"],
            "experts.method 只能是 mean（等级均值）或 fuzzy（模糊综合评价）")
        let defuzzify = choice(
            body["defuzzify"], "experts.defuzzify", among: ["max_membership", "weighted_average"],
            "experts.defuzzify 只能是 max_membership（最大隶属度）或 weighted_average（加权平均）")
        if let text = defuzzify, method?.value == ExpertPanel.Method.mean.rawValue {
            reader.diagnostics.error(
                .wrongScalarType, "defuzzify 只用于 method: fuzzy；等级均值法不需要它，请删去", at: text.location,
                length: text.length)
        }
        return RuleExpertsSyntax(method: method, defuzzify: defuzzify, location: reader.location(body.mark))
    }

    /// A string that must be one of `allowed`; otherwise E204 with `explanation` and what was written, and `nil`.
    mutating func choice(
        _ node: YAMLNode?, _ what: String, among allowed: [String], _ explanation: String
    ) -> Located<String>? {
        guard let text = reader.string(node, what) else { return nil }
        guard allowed.contains(text.value) else {
            reader.diagnostics.error(
                .wrongScalarType, "\(explanation)，这里是“\(text.value)”", at: text.location, length: text.length)
            return nil
        }
        return text
    }

    mutating func loadBands(_ node: YAMLNode, _ what: String) -> [BandSyntax]? {
        guard let items = reader.sequence(node, what) else { return nil }
        return items.compactMap { item in
            guard let body = reader.mapping(item, "\(what)的一档") else { return nil }
            let location = reader.location(body.mark)
            _ = reader.text(body["note"], "备注 note")
            let id = body["id"].flatMap { reader.identifier($0, "分档 id") }
            if let elseNode = body["else"] {
                reader.checkKeys(body, allowed: Self.elseBandKeys, "else 档")
                return BandSyntax(
                    id: id, level: reader.level(elseNode, "等级"), isElse: true,
                    because: reader.text(body["because"], "because"), location: location)
            }
            reader.checkKeys(body, allowed: Self.bandKeys, required: ["when", "level"], "\(what)的一档")
            return BandSyntax(
                id: id, when: reader.expression(body["when"], "条件 when"),
                level: reader.level(body["level"], "等级 level"), isElse: false,
                because: reader.text(body["because"], "because"), location: location)
        }
    }

    mutating func loadMeasure(_ node: YAMLNode) -> MeasureSyntax? {
        guard let body = reader.mapping(node, "措施") else { return nil }
        guard let id = reader.identifier(body["id"], "措施 id") else {
            if body["id"] == nil {
                reader.diagnostics.error(.missingField, "措施缺少必填字段“id”", at: reader.location(body.mark))
            }
            return nil
        }
        let what = "措施“\(id.value)”"
        reader.checkKeys(
            body, allowed: Self.measureKeys,
            required: ["label", "owner", "lowers"], what)
        var measure = MeasureSyntax(id: id, location: reader.location(body.mark))
        measure.label = reader.string(body["label"], "label")
        measure.owner = reader.string(body["owner"], "责任主体 owner")
        measure.assisting = reader.text(body["assisting"], "协助单位 assisting")
        measure.deadline = reader.text(body["deadline"], "时限 deadline")
        measure.cures = body["cures"].flatMap { reader.stringList($0, "对症的分档 cures") }
        measure.satisfiedWhen = body["satisfied_when"].flatMap { reader.expression($0, "已落实条件 satisfied_when") }
        _ = reader.text(body["note"], "备注 note")
        if let lowersNode = body["lowers"], let lowers = reader.mapping(lowersNode, "\(what)的 lowers") {
            reader.checkKeys(lowers, allowed: Self.lowersKeys, "lowers")
            measure.lowersProbability = lowers["probability"].flatMap { reader.integer($0, "降低的概率级数") }
            measure.lowersImpact = lowers["impact"].flatMap { reader.integer($0, "降低的影响级数") }
            for value in [measure.lowersProbability, measure.lowersImpact].compactMap({ $0 }) where value.value < 0 {
                reader.diagnostics.error(
                    .valueOutOfRange, "降低的级数不能是负数（\(value.value)）", at: value.location, length: value.length)
            }
            if lowers.entries.isEmpty {
                reader.diagnostics.error(
                    .missingField, "lowers 至少要写 probability 或 impact 之一", at: reader.location(lowers.mark))
            }
        }
        return measure
    }

    mutating func loadFloor(_ node: YAMLNode) -> FloorSyntax? {
        guard let body = reader.mapping(node, "兜底条件") else { return nil }
        guard let id = reader.identifier(body["id"], "兜底条件 id") else {
            if body["id"] == nil {
                reader.diagnostics.error(.missingField, "兜底条件缺少必填字段“id”", at: reader.location(body.mark))
            }
            return nil
        }
        reader.checkKeys(
            body, allowed: Self.floorKeys,
            required: ["when", "grade", "basis"], "兜底条件“\(id.value)”")
        var floor = FloorSyntax(
            id: id, basis: reader.basisReferences(body["basis"], "basis"), location: reader.location(body.mark))
        floor.label = reader.text(body["label"], "label")
        floor.when = reader.expression(body["when"], "条件 when")
        floor.grade = reader.string(body["grade"], "grade")
        floor.because = reader.text(body["because"], "because")
        floor.unknown = reader.string(body["unknown"], "unknown")
        _ = reader.text(body["note"], "备注 note")
        if let unknown = floor.unknown, !Self.unknownPolicies.contains(unknown.value) {
            reader.diagnostics.error(
                .wrongScalarType, "unknown 只能是 cautious（从严）或 ignore（视为不满足），这里是“\(unknown.value)”",
                at: unknown.location, length: unknown.length)
            floor.unknown = nil
        }
        return floor
    }

    mutating func loadRemove(_ node: YAMLNode) -> RemoveSyntax? {
        guard let mapping = reader.mapping(node, "remove") else { return nil }
        reader.checkKeys(mapping, allowed: Self.removeKeys, "remove")
        var remove = RemoveSyntax(location: reader.location(mapping.mark))
        remove.factors = reader.stringList(mapping["factors"], "要删除的风险因素") ?? []
        remove.floors = reader.stringList(mapping["floors"], "要删除的兜底条件") ?? []
        remove.inputs = reader.stringList(mapping["inputs"], "要删除的输入项") ?? []
        remove.derived = reader.stringList(mapping["derived"], "要删除的派生值") ?? []
        remove.rules = reader.stringList(mapping["rules"], "要删除的数量规则") ?? []
        return remove
    }

    mutating func checkName(_ name: Located<String>, _ what: String) -> Bool {
        guard reader.checkLength(name, what) else { return false }
        if NodeReader.isExpressionName(name.value) { return true }
        reader.diagnostics.error(
            .invalidIdentifier,
            "\(what)“\(name.value)”不能在表达式中使用：只能由字母、汉字、数字和“_”组成，且不能以数字开头（“-”会被当作减号）",
            at: name.location, length: name.length)
        return false
    }
}
