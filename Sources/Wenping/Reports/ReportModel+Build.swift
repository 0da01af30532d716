extension ReportModel {
    /// Builds the display model of an assessment.
    init(_ assessment: Assessment) {
        self.assessment = assessment
        let project = assessment.project
        let ruleSet = project.ruleSet
        facts = ruleSet.inputs.map { input in
            let value = project.values[input.slot]
            let source = project.given[input.slot] ? "given" : (value == .unknown ? "absent" : "default")
            return Self.fact(
                name: input.name, label: input.label, kind: input.kind.rawValue, unit: input.unit, value: value,
                domain: input.domain, percent: input.kind == .percent, source: source)
        }
        derived = ruleSet.derived.enumerated().map { index, item in
            let value = assessment.derivedValue(index)
            return Self.fact(
                name: item.name, label: item.label, kind: "derived", unit: item.unit, value: value, domain: nil,
                percent: false, source: value == .unknown ? "absent" : "derived")
        }
        let undecidedBands = Set(
            assessment.unknowns.compactMap { unknown -> String? in
                switch unknown.place {
                case .probability(let factor, let band): "p\(factor)/\(band)"
                case .impact(let factor, let band): "i\(factor)/\(band)"
                default: nil
                }
            })
        let weightSum = zip(ruleSet.factors, assessment.factors).reduce(0.0) {
            $0 + ($1.1.applicability.isApplicable ? $1.0.weight : 0)
        }
        let adopted = Set(project.measures)
        factors = ruleSet.factors.enumerated().map { index, factor in
            let result = assessment.factors[index]
            let applies = result.applicability.isApplicable
            let estimate = { (point: Assessment.Estimate) -> Estimate in
                let p = factor.probability[max(0, result.probabilityBand)]
                let i = factor.impact[max(0, result.impactBand)]
                let score =
                    ruleSet.probabilityScale.levels[point.probability].value
                    * ruleSet.impactScale.levels[point.impact].value
                return Estimate(
                    probability: Level(
                        level: point.probability + 1, label: ruleSet.probabilityScale.levels[point.probability].label,
                        band: result.probabilityBand, because: applies ? p.because : nil,
                        condition: applies ? p.condition?.source : nil,
                        undecided: undecidedBands.contains("p\(index)/\(result.probabilityBand)")),
                    impact: Level(
                        level: point.impact + 1, label: ruleSet.impactScale.levels[point.impact].label,
                        band: result.impactBand, because: applies ? i.because : nil,
                        condition: applies ? i.condition?.source : nil,
                        undecided: undecidedBands.contains("i\(index)/\(result.impactBand)")),
                    degree: point.degree + 1, degreeLabel: ruleSet.degrees.labels[point.degree], score: score,
                    contribution: result.applicability.isApplicable && weightSum > 0
                        ? factor.weight * score / weightSum : 0)
            }
            let applicability: String =
                switch result.applicability {
                case .applies: "applies"
                case .notApplicable: "not_applicable"
                case .assumedApplicable: "assumed_applicable"
                case .assumedNotApplicable: "assumed_not_applicable"
                }
            return Factor(
                id: factor.id, label: factor.label, category: factor.category ?? "其他", stage: factor.stage,
                weight: factor.weight, basis: factor.basis.map(\.text), applicability: applicability,
                isApplicable: result.applicability.isApplicable, before: estimate(result.before),
                after: estimate(result.after),
                measures: factor.measures.map {
                    Measure(
                        id: $0.id, label: $0.label, owner: $0.owner, assisting: $0.assisting, deadline: $0.deadline,
                        lowersProbability: $0.lowersProbability, lowersImpact: $0.lowersImpact,
                        adopted: adopted.contains($0.id))
                })
        }
        before = Self.outcome(assessment.before, ruleSet)
        after = Self.outcome(assessment.after, ruleSet)
        let floorUnknowns = Set(
            assessment.unknowns.compactMap { unknown -> Int? in
                if case .floor(let index) = unknown.place { return index }
                return nil
            })
        floors = assessment.floors.map { index in
            let floor = ruleSet.floors[index]
            return Floor(
                id: floor.id, label: floor.label, grade: ruleSet.grades[floor.grade].id, basis: floor.basis.map(\.text),
                because: floor.because, undecided: floorUnknowns.contains(index))
        }
        let grade = ruleSet.grades[assessment.after.grade]
        decision = grade.decision
        gradeDescription = grade.description
        mayProceed = grade.proceeds
        mainFactors = factors.enumerated().filter { $0.element.isApplicable && $0.element.before.contribution > 0 }
            .sorted { ($0.element.before.contribution, -$0.offset) > ($1.element.before.contribution, -$1.offset) }
            .prefix(3).map(\.element.id)
        warnings = Self.warnings(assessment)
    }

    private static func outcome(_ outcome: Assessment.Outcome, _ ruleSet: CompiledRuleSet) -> Outcome {
        Outcome(
            index: outcome.index, indexGrade: ruleSet.grades[outcome.indexGrade].id,
            rules: ruleSet.aggregation.rules.indices.filter { outcome.rules & (1 << UInt64($0)) != 0 }.map {
                let rule = ruleSet.aggregation.rules[$0]
                return RuleHit(id: rule.id, grade: ruleSet.grades[rule.grade].id, because: rule.because)
            }, grade: ruleSet.grades[outcome.grade].id, gradeLabel: ruleSet.grades[outcome.grade].label)
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
            case .text(let given): (given ? .string("(文字)") : .null, given ? "已填写" : "未提供")
            }
        return Fact(name: name, label: label, type: kind, unit: unit, value: json, display: display, source: source)
    }

    /// Plain-Chinese warnings: facts missing for a decision, and defaults used.
    private static func warnings(_ assessment: Assessment) -> [String] {
        let project = assessment.project
        let ruleSet = project.ruleSet
        let policy = ruleSet.aggregation.unknownPolicy
        var out: [String] = []
        func names(_ slots: [Int]) -> String {
            let list = slots.map { "“\(ruleSet.inputs[$0].label)”(\(ruleSet.inputs[$0].name))" }
            return list.isEmpty ? "所需数据" : list.joined(separator: "、")
        }
        let treatment = policy == .cautious ? "按从严原则处理" : "按不满足处理"
        for unknown in assessment.unknowns {
            let missing = names(assessment.missing(unknown))
            switch unknown.place {
            case .applicability(let factor):
                let applies = assessment.factors[factor].applicability.isApplicable
                out.append(
                    "缺少\(missing),无法判断风险因素“\(ruleSet.factors[factor].label)”是否适用;\(treatment),"
                        + (applies ? "视为适用" : "视为不适用"))
            case .probability(let factor, _):
                let level = ruleSet.probabilityScale.levels[assessment.factors[factor].before.probability].label
                out.append("缺少\(missing),风险因素“\(ruleSet.factors[factor].label)”的风险概率无法判断;\(treatment),取“\(level)”")
            case .impact(let factor, _):
                let level = ruleSet.impactScale.levels[assessment.factors[factor].before.impact].label
                out.append("缺少\(missing),风险因素“\(ruleSet.factors[factor].label)”的影响程度无法判断;\(treatment),取“\(level)”")
            case .floor(let index):
                let floor = ruleSet.floors[index]
                let fired = assessment.floors.contains(index)
                let floorTreatment = floor.unknownPolicy == .cautious ? "按从严原则处理" : "按不满足处理"
                out.append(
                    "缺少\(missing),无法判断兜底条件“\(floor.label ?? floor.id)”是否成立;\(floorTreatment),"
                        + (fired ? "视为成立(至少\(ruleSet.grades[floor.grade].id)风险)" : "视为不成立"))
            case .rule(let index):
                out.append("缺少\(missing),汇总规则“\(ruleSet.aggregation.rules[index].id)”无法判断;\(treatment)")
            }
        }
        for input in ruleSet.inputs where !project.given[input.slot] && project.values[input.slot] != .unknown {
            out.append("未填写“\(input.label)”(\(input.name)),使用规则中的默认值")
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
