/// Deterministic text for numbers in reports.
enum Formatting {
    /// `value` rounded to `digits` decimals, without trailing zeros: `0.4123`, `1`, `0.5`.
    ///
    /// Total over every `Double`: never traps, never uses exponent notation, and prints `-0` as `0`. A value of
    /// magnitude 10¹⁵ or more is printed as the whole number nearest to it, with all its digits (a double that
    /// large has no meaningful decimals). Non-finite values never reach a report (facts refuse them and
    /// expressions turn them into unknown); if one did, it prints as `∞`, `-∞` or `NaN`, never as a number.
    static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : value < 0 ? "-∞" : "∞" }
        if abs(value) >= 1e15 { return wholeNumber(value.rounded()) }
        // Below 10¹⁵ the rounded value has at most 15 significant digits, so (DBL_DIG = 15) the shortest text
        // that reads back as `scaled / scale` is exactly `scaled` with the decimal point moved: written directly,
        // without `Double.description` (what the general path below prints, byte for byte).
        if let scaled = scaledDecimal(value, digits: digits) { return decimal(scaled.integer, digits: scaled.digits) }
        let digits = min(max(digits, 0), 6)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        let rounded = scaled / scale
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(rounded)
        if text.contains("e") {
            // Small magnitudes: `rounded * scale` is an integer below 10¹⁵ · 10⁶, well inside Int64.
            let integer = Int64((rounded * scale).rounded())
            let sign = integer < 0 ? "-" : ""
            let magnitude = String(integer.magnitude)
            let padded = String(repeating: "0", count: max(0, digits + 1 - magnitude.count)) + magnitude
            text = sign + padded.dropLast(digits) + "." + padded.suffix(digits)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `integer / 10^digits` in decimal without trailing fractional zeros: `(12340, 4)` → `1.234`,
    /// `(-5, 6)` → `-0.000005`, `(300, 2)` → `3`, `0` → `0`; or, with `trimmingZeros: false`, with exactly `digits`
    /// decimals: `(12340, 4)` → `1.2340`, `(0, 3)` → `0.000`.
    ///
    /// - Parameter digits: 0…18 decimal places.
    static func decimal(_ integer: Int64, digits: Int, trimmingZeros: Bool = true) -> String {
        let spelled = DecimalDigits(integer, digits: digits, trimmingZeros: trimmingZeros)
        return String(unsafeUninitializedCapacity: spelled.length) { out in
            spelled.write(to: out.baseAddress!)
            return spelled.length
        }
    }

    /// `value` rounded to `digits` (0…6) decimals and scaled to an integer, the exact spelling of
    /// ``number(_:digits:)`` through ``DecimalDigits``, when both are below 10¹⁵; nil otherwise (that function's
    /// other cases).
    static func scaledDecimal(_ value: Double, digits: Int) -> (integer: Int64, digits: Int)? {
        guard value.isFinite && abs(value) < 1e15 else { return nil }
        let digits = min(max(digits, 0), 6)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 1e15 else { return nil }
        return (Int64(scaled), digits)
    }

    /// The exact decimal digits of a finite, integral double (any magnitude, up to about 1.8 × 10³⁰⁸).
    ///
    /// Works in base-10⁹ limbs: the 53-bit significand, doubled once per binary exponent step.
    static func wholeNumber(_ value: Double) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        guard magnitude >= 1 else { return "0" }
        var significand = magnitude.significandBitPattern | (1 << 52)
        var exponent = Int(magnitude.exponent) - 52
        if exponent < 0 {
            significand >>= UInt64(-exponent)
            exponent = 0
        }
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = []  // least significant first, each below `base`
        while significand > 0 {
            limbs.append(significand % base)
            significand /= base
        }
        for _ in 0..<exponent {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let doubled = limbs[index] * 2 + carry
                limbs[index] = doubled % base
                carry = doubled / base
            }
            if carry > 0 { limbs.append(carry) }
        }
        var text = sign + String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
