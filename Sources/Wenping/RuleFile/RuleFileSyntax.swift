import WenpingYAML

/// A value read from a file together with where it was written.
struct Located<Value: Sendable>: Sendable {
    var value: Value
    var location: SourceLocation
    /// Columns to underline in diagnostics.
    var length: Int = 1
}

/// The text of an expression as written in a YAML scalar, with what is needed to point inside it.
struct ExpressionText: Sendable {
    var text: String
    var scalar: YAMLNode.Scalar
    var file: String

    /// The file position of the Unicode scalar at `offset` in ``text``.
    func location(atOffset offset: Int) -> SourceLocation {
        let mark = scalar.mark(atOffset: offset)
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    var location: SourceLocation { location(atOffset: 0) }
}

/// A probability, impact, degree or grade level as an author wrote it: by number (`4`) or by label (`较高`).
enum LevelReference: Sendable, Hashable, CustomStringConvertible {
    case number(Int)
    case label(String)

    var description: String {
        switch self {
        case .number(let number): String(number)
        case .label(let label): label
        }
    }
}

/// One rule file as written, before `extends` is applied and before anything is checked across sections.
///
/// Every optional section is `nil` when the file does not mention it, so that a child file inherits the
/// parent's section. Lists of items with ids merge item by item (see ``RuleSetResolver``).
struct RuleFileSyntax: Sendable {
    var file: String
    var format: Located<String>?
    var id: Located<String>?
    var title: Located<String>?
    var version: Located<String>?
    var effective: Located<String>?
    /// The first day this version is no longer in force (`expires`); never inherited through `extends`, since a
    /// parent's period is not its child's.
    var expires: Located<String>?
    var jurisdiction: Located<String>?
    /// Project kinds with their Chinese labels (`house_expropriation: 房屋征收`); a list form gives no labels.
    var appliesTo: [Located<String>]?
    var kindLabels: [String: String]?
    /// `status: reference`: a reference ruleset whose local sources are not verified.
    var status: Located<String>?
    var extends: Located<String>?
    var basis: [BasisSyntax]?
    var inputs: [InputSyntax]?
    var derived: [DerivedSyntax]?
    var scales: ScalesSyntax?
    var degrees: DegreesSyntax?
    var grades: [GradeSyntax]?
    var aggregation: AggregationSyntax?
    var weights: [WeightGroupSyntax]?
    /// How a project's expert panel is aggregated (`experts:`), when the ruleset says.
    var experts: RuleExpertsSyntax?
    var factors: [FactorSyntax]?
    var floors: [FloorSyntax]?
    var remove: RemoveSyntax?
    /// Where the file's top-level mapping starts, for diagnostics about the file as a whole.
    var start: SourceLocation
}

/// A document cited as legal or policy basis: `reg590: 《国有土地上房屋征收与补偿条例》`.
struct BasisSyntax: Sendable {
    var key: Located<String>
    var title: Located<String>
    /// An author's provenance note (`note:`), never printed in reports.
    var note: String?
}

/// A reference to basis documents: `reg590 第十九条` is the key `reg590` and the detail `第十九条`.
struct BasisReference: Sendable {
    var key: Located<String>
    var detail: String
}

struct InputSyntax: Sendable {
    var name: Located<String>
    var label: Located<String>?
    var type: Located<String>?
    var unit: Located<String>?
    var min: Located<Double>?
    var max: Located<Double>?
    var required: Located<Bool>?
    var defaultValue: YAMLNode?
    /// Enum values in order: key and label.
    var values: [(key: Located<String>, label: String)]?
    var description: String?
    var location: SourceLocation
}

struct DerivedSyntax: Sendable {
    var name: Located<String>
    var label: Located<String>?
    var unit: String?
    var expression: ExpressionText?
    var location: SourceLocation
}

struct ScaleLevelSyntax: Sendable {
    var level: Located<Int>?
    var label: Located<String>?
    var value: Located<Double>?
    var location: SourceLocation
}

struct ScalesSyntax: Sendable {
    var probability: [ScaleLevelSyntax]?
    var impact: [ScaleLevelSyntax]?
    var location: SourceLocation
}

/// A cut-point band: `{ at_least: 0.64, degree: 重大 }` or `{ else: 微小 }`.
struct CutSyntax: Sendable {
    var atLeast: Located<Double>?
    var target: Located<LevelReference>?
    var isElse: Bool
    var location: SourceLocation
}

struct DegreesSyntax: Sendable {
    var levels: [Located<String>]?
    var by: Located<String>?
    var cuts: [CutSyntax]?
    /// Rows by probability level, each a list of degree references for impact levels 1…n.
    var matrix: [(probability: Located<LevelReference>, row: [Located<LevelReference>])]?
    var location: SourceLocation
}

struct GradeSyntax: Sendable {
    var id: Located<String>
    var label: Located<String>?
    var description: String?
    var decision: Located<String>?
    /// The source of the decision sentence (`decision_basis: reg590 第十二条`).
    var decisionBasis: [BasisReference]?
    var proceed: Located<Bool>?
    var basis: [BasisReference]?
    var location: SourceLocation
}

struct AggregationRuleSyntax: Sendable {
    var id: Located<String>
    var when: ExpressionText?
    var grade: Located<String>?
    var because: String?
    var basis: [BasisReference]
    var location: SourceLocation
}

struct AggregationSyntax: Sendable {
    var index: [CutSyntax]?
    var rules: [AggregationRuleSyntax]?
    var unknown: Located<String>?
    var location: SourceLocation
}

/// One probability or impact band: `{ when: ratio < 0.9, level: 很高, because: … }` or `{ else: 较低 }`.
struct BandSyntax: Sendable {
    /// Optional id that measures name in `cures`.
    var id: Located<String>?
    var when: ExpressionText?
    var level: Located<LevelReference>?
    var isElse: Bool
    var because: String?
    var location: SourceLocation
}

struct MeasureSyntax: Sendable {
    var id: Located<String>
    var label: Located<String>?
    var owner: Located<String>?
    var assisting: String?
    var deadline: String?
    var lowersProbability: Located<Int>?
    var lowersImpact: Located<Int>?
    /// Ids of the factor's bands this measure cures; `nil`: every band.
    var cures: [Located<String>]?
    /// A condition on the facts under which the measure is already in place (adopting it changes nothing).
    var satisfiedWhen: ExpressionText?
    var location: SourceLocation
}

struct FactorSyntax: Sendable {
    var id: Located<String>
    var label: Located<String>?
    var category: Located<String>?
    var stage: String?
    var weight: Located<Double>?
    var basis: [BasisReference]
    var appliesWhen: ExpressionText?
    /// `source: experts`: probability and impact come from the project's expert panel, not the bands.
    var source: Located<String>?
    var probability: [BandSyntax]?
    var impact: [BandSyntax]?
    var measures: [MeasureSyntax]
    var location: SourceLocation
}

/// A ruleset's `experts:` block: the method its expert panels are aggregated by.
struct RuleExpertsSyntax: Sendable {
    var method: Located<String>?
    var defuzzify: Located<String>?
    var location: SourceLocation
}

struct FloorSyntax: Sendable {
    var id: Located<String>
    var label: String?
    var when: ExpressionText?
    var grade: Located<String>?
    var basis: [BasisReference]
    var because: String?
    var unknown: Located<String>?
    var location: SourceLocation
}

/// A group of factors whose weights come from an AHP pairwise comparison matrix.
struct WeightGroupSyntax: Sendable {
    var id: Located<String>
    var label: String?
    var method: Located<String>?
    var factors: [Located<String>] = []
    /// Rows of the matrix, in the order of ``factors``.
    var matrix: [[Located<Double>]] = []
    var matrixLocation: SourceLocation?
    /// The group's total weight, shared out by the AHP weights (default 1).
    var share: Located<Double>?
    var location: SourceLocation
}

/// `remove:` in a child file: ids of inherited items to drop.
struct RemoveSyntax: Sendable {
    var factors: [Located<String>] = []
    var floors: [Located<String>] = []
    var inputs: [Located<String>] = []
    var derived: [Located<String>] = []
    var rules: [Located<String>] = []
    var location: SourceLocation
}
