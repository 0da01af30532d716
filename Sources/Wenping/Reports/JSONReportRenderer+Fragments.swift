/// The runs of a JSON report that repeat from report to report of one ruleset, as ``JSONFragment``s: each holds
/// exactly the values it writes, so ``JSONWriter/write(_:slot:)`` can copy its bytes from a ``JSONReportCache``.
extension JSONReportRenderer {
    /// A factor's members from `id` to `basis_short`, and the key `applicability`: the ruleset's text for the
    /// factor.
    struct FactorHead: JSONModelFragment {
        let id: ExactText
        let label: ExactText
        let category: ExactText
        let stage: ExactText?
        let weight: Double
        let basis: ExactTexts
        let basisShort: ExactTexts

        init(_ factor: borrowing ReportModel.Factor) {
            id = ExactText(factor.id)
            label = ExactText(factor.label)
            category = ExactText(factor.category)
            stage = factor.stage.map(ExactText.init)
            weight = factor.weight
            basis = ExactTexts(factor.basis)
            basisShort = ExactTexts(factor.basisShort)
        }

        func describes(_ factor: borrowing ReportModel.Factor) -> Bool {
            weight == factor.weight && ExactText.same(id.string, factor.id)
                && ExactText.same(label.string, factor.label) && ExactText.same(category.string, factor.category)
                && ExactText.same(stage?.string, factor.stage) && ExactTexts.same(basis.strings, factor.basis)
                && ExactTexts.same(basisShort.strings, factor.basisShort)
        }

        func write(_ json: inout JSONWriter) {
            json.field("id", id.string)
            json.field("label", label.string)
            json.field("category", category.string)
            json.field("stage", stage?.string)
            json.field("weight", number: weight)
            json.field("basis", strings: basis.strings)
            json.field("basis_short", strings: basisShort.strings)
            json.key("applicability")
        }

        static var slots: WritableKeyPath<JSONReportCache.Storage, [[JSONFragmentEntry<Self>]]> { \.factorHeads }
    }

    /// A level object's values (`probability` or `impact` of an estimate).
    struct LevelText: Equatable, Sendable {
        // The band and level first: they tell most variants of a slot apart in one comparison.
        let band: Int
        let level: Int
        let label: ExactText
        let condition: ExactText?
        let because: ExactText?
        let undecided: Bool
        let missing: ExactTexts

        init(_ level: borrowing ReportModel.Level) {
            band = level.band
            self.level = level.level
            label = ExactText(level.label)
            condition = level.condition.map(ExactText.init)
            because = level.because.map(ExactText.init)
            undecided = level.undecided
            missing = ExactTexts(level.missing)
        }

        /// Whether this is the text made from `level`.
        func describes(_ level: borrowing ReportModel.Level) -> Bool {
            band == level.band && self.level == level.level && undecided == level.undecided
                && ExactText.same(label.string, level.label) && ExactText.same(condition?.string, level.condition)
                && ExactText.same(because?.string, level.because) && ExactTexts.same(missing.strings, level.missing)
        }

        /// Whether the text made from `level` is shared (``isShared``).
        static func isShared(_ level: borrowing ReportModel.Level) -> Bool { !level.undecided && level.missing.isEmpty }

        /// Decided from the project's facts: its text is the ruleset's band text, shared by many projects.
        var isShared: Bool { !undecided && missing.strings.isEmpty }

        func write(_ json: inout JSONWriter) {
            json.object { json in
                json.field("level", level)
                json.field("label", label.string)
                if band >= 0 {
                    json.field("band", band + 1)
                } else {
                    json.key("band")
                    json.null()
                }
                json.field("condition", condition?.string)
                json.field("because", because?.string)
                json.field("undecided", undecided)
                json.field("missing", strings: missing.strings)
            }
        }
    }

    /// An estimate's members from `probability` to `score`, and the key of the project's `contribution`.
    struct EstimateHead: JSONModelFragment {
        let probability: LevelText
        let impact: LevelText
        let degree: Int
        let degreeLabel: ExactText
        let score: Double

