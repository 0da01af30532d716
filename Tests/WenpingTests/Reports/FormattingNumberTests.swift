import Testing

@testable import Wenping

/// Numbers written digit by digit read exactly as before.
///
/// ``Formatting/number(_:digits:)`` writes values below 10¹⁵ (after scaling) directly from the rounded integer; the
/// text is the one `Double.description` gave before (the general path), for every digit count and magnitude.
/// ``Formatting/fixed(_:digits:)`` writes its digits the same direct way, as it padded them before.
struct FormattingNumberTests {
    /// The text by way of `Double.description`, as ``Formatting/number(_:digits:)`` printed every value before its
    /// direct path (kept here as the reference the direct path is checked against).
    static func reference(_ value: Double, digits: Int) -> String {
        let digits = min(max(digits, 0), 6)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(rounded)
        if text.contains("e") {
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

    @Test func directDigitsMatchDoubleDescriptionAcrossMagnitudes() {
        var random = SplitMix64(seed: 20_261_130)
        var checked = 0
        for exponent in -9...15 {
            var magnitude = 1.0
            if exponent >= 0 {
                for _ in 0..<exponent { magnitude *= 10 }
            } else {
                for _ in 0..<(-exponent) { magnitude /= 10 }
            }
            for _ in 0..<4_000 {
                let unit = random.unit()
                let sign: Double = random.next() & 1 == 0 ? 1 : -1
                var value = sign * unit * magnitude * 10
                // Half of them on a decimal grid, where ties and exact decimals live.
                if random.next() & 1 == 0 { value = (value * 1e6).rounded() / 1e6 }
                let digits = Int(random.next() % 7)
                guard abs(value) < 1e15 else { continue }
                #expect(Formatting.number(value, digits: digits) == Self.reference(value, digits: digits), "\(value)")
                checked += 1
            }
        }
        #expect(checked > 90_000)
    }

    /// ``Formatting/fixed(_:digits:)`` as it padded the integer's text before it wrote digits directly.
    static func fixedReference(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = value.isFinite ? (abs(value) * scale).rounded() : 0
        guard scaled < 1e15 else { return Formatting.number(value, digits: digits) }
        let integer = Int64(scaled)
        let text = String(integer)
        let padded = String(repeating: "0", count: max(0, digits + 1 - text.count)) + text
        let sign = value < 0 && integer != 0 ? "-" : ""
        return digits > 0 ? sign + padded.dropLast(digits) + "." + padded.suffix(digits) : sign + padded
    }

    @Test func fixedDigitsMatchThePaddedText() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<60_000 {
            let exponent = Int(random.next() % 20) - 8
            var value = (random.unit() - 0.5) * 2
            for _ in 0..<abs(exponent) { value = exponent < 0 ? value / 10 : value * 10 }
            let digits = Int(random.next() % 5)
            #expect(Formatting.fixed(value, digits: digits) == Self.fixedReference(value, digits: digits), "\(value)")
        }
        for (value, digits, text) in [
            (0.0, 3, "0.000"), (-0.0001, 3, "0.000"), (-1.5, 2, "-1.50"), (12.345678, 0, "12"), (0.1, 2, "0.10"),
            (123_456.789, 2, "123456.79"), (-0.4, 0, "0"), (-0.6, 0, "-1"), (Double.nan, 3, "0.000"),
        ] as [(Double, Int, String)] {
            #expect(Formatting.fixed(value, digits: digits) == text, "\(value) digits \(digits)")
        }
    }

    @Test func edgeCases() {
        for (value, digits, text) in [
            (0.5, 4, "0.5"), (-0.5, 4, "-0.5"), (0.00005, 4, "0.0001"), (0.000049, 4, "0"), (-0.000049, 4, "0"),
            (1234.5, 0, "1235"), (0.000001, 6, "0.000001"), (-0.000005, 6, "-0.000005"), (99.99995, 4, "100"),
            (123_456_789.123456, 6, "123456789.123456"), (12_345_678_901.2345, 4, "12345678901.2345"),
            (99_999_999_999.9999, 4, "99999999999.9999"), (1e14 + 0.5, 1, "100000000000000.5"), (7, 6, "7"),
        ] as [(Double, Int, String)] {
            #expect(Formatting.number(value, digits: digits) == text, "\(value) digits \(digits)")
            #expect(Self.reference(value, digits: digits) == text, "reference \(value) digits \(digits)")
        }
    }
}
