/// The decimal spelling of `integer / 10^digits` worked out once, written by ``Formatting`` into a string and by
/// ``JSONWriter`` straight into its buffer, so both spell every number with the same bytes.
///
/// Without trailing fractional zeros when trimming: `(12340, 4)` → `1.234`, `(-5, 6)` → `-0.000005`, `(300, 2)`
/// → `3`, `0` → `0`; else with exactly `digits` decimals: `(12340, 4)` → `1.2340`, `(0, 3)` → `0.000`.
struct DecimalDigits {
    /// The digits left after trimming, as an integer.
    private let magnitude: UInt64
    /// Decimal places written (0 when none).
    private let fraction: Int
    /// Digits written, integral and fractional (at least `fraction + 1`: `0.005` has four).
    private let figures: Int
    private let isNegative: Bool
    /// Bytes written: sign, digits and decimal point.
    let length: Int

    /// - Parameter digits: 0…18 decimal places.
    init(_ integer: Int64, digits: Int, trimmingZeros: Bool = true) {
        var magnitude = integer.magnitude
        var fraction = digits
        while trimmingZeros && fraction > 0 && magnitude % 10 == 0 {
            magnitude /= 10
            fraction -= 1
        }
        var count = 0
        var rest = magnitude
        while rest > 0 {
            count += 1
            rest /= 10
        }
        self.magnitude = magnitude
        self.fraction = fraction
        figures = max(count, fraction + 1)
        isNegative = integer < 0
        length = (isNegative ? 1 : 0) + figures + (fraction > 0 ? 1 : 0)
    }

    /// Writes the ``length`` bytes at `out`.
    @inline(__always)
    func write(to out: UnsafeMutablePointer<UInt8>) {
        var position = length
        var remaining = magnitude
        for place in 0..<figures {
            if place == fraction && fraction > 0 {
                position -= 1
                out[position] = 0x2E  // .
            }
            position -= 1
            out[position] = 0x30 + UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
        }
        if isNegative { out[0] = 0x2D }  // -
    }
}
