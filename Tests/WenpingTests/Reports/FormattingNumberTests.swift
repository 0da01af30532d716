import Testing

@testable import Wenping

/// ``Formatting/number(_:digits:)`` writes values below 10¹⁵ (after scaling) directly from the rounded integer; the
/// text is the one `Double.description` gave before (the general path), for every digit count and magnitude.
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
