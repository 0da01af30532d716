extension Formatting {
    /// `value` with exactly `digits` decimals (`0.623`, `0.10`), for quantities printed the same way everywhere.
    ///
    /// Rounds half away from zero; prints `-0.000` as `0.000`; non-finite values print as zero.
    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = value.isFinite ? (abs(value) * scale).rounded() : 0
        guard scaled < 1e15 else { return number(value, digits: digits) }
        let integer = Int64(scaled)
        return decimal(value < 0 ? -integer : integer, digits: digits, trimmingZeros: false)
    }

    /// The composite risk index as every report prints it: three decimals (`0.623`).
    static func index(_ value: Double) -> String { fixed(value, digits: 3) }

    /// A factor weight as every report prints it: two decimals (`0.10`).
    static func weight(_ value: Double) -> String { fixed(value, digits: 2) }
}
