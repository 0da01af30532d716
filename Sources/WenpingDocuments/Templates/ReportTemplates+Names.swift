import Foundation
import Wenping

/// Checks that every name a template shows is one reports have: Mustache prints nothing for an unknown name,
/// and a misspelt `{{project.nmae}}` would leave a blank in a dossier document without anyone noticing.
extension ReportTemplates {
    /// The names a template shows that reports do not have.
    ///
    /// E804 for each tag naming something not in `names` (the template's, ``ReportTemplate/names``). Only the standard `{{ }}` delimiters
    /// are checked: after a `{{=… …=}}` tag the rest of the template is not.
    static func checkNames(_ text: String, file: String, names: Set<String> = ReportContext.names) -> [Diagnostic] {
        scan(text, file: file, names: names).diagnostics
    }

    /// Where the innermost section still open at the end of `text` starts (`{{#name}}` or `{{^name}}`), if any:
    /// the place to point at when Mustache reports a section without its end.
    static func unclosedSection(_ text: String, file: String) -> SourceLocation? {
        scan(text, file: file, names: []).open.last
    }

    private static func scan(_ text: String, file: String, names: Set<String>) -> (
        diagnostics: [Diagnostic], open: [SourceLocation]
    ) {
        var diagnostics: [Diagnostic] = []
        var open: [SourceLocation] = []
        let characters = Array(text)
        var index = 0
        var line = 1
        var column = 1
        func advance() {
            if characters[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        while index < characters.count {
            guard characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" else {
                advance()
                continue
            }
            let start = SourceLocation(file: file, line: line, column: column)
            advance()
            advance()
            var tag = ""
            while index < characters.count,
                !(characters[index] == "}" && index + 1 < characters.count
                    && characters[index + 1] == "}")
            {
                tag.append(characters[index])
                advance()
            }
            guard index < characters.count else { break }  // an unclosed tag is a syntax error, reported as E801
            advance()
            advance()
            if tag.hasPrefix("{"), index < characters.count, characters[index] == "}" {
                tag.removeFirst()
                advance()
            }
            let trimmed = tag.trimmingCharacters(in: .whitespaces)
            guard let sigil = trimmed.first else { continue }
            var name = trimmed
            switch sigil {
            case "!", "%", ">", "<", "$": continue
            case "=": return (diagnostics, open)
            case "#", "^":
                open.append(start)
                name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
            case "/":
                _ = open.popLast()
                name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
            case "&", "{": name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
            default: break
            }
            // A transform, `uppercased(name)`: check the name inside.
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                    .trimmingCharacters(in: .whitespaces)
            }
            guard !name.isEmpty, !names.contains(name) else { continue }
            var message = "模板中的名称“\(name)”在报告中不存在，会显示为空"
            let nearest = names.filter { $0 != "." }.min {
                (distance($0, name), $0) < (distance($1, name), $1)
            }
            if let nearest, distance(nearest, name) <= max(2, name.count / 3) {
                message += "；是不是想写“\(nearest)”？"
            } else {
                message += "；可用的名称见 wenping templates export 写出的 README.md"
            }
            diagnostics.append(.error(.templateUnknownName, message, at: start, length: tag.count + 4))
        }
        return (diagnostics, open)
    }

    /// Edit distance between two names (insertions, deletions, substitutions), by characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
