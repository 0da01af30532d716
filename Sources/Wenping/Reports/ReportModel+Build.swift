extension ReportModel {
    /// Builds the display model of an assessment.
    init(_ assessment: Assessment) {
        self.assessment = assessment
        let project = assessment.project
        let ruleSet = project.ruleSet
        kindLabel = Self.kindLabel(project.kind, ruleSet)
        jurisdictionLabel = Self.jurisdictionLabel(project.jurisdiction)
        facts = ruleSet.inputs.map { input in
            let value = project.values[input.slot]
            var source = project.given[input.slot] ? "given" : (value == .unknown ? "absent" : "default")
            if source == "given", project.survey?.facts.contains(where: { $0.name == input.name }) == true {
                source = "survey"
            }
            return Self.fact(
                name: input.name, label: input.label, kind: input.kind.rawValue, unit: input.unit, value: value,
                domain: input.domain, percent: input.kind == .percent, source: source)
        }
        derived = ruleSet.derived.enumerated().map { index, item in
            let value = assessment.derivedValue(index)
            let fact = Self.fact(
                name: item.name, label: item.label, kind: "derived", unit: item.unit, value: value, domain: nil,
                percent: false, source: value == .unknown ? "absent" : "derived")
            // Given facts, failed arithmetic (a division by zero): say so, not "未提供".
            guard let failure = assessment.arithmeticFailure(derived: index) else { return fact }
            return Fact(
                name: fact.name, label: fact.label, type: fact.type, unit: fact.unit, value: fact.value,
                display: "无法计算（\(failure)）", source: fact.source)
        }
        let citations = Self.citations(ruleSet)
        self.citations = citations
        let shortNames = Dictionary(citations.map { ($0.key, $0.short) }, uniquingKeysWith: { first, _ in first })
        let policy = ruleSet.aggregation.unknownPolicy
        let satisfied = assessment.satisfiedMeasureIDs()
        factors = ruleSet.factors.indices.map {
            Self.factor($0, assessment, shortNames: shortNames, policy: policy, satisfied: satisfied)
        }
        let floors = Self.floors(assessment, shortNames: shortNames)
        self.floors = floors
        before = Self.outcome(assessment.before, assessment, floors, afterMeasures: false)
        after = Self.outcome(assessment.after, assessment, floors, afterMeasures: true)
        let grade = ruleSet.grades[assessment.after.grade]
        decision = grade.decision
        decisionBasis = grade.decisionBasis.map { (shortNames[$0.key] ?? $0.title) + $0.detail }
        gradeMeaning = grade.description.map { text in
            let sources = grade.basis.map { (shortNames[$0.key] ?? $0.title) + $0.detail }
            return GradeMeaning(
                grade: grade.id, label: grade.label,
                source: sources.isEmpty ? ruleSet.title : sources.joined(separator: "、"),
                text: RuleSetBuilder.statedNumbers(in: text).isEmpty ? text : nil)
        }
        mayProceed = grade.proceeds
        mainFactors = factors.enumerated().filter { $0.element.isApplicable && $0.element.before.contribution > 0 }
            .sorted { ($0.element.before.contribution, -$0.offset) > ($1.element.before.contribution, -$1.offset) }
            .prefix(3).map(\.element.id)
        warnings = Self.warnings(assessment)
        missingFacts = Self.missingFacts(assessment)
        defaultedFacts = facts.filter { $0.source == "default" }.map {
            DefaultedFact(name: $0.name, label: $0.label, display: $0.display)
        }
        findings = Self.findings(factors)
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
        var parts = path.split(separator: "/").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        if parts.count > 1, parts.first == "中国" { parts.removeFirst() }
        return parts.isEmpty ? "全国" : parts.joined()
    }

    // MARK: - Factors

    /// - Parameter satisfied: ``Assessment/satisfiedMeasureIDs()``, worked out once for all factors.
    private static func factor(
        _ index: Int, _ assessment: Assessment, shortNames: [String: String], policy: CompiledRuleSet.UnknownPolicy,
        satisfied: Set<String>
    ) -> Factor {
        let ruleSet = assessment.ruleSet
        let project = assessment.project
        let factor = ruleSet.factors[index]
        let result = assessment.factors[index]
        let applies = result.applicability.isApplicable
        let weightSum = zip(ruleSet.factors, assessment.factors).reduce(0.0) {
            $0 + ($1.1.applicability.isApplicable ? $1.0.weight : 0)
        }
        // The facts whose absence left each level to the unknown policy (whichever band was undecided).
        var missingP: [Int] = []
        var missingI: [Int] = []
        // What left them undecided, in words: missing facts, or a derived value that could not be computed.
        var shortfallP: [String] = []
        var shortfallI: [String] = []
        for unknown in assessment.unknowns {
            switch unknown.place {
            case .probability(let factorIndex, _) where factorIndex == index:
                missingP += assessment.missing(unknown)
                shortfallP.append(assessment.shortfall(unknown))
            case .impact(let factorIndex, _) where factorIndex == index:
                missingI += assessment.missing(unknown)
                shortfallI.append(assessment.shortfall(unknown))
            default: break
            }
        }
        func level(
            _ point: Int, _ scale: CompiledRuleSet.Scale, _ bands: [CompiledRuleSet.Band], _ bandIndex: Int,
            _ missing: [Int], _ shortfalls: [String], panel: String?
        ) -> Level {
            let band = bands[max(0, bandIndex)]
            let label = scale.levels[point].label
            if let panel {
                // The panel (or the strict rule for its absence) set the level: no band, no condition.
                return Level(
                    level: point + 1, label: label, band: -1, because: panel, condition: nil,
                    undecided: result.source == .expertsMissing, missing: [])
            }
            var because: String? = applies ? band.because : nil
            if applies && !shortfalls.isEmpty {
                let names = unique(shortfalls).joined(separator: "，")
                because =
                    policy == .cautious
                    ? "\(names)，无法判断，按从严原则取“\(label)”"
                    : "\(names)，无法判断的条件按不满足处理，取“\(label)”"
            }
            return Level(
                level: point + 1, label: label, band: bandIndex, because: because,
                condition: applies ? band.condition?.source : nil, undecided: !shortfalls.isEmpty,
                missing: missing.map { ruleSet.inputs[$0].name })
        }
        let estimate = { (point: Assessment.Estimate) -> Estimate in
            let score =
                ruleSet.probabilityScale.levels[point.probability].value
                * ruleSet.impactScale.levels[point.impact].value
            return Estimate(
                probability: level(
                    point.probability, ruleSet.probabilityScale, factor.probability, result.probabilityBand,
                    unique(missingP), shortfallP, panel: assessment.panelReason(factor: index, impact: false)),
                impact: level(
                    point.impact, ruleSet.impactScale, factor.impact, result.impactBand, unique(missingI), shortfallI,
                    panel: assessment.panelReason(factor: index, impact: true)),
                degree: point.degree + 1, degreeLabel: ruleSet.degrees.labels[point.degree], score: score,
                contribution: applies && weightSum > 0 ? factor.weight * score / weightSum : 0)
        }
        let applicability: String =
            switch result.applicability {
            case .applies: "applies"
            case .notApplicable: "not_applicable"
            case .assumedApplicable: "assumed_applicable"
            case .assumedNotApplicable: "assumed_not_applicable"
            }
        let adopted = Set(project.measures)
        let before = estimate(result.before)
        let after = estimate(result.after)
        return Factor(
            id: factor.id, label: factor.label, category: factor.category ?? "其他", stage: factor.stage,
            weight: factor.weight, basis: factor.basis.map(\.text),
            basisShort: factor.basis.map { (shortNames[$0.key] ?? $0.title) + $0.detail },
            applicability: applicability, isApplicable: applies, source: Assessment.sourceKey(result.source),
            before: before, after: after,
            measures: factor.measures.enumerated().map { number, measure in
                let isAdopted = adopted.contains(measure.id)
                let effect = assessment.measureEffects.first { $0.factor == index && $0.measure == number }
                var outcome = effect.map { measureOutcome($0, assessment) }
                if !isAdopted && satisfied.contains(measure.id) {
                    outcome = "无需采纳：项目事实表明该措施已经落实"
                }
                return Measure(
                    id: measure.id, label: measure.label, owner: measure.owner, assisting: measure.assisting,
                    deadline: measure.deadline, lowersProbability: measure.lowersProbability,
                    lowersImpact: measure.lowersImpact, adopted: isAdopted, outcome: outcome,
                    isSatisfied: satisfied.contains(measure.id), lowered: effect?.changed ?? false)
            })
    }

    /// What one adopted measure did to one factor: the levels it lowered, or why it changed nothing.
    static func measureOutcome(_ effect: Assessment.MeasureEffect, _ assessment: Assessment) -> String {
        guard effect.changed else { return assessment.noEffectReason(effect) ?? "无效果" }
        var moved: [String] = []
        if effect.probability > 0 { moved.append("风险概率降低 \(effect.probability) 级") }
        if effect.impact > 0 { moved.append("影响程度降低 \(effect.impact) 级") }
        return moved.joined(separator: "，")
    }

    /// `items` without repeats, in first-seen order.
    private static func unique<Item: Hashable>(_ items: [Item]) -> [Item] {
        var seen: Set<Item> = []
        return items.filter { seen.insert($0).inserted }
    }

    // MARK: - Floors and outcomes

    private static func floors(_ assessment: Assessment, shortNames: [String: String]) -> [Floor] {
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
                basis: floor.basis.map { (shortNames[$0.key] ?? $0.title) + $0.detail },
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
            name: input.name, label: input.label, kind: input.kind.rawValue, unit: input.unit, value: value,
            domain: input.domain, percent: input.kind == .percent, source: ""
        ).display
    }

    private static func fact(
        name: String, label: String, kind: String, unit: String?, value: Value, domain: EnumDomain?, percent: Bool,
        source: String
    ) -> Fact {
        let unitSuffix = unit.map { " \($0)" } ?? ""
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
