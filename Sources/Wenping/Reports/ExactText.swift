import Foundation

/// A string compared by its exact UTF-8 bytes, for the inputs of a remembered JSON fragment (``JSONFragment``).
///
/// `String`'s `==` is canonical equivalence (`"é"` equals `"e\u{301}"`), but the two are written as different
/// bytes: a fragment remembered for one must never be copied for the other. Two texts are equal here exactly when
/// their UTF-8 bytes are; a string compared with itself (the same storage, as ruleset text copied into every
/// report model is) costs a pointer comparison.
struct ExactText: Equatable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool { same(lhs.string, rhs.string) }

    /// Whether `lhs` and `rhs` have the same UTF-8 bytes.
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        // The same representation — the same storage and count, or the same small-string bytes — is the same text:
        // two words compared, which is what ruleset text copied into a report model gives.
        if MemoryLayout<String>.size == 16,
            unsafeBitCast(lhs, to: (UInt64, UInt64).self) == unsafeBitCast(rhs, to: (UInt64, UInt64).self)
        {
            return true
        }
        let left = lhs.utf8
        let right = rhs.utf8
        let count = left.count
        guard count == right.count else { return false }
        guard count > 0 else { return true }
        let compared =
            left.withContiguousStorageIfAvailable { left in
                right.withContiguousStorageIfAvailable { right in
                    left.baseAddress == right.baseAddress || memcmp(left.baseAddress!, right.baseAddress!, count) == 0
                }
            } ?? nil
        return compared ?? left.elementsEqual(right)
    }
}

extension ExactText {
    /// Whether `lhs` and `rhs` are both absent or have the same UTF-8 bytes.
    static func same(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let left?, let right?): same(left, right)
        default: false
        }
    }
}

/// A list of strings compared element by element by their exact UTF-8 bytes (see ``ExactText``).
struct ExactTexts: Equatable, Sendable {
    let strings: [String]

    init(_ strings: [String]) { self.strings = strings }

    static func == (lhs: ExactTexts, rhs: ExactTexts) -> Bool { same(lhs.strings, rhs.strings) }

    /// Whether `lhs` and `rhs` have the same count and each element the same UTF-8 bytes as the other's.
    static func same(_ lhs: [String], _ rhs: [String]) -> Bool {
        lhs.isSame(as: rhs) { ExactText.same($0, $1) }
    }
}

extension Array {
    /// Whether this array and `other` hold elements that are the same by `isSame`, pair by pair, read in place
    /// (iterating would copy each element); at once when both share one storage (ruleset text shared by every
    /// report: a shared array is never changed in place, and both keep it alive).
    func isSame(as other: [Element], by isSame: (Element, Element) -> Bool) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBufferPointer { left in
            other.withUnsafeBufferPointer { right in
                if left.baseAddress == right.baseAddress { return true }
                for index in left.indices where !isSame(left[index], right[index]) { return false }
                return true
            }
        }
    }
}
