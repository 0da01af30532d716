import Foundation
import Wenping

/// A program on this machine that turns a report into an A4 PDF with its fonts embedded: LibreOffice (from the
/// Word report, so the PDF has the same title page, contents and page numbers) or headless Chromium (from the
/// HTML report, whose print style sets A4).
///
/// Each conversion runs in its own temporary folder with its own LibreOffice profile, so several can run at
/// once; the folder is removed afterwards. The PDF's dates and document id are then fixed (``PDFNormalizer``),
/// so the same report gives the same bytes.
public struct PDFConverter: Sendable {
    public enum Kind: String, Sendable {
        case libreOffice
        case chromium
    }

    public let kind: Kind
    /// The program's path.
    public let executable: String
    /// Seconds a conversion may take before it is stopped.
    public var timeout: Double = 180

    public init(kind: Kind, executable: String) {
        self.kind = kind
        self.executable = executable
    }

    /// Program names tried on `PATH`, in order of preference.
    static let candidates: [(name: String, kind: Kind)] = [
        ("soffice", .libreOffice), ("libreoffice", .libreOffice), ("chromium", .chromium),
        ("chromium-browser", .chromium), ("google-chrome", .chromium),
    ]

    /// Finds a converter.
    ///
    /// - Parameters:
    ///   - choice: nil to take the first of LibreOffice and Chromium found on `PATH`; `libreoffice` or `chromium`
    ///     to look only for that one; or the path of the program (its name tells which kind it is).
    ///   - searchPath: the `PATH` to search, `:`-separated; nil for this process's `PATH`.
    public static func locate(_ choice: String? = nil, searchPath: String? = nil) throws -> PDFConverter {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init)
        if let choice, choice.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: choice) else {
                throw DocumentError(
                    code: .pdfConverterMissing, message: "PDF 转换程序“\(choice)”不存在或不能执行；请给出 soffice 或 chromium 的路径")
            }
            let name = (choice as NSString).lastPathComponent.lowercased()
            if name.contains("office") { return PDFConverter(kind: .libreOffice, executable: choice) }
            if name.contains("chrom") { return PDFConverter(kind: .chromium, executable: choice) }
            throw DocumentError(
                code: .pdfConverterMissing,
                message: "无法判断“\(choice)”是哪种 PDF 转换程序；程序名应含 soffice/libreoffice 或 chromium/chrome")
        }
        let wanted: [(name: String, kind: Kind)]
        switch choice?.lowercased() {
        case nil, "auto": wanted = candidates
        case "libreoffice", "soffice": wanted = candidates.filter { $0.kind == .libreOffice }
        case "chromium", "chrome": wanted = candidates.filter { $0.kind == .chromium }
        case let other?:
            throw DocumentError(
                code: .pdfConverterMissing, message: "不认识的 PDF 转换程序“\(other)”；可用：libreoffice、chromium 或程序路径")
        }
        for candidate in wanted {
            for folder in folders where !folder.isEmpty {
                let path = folder + "/" + candidate.name
                if FileManager.default.isExecutableFile(atPath: path) {
                    return PDFConverter(kind: candidate.kind, executable: path)
                }
            }
        }
        throw missing(tried: wanted.map(\.name))
    }

    /// The error when no converter is found: which packages to install.
    static func missing(tried: [String]) -> DocumentError {
        let names = tried.isEmpty ? "" : "（在 PATH 中找过：\(tried.joined(separator: "、"))）"
        return DocumentError(
            code: .pdfConverterMissing,
            message: "找不到生成 PDF 的程序\(names)。请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer）"
                + "或 Chromium（apt-get install chromium），中文字体可装 fonts-noto-cjk；"
                + "或用 --pdf-converter 给出 soffice 或 chromium 的路径")
    }

    /// Font fallbacks for the conversion.
    ///
    /// The fallbacks of the report's fonts (宋体, 黑体, 仿宋, Times New Roman) on machines without them, as
    /// a fontconfig file that first includes the system's: the Windows names, then the Noto CJK (Simplified
    /// Chinese) and Source Han fonts, then metric-compatible Latin fonts. Without it fontconfig may pick the
    /// Japanese variant of Noto CJK, whose glyphs differ from the mainland standard.
    static let fontConfiguration: String = {
        let fallbacks = [
            ("宋体", ["SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC"]),
            ("黑体", ["SimHei", "Noto Sans CJK SC", "Source Han Sans SC"]),
            ("仿宋", ["FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC"]),
            ("Times New Roman", ["Liberation Serif", "Tinos", "Noto Serif", "DejaVu Serif"]),
        ]
        var out = "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n"
        out += "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
        for (family, alternatives) in fallbacks {
            out += "<alias binding=\"same\"><family>\(family)</family><prefer>"
            out += alternatives.map { "<family>\($0)</family>" }.joined() + "</prefer></alias>\n"
        }
        return out + "</fontconfig>\n"
    }()

    /// Converts `input` (a `.docx` for LibreOffice, an `.html` for Chromium) to PDF bytes.
    func convert(_ input: [UInt8], extension fileExtension: String) throws -> [UInt8] {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent(
            "wenping-pdf-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: folder) }
        let source = folder.appendingPathComponent("report.\(fileExtension)")
        let output = folder.appendingPathComponent("report.pdf")
        try Data(input).write(to: source)
        let profile = folder.appendingPathComponent("profile")
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        environment["TZ"] = "UTC"
        let fonts = folder.appendingPathComponent("fonts.conf")
        try Data(Self.fontConfiguration.utf8).write(to: fonts)
        environment["FONTCONFIG_FILE"] = fonts.path
        let log = folder.appendingPathComponent("converter.log")
        var status: Int32 = 0
        switch kind {
        case .libreOffice:
            // Start once to create the profile, add the macro that updates the contents before exporting, run it.
            let profileArgument = "-env:UserInstallation=\(profile.absoluteString)"
            status = try run(
                ["--headless", "--norestore", "--terminate_after_init", profileArgument], environment, log)
            if LibreOfficeMacro.install(in: profile) {
                environment["WENPING_SOURCE"] = source.path
                environment["WENPING_TARGET"] = output.path
                status = try run(
                    ["--headless", "--norestore", profileArgument, LibreOfficeMacro.url], environment, log)
            }
            if !manager.fileExists(atPath: output.path) {
                // Without the macro the contents keep the chapter titles but get no page numbers.
                status = try run(
                    [
                        "--headless", "--norestore", profileArgument, "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", folder.path, source.path,
                    ], environment, log)
            }
        case .chromium:
            status = try run(
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                    "--print-to-pdf-no-header", "--user-data-dir=\(profile.path)", "--print-to-pdf=\(output.path)",
                    source.absoluteString,
                ], environment, log)
        }
        guard let data = manager.contents(atPath: output.path), data.starts(with: Array("%PDF-".utf8)) else {
            let detail =
                (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").suffix(3)
                .joined(separator: " ") ?? ""
            throw DocumentError(
                code: .pdfConversionFailed,
                message: "PDF 转换程序“\(executable)”没有生成 PDF（退出码 \(status)）" + (detail.isEmpty ? "" : "：\(detail)"))
        }
        return PDFNormalizer.normalize([UInt8](data))
    }

    /// Runs the converter with `arguments`, its output appended to `log`; stops it after ``timeout`` seconds.
    private func run(_ arguments: [String], _ environment: [String: String], _ log: URL) throws -> Int32 {
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        logHandle.seekToEndOfFile()
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw DocumentError(code: .pdfConversionFailed, message: "无法启动 PDF 转换程序“\(executable)”")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw DocumentError(
                code: .pdfConversionFailed, message: "PDF 转换超过 \(Int(timeout)) 秒仍未完成，已停止（\(executable)）")
        }
        return process.terminationStatus
    }
}
