extension Project {
    /// The same project with one input slot set to `value` (``Value/unknown`` leaves the fact out).
    func replacing(slot: Int, with value: Value) -> Project {
        var values = self.values
        var given = self.given
        values[slot] = value
        given[slot] = value != .unknown
        return Project(
            id: id, name: name, kind: kind, jurisdiction: jurisdiction, file: file, inputDigest: inputDigest,
            ruleSet: ruleSet, details: details, values: values, given: given, measures: measures, adopted: adopted,
            outline: outline, survey: survey,
            estimates: EstimateLayout.clearing(slot, in: estimates), experts: experts,
            versionChoice: versionChoice)
    }

    /// The same project with the measure `id` adopted as well, adopted on every factor that offers it
    /// (as ``FactBinder`` totals them); the project itself when the measure is already adopted.
    func adopting(_ measureID: String) -> Project {
        guard !measures.contains(measureID) else { return self }
        var adopted = self.adopted
        for (index, factor) in ruleSet.factors.enumerated() {
            for (number, measure) in factor.measures.enumerated() where measure.id == measureID {
                adopted[index] |= 1 << UInt64(number)
            }
        }
        return Project(
            id: id, name: name, kind: kind, jurisdiction: jurisdiction, file: file, inputDigest: inputDigest,
            ruleSet: ruleSet, details: details, values: values, given: given, measures: measures + [measureID],
            adopted: adopted, outline: outline, survey: survey, estimates: estimates, experts: experts,
            versionChoice: versionChoice)
    }

    /// The value of every slot (inputs, then derived values) once derived values are worked out from `values`.
    func slotValues(_ values: [Value]) -> [Value] {
        var environment = EvaluationEnvironment(slots: values)
        for derived in ruleSet.derived {
            environment.slots.append(derived.expression.evaluate(in: environment))
        }
        return environment.slots
    }
}
