/// The parts of a Word report an office words and lays out itself: the title page, the letterhead (the page
/// header) and the sign-off block at the end.
///
/// Each is plain text, one paragraph a line, where the start of a line says how it is set:
///
/// | Line starts with | Set as |
/// |---|---|
/// | `# ` | the title (style 标题, large, centred) |
/// | `## ` | a subtitle (centred) |
/// | `= ` | a centred line |
/// | `> ` | a right-aligned line (dates, seals) |
/// | anything else | a plain line; an empty line is an empty paragraph (vertical space) |
///
/// The texts usually come from the office's Mustache templates (`WenpingDocuments`); they are already filled in
/// here, and are escaped for XML when the document is written.
public struct WordFixedTexts: Sendable, Hashable {
    public var titlePage: String
    public var letterhead: String
    public var signOff: String

    public init(titlePage: String, letterhead: String, signOff: String) {
        self.titlePage = titlePage
        self.letterhead = letterhead
        self.signOff = signOff
    }

    /// One line of a fixed text, classified by its leading marker.
    enum Line: Hashable {
        case title(String)
        case subtitle(String)
        case centred(String)
        case right(String)
        case plain(String)

        init(_ line: Substring) {
            if line.hasPrefix("## ") {
                self = .subtitle(String(line.dropFirst(3)))
            } else if line.hasPrefix("# ") {
                self = .title(String(line.dropFirst(2)))
            } else if line.hasPrefix("= ") {
                self = .centred(String(line.dropFirst(2)))
            } else if line.hasPrefix("> ") {
                self = .right(String(line.dropFirst(2)))
            } else {
                self = .plain(String(line))
            }
        }
    }

    /// The lines of `text`, without the trailing empty line a final newline leaves.
    static func lines(_ text: String) -> [Line] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Line($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
        while lines.last == .plain("") { lines.removeLast() }
        return lines
    }

    /// WordprocessingML paragraphs for `text`; plain lines take `plainStyle`, centred and right-aligned lines
    /// `alignedStyle` (nil: the default paragraph style, 正文).
    static func paragraphs(_ text: String, plainStyle: String? = "Plain", alignedStyle: String? = "Plain") -> String {
        lines(text).map { line in
            switch line {
            case .title(let text): WordML.text(text, style: "Title", alignment: .center)
            case .subtitle(let text): WordML.text(text, style: "Subtitle", alignment: .center)
            case .centred(let text): WordML.text(text, style: alignedStyle, alignment: .center)
            case .right(let text): WordML.text(text, style: alignedStyle, alignment: .right)
            case .plain(let text): WordML.text(text, style: plainStyle)
            }
        }.joined()
    }
}
