import WenpingYAML

extension Diagnostic {
    /// The diagnostic for a file that libyaml or the safety limits rejected.
    init(_ error: YAMLError, file: String) {
        let code: DiagnosticCode =
            switch error.kind {
            case .unreadable: .fileUnreadable
            case .syntax: .yamlSyntax
            case .invalidUTF8: .invalidUTF8
            case .tab: .tabIndentation
            case .duplicateKey: .duplicateKey
            case .tag: .tagRejected
            case .aliasLimit: .aliasLimit
            case .depth: .nestingTooDeep
            case .tooLarge: .fileTooLarge
            case .documentCount: .documentCount
            case .complexKey: .complexKey
            case .keyTooLong: .keyTooLong
            }
        var notes: [Note] = []
        if let related = error.related {
            notes.append(
                Note(
                    error.relatedMessage ?? "相关位置",
                    at: SourceLocation(file: file, line: related.line, column: related.column)))
        }
        self.init(
            .error, code, error.message,
            at: SourceLocation(file: file, line: error.mark.line, column: error.mark.column),
            notes: notes)
    }
}
