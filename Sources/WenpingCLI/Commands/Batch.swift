import ArgumentParser
import Foundation
import Wenping
import WenpingDocuments

extension WenpingCommand {
    /// `wenping batch INPUT... --output DIR`: grade many projects in parallel, write their reports and a summary.
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "批量评估：目录、JSON Lines 或 CSV 中的项目 → 每个项目的报告和汇总表",
            discussion: """
                输入可以是：
                  目录        递归查找其中的 .yaml/.yml/.json 项目文件（跳过 *.expected.yaml），按路径排序
                  .jsonl 文件 每个非空行是一个项目（JSON）；错误指出文件和行号
                  .csv 文件   第 1 行是列名，之后每行一个项目。列名是项目字段（id、name、kind、jurisdiction、\
                location、applicant、scale、description、measures）或事实项名，也可以写中文名称（项目编号、项目名称、\
                项目类型、所在地区、措施，或规则中事实项的名称，如“被征收户数”）；措施一格里的多个措施 id 用分号隔开；\
                空格子表示没有这项事实。CSV 用 UTF-8 编码（Excel：另存为“CSV UTF-8”）。
                  -           从标准输入读 JSON Lines（每行一个项目），错误中记为“标准输入”
                每个项目的报告写到 --output 目录下的 reports/项目编号.格式（编号中不能用在文件名里的字符\
                换成 _；输入超过 10000 个时分到 256 个子目录 reports/xx/，xx 是文件名（不含扩展名）SHA-256 的\
                前两位十六进制数，见 --shard），另写 summary.csv（带 BOM，\
                Excel 可直接打开）、summary.json 和 index.html（总表和等级分布图）。汇总按输入顺序排列。\
                --compact 把 json 报告写成一行、不缩进（内容与默认格式完全相同，约小三分之一）。--format jsonl 把所有项目的\
                报告写进一个文件 reports.jsonl，供程序读取：第 n 行对应第 n 个输入（即汇总的序号），已评级的项目是它的 json 报告\
                （一行），无效的输入是一行错误记录（schema 为 wenping/batch-error/1，含文件、行号和错误信息），不会跳过。\
                md、html 报告和 docx（Word）、pdf 报告的标题页、页眉和落款可用 --templates 换成本单位的模板；pdf 由 LibreOffice 或 Chromium 转换\
                （--pdf-converter），转换失败的项目在汇总中记为错误，其他项目照常写出。\
                每个文件先写到临时文件再改名，所以只会有完整的文件；重复运行会覆盖上次的结果（内容完全相同的报告文件保留原样，不重写）。\
                一个输入有问题（读不了、格式错、事实不对、没有适用的规则、项目编号重复）不影响其他输入：
                它在汇总中记为一条错误（文件、行号和错误信息；能读出项目编号时也写上编号），错误信息同时输出到标准错误（最多 20 条）。\
                在终端上显示进度：已完成数、总数（JSON Lines 和 CSV 按已读的字节估计）、速度和剩余时间。\
                按 Ctrl-C（或收到 SIGTERM，如 timeout、systemd 停止服务）会停止读取新的输入，完成手头的项目并写出只含已完成部分的汇总，\
                标明“已中断”；被强行终止的运行留下的临时文件，下次输出到同一目录时自动清除。

                退出码：含义见 wenping --help（所有子命令通用）。
                汇总的“数据完整性”列指出缺少评级所需事实的项目；给了 --require-complete 时，有这样的项目退出码为 3。
                """
        )

        @Argument(help: ArgumentHelp("输入：目录、.jsonl 文件、.csv 文件、项目文件，或 - 表示标准输入（JSON Lines）", valueName: "输入"))
        var inputs: [String]

        @Option(help: "输出目录（不存在时创建）")
        var output: String

        @Option(help: RulesLocator.optionHelp)
        var rules: [String] = []

        @Option(help: "指定规则 id（或 id@版本），不按项目类型和地区自动选择")
        var ruleset: String?

        @Option(name: .customLong("as-of"), help: AsOfOption.help)
        var asOf: String?

        @Option(
            help:
                "报告格式：json、jsonl（所有报告写进一个 reports.jsonl，每行一个）、md、html、docx、pdf；可多次给出或用逗号分隔（如 --format json,docx）；默认 json"
        )
        var format: [String] = []

        @Flag(help: "json 报告写成一行、不缩进（内容与默认格式相同，约小三分之一）")
        var compact = false

        @Option(help: ArgumentHelp("报告是否分子目录存放：auto（输入超过 10000 个时）、always、never", valueName: "方式"))
        var shard: ShardOption = .auto

        @OptionGroup var documents: DocumentOptions

        @Flag(help: "只写汇总文件，不写每个项目的报告")
        var summaryOnly = false

        @Option(help: "并行评估的线程数（默认：全部 CPU 核；最多 256）")
        var jobs: Int?

        @Option(name: .customLong("fail-on"), help: ArgumentHelp("落实措施后达到此等级或更高时退出码为 3，如 中 或 高风险", valueName: "等级"))
        var failOn: String?

        @Flag(name: .customLong("require-complete"), help: "有项目数据不完整（缺少评级所需的事实）时退出码为 3")
        var requireComplete = false

        @Flag(help: "不显示进度行和结束时的统计")
        var quiet = false

        /// How many input errors are printed to standard error; the rest are only in the summary.
        static let shownErrors = 20

        /// What `--shard` accepts.
        enum ShardOption: String, ExpressibleByArgument, CaseIterable {
            case auto, always, never

            var sharding: ReportLayout.Sharding {
                switch self {
                case .auto: .auto
                case .always: .always
                case .never: .never
                }
            }
        }

        /// One `--format` value: a report file per project, or the `jsonl` stream.
        enum BatchFormat: Equatable {
            case file(FormatOption)
            case jsonLines

            static let jsonLinesName = ReportWriter.jsonLines.name
        }

        /// The formats asked for, in order, without repeats.
        func formats() throws -> [BatchFormat] {
            if summaryOnly { return [] }
            var result: [BatchFormat] = []
            for value in format.flatMap({ $0.split(separator: ",") }) {
                let name = value.trimmingCharacters(in: .whitespaces)
                let parsed: BatchFormat
                if name == BatchFormat.jsonLinesName {
                    parsed = .jsonLines
                } else if let option = FormatOption(rawValue: name) {
                    parsed = .file(option)
                } else {
                    let known = (FormatOption.allCases.map(\.rawValue) + [BatchFormat.jsonLinesName])
                        .joined(separator: "、")
                    throw ValidationError("不认识的报告格式“\(name)”；可用：\(known)")
                }
                if !result.contains(parsed) { result.append(parsed) }
            }
            return result.isEmpty ? [.file(.json)] : result
        }

        /// The writer of each format asked for; Markdown, HTML, Word and PDF with the templates loaded and the
        /// converter found once for the whole run.
        func writers(_ formats: [BatchFormat]) throws -> [ReportWriter] {
            let options = formats.compactMap { if case .file(let option) = $0 { option } else { nil } }
            let renderer = try documents.renderer(for: options.compactMap(\.document))
            return formats.map { format in
                guard case .file(let option) = format else { return .jsonLines }
                if option == .json { return compact ? .compactJSON : .json }
                if let text = option.format { return renderer.templates.writer(text) }
                let document = option.document ?? .docx
                return ReportWriter(name: option.rawValue, fileExtension: document.fileExtension) {
                    try renderer.render(document, $0)
                }
            }
        }

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs 至少是 1") }
            if let jobs, jobs > BatchRunner.maximumJobs {
                throw ValidationError("--jobs 最多是 \(BatchRunner.maximumJobs)（一般取 CPU 核数即可）")
            }
            if summaryOnly && !format.isEmpty { throw ValidationError("--summary-only 不写报告，不能同时给 --format") }
            if summaryOnly && shard != .auto { throw ValidationError("--summary-only 不写报告，不能同时给 --shard") }
            if let problem = BatchRunner.outputProblem(output, inputs: inputs) { throw ValidationError(problem) }
            let formats = try formats()
            if compact && !formats.contains(.file(.json)) {
                throw ValidationError("--compact 只用于 json 报告（jsonl 本来就是每个报告一行）；请同时给 --format json，或去掉 --compact")
            }
            try AsOfOption.validate(asOf)
        }

        func run() throws {
            let catalog = try RulesLocator.catalog(rules)
            if let ruleset, catalog.ruleSet(id: ruleset) == nil {
                let ids = catalog.ruleSets.filter { !$0.isBase }.map(\.id).joined(separator: "、")
                throw ValidationError("没有 id 为“\(ruleset)”的规则；现有规则：\(ids)")
            }
            let grade = try failOn.map { try GradeOption.resolve($0, in: catalog) }
            let runner = BatchRunner(
                catalog: catalog, override: ruleset, asOf: try AsOfOption.resolve(asOf),
                options: .init(
                    output: output, reports: try writers(formats()), jobs: jobs, failOn: grade,
                    sharding: shard.sharding))
            let cancellation = BatchCancellation()
            let interrupts = InterruptHandler(cancellation: cancellation)
            defer { interrupts.remove() }
            let line = ProgressLine(isEnabled: ProgressLine.isTerminal && !quiet)
            var shown = 0
            let summary: BatchSummary
            do {
                summary = try runner.run(inputs, cancellation: cancellation) { progress in
                    if let issue = progress.issue {
                        shown += 1
                        if shown <= Self.shownErrors {
                            line.clear()
                            Console.error(issue.message)
                        }
                    }
                    line.update(progress)
                }
            } catch {
                line.clear()
                throw OutputFailure.report(error, output: output)
            }
            line.clear()
            if summary.invalid > Self.shownErrors {
                Console.error("……另有 \(summary.invalid - Self.shownErrors) 个无效输入，见 \(output)/summary.csv 的“错误”列\n")
            }
            if summary.interrupted {
                let total = runner.count(inputs).map { "/\($0)" } ?? " 个输入（总数未知）"
                Console.error(
                    "已中断：完成 \(summary.total)\(total)，其中已评级 \(summary.graded) 个、无效 \(summary.invalid) 个；"
                        + "汇总只含已完成的输入，见 \(output)/summary.csv\n")
                throw interrupts.exitCode
            }
            if summary.total == 0 {
                Console.error(
                    "wenping: error: 没有找到任何项目：目录中只查找 .yaml/.yml/.json 文件，JSON Lines 和 CSV 文件请直接给出文件名\n")
                throw ExitCode.inputsInvalid
            }
            if !quiet {
                let grades = summary.distributionAfter.map { "\($0.grade) \($0.count)" }.joined(separator: "、")
                Console.error(
                    "共 \(summary.total) 个输入：已评级 \(summary.graded) 个（措施后 \(grades)），无效 \(summary.invalid) 个；"
                        + (summary.incomplete > 0 ? "数据不完整 \(summary.incomplete) 个（见汇总“数据完整性”列）；" : "")
                        + "汇总见 \(output)/summary.csv、summary.json、index.html\n")
            }
            if summary.invalid > 0 { throw ExitCode.inputsInvalid }
            if summary.reachedThreshold > 0 || (requireComplete && summary.incomplete > 0) {
                throw ExitCode.thresholdReached
            }
        }
    }
}
