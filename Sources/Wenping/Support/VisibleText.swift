/// Text from input files made safe to show: control characters become visible symbols.
///
/// Input files are written by others and may hold escape sequences (ESC, OSC, CSI), BEL, NUL, backspace or a bare
/// carriage return, which a terminal would obey (clearing it, retitling it, overwriting a line to fake a result),
/// and bidirectional overrides, which reorder what is shown. Wherever text from an input leaves the program —
/// terminal, Markdown, CSV, HTML — it goes through ``visible(_:keepingNewlines:)`` first.
///
/// Each character is replaced by exactly one character, so carets under a quoted line stay aligned: C0 controls by
/// their Control Pictures symbol (ESC → `␛`, NUL → `␀`, CR → `␍`), DEL by `␡`, C1 controls and bidirectional
/// formatting characters by `�`.
public enum VisibleText {
    /// `text` with every control character replaced; tab is kept, and line feed when `keepingNewlines`.
    ///
    /// Returns `text` itself (no copy) when nothing needs replacing, the usual case.
    public static func visible(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsReplacing($0, keepingNewlines: keepingNewlines) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(needsReplacing(scalar, keepingNewlines: keepingNewlines) ? replacement(for: scalar) : scalar)
        }
        return String(out)
    }

    /// Whether `scalar` is shown as a symbol instead of being passed through.
    @inline(__always)
    static func needsReplacing(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        let value = scalar.value
        if value < 0x20 { return !(value == 0x09 || (value == 0x0A && keepingNewlines)) }
        if value < 0x7F { return false }
        return value <= 0x9F || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }
}
