/// Deterministic text for numbers in reports.
enum Formatting {
    /// `value` rounded to `digits` decimals, without trailing zeros: `0.4123`, `1`, `0.5`.
    ///
    /// Never uses exponent notation for the magnitudes reports show, and prints `-0` as `0`.
    static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(rounded)
        if text.contains("e") {
            // Fall back to fixed digits for very small or large values.
            let integer = Int64(rounded * scale)
            let sign = integer < 0 ? "-" : ""
            let magnitude = String(abs(integer))
            let padded = String(repeating: "0", count: max(0, digits + 1 - magnitude.count)) + magnitude
            text = sign + padded.dropLast(digits) + "." + padded.suffix(digits)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text
    }
}
