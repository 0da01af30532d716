extension Explainer {
    /// Why `assessment` has its grade, as data for a page (see ``GradeExplanation``): the same outcomes, nearest
    /// changes and measure options as the text of ``explain(_:factor:)``, in the same order, one item per value
    /// (the text merges enum values with the same effect into one line).
    public static func explanation(of assessment: Assessment) -> GradeExplanation {
        let context = Context(assessment: assessment, model: ReportModel(assessment), selected: nil)
        let ruleSet = assessment.ruleSet
        let outcomes = [(assessment.before, false), (assessment.after, true)].map { outcome, afterMeasures in
            let (title, lines) = outcomeLines(context, outcome, afterMeasures: afterMeasures)
            return GradeExplanation.Outcome(title: title, lines: lines)
        }
        let (changes, options) = whatIfs(context)
        var factChanges: [GradeExplanation.FactChange] = []
        for (direction, items) in grouped(changes, context, result: \.result) {
            for change in items where change.slot < ruleSet.inputs.count {
                let input = ruleSet.inputs[change.slot]
                guard let value = formValue(change.to, input) else { continue }
                factChanges.append(
                    GradeExplanation.FactChange(
                        fact: input.name, formValue: value, valueLabel: display(change.to, slot: change.slot, ruleSet),
                        text: describe(context, change), direction: direction.public))
            }
        }
        var measures: [GradeExplanation.MeasureOption] = []
        for (direction, items) in grouped(options, context, result: \.result) {
            for option in items {
                measures.append(
                    GradeExplanation.MeasureOption(
                        measure: option.measure.id, label: option.measure.label, text: describe(context, option),
                        direction: direction.public))
            }
        }
        return GradeExplanation(
            outcomes: outcomes, changes: factChanges, measures: measures, isLowest: assessment.after.grade == 0)
    }

    /// `value` as a planner types it into `input`'s form field; nil for text (the explanation never proposes one).
    static func formValue(_ value: Value, _ input: CompiledRuleSet.Input) -> String? {
        switch value {
        case .number(let number) where input.kind == .percent: return Formatting.number(number * 100, digits: 6) + "%"
        case .number(let number): return Formatting.number(number, digits: 6)
        case .boolean(let flag): return flag ? "true" : "false"
        case .enumeration(let index):
            guard let domain = input.domain, domain.values.indices.contains(Int(index)) else { return nil }
            return domain.values[Int(index)].key
        case .date(let days): return CalendarDate(daysSinceEpoch: Int(days)).description
        case .text, .unknown: return nil
        }
    }
}

extension Explainer.Direction {
    var `public`: GradeExplanation.Direction {
        switch self {
        case .lowers: .lowers
        case .raises: .raises
        case .keeps: .keeps
        }
    }
}
