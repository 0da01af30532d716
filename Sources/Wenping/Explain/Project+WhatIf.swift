extension Project {
    /// The same project with one input slot set to `value` (``Value/unknown`` leaves the fact out).
    func replacing(slot: Int, with value: Value) -> Project {
        var values = self.values
        var given = self.given
        values[slot] = value
        given[slot] = value != .unknown
        return Project(
            id: id, name: name, kind: kind, jurisdiction: jurisdiction, file: file, inputDigest: inputDigest,
            ruleSet: ruleSet, details: details, values: values, given: given, measures: measures, lowering: lowering,
            outline: outline)
    }

    /// The same project with the measure `id` adopted as well, its lowering added to every factor that offers it
    /// (as ``FactBinder`` totals them); the project itself when the measure is already adopted.
    func adopting(_ measureID: String) -> Project {
        guard !measures.contains(measureID) else { return self }
        var lowering = self.lowering
        for (index, factor) in ruleSet.factors.enumerated() {
            for measure in factor.measures where measure.id == measureID {
                lowering[index].probability += measure.lowersProbability
                lowering[index].impact += measure.lowersImpact
            }
        }
        return Project(
            id: id, name: name, kind: kind, jurisdiction: jurisdiction, file: file, inputDigest: inputDigest,
            ruleSet: ruleSet, details: details, values: values, given: given, measures: measures + [measureID],
            lowering: lowering, outline: outline)
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
