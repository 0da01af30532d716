import ArgumentParser
import Foundation
import Wenping

/// The `--format` values, mapped onto the library's ``ReportFormat``.
enum FormatOption: String, ExpressibleByArgument, CaseIterable {
    case json
    case md
    case html

    var format: ReportFormat {
        switch self {
        case .json: .json
        case .md: .markdown
        case .html: .html
        }
    }
}

extension WenpingCommand {
    /// `wenping assess PROJECT...`: grade projects and write their reports.
    struct Assess: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "按规则给项目评级,生成评估报告",
            discussion: """
                读取项目文件(YAML 或 JSON),按项目类型(kind)和所在地区(jurisdiction)选用规则目录中最具体的规则,
                评估措施前后的风险等级并生成报告。只有一个项目且未指定 --output 时,报告输出到标准输出;
                否则每个项目写成 --output 目录下的“项目编号.md/.json/.html”。错误信息输出到标准错误。

                退出码:
                  0  所有项目都已评级(且未达到 --fail-on 的等级)
                  1  有项目文件无效(其余项目照常评级)
                  2  规则文件有错误(未评级任何项目)
                  3  给了 --fail-on,且有项目落实措施后达到该等级
                """
        )

        @Argument(help: "项目文件(.yaml/.yml/.json)")
        var projects: [String]

        @Option(help: "规则目录或文件")
        var rules: [String] = ["Rules"]

        @Option(help: "指定规则 id,不按项目类型和地区自动选择")
        var ruleset: String?

        @Option(help: "报告格式:md、json 或 html")
        var format: FormatOption = .md

        @Option(help: "输出目录;不给时报告输出到标准输出(仅限一个项目)")
        var output: String?

        @Option(name: .customLong("fail-on"), help: "落实措施后达到此等级(如 中 或 高)时退出码为 3")
        var failOn: String?

        func validate() throws {
            if output == nil && projects.count > 1 {
                throw ValidationError("评估多个项目时请用 --output 指定输出目录")
            }
        }

        func run() throws {
            let catalog = RuleSetCatalog(paths: rules)
            let rulesFormatter = DiagnosticFormatter(sources: catalog.sources)
            if catalog.hasErrors {
                Console.error(rulesFormatter.format(catalog.diagnostics.filter { $0.severity == .error }))
                Console.error("规则文件有错误,未评估任何项目;请先运行 wenping check 修正\n")
                throw ExitCode.rulesInvalid
            }
            var threshold: Int?
            if let failOn {
                let grades = Set(catalog.ruleSets.flatMap { $0.gradeIDs })
                guard grades.contains(failOn) else {
                    throw ValidationError("--fail-on 的等级“\(failOn)”不存在;可用:\(grades.sorted().joined(separator: "、"))")
                }
                threshold = catalog.ruleSets.compactMap { $0.gradeIDs.firstIndex(of: failOn) }.first
            }
            if let output { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
            let loader = ProjectLoader(catalog: catalog, override: ruleset)
            var invalid = 0
            var reached = false
            var written: Set<String> = []
            for file in projects {
                let loaded = loader.load(file: file)
                let formatter = DiagnosticFormatter(sources: loaded.source.map { [file: $0] } ?? [:])
                let errors = loaded.diagnostics.filter { $0.severity == .error }
                guard let project = loaded.project, errors.isEmpty else {
                    Console.error(formatter.format(loaded.diagnostics))
                    invalid += 1
                    continue
                }
                let assessment = Engine.evaluate(project)
                if let threshold, assessment.severityAfter >= threshold { reached = true }
                let report = format.format.render(assessment)
                guard let output else {
                    print(report, terminator: "")
                    continue
                }
                let name = AtomicFile.safeName(project.id)
                guard written.insert(name).inserted else {
                    Console.error("\(file): error: 项目编号“\(project.id)”与前面的项目重复,未写出报告(避免覆盖)\n")
                    invalid += 1
                    continue
                }
                let path = OutputFolder(output).appending("\(name).\(format.format.fileExtension)")
                try AtomicFile.write(report, to: path)
                Console.error("\(file) → \(path):措施前\(assessment.gradeBefore),措施后\(assessment.gradeAfter)\n")
            }
            if invalid > 0 { throw ExitCode.inputsInvalid }
            if reached { throw ExitCode.thresholdReached }
        }
    }
}
