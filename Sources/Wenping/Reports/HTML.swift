/// Small helpers for writing HTML and inline SVG text by hand: escaping, fixed-decimal coordinates and a rough
/// text-width estimate for laying out labels.
///
/// Public so that the other targets' HTML (the service's reviewed report) goes through the same escape.
public enum HTML {
    /// `text` made safe as HTML text or a quoted attribute value: `&`, `<`, `>`, `"` and `'` become entities.
    ///
    /// Every piece of text that comes from a project, a rule file or the model goes through this one function,
    /// so a project named `<script>alert(1)</script>` is shown as text and never runs. Control characters (ESC,
    /// NUL, a bare CR…) are shown as symbols (``VisibleText``); line feeds are kept.
    public static func escape(_ text: String) -> String {
        let text = VisibleText.visible(text, keepingNewlines: true)
        // Most text has nothing to escape: hand it back as it is.
        if !text.utf8.contains(where: needsAttention) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Whether a byte may need more than copying: one of `&<>"'`, or an ASCII control character.
    private static func needsAttention(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case 0..<0x20, 0x7F: true
        default: false
        }
    }

    /// An SVG coordinate or length with exactly one decimal: `12.0`, `-3.5`, `0.0`.
    ///
    /// Fixed decimals keep the output byte-identical across runs and platforms; `-0` prints as `0.0`.
    static func coordinate(_ value: Double) -> String {
        let tenths = value.isFinite ? Int((min(max(value, -1e12), 1e12) * 10).rounded()) : 0
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// The approximate width of `text` in ems: one em for CJK and other wide characters, about half for the rest.
    ///
    /// Only used to wrap and place labels in the SVG pictures; the browser still lays out the real glyphs.
    static func width(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { total, scalar in
            total + (isWide(scalar) ? 1 : 0.56)
        }
    }

    /// `text` cut into lines of at most `ems` wide (by ``width(_:)``), at most `maxLines` of them; a cut-off last
    /// line ends with `…`.
    ///
    /// Lines are balanced: text that needs two lines is cut near its middle, not after a full first line.
    static func wrap(_ text: String, ems: Double, maxLines: Int) -> [String] {
        let total = width(text)
        let needed = ems > 0 ? max(1, Int(min(total / ems, 1e9).rounded(.up))) : 1
        let ems = needed <= maxLines ? min(ems, total / Double(needed) + 1) : ems
        var lines: [String] = []
        var line = ""
        var lineWidth = 0.0
        for character in text {
            let characterWidth = width(String(character))
            if lineWidth + characterWidth > ems, !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            line.append(character)
            lineWidth += characterWidth
        }
        if !line.isEmpty { lines.append(line) }
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var kept = Array(lines.prefix(maxLines))
        var last = kept[maxLines - 1]
        while !last.isEmpty, width(last) + 1 > ems { last.removeLast() }
        kept[maxLines - 1] = last + "…"
        return kept
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}
