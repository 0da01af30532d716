import Foundation
import Wenping

/// `wenping templates export DIR`: the built-in templates written out as an office's starting point, with a
/// README (in Chinese) naming every value a template can show.
extension ReportTemplates {
    /// What each name in ``ReportContext/names`` shows, for the README.
    static let nameDescriptions: [(name: String, meaning: String)] = [
        ("project.id", "项目编号"), ("project.name", "项目名称"), ("project.kind", "项目类型(规则中的 kind)"),
        ("project.kindLabel", "项目类型的中文名称,如 房屋征收"),
        ("project.jurisdiction", "所在地区(完整路径),如 中国/陕西省/西安市"),
        ("project.region", "所在地区(不含“中国”),如 陕西省西安市"),
        ("report.number", "报告编号(项目文件未写时为“未提供”,下同)"), ("report.date", "评估日期"),
        ("report.client", "委托方"), ("assessor.organisation", "评估主体(评估机构)"), ("assessor.lead", "评估负责人"),
        (
            "project.details",
            "项目的其他说明(列表,每项有 label 和 value):{{#project.details}}{{label}}:{{value}}{{/project.details}}"
        ),
        ("before.gradeLabel", "措施前的风险等级名称,如 高风险"), ("before.grade", "措施前的风险等级,如 高"),
        ("before.index", "措施前的综合风险指数"), ("before.indexGrade", "措施前综合指数对应的等级"),
        ("after.gradeLabel", "落实措施后的风险等级名称"), ("after.grade", "落实措施后的风险等级"),
        ("after.index", "落实措施后的综合风险指数"), ("after.indexGrade", "落实措施后综合指数对应的等级"),
        ("decision", "决策建议"), ("gradeMeaning", "所引文件对该等级的表述(标明出处,不是对本项目的认定;没有时为空)"),
        ("mayProceed", "落实措施后是否可以实施(真/假,用于 {{#mayProceed}}…{{/mayProceed}})"),
        ("mainFactors", "主要风险因素名称(列表,用 {{#mainFactors}}{{.}}{{/mainFactors}})"),
        ("warnings", "警告(列表,用 {{#warnings}}{{.}}{{/warnings}})"),
        ("ruleset.title", "评估标准(规则)名称"), ("ruleset.id", "规则 id"), ("ruleset.version", "规则版本"),
        ("ruleset.effective", "规则施行日期(未写时为空)"), ("ruleset.digest", "规则摘要(sha256)"),
        ("engine.version", "wenping 版本"), ("inputDigest", "项目文件摘要(sha256)"),
    ]

    /// The README written beside the exported templates.
    static var readme: String {
        var out = "# 报告模板\n\n"
        out += "这些是 wenping 内置的报告模板(Mustache 格式,UTF-8 编码)。修改后用 `--templates 本目录` 生成报告,"
        out += "目录中的模板替换同名的内置模板;删掉的模板按内置模板生成。文件名不能改:\n\n"
        for template in ReportTemplate.allCases { out += "- `\(template.fileName)`:\(template.purpose)\n" }
        out += "\n## Word/PDF 固定文字的写法\n\n每行是一段。行首是:\n\n"
        out += "- `# `:标题(大号、居中)\n- `## `:副标题(居中)\n- `= `:居中的一行\n- `> `:右对齐的一行(日期、盖章)\n"
        out += "- 其他:左对齐的普通一行;空行是一个空段落,用来留出间距\n\n"
        out += "`{{! … }}` 是注释,不出现在报告中。\n\n## 可用的名称\n\n| 名称 | 内容 |\n|---|---|\n"
        for (name, meaning) in nameDescriptions {
            out += "| `{{\(name)}}` | \(meaning.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        out += "\n名称写错时,wenping 报告错误 E804 并指出文件、行和列,不会生成缺字的报告。\n"
        return out
    }

    /// Writes the built-in templates and the README into `folder` (created when missing).
    ///
    /// - Parameter overwrite: replace files that already exist; when false, an existing file is an error and
    ///   nothing is written.
    /// - Returns: the paths written.
    public static func export(to folder: String, overwrite: Bool) throws -> [String] {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DocumentError(code: .templateExportFailed, message: "无法创建模板目录“\(folder)”(没有写权限或同名文件已存在)")
        }
        let files = ReportTemplate.allCases.map { ($0.fileName, $0.builtInText) } + [("README.md", readme)]
        let paths = files.map { folder.hasSuffix("/") ? folder + $0.0 : folder + "/" + $0.0 }
        if !overwrite, let existing = paths.first(where: { manager.fileExists(atPath: $0) }) {
            throw DocumentError(
                code: .templateExportFailed, message: "“\(existing)”已存在,未写出任何模板;要覆盖请加 --force,或换一个空目录")
        }
        for (path, (_, text)) in zip(paths, files) {
            do {
                try AtomicFile.write(text, to: path)
            } catch {
                throw DocumentError(code: .templateExportFailed, message: "无法写入“\(path)”:\(error)")
            }
        }
        return paths
    }
}
