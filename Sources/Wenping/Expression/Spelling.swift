/// The candidate most likely meant by a misspelt `name`, for "did you mean" hints; nil when none is close.
///
/// Distance is the edit distance over Unicode scalars, ignoring ASCII case, with a swap of two neighbours
/// counting as one edit, so `补偿比` and `补偿价`, and `levle` and `level`, are one edit apart. A candidate qualifies when its distance is at most a third of the longer name's length
/// (at least 1). Ties go to the candidate that sorts first, so hints are the same on every run.
///
/// Linear in the length of an overlong `name`: a candidate whose length differs by more than the limit cannot
/// qualify (the distance is at least the difference) and is skipped before the quadratic distance is computed,
/// and a name longer than ``maximumSuggestionLength`` gets no hint at all.
func suggestion(for name: String, among candidates: [String]) -> String? {
    guard name.unicodeScalars.count <= maximumSuggestionLength else { return nil }
    let target = Array(name.lowercased().unicodeScalars)
    var best: (distance: Int, candidate: String)?
    for candidate in candidates.sorted() where candidate != name {
        let other = Array(candidate.lowercased().unicodeScalars)
        let limit = max(1, max(target.count, other.count) / 3)
        guard abs(target.count - other.count) <= limit else { continue }
        let distance = editDistance(target, other)
        guard distance <= limit else { continue }
        if best == nil || distance < best!.distance { best = (distance, candidate) }
    }
    return best?.candidate
}

/// Names longer than this (in Unicode scalars) get no "did you mean" hint: no real id or name is that long.
let maximumSuggestionLength = 200

/// The optimal-string-alignment distance: the fewest insertions, deletions, substitutions and swaps of two
/// neighbouring elements that turn `a` into `b` (Levenshtein plus transpositions, the commonest typing slip).
func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}

/// Spelling hints for callers outside the library (the command line's "did you mean").
public enum Spelling {
    /// The candidate most likely meant by a misspelt `name`, or nil when none is close (see `suggestion(for:among:)`).
    public static func nearest(to name: String, among candidates: [String]) -> String? {
        suggestion(for: name, among: candidates)
    }
}
