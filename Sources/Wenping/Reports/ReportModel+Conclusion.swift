extension ReportModel {
    /// The four tests of 发改投资〔2012〕2492号 第五条, in the order reports give them.
    static let fourTests = ["合法性", "合理性", "可行性", "可控性"]

    // MARK: - Citations

    /// A basis document's short name: the document number when the title gives one
    /// (`《…条例》（国务院令第590号）` → `国务院令第590号`), else the title in book-title marks, else the title.
    ///
    /// Titles made only of scalars that always stand alone as a `Character` (ASCII, CJK ideographs and punctuation,
    /// full-width forms: ``standsAlone(_:)``) are read scalar by scalar and cut as UTF-8 bytes, which finds the same
    /// positions as reading by `Character` at a fraction of the cost; any other title is read by `Character`
    /// (``shortNameByCharacters(_:)``).
    static func shortName(_ title: String) -> String {
        // One pass over the scalars for every position the rules below need (UTF-8 offsets, -1 when absent).
        var close = -1  // the last `)` or `）`
        var open = -1  // the last `(` or `（` before it
        var lastOpen = -1
        var bookInside = false  // a `《` between them
        var lastBook = -1
        var bookOpen = -1  // the first `《`, and the first `》` after it
        var bookClose = -1
        var hasBracket = false  // a `〔` anywhere
        var number = -1  // the first `号`, and the scalar after it
        var afterNumber: Unicode.Scalar?
        var offset = 0
        for scalar in title.unicodeScalars {
            guard standsAlone(scalar) else { return shortNameByCharacters(title) }
            if number >= 0 && afterNumber == nil { afterNumber = scalar }
            switch scalar {
            case "(", "（": lastOpen = offset
            case ")", "）": (close, open, bookInside) = (offset, lastOpen, lastBook > lastOpen)
            case "《":
                lastBook = offset
                if bookOpen < 0 { bookOpen = offset }
            case "》" where bookOpen >= 0 && bookClose < 0: bookClose = offset
            case "〔": hasBracket = true
            case "号" where number < 0: number = offset
            default: break
            }
            offset += UTF8.width(scalar)
        }
        let bytes = Array(title.utf8)
        let mark: [UInt8] = [0xE5, 0x8F, 0xB7]  // 号
        if close >= 0, open >= 0 {
            // A document number in brackets after the title: `(国务院令第590号)` or `（发改投资〔2012〕2492号）`.
            var inside = bytes[(open + (bytes[open] == UInt8(ascii: "(") ? 1 : 3))..<close]
            // Whitespace that stands alone: a space or an ideographic space (U+3000).
            let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
            while inside.first == 0x20 || inside.starts(with: ideographicSpace) {
                inside = inside.dropFirst(inside.first == 0x20 ? 1 : 3)
            }
            while inside.last == 0x20 || inside.reversed().starts(with: ideographicSpace.reversed()) {
                inside = inside.dropLast(inside.last == 0x20 ? 1 : 3)
            }
            if inside.reversed().starts(with: mark.reversed()), !bookInside {
                return String(decoding: inside, as: UTF8.self)
            }
        }
        if bookOpen >= 0, bookClose >= 0 { return String(decoding: bytes[bookOpen..<bookClose + 3], as: UTF8.self) }
        // A number first, explanation after: `粤建房〔2011〕64号(广东省…)`.
        if hasBracket, number >= 0, afterNumber == "(" || afterNumber == "（" {
            return String(decoding: bytes[..<(number + 3)], as: UTF8.self)
        }
        return title
    }

    /// Whether `scalar` is a `Character` by itself next to any scalar that also stands alone: its grapheme cluster
    /// break property is Other (no extending, joining, prepended, control or Hangul scalars) and it has no
    /// singleton canonical decomposition.
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF9D: true
        default: false
        }
    }

    /// ``shortName(_:)`` read by `Character` (for any title).
    static func shortNameByCharacters(_ title: String) -> String {
        // A document number in brackets after the title: `(国务院令第590号)` or `（发改投资〔2012〕2492号）`.
        if let close = title.lastIndex(where: { $0 == ")" || $0 == "）" }),
            let open = title[..<close].lastIndex(where: { $0 == "(" || $0 == "（" })
        {
            let inside = title[title.index(after: open)..<close].trimmingWhitespace
            if inside.hasSuffix("号"), !inside.contains("《") { return inside }
        }
        if let open = title.firstIndex(of: "《"), let close = title[open...].firstIndex(of: "》") {
            return String(title[open...close])
        }
        // A number first, explanation after: `粤建房〔2011〕64号(广东省…)`.
        if title.contains("〔"), let number = title.firstIndex(of: "号"),
            title[title.index(after: number)...].first.map({ $0 == "(" || $0 == "（" }) == true
        {
            return String(title[...number])
        }
        return title
    }

    /// A citation's full text for the 评估依据 list: `《…》（…号，以下简称“…”）` when the short name differs.
    static func fullCitation(_ citation: Citation) -> String {
        citation.short == citation.title ? citation.title : "\(citation.title)（以下简称“\(citation.short)”）"
    }

    // MARK: - Missing data

    /// Facts whose absence left a decision to the unknown policy, each with what was taken in its place.
    static func missingFacts(_ assessment: Assessment) -> [MissingFact] {
        let ruleSet = assessment.ruleSet
        var order: [Int] = []
        var effects: [Int: [String]] = [:]
        var panels: [MissingFact] = []
        for unknown in assessment.unknowns {
            let effect: String
            switch unknown.place {
            case .experts(let factor):
                // No fact slot: the panel's scores for the factor are what is missing.
                panels.append(
                    MissingFact(
                        name: "experts.\(ruleSet.factors[factor].id)",
                        label: "专家评分（\(ruleSet.factors[factor].label)）",
                        effects: [assessment.missingPanelEffect(factor: factor)]))
                continue
            case .applicability(let factor):
                let applies = assessment.factors[factor].applicability.isApplicable
                effect = "风险因素“\(ruleSet.factors[factor].label)”" + (applies ? "按适用计" : "按不适用计")
            case .probability(let factor, _):
                let level = ruleSet.probabilityScale.levels[assessment.factors[factor].before.probability].label
                effect = "风险因素“\(ruleSet.factors[factor].label)”的风险概率取“\(level)”"
            case .impact(let factor, _):
                let level = ruleSet.impactScale.levels[assessment.factors[factor].before.impact].label
                effect = "风险因素“\(ruleSet.factors[factor].label)”的影响程度取“\(level)”"
            case .floor(let index):
                let floor = ruleSet.floors[index]
                let fired = assessment.floors.contains(index)
                effect =
                    "兜底条件“\(floor.label ?? floor.id)”"
                    + (fired ? "视为成立（至少\(ruleSet.grades[floor.grade].label)）" : "视为不成立")
            case .rule(let index):
                let rule = ruleSet.aggregation.rules[index]
                let held =
                    assessment.before.rules & (1 << UInt64(index)) != 0
                    || assessment.after.rules & (1 << UInt64(index)) != 0
                effect = "数量规则“\(rule.because ?? rule.id)”" + (held ? "视为成立" : "视为不成立")
            }
            for slot in assessment.missing(unknown) {
                if effects[slot] == nil { order.append(slot) }
                if effects[slot]?.contains(effect) != true { effects[slot, default: []].append(effect) }
            }
        }
        return order.map { slot in
            let input = ruleSet.inputs[slot]
            return MissingFact(name: input.name, label: assessment.missingLabel(slot), effects: effects[slot] ?? [])
        } + panels
    }

    /// The banners that open every report: reference rules, missing facts, then facts replaced by defaults.
    static func banners(
        ruleSet: CompiledRuleSet, missing: [MissingFact], defaulted: [DefaultedFact],
        policy: CompiledRuleSet.UnknownPolicy
    ) -> [Banner] {
        var out: [Banner] = []
        if let status = ruleSet.statusBanner {
            out.append(
                Banner(
                    kind: "reference", title: status,
                    lines: ["本报告所用规则“\(ruleSet.title)”中的地方标准尚未与现行文件原文核对。"]))
        }
        if !missing.isEmpty {
            let treatment = policy == .cautious ? "按从严原则" : "按不满足"
            out.append(
                Banner(
                    kind: "incomplete",
                    title: "数据不完整：评级所需的部分事实未提供，有关判断\(treatment)作出，等级不是依据完整调查数据得出的",
                    lines: missing.map { "“\($0.label)”未提供：\($0.effects.joined(separator: "；"))。" }))
        }
        if !defaulted.isEmpty {
            out.append(
                Banner(
                    kind: "defaulted", title: "以下事实未提供，按规则默认值评估（请核实是否符合项目实际）",
                    lines: defaulted.map { "“\($0.label)”：\($0.display)" }))
        }
        return out
    }

    // MARK: - Conclusion

    /// One finding per test (合法性, 合理性, 可行性, 可控性, then any other category), from its factors' degrees
    /// after measures.
    ///
    /// - Parameter categories: ``ReportTables/categories`` of the ruleset whose factors `factors` are (same order).
    static func findings(_ factors: [Factor], _ categories: [ReportTables.Category]) -> [Finding] {
        categories.map { category in
            // One pass for the count, the worst degree after measures and how many factors reach it.
            var applicable = 0
            var worst = Int.min
            var atWorst = 0
            var worstLabel = ""
            for index in category.factors where factors[index].isApplicable {
                applicable += 1
                let degree = factors[index].after.degree
                if degree > worst {
                    (worst, atWorst, worstLabel) = (degree, 1, factors[index].after.degreeLabel)
                } else if degree == worst {
                    atWorst += 1
                }
            }
            guard applicable > 0 else {
                return Finding(category: category.name, text: "本项目没有适用的\(category.name)风险因素。")
            }
            // Appended piece by piece into reserved room: about half the time of string interpolation.
            var text = "适用的风险因素 "
            text.reserveCapacity(256)
            text += String(applicable)
            text += " 项，落实措施后风险程度最高为“"
            text += worstLabel
            text += "”"
            if applicable == atWorst {
                text += "。"
            } else {
                let top = category.factors.filter { factors[$0].isApplicable && factors[$0].after.degree == worst }
                text += "（"
                text += list(top.map { factors[$0].label })
                text += "）。"
            }
            let guessed = category.factors.filter {
                factors[$0].isApplicable
                    && (!factors[$0].before.probability.missing.isEmpty || !factors[$0].before.impact.missing.isEmpty)
            }
            if !guessed.isEmpty {
                text += "其中"
                text += list(guessed.map { factors[$0].label })
                text += "因数据缺失未能确切估计。"
            }
            return Finding(category: category.name, text: text)
        }
    }

    /// 对策建议: the adopted measures that lowered a level (the grade after measures assumes they are carried
    /// out), then measures not adopted for factors whose degree after measures is still in the two highest
    /// degrees, leaving out measures the facts show are already in place.
    ///
    /// - Parameter factors: the model's factors, one per factor of `ruleSet`, in its order.
    static func recommendations(_ factors: [Factor], _ ruleSet: CompiledRuleSet) -> Recommendations {
        var required: [String] = []
        var suggested: [String] = []
        var seen: Set<String> = []
        for index in factors.indices where factors[index].isApplicable {
            for measure in factors[index].measures where measure.lowered && seen.insert(measure.id).inserted {
                var text = ""
                appendMeasure(measure, to: &text)
                required.append(text)
            }
        }
        let high = max(0, ruleSet.degrees.labels.count - 2)
        for index in factors.indices where factors[index].isApplicable && factors[index].after.degree - 1 >= high {
            let factor = factors[index]
            // A measure that names the bands it cures cannot lower a level no band set (the expert panel's, or the
            // strict rule's for missing scores): it is not suggested for such a factor. Model measures are the
            // ruleset factor's measures, in the same order.
            let definitions = ruleSet.factors[index].measures
            let bandless = factor.before.probability.band < 0
            for (number, measure) in factor.measures.enumerated()
            where !measure.adopted && !measure.isSatisfied && (!bandless || !definitions[number].namesCures)
                && seen.insert(measure.id).inserted
            {
                var text = "针对“"
                text.reserveCapacity(256)
                text += factor.label
                text += "”（落实措施后仍为“"
                text += factor.after.degreeLabel
                text += "”）："
                appendMeasure(measure, to: &text)
                suggested.append(text)
            }
        }
        return Recommendations(required: required, suggested: suggested)
    }

    /// Appends `措施（责任主体：单位）` for `measure` to `text`, making room for it first.
    private static func appendMeasure(_ measure: Measure, to text: inout String) {
        text.reserveCapacity(text.utf8.count + measure.label.utf8.count + measure.owner.utf8.count + 24)
        text += measure.label
        text += "（责任主体："
        text += measure.owner
        text += "）"
    }
}
