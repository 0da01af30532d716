/// Turns a responses file (CSV, one row per respondent, as Excel or online survey tools export it) into a
/// ``SurveyResult`` according to a ``SurveySpec``.
///
/// ```swift
/// let (spec, _) = SurveySpecLoader.load(file: "spec.yaml")
/// let outcome = SurveyImport.run(spec: spec!, file: "responses.csv")
/// if let result = outcome.result { print(SurveyFragmentWriter.yaml(result)) }
/// ```
///
/// The file must be UTF-8 (a byte order mark is allowed); GBK/GB18030 and UTF-16 are recognised and rejected
/// with a message saying how to re-save the file (E461). Rows that cannot be counted are reported as W540 and
/// listed in the result.
public enum SurveyImport {
    /// What importing gave: the result when any rate could be computed, and every problem found.
    public struct Outcome: Sendable {
        public var result: SurveyResult?
        public var diagnostics: [Diagnostic]
    }

    /// The largest responses file read: 64 MiB (about half a million questionnaires of a dozen questions).
    static let maximumBytes = 64 << 20

    public static func run(spec: SurveySpec, file: String) -> Outcome {
        do throws(FileSystem.Failure) {
            let bytes = try FileSystem.read(FilePath.absolute(file), limit: maximumBytes)
            return run(spec: spec, bytes: bytes, file: file)
        } catch {
            let message = error.isTooLarge ? error.description : "无法读取问卷文件：\(error)"
            return Outcome(diagnostics: [
                .error(error.code, message, at: SourceLocation(file: file, line: 1, column: 1))
            ])
        }
    }

    public static func run(spec: SurveySpec, bytes: [UInt8], file: String) -> Outcome {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let verdict = TextEncodingCheck.check(bytes)
        if let message = TextEncodingCheck.message(verdict, file: FilePath.lastComponent(file)) {
            return Outcome(diagnostics: [.error(.surveyEncoding, message, at: start)])
        }
        var reader = CSVReader(reader: ByteReader(bytes: bytes))
        guard let header = reader.next(), !header.isBlank else {
            return Outcome(diagnostics: [.error(.surveyNoValidRows, "问卷文件是空的；第 1 行应是表头（各题的列名）", at: start)])
        }
        let names = header.fields.map(\.trimmingWhitespace)
        var diagnostics: [Diagnostic] = []
        func column(_ name: String, _ what: String) -> Int? {
            let matches = names.indices.filter { names[$0] == name }
            if matches.count > 1 {
                diagnostics.append(
                    .error(
                        .surveyColumn,
                        "表头中“\(name)”出现了 \(matches.count) 次（第 \(matches.map { String($0 + 1) }.joined(separator: "、")) 列）；"
                            + "请把重复的列改名或删去，使\(what)只对应一列", at: start))
                return nil
            }
            if let index = matches.first { return index }
            var message = "表头中没有\(what)“\(name)”这一列"
            if let guess = suggestion(for: name, among: names) {
                message += "。是否是“\(guess)”？请让调查说明文件中的列名与表头一致"
            } else {
                message += "；表头的列：\(names.joined(separator: "、"))"
            }
            diagnostics.append(.error(.surveyColumn, message, at: start))
            return nil
        }
        let columns = spec.questions.map { column($0.column, "问题“\($0.id)”的列") }
        let idColumn = spec.idColumn.map { column($0, "问卷编号列") }
        let areaColumn = spec.areaColumn.map { column($0, "片区列") }
        guard diagnostics.isEmpty else { return Outcome(diagnostics: diagnostics) }
        let tally = SurveyTally.count(
            &reader, spec: spec, header: names, columns: columns.map { $0! }, idColumn: idColumn ?? nil,
            areaColumn: areaColumn ?? nil)
        if let failure = reader.failure {
            diagnostics.append(.error(.fileUnreadable, "问卷文件\(failure)", at: start))
            return Outcome(diagnostics: diagnostics)
        }
        for problem in tally.problems {
            var message = "第 \(problem.row) 行"
            if let column = problem.column { message += "“\(column)”列" }
            if let value = problem.value, !value.isEmpty { message += "的“\(value)”" }
            message += "：\(problem.reason)；这一行不计入任何比率"
            diagnostics.append(
                .warning(.invalidResponse, message, at: SourceLocation(file: file, line: problem.row, column: 1)))
        }
        guard tally.valid > 0 else {
            diagnostics.append(
                .error(
                    .surveyNoValidRows, "问卷文件没有有效行（共 \(tally.rows) 行数据，均无效），无法计算任何比率；请先改正上面列出的行",
                    at: start))
            return Outcome(diagnostics: diagnostics)
        }
        if let households = spec.households, tally.valid > households {
            diagnostics.append(
                .warning(
                    .coverageAboveAll, "有效问卷 \(tally.valid) 份，多于应调查户数 \(households)；请核对 households 或是否有重复问卷",
                    at: SourceLocation(file: spec.file, line: 1, column: 1)))
        }
        let questions = spec.questions.enumerated().map { q, question in
            SurveyResult.Question(
                id: question.id, label: question.label, column: question.column,
                answers: question.answers.enumerated().map { ($1.value, tally.total.answers[q][$0]) },
                unanswered: tally.total.unanswered[q])
        }
        let areas = tally.areas.map { area in
            SurveyResult.Area(
                name: area.name, valid: area.counts.valid,
                facts: SurveyResult.facts(spec, area.counts, households: nil))
        }
        let result = SurveyResult(
            title: spec.title, method: spec.method, from: spec.from, to: spec.to, households: spec.households,
            source: FilePath.lastComponent(file), sourceDigest: SHA256.hex(bytes),
            specSource: FilePath.lastComponent(spec.file), rows: tally.rows, blank: tally.blank, valid: tally.valid,
            invalidRows: tally.invalidRows, problems: tally.problems, questions: questions,
            facts: SurveyResult.facts(spec, tally.total, households: spec.households), areas: areas,
            areaColumn: spec.areaColumn)
        return Outcome(result: result, diagnostics: diagnostics)
    }
}
