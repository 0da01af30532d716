/// A project ready to grade: its facts typed against one ruleset's inputs.
///
/// Create one with ``ProjectLoader``; grade it with ``Engine/evaluate(_:)``. Immutable and `Sendable`; a class so
/// that each assessment refers to its project with one reference count.
public final class Project: Sendable {
    public let id: String
    public let name: String
    public let kind: String
    /// Region path, most general first: `中国/陕西省/西安市`.
    public let jurisdiction: String
    /// The file the project came from, as the user named it.
    public let file: String
    /// SHA-256 (lowercase hex) of the project file's bytes; empty only in a batch that writes no reports
    /// (`--summary-only`), where nothing shows it.
    public let inputDigest: String
    /// The ruleset the facts were typed against.
    public let ruleSet: CompiledRuleSet

    let details: [ProjectFile.Detail]
    /// The report-outline parts the file gave (all optional).
    let outline: ProjectOutline
    /// One value per input slot of ``ruleSet``: the fact, the input's default, or `unknown` when absent.
    let values: [Value]
    /// Which input slots the project gave explicitly (false: absent or defaulted).
    let given: [Bool]
    /// Measures adopted, in file order.
    let measures: [String]
    /// For each factor of ``ruleSet``: bit `m` set when the project adopted the factor's measure `m`.
    let adopted: [UInt64]
    /// The survey the project gives (for the report's 风险调查 section), if any.
    let survey: ProjectSurvey?
    /// The samples behind survey facts, for `lower`, `upper` and `sample`.
    ///
    /// Laid out as ``EstimateLayout`` describes; empty when no fact comes from a survey.
    let estimates: [Value]
    /// The expert panel's scores, checked against ``ruleSet``, if the project gives them.
    let experts: ExpertPanel?
    /// How the version of a dated ruleset was chosen, when a date or a named version took part (reports say it).
    public let versionChoice: VersionChoice?

    init(
        id: String, name: String, kind: String, jurisdiction: String, file: String, inputDigest: String,
        ruleSet: CompiledRuleSet, details: [ProjectFile.Detail], values: [Value], given: [Bool], measures: [String],
        adopted: [UInt64], outline: ProjectOutline = ProjectOutline(),
        survey: ProjectSurvey? = nil, estimates: [Value] = [],
        experts: ExpertPanel? = nil, versionChoice: VersionChoice? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.jurisdiction = jurisdiction
        self.file = file
        self.inputDigest = inputDigest
        self.ruleSet = ruleSet
        self.details = details
        self.outline = outline
        self.values = values
        self.given = given
        self.measures = measures
        self.adopted = adopted
        self.survey = survey
        self.estimates = estimates
        self.experts = experts
        self.versionChoice = versionChoice
    }
}
