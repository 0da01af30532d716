extension CheckedSyntax {
    /// The input slots whose survey sample the expression reads through `lower`, `upper` or `sample`.
    var sampleReferences: Set<Int> {
        var slots = Set<Int>()
        collectSamples(into: &slots)
        return slots
    }

    private func collectSamples(into slots: inout Set<Int>) {
        switch kind {
        case .constant, .symbol: break
        case .unary(_, let operand): operand.collectSamples(into: &slots)
        case .binary(_, let left, let right):
            left.collectSamples(into: &slots)
            right.collectSamples(into: &slots)
        case .membership(let subject, let elements, _):
            subject.collectSamples(into: &slots)
            for element in elements { element.collectSamples(into: &slots) }
        case .call(let id, let arguments):
            if id == .lower || id == .upper || id == .sample, case .symbol(let symbol) = arguments.first?.kind {
                slots.insert(symbol.slot)
            }
            for argument in arguments { argument.collectSamples(into: &slots) }
        }
    }
}

extension Project {
    /// Whether the fact in input `slot` comes with a survey sample (a `survey:` block gave it).
    func hasSample(_ slot: Int) -> Bool {
        guard !estimates.isEmpty else { return false }
        let index = EstimateLayout.index(
            slot: slot, part: Int(EstimateLayout.Part.sample.rawValue), count: estimates.count)
        return estimates.indices.contains(index) && estimates[index] != .unknown
    }
}

extension Assessment {
    /// How a report names input `slot` when a condition could not be decided for want of it: its label, or
    /// `入户调查反对率的调查样本` when the fact is given but the condition reads its survey sample.
    func missingLabel(_ slot: Int) -> String {
        let input = ruleSet.inputs[slot]
        return project.values[slot] == .unknown ? input.label : "\(input.label)的调查样本"
    }
}
