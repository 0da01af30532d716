import Foundation
import Wenping

/// The JSON form of `wenping check --format json`: stable field names, diagnostics sorted by position.
enum DiagnosticJSON {
    struct Report: Encodable {
        var schemaVersion = 1
        var files: [String]
        var errorCount: Int
        var warningCount: Int
        var diagnostics: [Entry]
    }

    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var code: String
        var message: String
        var notes: [Note]
    }

    struct Note: Encodable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    static func encode(_ check: RuleCheck) throws -> String {
        let report = Report(
            files: check.files, errorCount: check.errorCount, warningCount: check.warningCount,
            diagnostics: check.diagnostics.map { diagnostic in
                Entry(
                    file: diagnostic.location.file, line: diagnostic.location.line,
                    column: diagnostic.location.column, severity: diagnostic.severity.rawValue,
                    code: diagnostic.code.rawValue, message: diagnostic.message,
                    notes: diagnostic.notes.map {
                        Note(
                            message: $0.message, file: $0.location?.file, line: $0.location?.line,
                            column: $0.location?.column)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
