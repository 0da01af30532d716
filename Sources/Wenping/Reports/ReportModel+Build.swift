extension ReportModel {
    /// Builds the display model of an assessment, with its ruleset's shared ``CompiledRuleSet/reportTables``.
    init(_ assessment: Assessment) {
        self.init(assessment, tables: assessment.ruleSet.reportTables)
    }

    /// Builds the display model of an assessment.
    ///
    /// - Parameter tables: the ruleset-only parts: ``CompiledRuleSet/reportTables`` of the assessment's ruleset,
    ///   or the same computed afresh (the model is byte-identical either way).
    init(_ assessment: Assessment, tables: ReportTables) {
        self.assessment = assessment
        let project = assessment.project
        let ruleSet = project.ruleSet
        kindLabel = Self.kindLabel(project.kind, ruleSet)
        jurisdictionLabel = Self.jurisdictionLabel(project.jurisdiction)
        let inputs = ruleSet.inputs
        var facts: [Fact] = []
        facts.reserveCapacity(inputs.count)
        // By index, reading only the fields needed: iterating the structs would copy every input.
        for index in inputs.indices {
            let slot = inputs[index].slot
            let value = project.values[slot]
            var source = project.given[slot] ? "given" : (value == .unknown ? "absent" : "default")
            if source == "given", let survey = project.survey {
                let name = inputs[index].name
                if survey.facts.contains(where: { $0.name == name }) { source = "survey" }
            }
            let kind = inputs[index].kind
            facts.append(
                Self.fact(
                    name: inputs[index].name, label: inputs[index].label, kind: kind.rawValue, unit: inputs[index].unit,
                    unitSuffix: tables.unitSuffixes[index], value: value, domain: inputs[index].domain,
                    percent: kind == .percent, source: source))
        }
        self.facts = facts
        derived = ruleSet.derived.enumerated().map { index, item in
            let value = assessment.derivedValue(index)
            let fact = Self.fact(
                name: item.name, label: item.label, kind: "derived", unit: item.unit,
                unitSuffix: item.unit.map { " \($0)" } ?? "", value: value, domain: nil, percent: false,
                source: value == .unknown ? "absent" : "derived")
            // Given facts, failed arithmetic (a division by zero): say so, not "未提供".
            guard let failure = assessment.arithmeticFailure(derived: index) else { return fact }
            return Fact(
                name: fact.name, label: fact.label, type: fact.type, unit: fact.unit, value: fact.value,
                display: "无法计算（\(failure)）", source: fact.source)
        }
        citations = tables.citations
        let policy = ruleSet.aggregation.unknownPolicy
        let factors = Self.factors(assessment, tables)
        self.factors = factors
        let floors = Self.floors(assessment, tables)
        self.floors = floors
        before = Self.outcome(assessment.before, assessment, floors, afterMeasures: false)
        after = Self.outcome(assessment.after, assessment, floors, afterMeasures: true)
        let grade = ruleSet.grades[assessment.after.grade]
        let gradeTable = tables.grades[assessment.after.grade]
        decision = grade.decision
        decisionBasis = gradeTable.decisionBasis
        gradeMeaning = gradeTable.meaning
        mayProceed = grade.proceeds
        var main = factors.indices.filter { factors[$0].isApplicable && factors[$0].before.contribution > 0 }
        main.sort { (factors[$0].before.contribution, -$0) > (factors[$1].before.contribution, -$1) }
        mainFactors = main.prefix(3).map { factors[$0].id }
        warnings = Self.warnings(assessment)
        missingFacts = Self.missingFacts(assessment)
        defaultedFacts = facts.filter { $0.source == "default" }.map {
            DefaultedFact(name: $0.name, label: $0.label, display: $0.display)
        }
        findings = Self.findings(factors, tables.categories)
        recommendations = Self.recommendations(factors, ruleSet)
        let outline = project.outline
        sections = Self.sections(outline)
        reportFields = Self.reportFields(outline)
        signOff = Self.signOff(outline)
        banners = Self.banners(
            ruleSet: ruleSet, missing: missingFacts, defaulted: defaultedFacts, policy: policy)
    }

    /// The Chinese label of a project kind, from the ruleset's `applies_to` labels (the id when it has none).
    static func kindLabel(_ kind: String, _ ruleSet: CompiledRuleSet) -> String {
        ruleSet.kindLabel(for: kind) ?? kind
    }

    /// `中国/陕西省/西安市` → `陕西省西安市`; `中国` alone stays `中国`.
    static func jurisdictionLabel(_ path: String) -> String {
        // One region without separators or surrounding whitespace is its own label.
        if !path.utf8.contains(UInt8(ascii: "/")), let first = path.unicodeScalars.first,
            let last = path.unicodeScalars.last, !first.properties.isWhitespace, !last.properties.isWhitespace
        {
            return path
        }
        var parts = path.split(separator: "/").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        if parts.count > 1, parts.first == "中国" { parts.removeFirst() }
        return parts.isEmpty ? "全国" : parts.joined()
    }

    // MARK: - Floors and outcomes

    private static func floors(_ assessment: Assessment, _ tables: ReportTables) -> [Floor] {
        let ruleSet = assessment.ruleSet
        var missingByFloor: [Int: String] = [:]
        for unknown in assessment.unknowns {
            if case .floor(let index) = unknown.place { missingByFloor[index] = assessment.shortfall(unknown) }
        }
        return assessment.floors.map { index in
            let floor = ruleSet.floors[index]
            let grade = ruleSet.grades[floor.grade]
            let name = floor.label ?? floor.id
            let statement: String
            if let shortfall = missingByFloor[index] {
                statement = "\(shortfall)，无法判断兜底条件“\(name)”是否成立；按从严原则视为成立，项目至少为\(grade.label)"
            } else {
                statement = "兜底条件“\(name)”成立，项目至少为\(grade.label)"
            }
            return Floor(
                id: floor.id, label: floor.label, grade: grade.id,
                basis: tables.floorBasis[index],
                because: missingByFloor[index] == nil ? floor.because : nil, undecided: missingByFloor[index] != nil,
                statement: statement)
        }
    }

    private static func outcome(
        _ outcome: Assessment.Outcome, _ assessment: Assessment, _ floors: [Floor], afterMeasures: Bool
    ) -> Outcome {
        let ruleSet = assessment.ruleSet
        let grades = ruleSet.grades
        var undecidedRules: [Int: String] = [:]
        for unknown in assessment.unknowns {
            if case .rule(let index) = unknown.place { undecidedRules[index] = assessment.shortfall(unknown) }
        }
        var reasons = [
            Reason(
                kind: "index",
                text: "综合风险指数 \(Formatting.index(outcome.index))，按指数分级对应\(grades[outcome.indexGrade].label)",
                grade: grades[outcome.indexGrade].id, decisive: outcome.indexGrade == outcome.grade, undecided: false)
        ]
        var hits: [RuleHit] = []
        for index in ruleSet.aggregation.rules.indices where outcome.rules & (1 << UInt64(index)) != 0 {
            let rule = ruleSet.aggregation.rules[index]
            let grade = grades[rule.grade]
            hits.append(RuleHit(id: rule.id, grade: grade.id, because: rule.because))
            let name = rule.because ?? rule.id
            let missing = undecidedRules[index]
            let text =
                missing.map {
                    "\($0)，数量规则“\(name)”无法判断，按从严原则视为成立，对应\(grade.label)"
                } ?? "数量规则成立：\(name)，对应\(grade.label)"
            reasons.append(
                Reason(
                    kind: "rule", text: text, grade: grade.id, decisive: rule.grade == outcome.grade,
                    undecided: missing != nil))
        }
        for floor in floors {
            let severity = grades.firstIndex { $0.id == floor.grade } ?? 0
            reasons.append(
                Reason(
                    kind: "floor", text: floor.statement, grade: floor.grade, decisive: severity == outcome.grade,
                    undecided: floor.undecided))
        }
        return Outcome(
            index: outcome.index, indexGrade: grades[outcome.indexGrade].id, rules: hits,
            grade: grades[outcome.grade].id, gradeLabel: grades[outcome.grade].label, reasons: reasons)
    }

    // MARK: - Facts

    /// A fact's value for people, with its unit: `1200 户`, `35%`, `是`, `未提供`.
    static func display(_ value: Value, _ input: CompiledRuleSet.Input) -> String {
        fact(
            name: input.name, label: input.label, kind: input.kind.rawValue, unit: input.unit,
            unitSuffix: input.unit.map { " \($0)" } ?? "", value: value, domain: input.domain,
            percent: input.kind == .percent, source: ""
        ).display
    }

    /// - Parameter unitSuffix: `" \(unit)"`, or empty without a unit (``ReportTables/unitSuffixes``).
    private static func fact(
        name: String, label: String, kind: String, unit: String?, unitSuffix: String, value: Value,
        domain: EnumDomain?, percent: Bool, source: String
    ) -> Fact {
        let (json, display): (ReportValue, String) =
            switch value {
            case .unknown: (.null, "未提供")
            case .number(let number) where percent: (.number(number), "\(Formatting.number(number * 100))%")
            case .number(let number): (.number(number), Formatting.number(number) + unitSuffix)
            case .boolean(let flag): (.bool(flag), flag ? "是" : "否")
            case .enumeration(let index):
                (.string(domain?.values[Int(index)].key ?? ""), domain?.values[Int(index)].label ?? "")
            case .date(let days):
                (
                    .string(CalendarDate(daysSinceEpoch: Int(days)).description),
                    CalendarDate(daysSinceEpoch: Int(days)).description
                )
            case .text(let given): (given ? .string("（文字）") : .null, given ? "已填写" : "未提供")
            }
        return Fact(name: name, label: label, type: kind, unit: unit, value: json, display: display, source: source)
    }

    /// Plain-Chinese warnings: facts missing for a decision, and defaults used.
    private static func warnings(_ assessment: Assessment) -> [String] {
        let project = assessment.project
        let ruleSet = project.ruleSet
        let policy = ruleSet.aggregation.unknownPolicy
        var out: [String] = []
        let treatment = policy == .cautious ? "按从严原则处理" : "按不满足处理"
        for unknown in assessment.unknowns {
            let missing = assessment.shortfall(unknown)
            switch unknown.place {
            case .applicability(let factor):
                let applies = assessment.factors[factor].applicability.isApplicable
                out.append(
                    "\(missing)，无法判断风险因素“\(ruleSet.factors[factor].label)”是否适用；\(treatment)，"
                        + (applies ? "视为适用" : "视为不适用"))
            case .probability(let factor, _):
                let level = ruleSet.probabilityScale.levels[assessment.factors[factor].before.probability].label
                out.append("\(missing)，风险因素“\(ruleSet.factors[factor].label)”的风险概率无法判断；\(treatment)，取“\(level)”")
            case .impact(let factor, _):
                let level = ruleSet.impactScale.levels[assessment.factors[factor].before.impact].label
                out.append("\(missing)，风险因素“\(ruleSet.factors[factor].label)”的影响程度无法判断；\(treatment)，取“\(level)”")
            case .floor(let index):
                let floor = ruleSet.floors[index]
                let fired = assessment.floors.contains(index)
                let floorTreatment = floor.unknownPolicy == .cautious ? "按从严原则处理" : "按不满足处理"
                out.append(
                    "\(missing)，无法判断兜底条件“\(floor.label ?? floor.id)”是否成立；\(floorTreatment)，"
                        + (fired ? "视为成立（至少\(ruleSet.grades[floor.grade].label)）" : "视为不成立"))
            case .rule(let index):
                let rule = ruleSet.aggregation.rules[index]
                out.append("\(missing)，数量规则“\(rule.because ?? rule.id)”无法判断；\(treatment)")
            case .experts(let factor):
                out.append("\(missing)：\(assessment.missingPanelEffect(factor: factor))")
            }
        }
        for input in ruleSet.inputs where !project.given[input.slot] && project.values[input.slot] != .unknown {
            out.append("未填写“\(input.label)”，使用规则中的默认值")
        }
        return out
    }
}

extension CalendarDate {
    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
