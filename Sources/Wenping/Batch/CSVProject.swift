import Foundation

/// One CSV row written out as a project file, so that it goes through the same ``ProjectLoader`` (and gives the
/// same errors) as a YAML or JSON project.
///
/// The columns are project fields (`id`, `name`, `kind`, `jurisdiction`, `location`, `applicant`, `scale`,
/// `description`, `measures` with ids separated by `;`) or fact ids; a column may also be headed by the
/// Chinese label of a field (项目编号, 项目名称, …) or of an input of the row's ruleset (被征收户数). Cells are
/// trimmed; an empty cell is an absent fact. The generated text is JSON with one field per line, and
/// ``columnOfLine`` maps each of its lines back to the column it came from, so every diagnostic can be moved to
/// the CSV row and column (see ``diagnostic(_:)``).
struct CSVProject {
    /// The generated project text (JSON, one field per line).
    private(set) var text = ""
    /// For line `i + 1` of ``text``: the 0-based CSV column it came from, or -1 for structural lines.
    private(set) var columnOfLine: [Int] = []
    /// Problems with the row itself (cells outside the header, a row that could not be read); when there are any
    /// the row is not loaded.
    private(set) var problems: [Diagnostic] = []
    /// The row's project id (its `id` or 项目编号 cell, trimmed), when that cell is there, not empty and read as
    /// written; for the summary row of a row that has ``problems``, as a loaded row has its project's id.
    private(set) var writtenID: String?

    let table: CSVTable
    let row: Int

    /// Project fields, and the Chinese labels accepted for them as column names.
    static let fieldLabels: [String: String] = [
        "项目编号": "id", "项目名称": "name", "项目类型": "kind", "所在地区": "jurisdiction", "项目地点": "location",
        "项目单位": "applicant", "建设规模": "scale", "项目概况": "description", "措施": "measures", "采取的措施": "measures",
    ]
    static let fields = ["id", "name", "kind", "jurisdiction", "location", "applicant", "scale", "description"]

    init(table: CSVTable, record: CSVReader.Record, catalog: RuleSetCatalog, override: String?) {
        self.table = table
        row = record.row
        for (column, header) in table.columns.enumerated() where header == "id" || Self.fieldLabels[header] == "id" {
            guard column < record.fields.count, !record.damagedFields.contains(column) else { continue }
            let cell = record.fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
            if !cell.isEmpty { writtenID = cell }
        }
        if let problem = record.problem {
            problems.append(.error(.invalidProject, problem, at: location(column: nil)))
            return
        }
        let cells = record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var fieldColumns: [String: Int] = [:]
        var factColumns: [Int] = []
        for (column, cell) in cells.enumerated() where !cell.isEmpty {
            guard column < table.columns.count, !table.columns[column].isEmpty else {
                let message =
                    column < table.columns.count
                    ? "第 \(column + 1) 列没有列名，不知道“\(cell)”是什么；请在第 1 行补上列名（字段名或事实项名）"
                    : "这一格（第 \(column + 1) 列）在列名之外：列名行只有 \(table.columns.count) 列；请检查是否多了逗号"
                problems.append(.error(.invalidProject, message, at: location(column: column)))
                continue
            }
            let header = table.columns[column]
            if let field = Self.fields.contains(header) || header == "measures" ? header : Self.fieldLabels[header] {
                fieldColumns[field] = column
            } else {
                factColumns.append(column)
            }
        }
        guard problems.isEmpty else { return }
        let value = { (field: String) in fieldColumns[field].map { cells[$0] } }
        let ruleSet = try? catalog.select(
            kind: value("kind") ?? "", jurisdiction: RuleSetBuilder.normalizedJurisdiction(value("jurisdiction")),
            override: override
        ).get().ruleSet
        var inputs: [String: CompiledRuleSet.Input] = [:]
        for input in ruleSet?.inputs ?? [] {
            inputs[input.label] = input
            inputs[input.name] = input
        }
        // Top-level entries, each one or more lines; commas go after the last line of every entry but the last.
        var entries: [[(text: String, column: Int)]] = []
        for field in Self.fields {
            guard let column = fieldColumns[field] else { continue }
            entries.append([("\(JSONWriter.quoted(field)): \(JSONWriter.quoted(cells[column]))", column)])
        }
        if !factColumns.isEmpty {
            var facts: [(text: String, column: Int)] = [("\"facts\": {", -1)]
            for (offset, column) in factColumns.enumerated() {
                let input = inputs[table.columns[column]]
                let key = input?.name ?? table.columns[column]
                let comma = offset + 1 < factColumns.count ? "," : ""
                facts.append(("\(JSONWriter.quoted(key)): \(Self.scalar(cells[column], for: input))\(comma)", column))
            }
            facts.append(("}", -1))
            entries.append(facts)
        }
        if let column = fieldColumns["measures"] {
            let ids = cells[column].split(whereSeparator: { $0 == ";" || $0 == "；" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            entries.append([("\"measures\": [\(ids.map(JSONWriter.quoted).joined(separator: ", "))]", column)])
        }
        text = "{\n"
        columnOfLine = [-1]
        for (index, entry) in entries.enumerated() {
            for (offset, line) in entry.enumerated() {
                let isLast = offset + 1 == entry.count && index + 1 < entries.count
                text += line.text + (isLast ? "," : "") + "\n"
                columnOfLine.append(line.column)
            }
        }
        text += "}\n"
        columnOfLine.append(-1)
    }

    /// A cell as a JSON value: a plain scalar for numbers and booleans (so `1200`, `35%` and `true` keep their
    /// type), a quoted string otherwise.
    static func scalar(_ cell: String, for input: CompiledRuleSet.Input?) -> String {
        guard let input, [.integer, .number, .percent, .boolean].contains(input.kind), isPlain(cell) else {
            return JSONWriter.quoted(cell)
        }
        return cell
    }

    /// Whether a cell can be written unquoted without changing how it parses: letters, digits, `+ - . _ %`,
    /// starting with a letter or digit, or a sign or point followed by a digit.
    static func isPlain(_ cell: String) -> Bool {
        let scalars = Array(cell.unicodeScalars)
        guard let first = scalars.first else { return false }
        let isAlphanumeric = { (scalar: Unicode.Scalar) in
            ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        guard scalars.allSatisfy({ isAlphanumeric($0) || "+-._%".unicodeScalars.contains($0) }) else { return false }
        if isAlphanumeric(first) { return true }
        return scalars.count > 1 && ("0"..."9").contains(scalars[1])
    }

    /// `file:row:column`, with the 1-based column number (1 when the problem is with the whole row).
    func location(column: Int?) -> SourceLocation {
        SourceLocation(file: table.file, line: row, column: (column ?? 0) + 1)
    }

    /// A diagnostic about the generated text, moved to this row and the column it came from, with the column's
    /// name in front of the message.
    func diagnostic(_ diagnostic: Diagnostic) -> Diagnostic {
        var moved = diagnostic
        let column = column(of: diagnostic.location)
        moved.location = location(column: column)
        moved.length = 1
        if let column { moved.message = "“\(table.columns[column])”列：" + moved.message }
        moved.notes = diagnostic.notes.map { note in
            var note = note
            if let place = note.location {
                let column = self.column(of: place)
                note.location = location(column: column)
                if let column { note.message = "“\(table.columns[column])”列：" + note.message }
            }
            return note
        }
        return moved
    }

    private func column(of location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= columnOfLine.count else { return nil }
        let column = columnOfLine[location.line - 1]
        return column >= 0 ? column : nil
    }
}
