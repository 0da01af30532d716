import Foundation

/// Generates synthetic projects for a ruleset, for benchmarks and load tests, in a declared mix of grades.
///
/// Deterministic: the same ruleset, seed, mix and index give the same project. Each project gets a target grade
/// (after measures) drawn from ``mix``, and a latent "risk level" in [0, 1]; every fact is drawn around that
/// level, towards the risky or the safe end of its range according to a direction the generator measured on
/// the ruleset itself (does a higher value raise the index?). So values spread over every band, neighbouring
/// projects are independent, and a project is kept only when the engine gives it its target grade (up to
/// ``maxAttempts`` draws, then the last draw is kept). Some optional facts are left out and measures are adopted
/// at random, so the engine's missing-data and measure paths run too.
public struct ProjectGenerator: Sendable {
    /// One grade's share of the generated projects.
    public struct Share: Sendable, Hashable {
        public let grade: String
        public let weight: Double

        public init(grade: String, weight: Double) {
            self.grade = grade
            self.weight = weight
        }
    }

    public let ruleSet: CompiledRuleSet
    public let seed: UInt64
    /// The grade mix aimed at (after measures); weights need not add up to 1.
    public let mix: [Share]
    /// Draws tried per project before the last one is kept whatever its grade.
    public static let maxAttempts = 64

    /// For each input: +1 when a higher value (or `true`) makes the project riskier, -1 when safer, 0 unknown.
    private var directions: [Int] = []
    /// For each enumeration input: its value indexes, safest first.
    private var enumOrder: [[Int]] = []
    /// For each grade of ``mix``: how often each tenth of the risk level gave that grade while calibrating.
    private var bins: [[Double]] = []
    private let loader: ProjectLoader

    /// The default mix for a ruleset: half the least severe grade, 35% the middle, 15% the most severe for
    /// three grades; equal shares otherwise.
    public static func defaultMix(for ruleSet: CompiledRuleSet) -> [Share] {
        let ids = ruleSet.gradeIDs
        let weights = ids.count == 3 ? [0.5, 0.35, 0.15] : ids.map { _ in 1.0 }
        return zip(ids, weights).map { Share(grade: $0, weight: $1) }
    }

    public init(ruleSet: CompiledRuleSet, seed: UInt64 = 2026, mix: [Share]? = nil) {
        self.ruleSet = ruleSet
        self.seed = seed
        self.mix = (mix ?? Self.defaultMix(for: ruleSet)).filter { $0.weight > 0 }
        loader = ProjectLoader(catalog: RuleSetCatalog(ruleSets: [ruleSet]), override: ruleSet.id)
        let (directions, enumOrder) = calibrateDirections()
        self.directions = directions
        self.enumOrder = enumOrder
        bins = calibrateBins()
    }

    /// Project number `index` as one line of JSON (a project file that also parses as YAML).
    public func jsonLine(_ index: Int) -> String {
        var random = SplitMix64(seed: Self.mixed(seed, UInt64(index), 0))
        guard !mix.isEmpty else { return line(index, risk: random.unit(), random: &random) }
        let target = pick(random.unit())
        var line = ""
        for _ in 0..<Self.maxAttempts {
            let risk = riskLevel(for: target, &random)
            line = self.line(index, risk: risk, random: &random)
            if grade(of: line) == mix[target].grade { break }
        }
        return line
    }

    // MARK: - Drawing

    /// The grade after measures of a generated line, or `nil` if it does not load.
    private func grade(of line: String) -> String? {
        loader.load(bytes: Array(line.utf8), file: "generated", jsonLine: true).project.map {
            Engine.evaluate($0).gradeAfter
        }
    }

    private func pick(_ unit: Double) -> Int {
        let total = mix.reduce(0) { $0 + $1.weight }
        var left = unit * total
        for (index, share) in mix.enumerated() {
            left -= share.weight
            if left < 0 { return index }
        }
        return mix.count - 1
    }

    /// A risk level in the tenths of [0, 1] that gave grade `mix[target]` while calibrating (any tenth if none).
    private func riskLevel(for target: Int, _ random: inout SplitMix64) -> Double {
        let weights = bins.isEmpty ? [] : bins[target]
        let total = weights.reduce(0, +)
        var bin = Int(random.next() % 10)
        if total > 0 {
            var left = random.unit() * total
            for (index, weight) in weights.enumerated() {
                left -= weight
                if left < 0 {
                    bin = index
                    break
                }
            }
        }
        return (Double(bin) + random.unit()) / 10
    }

    /// A position in [0, 1] of a fact's range, turned by `direction` so that 0 is the safe end (+1 when no direction
    /// was measured): `risk` give or
    /// take up to 0.15, less near the safe end (0.02 + risk / 2 either way), so the safest projects keep every
    /// fact at the safe end of its range: one fact drawn into a risky band is enough for a count rule or a floor
    /// to lift the grade.
    private static func quantile(_ risk: Double, direction: Int, _ random: inout SplitMix64) -> Double {
        let unit = random.unit()
        let leaning = min(1, max(0, risk + (unit - 0.5) * 2 * min(0.15, 0.5 * risk + 0.02)))
        // No measured direction (another band masked the fact in every probe): assume, as for most facts of a
        // 稳评 (counts of petitions, disputes, objections), that more is riskier.
        return direction == -1 ? 1 - leaning : leaning
    }

