/// Choosing among the versions of one ruleset id by date (rules in force on a date).
extension RuleSetCatalog {
    /// What decides the version for one project.
    struct VersionRequest: Sendable {
        /// The run's date (`--as-of`), or ``AsOfDate/projectDate``.
        var asOf: AsOfDate = .projectDate
        /// The project's `assessment_date`, with where it is written.
        var projectDate: Located<String>?
        /// `wenping diff`: an id with a single version is used whatever its period (the point is to compare).
        var ignoresPeriods = false

        /// The date that decides, and whether it is the project's own.
        var date: (date: CalendarDate, basis: VersionChoice.Basis)? {
            if let date = asOf.date { return (date, .asOf) }
            if let text = projectDate?.value, let date = CalendarDate(text) { return (date, .assessmentDate) }
            return nil
        }
    }

    /// The ruleset chosen for a project, how its version was chosen, and a warning to show (W545, W546).
    struct Selection: Sendable {
        var ruleSet: CompiledRuleSet
        var choice: VersionChoice?
        var warning: (code: DiagnosticCode, message: String)?
    }

    /// Every version of `id`, oldest first (by ``ValidityPeriod/precedes(_:_:)``).
    func versions(of id: String) -> [CompiledRuleSet] {
        ruleSets.filter { $0.id == id }.sorted { ValidityPeriod.precedes($0.period, $1.period) }
    }

    /// `ID@VERSION` split into its parts; a reference without `@` names the id only.
    static func splitReference(_ reference: String) -> (id: String, version: String?) {
        guard let at = reference.lastIndex(of: "@") else { return (reference, nil) }
        return (String(reference[..<at]), String(reference[reference.index(after: at)...]))
    }

    /// Chooses among `versions` (all of one id, at least one) for `request`.
    ///
    /// - Parameter version: the version named with `--ruleset ID@VERSION`, if any.
    func chooseVersion(
        _ versions: [CompiledRuleSet], named version: String?, _ request: VersionRequest
    ) -> Result<Selection, Failure> {
        let id = versions[0].id
        let dated = request.date
        if let version {
            guard let ruleSet = versions.first(where: { $0.version == version }) else {
                return .failure(
                    Failure(
                        message: "规则“\(id)”没有版本“\(version)”；现有版本："
                            + versions.map { "\($0.version)（\($0.period.text)）" }.joined(separator: "、")))
            }
            let inForce = dated.map { ruleSet.period.contains($0.date) } ?? true
            var selection = Selection(
                ruleSet: ruleSet,
                choice: VersionChoice(
                    basis: .named, date: dated?.date.description, versionCount: versions.count, isInForce: inForce))
            if let dated, !inForce {
                selection.warning = (
                    .pinnedVersionNotInForce,
                    "指定的规则版本 \(id)@\(version)（\(ruleSet.period.text)）在 \(dated.date) 不施行；"
                        + "已按指定版本评估，报告注明这一点。要按当日施行的版本评估，请只写 --ruleset \(id)"
                )
            }
            return .success(selection)
        }
        if versions.count == 1, request.ignoresPeriods || versions[0].period.isUndated {
            return .success(Selection(ruleSet: versions[0]))
        }
        guard let dated else {
            guard versions.count > 1 else { return .success(Selection(ruleSet: versions[0])) }
            let newest = versions[versions.count - 1]
            let date = newest.period.effective?.description
            return .success(
                Selection(
                    ruleSet: newest,
                    choice: VersionChoice(basis: .newest, date: date, versionCount: versions.count, isInForce: true),
                    warning: (
                        .undatedProject,
                        "项目没有写评估日期 assessment_date（也没有给 --as-of），而规则“\(id)”有 \(versions.count) 个版本："
                            + "按最新版本 \(newest.version)（\(newest.period.text)）评估，报告注明这一点；"
                            + "要按评估当时施行的规则，请在项目文件写 assessment_date，或给 --as-of 年-月-日"
                    )))
        }
        let inForce = versions.filter { $0.period.contains(dated.date) }
        let listing = { (list: [CompiledRuleSet]) in
            list.map { "\($0.version)（\($0.period.text)）" }.joined(separator: "、")
        }
        let notes = { (list: [CompiledRuleSet]) in
            list.map { ruleSet in
                Diagnostic.Note(
                    "版本 \(ruleSet.version):\(ruleSet.period.text)",
                    at: ruleSet.period.effectiveLocation ?? ruleSet.period.expiresLocation)
            }
        }
        let source = dated.basis == .asOf ? "指定日期（--as-of）" : "评估日期"
        switch inForce.count {
        case 1:
            return .success(
                Selection(
                    ruleSet: inForce[0],
                    choice: VersionChoice(
                        basis: dated.basis, date: dated.date.description, versionCount: versions.count,
                        isInForce: true)))
        case 0:
            return .failure(
                Failure(
                    code: .noVersionInForce,
                    message: "规则“\(id)”在\(source) \(dated.date) 没有施行中的版本；现有版本：\(listing(versions))。"
                        + "请核对日期，或用 --as-of 年-月-日 按另一日期评估，或用 --ruleset \(id)@版本 指定版本",
                    notes: notes(versions), isAboutDate: true))
        default:
            return .failure(
                Failure(
                    code: .severalVersionsInForce,
                    message: "规则“\(id)”在\(source) \(dated.date) 有 \(inForce.count) 个版本同时施行：\(listing(inForce))。"
                        + "请在旧版本写 expires（新版本生效的那一天），或用 --ruleset \(id)@版本 指定版本",
                    notes: notes(inForce), isAboutDate: true))
        }
    }
}
