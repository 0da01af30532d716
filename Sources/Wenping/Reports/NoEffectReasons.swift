import Synchronization

/// The sentences of ``Assessment/noEffectReason(_:)`` for one ruleset, each worked out once per case.
///
/// Such a sentence names the bands that set the factor's levels, so it is not one of the fixed sentences of
/// ``ReportTables/Factor/noEffect``; but it depends only on the ruleset and six small numbers: the factor, the
/// measure, whether the cause was not cured, and the factor's probability and impact bands and levels before
/// measures. So it is kept under those, shared by every report of the ruleset and by every thread (behind a lock).
/// The sentence is the same whether it was kept or not; at most ``capacity`` are kept, the rest are worked out
/// each time.
final class NoEffectReasons: Sendable {
    /// The most sentences kept (a ruleset has far fewer cases: factors × measures × bands × levels it can reach).
    static let capacity = 4_096

    private let kept = Mutex<[Int: String]>([:])

    /// Why the adopted measure of `effect` changed nothing, `effect` being one of `assessment`'s that lowered
    /// nothing and has no fixed reason (``Assessment/fixedNoEffect(_:)`` is `nil`).
    func reason(_ effect: Assessment.MeasureEffect, in assessment: Assessment) -> String {
        guard let key = Self.key(effect, assessment) else { return Self.reason(effect, assessment) }
        if let known = kept.withLock({ $0[key] }) { return known }
        let sentence = Self.reason(effect, assessment)
        kept.withLock { kept in
            if kept.count < Self.capacity { kept[key] = sentence }
        }
        return sentence
    }

    private static func reason(_ effect: Assessment.MeasureEffect, _ assessment: Assessment) -> String {
        assessment.noEffectReason(effect) ?? "无效果"
    }

    /// The six numbers the sentence depends on, 10 bits each, and whether the cause was not cured; `nil` when one
    /// does not fit (then the sentence is not kept).
    private static func key(_ effect: Assessment.MeasureEffect, _ assessment: Assessment) -> Int? {
        let result = assessment.factors[effect.factor]
        var key = effect.outcome == .causeNotCured ? 1 : 0
        for part in [
            effect.factor, effect.measure, result.probabilityBand + 1, result.impactBand + 1,
            result.before.probability, result.before.impact,
        ] {
            guard (0..<1_024).contains(part) else { return nil }
            key = key << 10 | part
        }
        return key
    }
}
