/// A run of JSON that is a function of the values it holds, so that a writer with a ``JSONReportCache`` may copy
/// the bytes it wrote before instead of writing it again (``JSONWriter/write(_:slot:)``).
///
/// Invariant: ``write(_:)`` reads nothing but the fragment's stored properties (no globals, no clock, nothing
/// captured), and `==` holds only for values that write the same bytes — compare text with ``ExactText`` /
/// ``ExactTexts``, never with `String`'s `==` (canonical equivalence). Then a copied run is byte for byte what
/// writing it again would give, whatever the cache holds.
protocol JSONFragment: Equatable, Sendable {
    /// Writes the run through the general writer (the only code that spells it).
    func write(_ json: inout JSONWriter)

    /// Whether the run is worth remembering: `false` for text made for one project (a sentence naming its
    /// missing facts), which would only fill the cache.
    var isWorthKeeping: Bool { get }

    /// Where `JSONReportCache.Storage` keeps the runs of this kind, by slot.
    static var slots: WritableKeyPath<JSONReportCache.Storage, [[JSONFragmentEntry<Self>]]> { get }
}

extension JSONFragment {
    var isWorthKeeping: Bool { true }
}

/// A fragment made from one value of the report model (a fact, a factor, a measure, an estimate), which
/// ``JSONWriter/write(_:of:slot:)`` compares with kept runs where the value lies, without making the fragment.
///
/// Invariant: `describes(source)` is true exactly when `Self(source) == self`, and `isWorthKeeping(source)` is
/// `Self(source).isWorthKeeping`.
protocol JSONModelFragment: JSONFragment {
    associatedtype Source
    init(_ source: borrowing Source)
    /// Whether this fragment is the one made from `source`.
    func describes(_ source: borrowing Source) -> Bool
    /// Whether the fragment made from `source` is worth remembering.
    static func isWorthKeeping(_ source: borrowing Source) -> Bool
}

extension JSONModelFragment {
    static func isWorthKeeping(_ source: borrowing Source) -> Bool { true }
}
