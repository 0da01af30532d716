/// Generates synthetic projects for a ruleset, for benchmarks and load tests.
///
/// Deterministic: the same ruleset, seed and index give the same project. Facts are drawn across each input's
/// range (integers up to `min + 2000` when unbounded, percents 0–100%, every enum value, both booleans), and some
/// optional facts are left out, so the engine exercises its bands, floors and missing-data paths.
public struct ProjectGenerator: Sendable {
    public let ruleSet: CompiledRuleSet
    public let seed: UInt64

    public init(ruleSet: CompiledRuleSet, seed: UInt64 = 2026) {
        self.ruleSet = ruleSet
        self.seed = seed
    }

    /// Project number `index` as one line of JSON (a project file that also parses as YAML).
    public func jsonLine(_ index: Int) -> String {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        var writer = JSONWriter()
        writer.object { json in
            json.field("id", "GEN-\(index)")
            json.field("name", "生成项目 \(index)")
            json.field("kind", ruleSet.appliesTo.first ?? "")
            json.field("jurisdiction", ruleSet.jurisdiction)
            json.key("facts")
            json.object { json in
                for input in ruleSet.inputs {
                    if !input.isRequired && random.next() % 8 == 0 { continue }
                    json.key(input.name)
                    switch input.kind {
                    case .integer:
                        // Clamped so that rules with extreme bounds cannot overflow the arithmetic.
                        let low = Int(Self.clamp(input.min ?? 0).rounded(.up))
                        let high = max(low, Int(Self.clamp(input.max ?? Double(low + 2000)).rounded(.down)))
                        json.int(low + Int(random.next() % UInt64(max(1, high - low + 1))))
                    case .number:
                        let low = Self.clamp(input.min ?? 0)
                        let high = Self.clamp(input.max ?? low + 10_000)
                        json.number(low + (high - low) * random.unit(), digits: 2)
                    case .percent:
                        json.number(random.unit(), digits: 3)
                    case .boolean:
                        json.bool(random.next() % 4 != 0)
                    case .enumeration:
                        let values = input.domain?.values ?? []
                        json.string(values.isEmpty ? "" : values[Int(random.next() % UInt64(values.count))].key)
                    case .text:
                        json.string("说明")
                    case .date:
                        let day = 18_000 + Int(random.next() % 2_000)
                        json.string(CalendarDate(daysSinceEpoch: day).description)
                    }
                }
            }
            json.key("measures")
            json.array { json in
                for factor in ruleSet.factors {
                    for measure in factor.measures where random.next() % 2 == 0 { json.string(measure.id) }
                }
            }
        }
        return writer.output.split(separator: "\n").map { $0.trimmingWhitespace }.joined(separator: " ")
    }

    /// A bound brought within ±10¹², so sums, differences and integer conversions of bounds cannot overflow.
    private static func clamp(_ value: Double) -> Double { min(max(value, -1e12), 1e12) }
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
