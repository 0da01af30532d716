/// What a data-entry form needs to know about a ruleset: its inputs with labels, units, choices and the factors
/// each feeds, and its measures with what each would change.
///
/// Read by the web workbench, which generates its project form from it; nothing here grades.
public struct RuleSetForm: Sendable {
    /// One input of the ruleset, as a form field.
    public struct Field: Sendable {
        /// The fact's name in project files (`opposition_rate`).
        public let name: String
        /// The Chinese label.
        public let label: String
        /// `integer`, `number`, `percent`, `boolean`, `enum`, `text` or `date`.
        public let kind: String
        public let unit: String?
        /// Enum choices as (key, label), in declaration order; empty for other kinds.
        public let choices: [(key: String, label: String)]
        public let isRequired: Bool
        /// Smallest and largest allowed value, in the input's own unit (a fraction for percent inputs).
        public let min: Double?
        public let max: Double?
        public let description: String?
        /// Labels of the factors whose bands, applicability or measures read this input (directly or through a
        /// derived value), in factor order.
        public let factors: [String]
        /// Labels of the floors whose condition reads this input.
        public let floors: [String]
    }

    /// One measure a factor offers.
    public struct Measure: Sendable {
        public let id: String
        public let label: String
        /// The factors that offer it, with what it lowers there, as short Chinese phrases
        /// (`补偿低于市场价：概率降 2 级`).
        public let effects: [String]
    }

    public let fields: [Field]
    public let measures: [Measure]
}

extension CompiledRuleSet {
    /// The form description of this ruleset (see ``RuleSetForm``).
    public var form: RuleSetForm {
        // Which inputs each derived value reads, transitively (derived values are declared in dependency order).
        var inputsOf: [Int: Set<Int>] = [:]
        for input in inputs { inputsOf[input.slot] = [input.slot] }
        for item in derived {
            inputsOf[item.slot] = item.expression.references.reduce(into: Set<Int>()) {
                $0.formUnion(inputsOf[$1] ?? [])
            }
        }
        func reads(_ expressions: [CompiledExpression?]) -> Set<Int> {
            var slots = Set<Int>()
            for case let expression? in expressions {
                for reference in expression.references { slots.formUnion(inputsOf[reference] ?? []) }
            }
            return slots
        }
        let factorReads = factors.map { factor in
            reads(
                [factor.applicability] + factor.probability.map(\.condition) + factor.impact.map(\.condition)
                    + factor.measures.map(\.satisfied))
        }
        let floorReads = floors.map { reads([$0.condition]) }
        let fields = inputs.map { input in
            RuleSetForm.Field(
                name: input.name, label: input.label, kind: input.kind.rawValue, unit: input.unit,
                choices: input.domain?.values.map { (key: $0.key, label: $0.label) } ?? [],
                isRequired: input.isRequired, min: input.min, max: input.max, description: input.description,
                factors: factors.indices.filter { factorReads[$0].contains(input.slot) }.map { factors[$0].label },
                floors: floors.indices.filter { floorReads[$0].contains(input.slot) }.map {
                    floors[$0].label ?? floors[$0].id
                })
        }
        var order: [String] = []
        var labels: [String: String] = [:]
        var effects: [String: [String]] = [:]
        for factor in factors {
            for measure in factor.measures {
                if labels[measure.id] == nil {
                    order.append(measure.id)
                    labels[measure.id] = measure.label
                }
                var parts: [String] = []
                if measure.lowersProbability > 0 { parts.append("概率降 \(measure.lowersProbability) 级") }
                if measure.lowersImpact > 0 { parts.append("影响降 \(measure.lowersImpact) 级") }
                effects[measure.id, default: []].append(
                    "\(factor.label):" + (parts.isEmpty ? "不改变等级" : parts.joined(separator: "、")))
            }
        }
        return RuleSetForm(
            fields: fields,
            measures: order.map { RuleSetForm.Measure(id: $0, label: labels[$0] ?? $0, effects: effects[$0] ?? []) })
    }

    /// The project kind this ruleset grades first (`house_expropriation`), with its Chinese label.
    public var primaryKind: (key: String, label: String)? {
        appliesTo.first.map { ($0, kindLabels[$0] ?? $0) }
    }
}
