import Foundation
import Wenping

/// `wenping templates export DIR`: the built-in templates written out as an office's starting point, with a
/// README (in Chinese) naming every value a template can show.
extension ReportTemplates {
    /// What each name in ``ReportContext/names`` shows, for the README.
    static let nameDescriptions: [(name: String, meaning: String)] = [
        ("project.id", "项目编号"), ("project.name", "项目名称"), ("project.kind", "项目类型（规则中的 kind）"),
        ("project.kindLabel", "项目类型的中文名称，如 房屋征收"),
        ("project.jurisdiction", "所在地区（完整路径），如 中国/陕西省/西安市"),
        ("project.region", "所在地区（不含“中国”），如 陕西省西安市"),
        ("report.number", "报告编号（项目文件未写时为“未提供”，下同）"), ("report.date", "评估日期"),
        ("report.client", "委托方"), ("assessor.organisation", "评估主体（评估机构）"), ("assessor.lead", "评估负责人"),
        (
            "project.details",
            "项目的其他说明（列表，每项有 label 和 value）：{{#project.details}}{{label}}:{{value}}{{/project.details}}"
        ),
        ("before.gradeLabel", "措施前的风险等级名称，如 高风险"), ("before.grade", "措施前的风险等级，如 高"),
        ("before.index", "措施前的综合风险指数"), ("before.indexGrade", "措施前综合指数对应的等级"),
        ("after.gradeLabel", "落实措施后的风险等级名称"), ("after.grade", "落实措施后的风险等级"),
        ("after.index", "落实措施后的综合风险指数"), ("after.indexGrade", "落实措施后综合指数对应的等级"),
        ("decision", "决策建议"), ("gradeMeaning", "所引文件对该等级的表述（标明出处，不是对本项目的认定；没有时为空）"),
        ("mayProceed", "落实措施后是否可以实施（真/假，用于 {{#mayProceed}}…{{/mayProceed}}）"),
        ("mainFactors", "主要风险因素名称（列表，用 {{#mainFactors}}{{.}}{{/mainFactors}}）"),
        ("warnings", "警告（列表，用 {{#warnings}}{{.}}{{/warnings}}）"),
        ("ruleset.title", "评估标准（规则）名称"), ("ruleset.id", "规则 id"), ("ruleset.version", "规则版本"),
        ("ruleset.effective", "规则施行日期（未写时为空）"), ("ruleset.expires", "规则停止施行日期（未写时为空）"),
        ("ruleset.versionChoice", "规则版本如何选定（按评估日期/指定日期/最新版本/指定版本；与日期无关时为空）"),
        ("ruleset.digest", "规则摘要（sha256）"),
        ("engine.version", "wenping 版本"), ("inputDigest", "项目文件摘要（sha256）"),
    ]

    /// What each further name of the Markdown and HTML reports shows, for the README; items of a list are
    /// described as `列表名.项目名`.
    static let reportNameDescriptions: [(name: String, meaning: String)] = [
        ("reportFields", "报告编号、评估日期、委托方（列表：label、value）"),
        ("banners", "报告开头的提示（列表：kind、title、hasLines、lines）"), ("headline", "评估结论一句话（仅 Markdown）"),
        ("incomplete", "数据是否不完整（真/假，仅 HTML）"), ("afterTone, beforeTone", "等级徽章的颜色类名（仅 HTML）"),
        ("hasDecisive, decisiveReasons", "决定落实措施后等级的情形（hasDecisive 仅 HTML）"),
        ("overview", "项目概况表（列表：label、value）"),
        ("sections.environment / assessor / process / opinions / emergency", "项目文件中的各部分，各有 title 和 body（已排好的正文）"),
        ("citations", "评估依据（列表）"), ("effectiveClause", "规则施行期的分句，如“，2025-01-01 起施行，2026-01-01 起停止施行”（可为空）"),
        ("versionClause", "规则版本如何选定的分句，写在右括号后，如“；按评估日期 2025-06-30 施行的版本评估”（可为空）"),
        ("method", "评估方法说明"), ("facts", "事实表（列表：label、value、note）"), ("survey", "入户调查部分（有调查时）"),
        ("matrixFigure, contributionFigure", "风险矩阵图和贡献图（SVG，仅 HTML）"),
        (
            "estimates",
            "风险识别和估计表（列表：number、category、stage、label、probability、impact、degree、weight、basis、reasons）"
        ),
        ("excluded", "不适用的风险因素（有时）"), ("experts", "专家评分部分（项目文件有专家评分时）"),
        ("beforeOutcome, afterOutcome", "措施前和落实措施后的结论句 sentence 与理由 reasons（列表：text、decisive）"),
        ("measures", "措施表（列表：factor、label、owner、assisting、deadline、adopted、outcome）"),
        ("afterRows", "落实措施后的风险等级表（列表：label、probability、impact、degree）"),
        ("mainFactorList", "主要风险因素（有时）"), ("findings", "合法性等各方面的结论（列表：category、text）"),
        ("decisionBasis", "决策建议的依据分句（可为空）"), ("gradeMeaningNote", "所引文件对该等级的表述（有时）"),
        ("hasRequired, required", "以落实为前提的已采纳措施（hasRequired 仅 HTML）"),
        ("hasSuggested, suggested", "建议增加的措施"), ("signOff", "签署表（列表：role、name、date）"),
    ]

