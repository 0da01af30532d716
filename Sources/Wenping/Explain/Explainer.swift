/// Explains in plain Chinese why a project got its grade, and what would change it.
///
/// The account has four parts: how the grade was decided (index, count rules, floors, before and after
/// measures); for each factor, which band set each level, with the condition, its reason and the facts it read,
/// and what the factor contributed; the nearest single-fact changes that move a factor's level, each
/// re-evaluated to say whether the grade after measures would change, those that lower it first; and the
/// measures not yet adopted, each re-evaluated the same way. The text is the same for the same assessment.
///
/// ```swift
/// let assessment = Engine.evaluate(project)
/// try Explainer.checkFactor("compensation-below-market", in: assessment.ruleSet)
/// print(Explainer.explain(assessment, factor: "compensation-below-market"))
/// ```
public enum Explainer {
    /// The explanation of `assessment`, as Markdown-flavoured text ending in a newline.
    ///
    /// - Parameter factor: a factor id to explain only that factor (the grade is still explained); check it first
    ///   with ``checkFactor(_:in:)``: an id the ruleset does not have gives that error message instead.
    public static func explain(_ assessment: Assessment, factor: String? = nil) -> String {
        let ruleSet = assessment.ruleSet
        var selected: Int?
        if let factor {
            do {
                try checkFactor(factor, in: ruleSet)
            } catch {
                return error.message + "\n"
            }
            selected = factorIndex(factor, in: ruleSet)
        }
        let context = Context(assessment: assessment, model: ReportModel(assessment), selected: selected)
        var out = header(context)
        out += gradeSection(context)
        out += factorSection(context)
        out += changeSections(context)
        return out
    }

    /// Checks that the ruleset has a factor with id (or Chinese label) `id`.
    ///
    /// - Throws: ``UnknownFactor`` whose message names the closest id ("did you mean") and lists the factors.
    public static func checkFactor(_ id: String, in ruleSet: CompiledRuleSet) throws(UnknownFactor) {
        guard factorIndex(id, in: ruleSet) == nil else { return }
        let ids = ruleSet.factors.map(\.id)
        var message = "规则“\(ruleSet.id)”中没有 id 或名称为“\(id)”的风险因素"
        if let guess = suggestion(for: id, among: ids) ?? suggestion(for: id, among: ruleSet.factors.map(\.label)) {
            message += "。是否想写“\(guess)”？"
        }
        message += "；现有风险因素："
        message += ruleSet.factors.map { "\($0.id)（\($0.label)）" }.joined(separator: "；")
        throw UnknownFactor(message: message)
    }

    /// The factor whose id, or Chinese label, is `name`.
    static func factorIndex(_ name: String, in ruleSet: CompiledRuleSet) -> Int? {
        ruleSet.factors.firstIndex { $0.id == name } ?? ruleSet.factors.firstIndex { $0.label == name }
    }

    /// A factor id the ruleset does not have; ``message`` says so in Chinese and suggests the closest id.
    public struct UnknownFactor: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// What every part of the explanation reads.
    struct Context {
        let assessment: Assessment
        let model: ReportModel
        /// The factor given with `--factor`, or nil for all.
        let selected: Int?

        var ruleSet: CompiledRuleSet { assessment.ruleSet }
        var project: Project { assessment.project }

        /// The factors to explain: the selected one, or all in ruleset order.
        var factorIndexes: [Int] { selected.map { [$0] } ?? Array(ruleSet.factors.indices) }
    }

    private static func header(_ context: Context) -> String {
        let project = context.project
        let ruleSet = context.ruleSet
        let model = context.model
        var out = "# 评级说明：\(project.name)（\(project.id)）\n\n"
        out += "规则：\(ruleSet.title)（\(ruleSet.id)，版本 \(ruleSet.version)）\n"
        out += "结论：措施前为\(model.before.gradeLabel)，落实措施后为\(model.after.gradeLabel)。\(model.decision)\n"
        if let index = context.selected {
            let factor = ruleSet.factors[index]
            out += "范围：只说明风险因素“\(factor.label)”（\(factor.id)）；项目等级的由来仍完整列出。\n"
        }
        return out + "\n"
    }

    // MARK: - Shared wording

    /// A grade id as people say it: `低风险`.
    static func gradeName(_ grade: Int, _ ruleSet: CompiledRuleSet) -> String {
        ruleSet.grades[grade].label
    }

    /// `before → after`, or just the value when it did not change.
    static func change(_ before: String, _ after: String) -> String {
        before == after ? before : "\(before) → \(after)"
    }

    /// An expression as written, in backquotes.
    static func code(_ text: String) -> String { "`\(text)`" }

    /// The value of a slot for people, as reports print it: `260 户`, `4%`, `是`, `保障性安居工程`, `未提供`.
    static func display(_ value: Value, slot: Int, _ ruleSet: CompiledRuleSet) -> String {
        let input = slot < ruleSet.inputs.count ? ruleSet.inputs[slot] : nil
        let unit = input?.unit ?? derived(slot, ruleSet)?.unit
        let unitSuffix = unit.map { " \($0)" } ?? ""
        switch value {
        case .unknown: return "未提供"
        case .number(let number) where input?.kind == .percent: return "\(Formatting.number(number * 100))%"
        case .number(let number): return Formatting.number(number) + unitSuffix
        case .boolean(let flag): return flag ? "是" : "否"
        case .enumeration(let index):
            guard let domain = input?.domain, domain.values.indices.contains(Int(index)) else { return String(index) }
            return domain.values[Int(index)].label
        case .date(let days): return CalendarDate(daysSinceEpoch: Int(days)).description
        case .text(let given): return given ? "已填写" : "未提供"
        }
    }

    /// The derived value in `slot`, if the slot holds one.
    static func derived(_ slot: Int, _ ruleSet: CompiledRuleSet) -> CompiledRuleSet.Derived? {
        let index = slot - ruleSet.inputs.count
        return index >= 0 && index < ruleSet.derived.count ? ruleSet.derived[index] : nil
    }

    /// `被征收户数（households）`: how a fact or derived value is named in the text.
    static func name(of slot: Int, _ ruleSet: CompiledRuleSet) -> String {
        if slot < ruleSet.inputs.count {
            let input = ruleSet.inputs[slot]
            return "\(input.label)（\(input.name)）"
        }
        guard let derived = derived(slot, ruleSet) else { return "#\(slot)" }
        return "\(derived.label)（\(derived.name)）"
    }
}
