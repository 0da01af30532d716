import WenpingYAML

extension FactBinder {
    /// Types the facts of the project's `survey` block against the ruleset's inputs and returns the estimate
    /// region (see ``EstimateLayout``); empty when the project has no survey.
    ///
    /// A survey fact fills its input like a fact under `facts` (value `count / n`, range checked), and may not be
    /// written there as well (E465). One the ruleset does not declare is kept for the report and warned about
    /// (W542): a survey often measures more than one ruleset grades.
    mutating func bindSurvey(_ values: inout [Value], _ given: inout [Bool], written: [Bool]) -> [Value] {
        guard let survey = file.survey else { return [] }
        var estimates = EstimateLayout.empty(inputCount: ruleSet.inputs.count)
        let byName = Dictionary(uniqueKeysWithValues: ruleSet.inputs.map { ($0.name, $0) })
        for fact in survey.facts {
            let location = reader.location(fact.key.mark)
            let width = NodeReader.width(of: fact.key)
            guard let input = byName[fact.name] else {
                reader.diagnostics.warning(
                    .surveyFactUnused,
                    "调查得出的“\(fact.name)”（\(fact.label)）不是规则“\(ruleSet.id)”的输入项，只在报告的风险调查部分列出，不参与评级",
                    at: location, length: width)
                continue
            }
            if written[input.slot] || given[input.slot] {
                reader.diagnostics.error(
                    .surveyFactTwice,
                    "事实“\(fact.name)”既写在 facts 中，又由 survey.facts 给出；请删去 facts 中的这一项，以调查结果为准",
                    at: location, length: width)
                continue
            }
            guard input.kind == .percent || input.kind == .number else {
                reader.diagnostics.error(
                    .invalidSurveyBlock,
                    "输入项“\(input.name)”（\(input.label)）的类型不是百分数或数字，不能由调查比率给出",
                    at: location, length: width)
                continue
            }
            let value = fact.rate
            if let min = input.min, value < min - 1e-12 {
                reader.diagnostics.error(
                    .factOutOfRange, "调查事实“\(fact.name)”的值 \(Formatting.number(value, digits: 6)) 小于规则允许的下限",
                    at: location, length: width)
                continue
            }
            if let max = input.max, value > max + 1e-12 {
                reader.diagnostics.error(
                    .factOutOfRange, "调查事实“\(fact.name)”的值 \(Formatting.number(value, digits: 6)) 大于规则允许的上限",
                    at: location, length: width)
                continue
            }
            values[input.slot] = .number(value)
            given[input.slot] = true
            let parts: [(EstimateLayout.Part, Double)] = [
                (.lower, fact.lower), (.upper, fact.upper), (.sample, Double(fact.n)),
            ]
            for (part, number) in parts {
                let index = EstimateLayout.index(slot: input.slot, part: Int(part.rawValue), count: estimates.count)
                estimates[index] = .number(number)
            }
        }
        return estimates
    }
}