    private func line(_ index: Int, risk: Double, random: inout SplitMix64) -> String {
        var writer = JSONWriter()
        writer.object { json in
            json.field("id", "GEN-\(index)")
            json.field("name", "生成项目 \(index)")
            json.field("kind", ruleSet.appliesTo.first ?? "")
            json.field("jurisdiction", ruleSet.jurisdiction)
            json.key("facts")
            json.object { json in
                for (slot, input) in ruleSet.inputs.enumerated() {
                    // Riskier projects sometimes leave optional facts out (the engine then assumes the worst).
                    if !input.isRequired && risk > 0.5 && random.next() % 12 == 0 { continue }
                    // An enumeration's values are ordered safest first (``enumOrder``): it leans like a fact that
                    // is riskier when higher.
                    let direction = input.kind == .enumeration ? 1 : directions.isEmpty ? 0 : directions[slot]
                    let position = Self.quantile(risk, direction: direction, &random)
                    json.key(input.name)
                    write(input, slot: slot, at: position, into: &json, &random)
                }
            }
            json.key("measures")
            json.array { json in
                for factor in ruleSet.factors {
                    for measure in factor.measures where random.next() % 2 == 0 { json.string(measure.id) }
                }
            }
        }
        return Self.oneLine(writer.bytes)
    }

