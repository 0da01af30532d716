/// A run of JSON a ``JSONReportCache`` keeps: the fragment it was written for, the writer state before and after
/// it, and its bytes.
struct JSONFragmentEntry<Fragment: JSONFragment>: Sendable {
    let fragment: Fragment
    let start: JSONWriter.State
    let end: JSONWriter.State
    let bytes: [UInt8]

    /// Whether this run is what writing `fragment` in `state` gives (the same values in the same state).
    @inline(__always)
    func matches(_ fragment: Fragment, _ state: JSONWriter.State) -> Bool {
        start == state && self.fragment == fragment
    }
}
