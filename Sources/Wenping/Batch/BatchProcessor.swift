import Foundation

/// Grades one batch item and writes its reports: what each worker thread does with every item it takes.
///
/// Never throws and never stops the batch: whatever goes wrong with one input (unreadable, invalid, a duplicate
/// id, a report that cannot be written) becomes that input's ``BatchIssue``.
struct BatchProcessor: Sendable {
    let loader: ProjectLoader
    let reports: [ReportWriter]
    /// Where the report files go (and how the summary links them).
    let layout: ReportLayout
    /// The grade id of `--fail-on`, if given.
    let failOn: String?
    let names: NameRegistry
    /// The summary label of each jurisdiction, shared by the workers.
    let jurisdictionLabels = JurisdictionLabels()

    /// Grades the items of `chunk`, one row each in the chunk's order, with their summary lines rendered so the
    /// thread that writes the summary files only has to copy them.
    ///
    /// In two passes: every item is read first and the chunk's report names are claimed at once (one wait for the
    /// earlier chunks, ``NameRegistry``), then the projects are graded and their reports written.
    ///
    /// Once `cancelled` is true, no further item is started: the rows of the items finished so far come back
    /// (fewer than the chunk's items), so an interrupted batch stops after at most one project per worker.
    func process(_ chunk: BatchChunk, pages: WrittenPages? = nil, cancelled: () -> Bool) -> [BatchRow] {
        var read: [Read] = []
        read.reserveCapacity(chunk.items.count)
        for (offset, item) in chunk.items.enumerated() {
            if cancelled() { break }
            read.append(self.read(item, sequence: chunk.first + offset))
        }
        // Every item's turn is taken, read or not, so the next chunk's worker does not wait for ever.
        var claimed = read.map(\.name)
        claimed += repeatElement(nil, count: chunk.items.count - claimed.count)
        let earlier = names.claim(claimed, first: chunk.first)
        var rows: [BatchRow] = []
        rows.reserveCapacity(read.count)
        for index in read.indices {
            if cancelled() { break }
            var row = grade(read[index], earlier: earlier[index], pages: pages)
            read[index].project = nil  // Graded: only its row is kept.
            row.lines = SummaryWriter.lines(row, jurisdictionLabel: jurisdictionLabels.label(row.jurisdiction))
            rows.append(row)
        }
        return rows
    }

    /// An item read: its row so far and, when it is a project, the project and its report file name.
    private struct Read {
        var row: BatchRow
        var project: Project?
        var name: String?
    }

    /// Reads item number `sequence` (0-based) into a project, or into a row with its issue.
    private func read(_ item: BatchItem, sequence: Int) -> Read {
        let (file, line) = item.position
        var row = BatchRow(sequence: sequence + 1, file: file, line: line)
        let (result, writtenID) = load(item)
        switch result {
        case .failure(let issue):
            row.line = issue.line
            row.issue = issue
            // The id written in an invalid input, when it could be read, so the row can be found by it too.
            row.id = writtenID
            return Read(row: row)
        case .success(let loaded):
            let project = loaded.project
            row.warnings = loaded.warnings.map { BatchRow.Warning(code: $0.code.rawValue, message: $0.message) }
            row.id = project.id
            row.name = project.name
            row.kind = project.kind
            row.kindLabel = project.ruleSet.kindLabel(for: project.kind)
            row.jurisdiction = project.jurisdiction
            return Read(row: row, project: project, name: AtomicFile.safeName(project.id))
        }
    }

    /// Grades a project read, unless an earlier item (1-based `earlier`) holds its report name, and writes its
    /// reports.
    private func grade(_ read: Read, earlier: Int?, pages: WrittenPages?) -> BatchRow {
        var row = read.row
        guard let project = read.project, let name = read.name else { return row }
        let (file, line) = (row.file, row.line)
        if let earlier {
            let extensions = reports.filter { !$0.isStream }.map { "\(name).\($0.fileExtension)" }
                .joined(separator: "、")
            row.issue = .error(
                "项目编号“\(project.id)”与第 \(earlier) 项重复（报告文件名都是 \(extensions)），未写出报告，以免覆盖；请给每个项目不同的编号",
                file: file, line: line)
            return row
        }
        let assessment = Engine.evaluate(project)
        row.grading = Self.grading(assessment)
        if let failOn, let threshold = assessment.ruleSet.gradeIDs.firstIndex(of: failOn) {
            row.reachedThreshold = assessment.severityAfter >= threshold
        }
        for report in reports {
            let bytes: [UInt8]
            do {
                bytes = try report.render(assessment)
            } catch {
                row.issue = .error("项目已评级，但 \(report.name) 报告生成失败：\(error)", file: file, line: line)
                return row
            }
            if report.isStream {
                row.streamed = bytes
                continue
            }
            do {
                row.reports.append(
                    try layout.write(bytes, name: name, fileExtension: report.fileExtension, pages: pages))
            } catch {
                row.issue = .error("项目已评级，但报告写不出来：\(error)", file: file, line: line)
                return row
            }
        }
        return row
    }

