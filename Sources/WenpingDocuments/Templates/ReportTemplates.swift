import Foundation
import Mustache
public import Wenping

/// The report templates in use: the built-in ones (the Markdown and HTML reports, the Word report's fixed texts),
/// each replaced by the file of the same name in an office's template folder when there is one.
///
/// Every template is parsed once: an office's templates when this value is made, the built-in ones the first
/// time any of them is rendered (``builtIn``, shared by every value). So a batch parses its templates once for all
/// its projects, and a command that writes no Markdown, HTML or Word report parses none.
///
/// Loading checks every template before any report is written: the folder and files are readable UTF-8
/// (E803), every `.mustache` file is a template reports use (E802), the Mustache is well formed (E801) and every
/// name it shows exists (E804), each with its file, line and column. Templates are rendered as plain text (no
/// escaping by Mustache): the values of the Markdown and HTML reports come already escaped for their format, and
/// the Word writer escapes its fixed texts for XML.
public struct ReportTemplates: Sendable {
    /// Problems found while loading, in file and position order; reports must not be written when any is an
    /// error.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The text of each template file read, by path, for showing diagnostics with their source line.
    public private(set) var sources: [String: SourceText] = [:]
    /// The path each template was read from; absent for built-in templates.
    public private(set) var origins: [ReportTemplate: String] = [:]
    private var templates: [ReportTemplate: MustacheTemplate] = [:]

    /// Largest template file read, in bytes.
    static let maximumSize = 1 << 20

    /// The pragma put before every template so values are not HTML-escaped, on a line of its own (a standalone
    /// tag, so it prints nothing and a comment on the template's first line still takes its line with it); line
    /// numbers in Mustache's errors are one more than the template's.
    private static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    /// The built-in templates, all parsed (on first use: Swift initialises a static constant lazily, once).
    ///
    /// Their diagnostics are empty (a test checks it), so a value that leaves a template to these reports the
    /// same problems as one that parsed it itself.
    public static let builtIn: ReportTemplates = {
        var templates = ReportTemplates()
        for template in ReportTemplate.allCases {
            templates.parse(template, text: template.builtInText, file: nil)
        }
        templates.diagnostics.sort()
        return templates
    }()

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    private init() {}

    /// Loads the templates, with the ones in `folder` (if given) replacing the built-in ones of the same name.
    ///
    /// Only the folder's templates are parsed here (and checked: ``diagnostics``); the others are the built-in
    /// ones, parsed when first rendered.
    public init(folder: String?) {
        guard let folder else { return }
        for (template, path, text) in readFolder(folder) {
            origins[template] = path
            sources[path] = SourceText(file: path, text: text)
            parse(template, text: text, file: path)
        }
        diagnostics.sort()
    }

    /// Parses and checks one template (`file` nil for a built-in one); problems go to ``diagnostics``.
    private mutating func parse(_ template: ReportTemplate, text: String, file: String?) {
        let name = file ?? "（内置模板）\(template.fileName)"
        do {
            templates[template] = try MustacheTemplate(string: Self.textPragma + text)
            diagnostics += Self.checkNames(text, file: name, names: template.names)
        } catch let error as MustacheTemplate.ParserError {
            var location = SourceLocation(
                file: name, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
            if case .expectedSectionEnd = error.error as? MustacheTemplate.Error,
                let start = Self.unclosedSection(text, file: name)
            {
                location = start
            }
            diagnostics.append(
                .error(.templateSyntax, "模板语法错误：\(Self.describe(error.error))", at: location))
        } catch {
            diagnostics.append(
                .error(.templateSyntax, "模板语法错误", at: SourceLocation(file: name, line: 1, column: 1)))
        }
    }

    /// The template files of `folder` that replace built-in ones; problems go to ``diagnostics``.
    private mutating func readFolder(_ folder: String) -> [(ReportTemplate, String, String)] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
            let names = try? manager.contentsOfDirectory(atPath: folder)
        else {
            diagnostics.append(
                .error(
                    .templateUnreadable,
                    "模板目录“\(folder)”不存在或无法读取；请给出含 .mustache 文件的目录"
                        + "（可先用 wenping templates export 目录 写出内置模板）",
                    at: SourceLocation(file: folder, line: 1, column: 1)))
            return []
        }
        var found: [(ReportTemplate, String, String)] = []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let stem = String(name.dropLast(".mustache".count))
            guard let template = ReportTemplate(rawValue: stem) else {
                let known = ReportTemplate.allCases.map(\.fileName)
                let nearest = known.min { Self.distance($0, name) < Self.distance($1, name) }
                var message = "“\(name)”不是报告使用的模板，不会被使用；模板文件名只能是：\(known.joined(separator: "、"))"
                if let nearest, Self.distance(nearest, name) <= 4 { message += "。是不是想写“\(nearest)”？" }
                diagnostics.append(
                    .error(.templateUnknown, message, at: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            guard let data = manager.contents(atPath: path), data.count <= Self.maximumSize,
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(
                    .error(
                        .templateUnreadable, "模板文件无法读取、超过 1 MB 或不是 UTF-8 编码；请用 UTF-8 保存",
                        at: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            found.append((template, path, text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text))
        }
        return found
    }

    /// Renders `template` for `context`.
    public func render(_ template: ReportTemplate, _ context: ReportContext) -> String {
        guard let compiled = templates[template] ?? Self.builtIn.templates[template] else { return "" }
        return compiled.render(Self.value(context))
    }

    /// The report of `assessment` in a text format: JSON from the core, Markdown and HTML from their templates.
    public func render(_ format: ReportFormat, _ assessment: Assessment) -> String {
        guard let template = ReportTemplate(format), let context = format.context(assessment) else {
            return JSONReportRenderer.render(assessment)
        }
        return render(template, context)
    }

    /// A batch writer for `format` with these templates.
    public func writer(_ format: ReportFormat) -> ReportWriter {
        if format == .json { return .json }
        return ReportWriter(name: format.rawValue, fileExtension: format.fileExtension) {
            Array(render(format, $0).utf8)
        }
    }

    /// The fixed texts of a Word report for `assessment`.
    public func wordTexts(_ assessment: Assessment) -> WordFixedTexts {
        let context = ReportContext.of(assessment)
        return WordFixedTexts(
            titlePage: render(.titlePage, context), letterhead: render(.letterhead, context),
            signOff: render(.signOff, context))
    }

    /// A context as the values Mustache reads: dictionaries, arrays, strings and booleans.
    static func value(_ context: ReportContext) -> Any {
        switch context {
        case .text(let text): text
        case .flag(let flag): flag
        case .list(let items): items.map(value)
        case .object(let fields):
            Dictionary(fields.map { ($0.0, value($0.1)) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "无法解析" }
        return switch error {
        case .sectionCloseNameIncorrect: "结束标签 {{/…}} 与开始的 {{#…}} 或 {{^…}} 名称不一致"
        case .unfinishedName: "标签没有正确结束，缺少 }}"
        case .expectedSectionEnd: "段落 {{#…}} 没有对应的结束标签 {{/…}}"
        case .invalidSetDelimiter: "更换分隔符的标签 {{=… …=}} 格式不对"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            "继承段落 {{<…}} 中的内容不合规"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "{{%…}} 设置不认识"
        }
    }
}