    /// Pretty-printed JSON from ``JSONWriter`` put on one line.
    ///
    /// Each line break, with the indentation after it, becomes one space (no string holds a raw line break, so
    /// only the layout changes). For that text (lines indented with spaces, none blank) this is byte for byte
    /// what splitting it at its line breaks, trimming each line and joining them with spaces gave, without
    /// working on characters: that was four fifths of generating a project.
    static func oneLine(_ pretty: [UInt8]) -> String {
        var line: [UInt8] = []
        line.reserveCapacity(pretty.count)
        // A space is owed between two non-empty lines; it is written before the next line's first byte.
        var owesSpace = false
        var atLineStart = true
        for byte in pretty {
            if byte == 0x0A {
                while line.last == 0x20 && !atLineStart { line.removeLast() }
                owesSpace = owesSpace || !atLineStart
                atLineStart = true
                continue
            }
            if atLineStart {
                if byte == 0x20 { continue }
                if owesSpace { line.append(0x20) }
                owesSpace = false
                atLineStart = false
            }
            line.append(byte)
        }
        while line.last == 0x20 && !atLineStart { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// Writes a value of `input` at `position` in [0, 1] of its range (its safe-to-risky order for enums).
    private func write(
        _ input: CompiledRuleSet.Input, slot: Int, at position: Double, into json: inout JSONWriter,
        _ random: inout SplitMix64
    ) {
        switch input.kind {
        case .integer:
            let low = Int(input.min ?? 0)
            if let max = input.max {
                json.int(low + Int((Double(Swift.max(0, Int(max) - low)) * position).rounded()))
            } else {
                // No upper bound: 0…1000 above the minimum on a log scale, so every order of magnitude (and so
                // every band of a count such as months or households) is drawn.
                json.int(low + Int((Foundation.exp(position * Foundation.log(1001.0)) - 1).rounded()))
            }
        case .number:
            let low = input.min ?? 0
            let high = input.max ?? low + 10_000
            json.number(low + (high - low) * position, digits: 2)
        case .percent:
            let low = input.min ?? 0
            let high = input.max ?? 1
            json.number(low + (high - low) * position, digits: 3)
        case .boolean:
            // A coin that is almost never risky near the safe end (1 in 3,000 at 0.1) and almost always near the
            // risky end (a logistic curve around the middle): a boolean is often a floor on its own, so a coin
            // weighted by `position` itself would lift most safe projects to the top grade.
            json.bool(random.unit() < 1 / (1 + Foundation.exp(-20 * (position - 0.5))))
        case .enumeration:
            let values = input.domain?.values ?? []
            let order =
                enumOrder.isEmpty || enumOrder[slot].count != values.count ? Array(values.indices) : enumOrder[slot]
            if order.isEmpty {
                json.string("")
            } else {
                json.string(values[order[min(order.count - 1, Int(position * Double(order.count)))]].key)
            }
        case .text:
            json.string("说明")
        case .date:
            let day = 18_000 + Int(random.next() % 2_000)
            json.string(CalendarDate(daysSinceEpoch: day).description)
        }
    }

    // MARK: - Calibration

    /// Measures, for each input, whether raising it raises the risk: on 16 random safer projects, the input is set to
    /// the bottom and then the top of its range (each enum value in turn) and the grade and index before measures
    /// compared.
    private func calibrateDirections() -> ([Int], [[Int]]) {
        var effect = [Double](repeating: 0, count: ruleSet.inputs.count)
        var enumEffects = ruleSet.inputs.map { [Double](repeating: 0, count: $0.domain?.values.count ?? 0) }
        for probe in 0..<16 {
            var random = SplitMix64(seed: Self.mixed(seed, UInt64(probe), 1))
            // Bases from the safer part of the range: in a risky base one band (incidents, say) often masks
            // another fact's (petitions), and that fact would show no direction.
            let base = line(0, risk: random.unit() * 0.6, random: &random)
            guard let baseNode = try? GeneratedLine.facts(of: base) else { continue }
            for (slot, input) in ruleSet.inputs.enumerated() {
                if input.kind == .enumeration {
                    for value in enumEffects[slot].indices {
                        let key = input.domain?.values[value].key ?? ""
                        if let index = index(of: baseNode, setting: input.name, to: JSONWriter.quoted(key)) {
                            enumEffects[slot][value] += index
                        }
                    }
                    continue
                }
                let (low, high): (String, String)
                switch input.kind {
                case .boolean: (low, high) = ("false", "true")
                case .integer, .number, .percent:
                    let bottom = input.min ?? 0
                    let top = input.max ?? (input.kind == .percent ? 1 : bottom + 1000)
                    (low, high) = (Formatting.number(bottom, digits: 6), Formatting.number(top, digits: 6))
                default: continue
                }
                if let lowIndex = index(of: baseNode, setting: input.name, to: low),
                    let highIndex = index(of: baseNode, setting: input.name, to: high)
                {
                    effect[slot] += highIndex - lowIndex
                }
            }
        }
        let directions = effect.map { $0 > 1e-9 ? 1 : $0 < -1e-9 ? -1 : 0 }
        let order = enumEffects.map { effects in effects.indices.sorted { (effects[$0], $0) < (effects[$1], $1) } }
        return (directions, order)
    }

    /// How often each tenth of the risk level gives each grade of ``mix``: 40 draws per tenth.
    private func calibrateBins() -> [[Double]] {
        var counts = mix.map { _ in [Double](repeating: 0, count: 10) }
        for bin in 0..<10 {
            for draw in 0..<40 {
                var random = SplitMix64(seed: Self.mixed(seed, UInt64(bin * 40 + draw), 2))
                let risk = (Double(bin) + random.unit()) / 10
                if let grade = grade(of: line(0, risk: risk, random: &random)),
                    let target = mix.firstIndex(where: { $0.grade == grade })
                {
                    counts[target][bin] += 1
                }
            }
        }
        return counts
    }

    /// The risk (grade before measures, then index) of the project `base` with fact `name` set to `value` (JSON).
    private func index(of base: GeneratedLine.Facts, setting name: String, to value: String) -> Double? {
        let line = base.line(setting: name, to: value)
        return loader.load(bytes: Array(line.utf8), file: "generated", jsonLine: true).project.map {
            // A floor changes the grade, not the index: count a grade step as more than any index change.
            let assessment = Engine.evaluate($0)
            return Double(assessment.before.grade) * 10 + assessment.indexBefore
        }
    }

    /// SplitMix64's output function over the seed, the index and a purpose, so neighbouring indexes (and the
    /// calibration draws) start from unrelated states.
    static func mixed(_ seed: UInt64, _ index: UInt64, _ purpose: UInt64) -> UInt64 {
        var state = SplitMix64(seed: seed ^ (purpose &* 0xD1B5_4A32_D192_ED03))
        _ = state.next()
        var mixer = SplitMix64(seed: state.next() ^ index)
        return mixer.next()
    }
}

/// A generated line split so one fact can be replaced: the text before the facts, each fact's `"name": value`,
/// and the text after.
enum GeneratedLine {
    struct Facts {
        let head: String
        let entries: [(name: String, value: String)]
        let tail: String

        func line(setting name: String, to value: String) -> String {
            var parts = entries.filter { $0.name != name }.map { "\(JSONWriter.quoted($0.name)): \($0.value)" }
            parts.append("\(JSONWriter.quoted(name)): \(value)")
            return head + parts.joined(separator: ", ") + tail
        }
    }

    enum Failure: Error { case shape }

    /// Splits a generated line (`{ …, "facts": { "a": 1, "b": "x" }, "measures": [ … ] }`) at its facts.
    static func facts(of line: String) throws -> Facts {
        guard let open = line.range(of: "\"facts\": {"), let close = line.range(of: "}, \"measures\"") else {
            throw Failure.shape
        }
        let body = line[open.upperBound..<close.lowerBound]
        var entries: [(String, String)] = []
        // Generated keys are identifiers and values hold no `,` or `"` inside strings, so a plain split works.
        for part in body.split(separator: ",") {
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2 else { throw Failure.shape }
            let quoted = pieces[0].trimmingWhitespace
            entries.append((String(quoted.dropFirst().dropLast()), String(pieces[1].trimmingWhitespace)))
        }
        return Facts(
            head: String(line[..<open.upperBound]) + " ", entries: entries,
            tail: " " + String(line[close.lowerBound...]))
    }
}

/// A small, fast, deterministic pseudo-random generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
