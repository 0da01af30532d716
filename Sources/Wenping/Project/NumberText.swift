/// Numbers as Chinese users type them: full-width digits and signs (`１２００`, `３５％`), full-width or ASCII
/// thousands separators (`1,200`, `1，200`), full-width decimal point (`0．35`).
///
/// Pure text-to-number functions, so that any reader of facts (project files, CSV cells, JSON) can call them
/// after its own plain parse fails.
public enum NumberText {
    /// Full-width signs and their ASCII forms: `％ ． ＋ － ，` and the ideographic space.
    static let fullWidthSigns: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{FF05}": "%", "\u{FF0E}": ".", "\u{FF0B}": "+", "\u{FF0D}": "-", "\u{FF0C}": ",", "\u{3000}": " ",
    ]

    /// The text with full-width digits, signs, decimal point and percent sign made ASCII, spaces trimmed, and
    /// thousands separators removed when every group after the first has exactly three digits; `nil` when the
    /// text has none of these (nothing to normalize) or its separators are not thousands groups (`1,2`).
    public static func normalized(_ text: String) -> String? {
        var out = ""
        var changed = false
        for scalar in text.unicodeScalars {
            if (0xFF10...0xFF19).contains(scalar.value), let digit = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) {
                out.unicodeScalars.append(digit)
                changed = true
            } else if let ascii = fullWidthSigns[scalar] {
                out.unicodeScalars.append(ascii)
                changed = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        out = out.trimmingWhitespace
        if out.contains(",") {
            guard let plain = withoutThousandsSeparators(out) else { return nil }
            out = plain
            changed = true
        }
        return changed ? out : nil
    }

    /// A number as typed (see ``normalized(_:)``).
    ///
    /// With `percent`, a trailing `%` is accepted (the number is divided by 100). Returns `nil` when the text is not a finite number after normalizing, or when nothing needed normalizing.
    public static func number(_ text: String, percent: Bool = false) -> Double? {
        guard let plain = normalized(text) else { return nil }
        if percent, plain.hasSuffix("%") {
            guard let value = Double(plain.dropLast().trimmingWhitespace), value.isFinite else { return nil }
            return value / 100
        }
        guard let value = Double(plain), value.isFinite else { return nil }
        return value
    }

    /// `1,200,000.5` → `1200000.5`; nil unless the commas separate groups of three digits after a first group of
    /// one to three.
    static func withoutThousandsSeparators(_ text: String) -> String? {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = String(first)
            body = body.dropFirst()
        }
        var suffix = ""
        if body.hasSuffix("%") {
            suffix = "%"
            body = body.dropLast()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        let isDigits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard groups.count > 1, isDigits(groups[0]), groups[0].count <= 3,
            groups.dropFirst().allSatisfy({ isDigits($0) && $0.count == 3 })
        else { return nil }
        if parts.count == 2 && !isDigits(parts[1]) { return nil }
        return sign + groups.joined() + (parts.count == 2 ? "." + parts[1] : "") + suffix
    }
}