    /// The project an item describes, or the issue that stops it from being one; and the project id written in
    /// the input, when it could be read (``ProjectLoader/Output/projectID``).
    private func load(_ item: BatchItem) -> (Result<Loaded, BatchIssue>, String?) {
        switch item {
        case .failure(let issue):
            return (.failure(issue), nil)
        case .file(let path):
            let output = loader.load(file: path)
            return (Self.result(output, file: path, lineOffset: 0), output.projectID)
        case .line(let file, let number, let bytes):
            let output = loader.load(bytes: bytes, file: file, jsonLine: true)
            return (Self.result(output, file: file, lineOffset: number - 1), output.projectID)
        case .row(let table, let record):
            let csv = CSVProject(table: table, record: record, catalog: loader.catalog, override: loader.override)
            if !csv.problems.isEmpty {
                return (.failure(Self.issue(csv.problems, source: nil, file: table.file, lineOffset: 0)), csv.writtenID)
            }
            var output = loader.load(bytes: Array(csv.text.utf8), file: table.file)
            output.diagnostics = output.diagnostics.map(csv.diagnostic)
            output.source = nil
            return (Self.result(output, file: table.file, lineOffset: 0), output.projectID)
        }
    }

    /// A project that loaded, with the warnings about it (the version choice, missing expert scores …).
    struct Loaded {
        let project: Project
        let warnings: [Diagnostic]
    }

    private static func result(_ output: ProjectLoader.Output, file: String, lineOffset: Int) -> Result<
        Loaded, BatchIssue
    > {
        let errors = output.diagnostics.filter { $0.severity == .error }
        if let project = output.project, errors.isEmpty {
            return .success(Loaded(project: project, warnings: output.diagnostics.filter { $0.severity == .warning }))
        }
        let shown = errors.isEmpty ? output.diagnostics : errors
        return .failure(issue(shown, source: output.source, file: file, lineOffset: lineOffset))
    }

    /// The issue for `diagnostics`, rendered with the source line and caret when the text is available.
    ///
    /// `lineOffset` moves every location in `file` down by that many lines: a JSON Lines line is loaded as a
    /// one-line file, and its diagnostics are shown at the line's real number.
    ///
    /// Bounded whatever the input: at most ``maximumDiagnosticsPerRow`` diagnostics are shown (then a count of
    /// the rest), each quoting at most a window of its line, and the text is cut at ``maximumMessageLength``.
    static func issue(_ diagnostics: [Diagnostic], source: SourceText?, file: String, lineOffset: Int) -> BatchIssue {
        let all = diagnostics.sorted()
        let counted = all.filter { $0.code == .diagnosticsOmitted }
        let listed = all.filter { $0.code != .diagnosticsOmitted }
        var sorted = Array(listed.prefix(maximumDiagnosticsPerRow))
        if listed.count > sorted.count, let next = listed.dropFirst(sorted.count).first {
            sorted.append(
                .error(
                    .diagnosticsOmitted,
                    "另有 \(listed.count - sorted.count) 个问题未在此列出；请先改正列出的问题",
                    at: next.location))
        }
        sorted += counted
        guard let first = sorted.first else {
            return .error("无法读取这个项目（原因不明）", file: file, line: lineOffset > 0 ? lineOffset + 1 : nil)
        }
        let issue = rendered(sorted, first: first, source: source, file: file, lineOffset: lineOffset)
        return BatchIssue(file: issue.file, line: issue.line, message: bounded(issue.message))
    }

    /// The most diagnostics a batch row lists.
    static let maximumDiagnosticsPerRow = 5
    /// The longest error text a batch row keeps, in Unicode scalars.
    static let maximumMessageLength = 4_000

