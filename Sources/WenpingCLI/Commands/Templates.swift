import ArgumentParser
import WenpingDocuments

extension WenpingCommand {
    /// `wenping templates export DIR`: the built-in report templates, as an office's starting point.
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "报告模板：写出内置模板，供本单位修改后用 --templates 使用",
            subcommands: [Export.self]
        )

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "把内置的报告模板和说明（README.md）写到目录中",
                discussion: """
                    写出 Markdown 和 HTML 报告的全文模板、Word/PDF 报告的标题页、页眉和落款模板（Mustache 格式）
                    以及列出全部可用名称的 README.md。修改后用 wenping assess/batch/serve 加 --templates 目录 生成报告。
                    目录中已有同名文件时不写任何文件，除非给出 --force。

                    退出码：0 成功；4 无法写出（目录不可写或文件已存在）；64 命令行用法错误。
                    """
            )

            @Argument(help: "输出目录（不存在时创建）")
            var folder: String

            @Flag(help: "覆盖目录中已有的同名文件")
            var force = false

            func run() throws {
                do {
                    let written = try ReportTemplates.export(to: folder, overwrite: force)
                    Console.error("已写出 \(written.count) 个文件到 \(folder)\n")
                } catch let error as DocumentError {
                    Console.error("error: \(error)\n")
                    throw ExitCode.outputFailed
                }
            }
        }
    }
}