    /// The README written beside the exported templates.
    static var readme: String {
        var out = "# 报告模板\n\n"
        out += "这些是 wenping 内置的报告模板（Mustache 格式，UTF-8 编码）。修改后用 `--templates 本目录` 生成报告，"
        out += "目录中的模板替换同名的内置模板；删掉的模板按内置模板生成。文件名不能改：\n\n"
        for template in ReportTemplate.allCases { out += "- `\(template.fileName)`:\(template.purpose)\n" }
        out += "\n## Word/PDF 固定文字（docx-*.mustache）的写法\n\n每行是一段。行首是：\n\n"
        out += "- `# `：标题（大号、居中）\n- `## `：副标题（居中）\n- `= `：居中的一行\n- `> `：右对齐的一行（日期、盖章）\n"
        out += "- 其他：左对齐的普通一行；空行是一个空段落，用来留出间距\n\n"
        out += "`{{! … }}` 是注释，不出现在报告中。\n\n## 可用的名称\n\n| 名称 | 内容 |\n|---|---|\n"
        for (name, meaning) in nameDescriptions {
            out += "| `{{\(name)}}` | \(meaning.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        out += "\n## Markdown 和 HTML 报告\n\n`report.md.mustache` 和 `report.html.mustache` 是报告全文：标题、固定的文字、"
        out += "各部分的顺序和表格的排法都在模板里，HTML 模板还含样式表。值已经按格式转义（Markdown 表格单元格、HTML），"
        out += "模板中写 `{{名称}}` 即可，不要再转义；body、图和部分单元格是排好的 Markdown 或 HTML。"
        out += "单独占一行的 `{{#…}}`、`{{/…}}`、`{{^…}}` 和注释连同换行一起不输出。列表中可用 `{{^first()}}…{{/first()}}` "
        out += "在第一项之外加分隔符。除上表的名称外还可用：\n\n| 名称 | 内容 |\n|---|---|\n"
        for (name, meaning) in reportNameDescriptions {
            out += "| `\(name)` | \(meaning.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        out += "\n名称写错时，wenping 报告错误 E804 并指出文件、行和列，不会生成缺字的报告。\n"
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
            throw DocumentError(code: .templateExportFailed, message: "无法创建模板目录“\(folder)”（没有写权限或同名文件已存在）")
        }
        let files = ReportTemplate.allCases.map { ($0.fileName, $0.builtInText) } + [("README.md", readme)]
        let paths = files.map { folder.hasSuffix("/") ? folder + $0.0 : folder + "/" + $0.0 }
        if !overwrite, let existing = paths.first(where: { manager.fileExists(atPath: $0) }) {
            throw DocumentError(
                code: .templateExportFailed, message: "“\(existing)”已存在，未写出任何模板；要覆盖请加 --force，或换一个空目录")
        }
        for (path, (_, text)) in zip(paths, files) {
            do {
                try AtomicFile.write(text, to: path)
            } catch {
                throw DocumentError(code: .templateExportFailed, message: "无法写入“\(path)”：\(error)")
            }
        }
        return paths
    }
}
