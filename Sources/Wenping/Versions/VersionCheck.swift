/// What `wenping check` says about rule files that share an id: versions told apart by their dates, and the
/// overlaps and gaps between their periods.
///
/// Several files may hold one ruleset id when each is a version: each gives its own `version` and an `effective`
/// date (E253 otherwise; files without any date stay duplicates, E207). Sorted by `effective`, each version
/// should end (`expires`) on the day the next begins: an earlier end leaves days with no version (W544), a later
/// or missing end leaves days with two (W543).
enum VersionCheck {
    /// A compiled ruleset and where its `id` is written.
    struct Entry {
        var ruleSet: CompiledRuleSet
        var idLocation: SourceLocation
    }

    static func diagnostics(_ entries: [Entry]) -> [Diagnostic] {
        var order: [String] = []
        var groups: [String: [Entry]] = [:]
        for entry in entries {
            if groups[entry.ruleSet.id] == nil { order.append(entry.ruleSet.id) }
            groups[entry.ruleSet.id, default: []].append(entry)
        }
        var diagnostics: [Diagnostic] = []
        for id in order {
            guard let group = groups[id], group.count > 1 else { continue }
            diagnostics += check(id, group)
        }
        return diagnostics
    }

    private static func check(_ id: String, _ group: [Entry]) -> [Diagnostic] {
        let first = group[0]
        let isVersioned = group.contains { !$0.ruleSet.period.isUndated } && !group.contains { $0.ruleSet.isBase }
        guard isVersioned else {
            return group.dropFirst().map { entry in
                .error(
                    .duplicateID,
                    "规则 id“\(id)”已被另一个文件使用；每个规则文件的 id 必须唯一"
                        + "（同一规则的不同版本可以同 id，但每个版本要写自己的 version 和生效日期 effective）",
                    at: entry.idLocation, length: id.count,
                    notes: [Diagnostic.Note("另一个文件的 id 在这里", at: first.idLocation)])
            }
        }
        var diagnostics: [Diagnostic] = []
        var versions: [String: Entry] = [:]
        for entry in group {
            let ruleSet = entry.ruleSet
            if ruleSet.period.effective == nil {
                diagnostics.append(
                    .error(
                        .indistinctVersions,
                        "规则“\(id)”有 \(group.count) 个文件（版本），这个文件没有写生效日期 effective："
                            + "同一 id 的每个版本都要写 effective，才能按日期选用",
                        at: entry.idLocation, length: id.count,
                        notes: group.filter { $0.idLocation != entry.idLocation }.map {
                            Diagnostic.Note("同 id 的另一版本（\($0.ruleSet.version)）", at: $0.idLocation)
                        }))
            }
            if let other = versions[ruleSet.version] {
                diagnostics.append(
                    .error(
                        .indistinctVersions,
                        "规则“\(id)”的两个文件都写 version“\(ruleSet.version)”：同一 id 的各版本要写不同的 version，"
                            + "报告据此写明所用版本",
                        at: entry.idLocation, length: id.count,
                        notes: [Diagnostic.Note("另一个版本“\(ruleSet.version)”在这里", at: other.idLocation)]))
            } else {
                versions[ruleSet.version] = entry
            }
        }
        guard diagnostics.isEmpty else { return diagnostics }
        let sorted = group.sorted { ValidityPeriod.precedes($0.ruleSet.period, $1.ruleSet.period) }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) {
            if let diagnostic = compare(id, earlier, later) { diagnostics.append(diagnostic) }
        }
        return diagnostics
    }

    /// W543 or W544 for two versions adjacent by `effective` (both have one); nothing when one ends the day the
    /// other begins.
    private static func compare(_ id: String, _ earlier: Entry, _ later: Entry) -> Diagnostic? {
        let old = earlier.ruleSet
        let new = later.ruleSet
        guard let start = new.period.effective else { return nil }
        let end = old.period.expires
        if end == start { return nil }
        let names = "规则“\(id)”的版本 \(old.version)（\(old.period.text)）与版本 \(new.version)（\(new.period.text)）"
        let oldPlace = old.period.expiresLocation ?? old.period.effectiveLocation ?? earlier.idLocation
        let newPlace = new.period.effectiveLocation ?? later.idLocation
        let overlap: String
        switch end {
        case nil:
            overlap =
                "版本 \(old.version) 没有写停止施行日期，\(start) 起两个版本同时施行，那以后日期的项目无法评估；"
                + "如新版本取代旧版本，请在版本 \(old.version) 写 expires: \(start)"
        case let end? where end > start:
            overlap =
                "\(start) 至 \(end) 前一天两个版本同时施行，这期间日期的项目无法评估；"
                + "如新版本取代旧版本，请把版本 \(old.version) 的 expires 改为 \(start)"
        case let end?:
            let days = start.daysSinceEpoch - end.daysSinceEpoch
            return .warning(
                .versionsGap,
                "\(names)之间有 \(days) 天空档（\(end) 至 \(start) 前一天）没有施行中的版本，这期间日期的项目无法评估；"
                    + "如无意留空档，请把版本 \(old.version) 的 expires 改为 \(start)",
                at: oldPlace, notes: [Diagnostic.Note("版本 \(new.version) 的生效日期在这里", at: newPlace)])
        }
        return .warning(
            .versionsOverlap, "\(names)施行期重叠：" + overlap, at: newPlace,
            notes: [Diagnostic.Note("版本 \(old.version) 在这里", at: oldPlace)])
    }
}
