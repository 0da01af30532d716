import ArgumentParser
import Wenping

extension WenpingCommand {
    /// `wenping survey RESPONSES.csv --spec SPEC.yaml`: questionnaire responses in, project facts out.
    struct Survey: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "把问卷调查结果（CSV）按调查说明计算成项目事实：反对率、支持率、知晓率、覆盖率等",
            discussion: """
                读取问卷导出的 CSV（每行一份问卷，第 1 行为表头，UTF-8 编码；GBK 编码会被识别并提示如何另存为 UTF-8），
                按调查说明文件（--spec）把各列的答案归类，计算各项比率及其样本量和 95% 置信区间（Wilson 方法）、
                覆盖率、各题各答案的户数和按片区的分列。无法计数的行（答案不在可选范围内、必答题未答、问卷编号重复、
                列数不对）逐行列出，不计入任何比率。

                输出 survey 段（YAML，或 --format json），可整段放进项目文件中与 facts 同级；
                规则中可用 lower(x)、upper(x)、sample(x) 读取比率的区间下限、上限和样本量。
                --summary 写出计算说明（.md 为 Markdown，.json 为 JSON）：每项事实的算式和无效行明细。

                退出码：0 成功；1 有无效行（其余行已计入，结果照常写出），或问卷文件无法读取、不是 UTF-8、
                缺少列、没有有效行（不输出结果）；2 调查说明文件有错误；4 结果无法写入；64 命令行用法错误。
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case yaml, json
        }

        @Argument(help: "问卷结果 CSV 文件（UTF-8，每行一份问卷）")
        var responses: String

        @Option(help: "调查说明文件（YAML）：列与问题、答案与事实的对应")
        var spec: String

        @Option(help: "输出格式：yaml 或 json")
        var format: Format = .yaml

        @Option(help: "把 survey 段写入这个文件（默认输出到标准输出）")
        var output: String?

        @Option(help: "把计算说明写入这个文件（.md 或 .json）")
        var summary: String?

        func validate() throws {
            if let summary, !summary.hasSuffix(".md"), !summary.hasSuffix(".json") {
                throw ValidationError("--summary 的文件名应以 .md 或 .json 结尾，这里是“\(summary)”")
            }
        }

        func run() throws {
            let (loadedSpec, specDiagnostics) = SurveySpecLoader.load(file: spec)
            if !specDiagnostics.isEmpty {
                Console.error(DiagnosticFormatter(sources: [:]).format(specDiagnostics))
            }
            guard let loadedSpec else {
                Console.error("调查说明文件有错误，没有计算；请按上面的提示修改“\(spec)”\n")
                throw ExitCode.rulesInvalid
            }
            let outcome = SurveyImport.run(spec: loadedSpec, file: responses)
            let invalidRows = outcome.diagnostics.filter { $0.code == .invalidResponse }
            let others = outcome.diagnostics.filter { $0.code != .invalidResponse }
            // A survey with many bad rows would flood the terminal: show the first few, the summary has them all.
            let shown = 20
            var lines = DiagnosticFormatter(sources: [:]).format(Array(invalidRows.prefix(shown)) + others)
            if invalidRows.count > shown {
                lines += "……另有 \(invalidRows.count - shown) 行无效，完整列表见 --summary 写出的计算说明\n"
            }
            if !lines.isEmpty { Console.error(lines) }
            guard let result = outcome.result else {
                Console.error("没有得出调查结果\n")
                throw ExitCode.inputsInvalid
            }
            let fragment = format == .json ? SurveyFragmentWriter.json(result) : SurveyFragmentWriter.yaml(result)
            if let summary {
                let text =
                    summary.hasSuffix(".json")
                    ? SurveySummaryRenderer.json(result) : SurveySummaryRenderer.markdown(result)
                try OutputFailure.write(text, to: summary)
            }
            if let output {
                try OutputFailure.write(fragment, to: output)
            } else {
                print(fragment, terminator: "")
            }
            Console.error("有效问卷 \(result.valid) 份，无效 \(result.invalidRows.count) 份，空行 \(result.blank) 行\n")
            if !result.invalidRows.isEmpty { throw ExitCode.inputsInvalid }
        }
    }
}