    /// `message` cut at ``maximumMessageLength`` scalars.
    static func bounded(_ message: String) -> String {
        let scalars = message.unicodeScalars
        guard let cut = scalars.index(scalars.startIndex, offsetBy: maximumMessageLength, limitedBy: scalars.endIndex),
            cut != scalars.endIndex
        else { return message }
        return String(String.UnicodeScalarView(scalars[..<cut])) + "…（错误信息过长，已截断）\n"
    }

    private static func rendered(
        _ sorted: [Diagnostic], first: Diagnostic, source: SourceText?, file: String, lineOffset: Int
    ) -> BatchIssue {
        let formatter = DiagnosticFormatter(sources: source.map { [$0.file: $0] } ?? [:])
        guard lineOffset != 0 else {
            return BatchIssue(file: file, line: first.location.line, message: formatter.format(sorted))
        }
        let move = { (location: SourceLocation) -> SourceLocation in
            var moved = location
            if location.file == file { moved.line += lineOffset }
            return moved
        }
        let excerpt = { (location: SourceLocation, length: Int) -> String in
            guard let line = source?.line(location.line), location.file == file else { return "" }
            return lineExcerpt(
                String(line), file: file, column: location.column, length: length, number: location.line + lineOffset)
        }
        var text = ""
        for diagnostic in sorted {
            let location = move(diagnostic.location)
            text +=
                "\(location): \(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(VisibleText.visible(diagnostic.message))\n"
            text += excerpt(diagnostic.location, diagnostic.length)
            for note in diagnostic.notes {
                if let place = note.location {
                    text += "\(move(place)): note: \(VisibleText.visible(note.message))\n"
                    text += excerpt(place, 1)
                } else {
                    text += "note: \(VisibleText.visible(note.message))\n"
                }
            }
        }
        return BatchIssue(file: file, line: move(first.location).line, message: text)
    }

    /// The quoted line and caret for a diagnostic in a (long) JSON Lines line: at most
    /// ``DiagnosticFormatter/excerptWidth`` columns around the column, cut with `…`, numbered as line `number`.
    static func lineExcerpt(_ line: String, file: String, column: Int, length: Int, number: Int) -> String {
        let text = SourceText(file: file, text: line)
        let excerpt = DiagnosticFormatter(sources: [file: text]).excerpt(
            at: SourceLocation(file: file, line: 1, column: column), length: length)
        return renumber(excerpt, as: number)
    }

    /// A ``DiagnosticFormatter`` excerpt (numbered source line, caret line) with its line number replaced.
    static func renumber(_ excerpt: String, as line: Int) -> String {
        let parts = excerpt.split(separator: "\n", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return excerpt }
        let number = String(line)
        let gutter = String(repeating: " ", count: max(4, number.count + 1))
        let numbered = String(repeating: " ", count: gutter.count - number.count) + number
        let body = { (part: Substring) in part.range(of: " |").map { part[$0.lowerBound...] } ?? part }
        return "\(numbered)\(body(parts[0]))\n\(gutter)\(body(parts[1]))\n"
    }

    /// The summary values of an assessment.
    static func grading(_ assessment: Assessment) -> BatchRow.Grading {
        let ruleSet = assessment.ruleSet
        // The same contributions, and the same order, as ReportModel's main factors.
        // By index, so that no factor (a large struct) is copied.
        let factors = ruleSet.factors
        let results = assessment.factors
        var weightSum = 0.0
        for index in 0..<min(factors.count, results.count) {
            weightSum += results[index].applicability.isApplicable ? factors[index].weight : 0
        }
        var contributions: [(index: Int, value: Double)] = []
        if weightSum > 0 {
            let probabilities = ruleSet.probabilityScale.levels
            let impacts = ruleSet.impactScale.levels
            for index in results.indices where results[index].applicability.isApplicable {
                let before = results[index].before
                let score = probabilities[before.probability].value * impacts[before.impact].value
                let contribution = factors[index].weight * score / weightSum
                if contribution > 0 { contributions.append((index, contribution)) }
            }
        }
        let main = contributions.sorted { ($0.value, -$0.index) > ($1.value, -$1.index) }.prefix(3).map(\.index)
        return BatchRow.Grading(
            ruleSet: ruleSet, gradeBefore: assessment.gradeBefore, gradeAfter: assessment.gradeAfter,
            severityAfter: assessment.severityAfter, indexBefore: assessment.indexBefore,
            indexAfter: assessment.indexAfter, mainFactors: main, missingFacts: assessment.missingFacts,
            defaultedCount: assessment.defaultedFacts.count, versionChoice: assessment.project.versionChoice)
    }
}
