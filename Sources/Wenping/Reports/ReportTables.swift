/// Everything a ``ReportModel`` takes from its ruleset alone, worked out once per compiled ruleset so that every
/// project's model shares these arrays and strings (a retain each) instead of rebuilding them.
///
/// Invariants: a pure function of the ruleset's basis documents, inputs, factors, floors and grades — it never
/// depends on a project — so a model built with these tables is byte-identical to one built with freshly computed
/// ones (``ReportModelTablesTests`` checks this). Immutable after construction, so it is shared between threads
/// without locking, except ``noEffectReasons``, which keeps sentences as they are first needed, behind its own
/// lock. One per ``CompiledRuleSet`` (``CompiledRuleSet/reportTables``): memory grows with the number of rulesets,
/// never with the number of projects.
struct ReportTables: Sendable {
    /// What a report shows of one factor that does not depend on the project.
    struct Factor: Sendable {
        /// The factor's category for reports (`其他` when the file gives none).
        let category: String
        /// Citations with the full document title (``ReportModel/Factor/basis``).
        let basis: [String]
        /// The same citations, each document by its short name (``ReportModel/Factor/basisShort``).
        let basisShort: [String]
        /// Index of the factor's first measure in a flat list of every factor's measures, in ruleset order.
        let firstMeasure: Int
        /// What an adopted measure that changed nothing did, by ``Assessment/FixedNoEffect`` raw value.
        let noEffect: [String]
    }

    /// What a report shows of one grade that does not depend on the project.
    struct Grade: Sendable {
        /// ``ReportModel/decisionBasis`` when this is the grade after measures.
        let decisionBasis: [String]
        /// ``ReportModel/gradeMeaning`` when this is the grade after measures.
        let meaning: ReportModel.GradeMeaning?
    }

    /// One report category (合法性 …) and the indexes of its factors, in ruleset order.
    struct Category: Sendable {
        let name: String
        let factors: [Int]
    }

    /// Every basis document with its short name, in the ruleset's order.
    let citations: [ReportModel.Citation]
    /// One per ruleset factor, same order.
    let factors: [Factor]
    /// The measures of all factors together (``Factor/firstMeasure`` indexes into it).
    let measureCount: Int
    /// Where each measure id sits in that flat list (an id may be offered by several factors).
    let measureSlots: [String: [Int]]
    /// Each floor's citations by short name, one list per ruleset floor.
    let floorBasis: [[String]]
    /// One per ruleset grade, same order.
    let grades: [Grade]
    /// The categories a report's findings cover: the four tests of 发改投资〔2012〕2492号 (always, even without
    /// factors), then any other category in order of its first factor.
    let categories: [Category]
    /// `" 户"` for an input with unit `户`, empty without a unit: one per ruleset input, same order.
    let unitSuffixes: [String]
    /// What a measure that lowered levels did (`风险概率降低 1 级，影响程度降低 2 级`), at
    /// `probability * impactLevels + impact` for levels lowered below the scales' sizes (``lowered(_:_:)``).
    private let loweredTexts: [String]
    /// Why an adopted measure changed nothing, where the sentence names bands: worked out on first use and kept
    /// (the one part that changes after construction, behind its own lock; ``NoEffectReasons``).
    let noEffectReasons = NoEffectReasons()
    /// The number of impact levels (the stride of ``loweredTexts``) and of probability levels.
    private let impactLevels: Int
    private let probabilityLevels: Int

    /// The tables of `ruleSet` (computed afresh; ``CompiledRuleSet/reportTables`` holds the shared copy).
    init(_ ruleSet: CompiledRuleSet) {
        self.init(
            title: ruleSet.title, basis: ruleSet.basis, inputs: ruleSet.inputs, factors: ruleSet.factors,
            floors: ruleSet.floors, grades: ruleSet.grades, probabilityLevels: ruleSet.probabilityScale.levels.count,
            impactLevels: ruleSet.impactScale.levels.count)
    }

    /// The tables of a ruleset given by its parts (the ruleset's initializer cannot pass itself yet).
    init(
        title: String, basis: [BasisDocument], inputs: [CompiledRuleSet.Input], factors: [CompiledRuleSet.Factor],
        floors: [CompiledRuleSet.Floor], grades: [CompiledRuleSet.Grade], probabilityLevels: Int, impactLevels: Int
    ) {
        let citations = basis.map {
            ReportModel.Citation(key: $0.key, title: $0.title, short: ReportModel.shortName($0.title))
        }
        self.citations = citations
        let shortNames = Dictionary(citations.map { ($0.key, $0.short) }, uniquingKeysWith: { first, _ in first })
        func short(_ citations: [BasisCitation]) -> [String] {
            citations.map { (shortNames[$0.key] ?? $0.title) + $0.detail }
        }
        var measures = 0
        var slots: [String: [Int]] = [:]
        var tables: [Factor] = []
        tables.reserveCapacity(factors.count)
        for factor in factors {
            tables.append(
                Factor(
                    category: factor.category ?? "其他", basis: factor.basis.map(\.text), basisShort: short(factor.basis),
                    firstMeasure: measures,
                    noEffect: Assessment.FixedNoEffect.allCases.map { $0.sentence(factor: factor.label) }))
            for (number, measure) in factor.measures.enumerated() {
                slots[measure.id, default: []].append(measures + number)
            }
            measures += factor.measures.count
        }
        measureSlots = slots
        self.factors = tables
        measureCount = measures
        floorBasis = floors.map { short($0.basis) }
        self.grades = grades.map { grade in
            let meaning = grade.description.map { text in
                let sources = short(grade.basis)
                return ReportModel.GradeMeaning(
                    grade: grade.id, label: grade.label,
                    source: sources.isEmpty ? title : sources.joined(separator: "、"),
                    text: RuleSetBuilder.statedNumbers(in: text).isEmpty ? text : nil)
            }
            return Grade(decisionBasis: short(grade.decisionBasis), meaning: meaning)
        }
        var names = ReportModel.fourTests
        for table in tables where !names.contains(table.category) { names.append(table.category) }
        categories = names.map { name in
            Category(name: name, factors: tables.indices.filter { tables[$0].category == name })
        }
        unitSuffixes = inputs.map { input in input.unit.map { " \($0)" } ?? "" }
        self.probabilityLevels = probabilityLevels
        self.impactLevels = impactLevels
        var lowered: [String] = []
        for probability in 0..<probabilityLevels {
            for impact in 0..<impactLevels { lowered.append(Self.loweredText(probability, impact)) }
        }
        loweredTexts = lowered
    }

    /// What a measure that lowered probability by `probability` and impact by `impact` levels did.
    func lowered(_ probability: Int, _ impact: Int) -> String {
        guard (0..<probabilityLevels).contains(probability), (0..<impactLevels).contains(impact) else {
            return Self.loweredText(probability, impact)
        }
        return loweredTexts[probability * impactLevels + impact]
    }

    /// `风险概率降低 1 级，影响程度降低 2 级` (a part only for a level that moved).
    static func loweredText(_ probability: Int, _ impact: Int) -> String {
        var moved: [String] = []
        if probability > 0 { moved.append("风险概率降低 \(probability) 级") }
        if impact > 0 { moved.append("影响程度降低 \(impact) 级") }
        return moved.joined(separator: "，")
    }
}
