import ArgumentParser
import Foundation
import Wenping
import WenpingDocuments

/// The `--format` values, mapped onto the library's ``ReportFormat`` or the documents' ``DocumentFormat``.
enum FormatOption: String, ExpressibleByArgument, CaseIterable {
    case json
    case md
    case html
    case docx
    case pdf

    /// The text format, or nil for a document format.
    var format: ReportFormat? {
        switch self {
        case .json: .json
        case .md: .markdown
        case .html: .html
        case .docx, .pdf: nil
        }
    }

    /// The document format, or nil for a text format.
    var document: DocumentFormat? {
        switch self {
        case .docx: .docx
        case .pdf: .pdf
        default: nil
        }
    }

    var fileExtension: String { format?.fileExtension ?? document?.fileExtension ?? rawValue }
}

extension WenpingCommand {
    /// `wenping assess PROJECT...`: grade projects and write their reports.
    struct Assess: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "按规则给项目评级，生成评估报告",
            discussion: """
                读取项目文件（YAML 或 JSON），按项目类型（kind）和所在地区（jurisdiction）选用规则目录中最具体的规则，\
                评估措施前后的风险等级并生成报告。只有一个项目且未指定 --output 时，报告输出到标准输出；\
                否则每个项目写成 --output 目录下的“项目编号.md/.json/.html/.docx/.pdf”。错误信息输出到标准错误。\
                在终端上评估多个项目时显示进度。

                项目文件写成 - 时从标准输入读一个项目（YAML 或 JSON），例：
                  cat 项目.json | wenping assess - --format json
                JSON Lines 或 CSV 文件（每行一个项目）请用 wenping batch。

                退出码：含义见 wenping --help（所有子命令通用）。
                数据不完整（缺少评级所需的事实）时，报告开头有醒目提示，标准错误也会列出缺少的事实；\
                用了规则默认值的事实也在报告开头列出。--require-complete 时数据不完整的退出码为 3。
                """
        )

        @Argument(help: ArgumentHelp("项目文件（.yaml/.yml/.json）；- 表示从标准输入读一个项目", valueName: "项目文件"))
        var projects: [String]

        @Option(help: RulesLocator.optionHelp)
        var rules: [String] = []

        @Option(help: "指定规则 id（或 id@版本），不按项目类型和地区自动选择")
        var ruleset: String?

        @Option(name: .customLong("as-of"), help: AsOfOption.help)
        var asOf: String?

        @Option(help: "报告格式：md 为 Markdown，html 为可打印的网页，docx 为 Word 文档，pdf 为 PDF（需要 LibreOffice 或 Chromium）")
        var format: FormatOption = .md

        @OptionGroup var documents: DocumentOptions

        @Option(help: "输出目录；不给时报告输出到标准输出（仅限一个项目）")
        var output: String?

        @Option(name: .customLong("fail-on"), help: ArgumentHelp("落实措施后达到此等级或更高时退出码为 3，如 中 或 高风险", valueName: "等级"))
        var failOn: String?

        @Flag(name: .customLong("require-complete"), help: "有项目数据不完整（缺少评级所需的事实）时退出码为 3")
        var requireComplete = false

        func validate() throws {
            if output == nil && projects.count > 1 {
                throw ValidationError("评估多个项目时请用 --output 指定输出目录")
            }
            if projects.count(where: { $0 == ProjectInput.standardInput }) > 1 {
                throw ValidationError("标准输入（-）只能给一次")
            }
            try AsOfOption.validate(asOf)
        }

        func run() throws {
            let catalog = try RulesLocator.catalog(rules)
            var threshold: Int?
            if let failOn {
                let grade = try GradeOption.resolve(failOn, in: catalog)
                threshold = catalog.ruleSets.compactMap { $0.gradeIDs.firstIndex(of: grade) }.first
            }
            let renderer = try documents.renderer(for: format.document.map { [$0] } ?? [])
            if let output { try OutputFailure.createFolder(output) }
            let loader = ProjectLoader(catalog: catalog, override: ruleset, asOf: try AsOfOption.resolve(asOf))
            var invalid = 0
            var reached = false
            var incomplete = false
            var written: Set<String> = []
            let line = ProgressLine(isEnabled: ProgressLine.isTerminal && projects.count > 1)
            defer { line.clear() }
            for (index, file) in projects.enumerated() {
                line.update(BatchProgress(done: index, invalid: invalid, total: projects.count))
                guard let loaded = ProjectInput.load(file, with: loader) else {
                    invalid += 1
                    continue
                }
                let formatter = DiagnosticFormatter(sources: loaded.output.source.map { [loaded.name: $0] } ?? [:])
                guard let project = loaded.output.project, !loaded.output.hasErrors else {
                    line.clear()
                    Console.error(formatter.format(loaded.output.diagnostics))
                    invalid += 1
                    continue
                }
                // Warnings about the choice of rules (W545, W546) and the facts; the project is still graded.
                if !loaded.output.diagnostics.isEmpty {
                    line.clear()
                    Console.error(formatter.format(loaded.output.diagnostics))
                }
                let assessment = Engine.evaluate(project)
                if let threshold, assessment.severityAfter >= threshold { reached = true }
                let missing = assessment.missingFacts
                if !missing.isEmpty {
                    incomplete = true
                    let names = missing.map { "“\($0)”" }.joined(separator: "、")
                    Console.error("\(file): warning: 数据不完整：缺少\(names)，有关判断按规则的缺失数据原则作出，见报告开头\n")
                }
                let report: [UInt8]
                if let text = format.format {
                    report = Array(renderer.templates.render(text, assessment).utf8)
                } else {
                    do {
                        report = try renderer.render(format.document ?? .docx, assessment)
                    } catch {
                        Console.error("\(file): error: 报告生成失败：\(error)\n")
                        throw ExitCode.outputFailed
                    }
                }
                guard let output else {
                    try Console.output(report)
                    continue
                }
                let name = AtomicFile.safeName(project.id)
                guard written.insert(name).inserted else {
                    line.clear()
                    Console.error("\(loaded.name): error: 项目编号“\(project.id)”与前面的项目重复，未写出报告（避免覆盖）\n")
                    invalid += 1
                    continue
                }
                let path = OutputFolder(output).appending("\(name).\(format.fileExtension)")
                try OutputFailure.write(report, to: path)
                if !line.isEnabled {
                    Console.error("\(loaded.name) → \(path)：措施前\(assessment.gradeBefore)，措施后\(assessment.gradeAfter)\n")
                }
            }
            if invalid > 0 { throw ExitCode.inputsInvalid }
            if reached || (requireComplete && incomplete) { throw ExitCode.thresholdReached }
        }
    }
}