        init(_ estimate: borrowing ReportModel.Estimate) {
            probability = LevelText(estimate.probability)
            impact = LevelText(estimate.impact)
            degree = estimate.degree
            degreeLabel = ExactText(estimate.degreeLabel)
            score = estimate.score
        }

        func describes(_ estimate: borrowing ReportModel.Estimate) -> Bool {
            degree == estimate.degree && score == estimate.score && probability.describes(estimate.probability)
                && impact.describes(estimate.impact) && ExactText.same(degreeLabel.string, estimate.degreeLabel)
        }

        var isWorthKeeping: Bool { probability.isShared && impact.isShared }

        static func isWorthKeeping(_ estimate: borrowing ReportModel.Estimate) -> Bool {
            LevelText.isShared(estimate.probability) && LevelText.isShared(estimate.impact)
        }

        func write(_ json: inout JSONWriter) {
            json.key("probability")
            probability.write(&json)
            json.key("impact")
            impact.write(&json)
            json.key("degree")
            json.object { json in
                json.field("level", degree)
                json.field("label", degreeLabel.string)
            }
            json.field("score", number: score)
            json.key("contribution")
        }

        static var slots: WritableKeyPath<JSONReportCache.Storage, [[JSONFragmentEntry<Self>]]> { \.estimateHeads }
    }

    /// A measure's members from `id` to `lowers_impact`, and the key `adopted`: the ruleset's text for the measure.
    struct MeasureHead: JSONModelFragment {
        let id: ExactText
        let label: ExactText
        let owner: ExactText
        let assisting: ExactText?
        let deadline: ExactText?
        let lowersProbability: Int
        let lowersImpact: Int

        init(_ measure: borrowing ReportModel.Measure) {
            id = ExactText(measure.id)
            label = ExactText(measure.label)
            owner = ExactText(measure.owner)
            assisting = measure.assisting.map(ExactText.init)
            deadline = measure.deadline.map(ExactText.init)
            lowersProbability = measure.lowersProbability
            lowersImpact = measure.lowersImpact
        }

        func describes(_ measure: borrowing ReportModel.Measure) -> Bool {
            lowersProbability == measure.lowersProbability && lowersImpact == measure.lowersImpact
                && ExactText.same(id.string, measure.id) && ExactText.same(label.string, measure.label)
                && ExactText.same(owner.string, measure.owner) && ExactText.same(assisting?.string, measure.assisting)
                && ExactText.same(deadline?.string, measure.deadline)
        }

        func write(_ json: inout JSONWriter) {
            json.field("id", id.string)
            json.field("label", label.string)
            json.field("owner", owner.string)
            json.field("assisting", assisting?.string)
            json.field("deadline", deadline?.string)
            json.field("lowers_probability", lowersProbability)
            json.field("lowers_impact", lowersImpact)
            json.key("adopted")
        }

        static var slots: WritableKeyPath<JSONReportCache.Storage, [[JSONFragmentEntry<Self>]]> { \.measureHeads }
    }

    /// A fact's members from `name` to `unit`, and the key `value`: the ruleset's declaration of the input or
    /// derived value.
    struct FactHead: JSONModelFragment {
        let name: ExactText
        let label: ExactText
        let type: ExactText
        let unit: ExactText?

        init(_ fact: borrowing ReportModel.Fact) {
            name = ExactText(fact.name)
            label = ExactText(fact.label)
            type = ExactText(fact.type)
            unit = fact.unit.map(ExactText.init)
        }

        func describes(_ fact: borrowing ReportModel.Fact) -> Bool {
            ExactText.same(name.string, fact.name) && ExactText.same(label.string, fact.label)
                && ExactText.same(type.string, fact.type) && ExactText.same(unit?.string, fact.unit)
        }

        func write(_ json: inout JSONWriter) {
            json.field("name", name.string)
            json.field("label", label.string)
            json.field("type", type.string)
            json.field("unit", unit?.string)
            json.key("value")
        }

        static var slots: WritableKeyPath<JSONReportCache.Storage, [[JSONFragmentEntry<Self>]]> { \.factHeads }
    }
}
