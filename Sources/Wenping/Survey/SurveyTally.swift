/// The answers of a responses file counted against a ``SurveySpec``: per question and answer, per area, and the
/// rows that could not be counted, each with its row, column and reason.
///
/// A row with any problem is left out of every count (so all rates share one set of valid questionnaires) and is
/// listed in ``invalid``. Blank lines are skipped and counted in ``blank``. Row numbers are those a spreadsheet
/// shows: the header is row 1.
struct SurveyTally: Sendable {
    /// One reason a row was not counted.
    struct Problem: Sendable, Hashable {
        let row: Int
        /// The column header, when the problem is in one cell.
        let column: String?
        /// The cell as written (trimmed), when the problem is in one cell.
        let value: String?
        let reason: String
    }

    /// Counts for one group of rows (the whole survey, or one area).
    struct Counts: Sendable, Hashable {
        /// Valid rows in the group.
        var valid = 0
        /// `answers[q][a]`: valid rows giving answer `a` to question `q`.
        var answers: [[Int]]
        /// `unanswered[q]`: valid rows leaving optional question `q` blank.
        var unanswered: [Int]

        init(spec: SurveySpec) {
            answers = spec.questions.map { [Int](repeating: 0, count: $0.answers.count) }
            unanswered = [Int](repeating: 0, count: spec.questions.count)
        }
    }

    /// Data rows read (header and blank lines excluded).
    var rows = 0
    var blank = 0
    var total: Counts
    /// Areas in order of first appearance, with their counts; empty without an `area_column`.
    var areas: [(name: String, counts: Counts)] = []
    var problems: [Problem] = []
    /// Rows left out, in row order (each once, however many problems it has).
    var invalidRows: [Int] = []

    var valid: Int { total.valid }

    init(spec: SurveySpec) {
        total = Counts(spec: spec)
    }
}

extension SurveyTally {
    /// Label for a blank area cell.
    static let noArea = "（未填片区）"

    /// Counts every record after the header.
    ///
    /// `columns[q]` is the field index of question `q`; `idColumn` and
    /// `areaColumn` are field indexes when the spec names them.
    static func count(
        _ reader: inout CSVReader, spec: SurveySpec, header: [String], columns: [Int], idColumn: Int?,
        areaColumn: Int?
    ) -> SurveyTally {
        var tally = SurveyTally(spec: spec)
        var seenIDs: [String: Int] = [:]
        var areaIndex: [String: Int] = [:]
        while let record = reader.next() {
            if record.isBlank && record.problem == nil {
                tally.blank += 1
                continue
            }
            tally.rows += 1
            var problems: [Problem] = []
            if let problem = record.problem {
                problems.append(Problem(row: record.row, column: nil, value: nil, reason: problem))
            } else if record.fields.count > header.count,
                record.fields[header.count...].contains(where: { !$0.trimmingWhitespace.isEmpty })
            {
                problems.append(
                    Problem(
                        row: record.row, column: nil, value: nil,
                        reason: "这一行有 \(record.fields.count) 格，比表头的 \(header.count) 列多；多半是某个答案里有半角逗号却没加引号"))
            }
            var chosen: [Int?] = []
            if problems.isEmpty {
                for (q, question) in spec.questions.enumerated() {
                    let raw = columns[q] < record.fields.count ? record.fields[columns[q]].trimmingWhitespace : ""
                    if raw.isEmpty {
                        chosen.append(nil)
                        if !question.isOptional {
                            problems.append(
                                Problem(
                                    row: record.row, column: question.column, value: "",
                                    reason: "必答题没有作答"))
                        }
                    } else if let answer = question.answerIndex(raw) {
                        chosen.append(answer)
                    } else {
                        chosen.append(nil)
                        var reason = "不是这一题的答案；可选：\(question.answers.map(\.value).joined(separator: "、"))"
                        let spellings = question.answers.flatMap { [$0.value] + $0.accept }
                        if let guess = suggestion(for: raw, among: spellings) { reason = "不是这一题的答案。是否是“\(guess)”？" }
                        problems.append(Problem(row: record.row, column: question.column, value: raw, reason: reason))
                    }
                }
                if let idColumn {
                    let id = idColumn < record.fields.count ? record.fields[idColumn].trimmingWhitespace : ""
                    let column = header[idColumn]
                    if id.isEmpty {
                        problems.append(Problem(row: record.row, column: column, value: "", reason: "问卷编号为空"))
                    } else if let first = seenIDs[id] {
                        problems.append(
                            Problem(row: record.row, column: column, value: id, reason: "问卷编号与第 \(first) 行重复，同一份问卷只计一次")
                        )
                    } else {
                        seenIDs[id] = record.row
                    }
                }
            }
            if !problems.isEmpty {
                tally.problems += problems
                tally.invalidRows.append(record.row)
                continue
            }
            tally.total.add(chosen)
            if let areaColumn {
                var area = areaColumn < record.fields.count ? record.fields[areaColumn].trimmingWhitespace : ""
                if area.isEmpty { area = noArea }
                let index: Int
                if let known = areaIndex[area] {
                    index = known
                } else {
                    index = tally.areas.count
                    areaIndex[area] = index
                    tally.areas.append((area, Counts(spec: spec)))
                }
                tally.areas[index].counts.add(chosen)
            }
        }
        return tally
    }
}

extension SurveyTally.Counts {
    /// Adds one valid row: `chosen[q]` is its answer to question `q`, nil when left blank.
    mutating func add(_ chosen: [Int?]) {
        valid += 1
        for (q, answer) in chosen.enumerated() {
            if let answer { answers[q][answer] += 1 } else { unanswered[q] += 1 }
        }
    }
}
