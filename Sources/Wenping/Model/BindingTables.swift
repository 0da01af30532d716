/// Lookup tables a ruleset builds once so that binding each project's facts and measures costs one hash lookup
/// per fact or measure, instead of rebuilding a name table (or scanning every factor) for every project.
struct BindingTables: Sendable {
    /// Where one factor offers a measure.
    struct Effect: Sendable {
        /// Index into the ruleset's factors.
        let factor: Int
        /// Index into that factor's measures.
        let measure: Int
    }

    /// Input name → index into the ruleset's inputs.
    let inputIndex: [String: Int]
    /// For each input, whether ``inputIndex`` maps its name to it (false only for a later input of the same name).
    let ownsName: [Bool]
    /// Measure id → every place a factor offers it, in factor order.
    let measureEffects: [String: [Effect]]

    init(inputs: [CompiledRuleSet.Input], factors: [CompiledRuleSet.Factor]) {
        var inputIndex: [String: Int] = [:]
        for (index, input) in inputs.enumerated() where inputIndex[input.name] == nil {
            inputIndex[input.name] = index
        }
        self.inputIndex = inputIndex
        ownsName = inputs.indices.map { inputIndex[inputs[$0].name] == $0 }
        var effects: [String: [Effect]] = [:]
        for (index, factor) in factors.enumerated() {
            for (number, measure) in factor.measures.enumerated() {
                effects[measure.id, default: []].append(Effect(factor: index, measure: number))
            }
        }
        measureEffects = effects
    }
}
