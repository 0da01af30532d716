import ArgumentParser
import Foundation
import Logging
import WenpingDocuments
import WenpingServer

extension WenpingCommand {
    /// `wenping serve`: the assessment service with its ledger.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "启动评估服务（HTTP JSON 接口，评估记录存入账本）",
            discussion: """
                默认在 127.0.0.1:8080 监听，账本为当前目录下的 wenping.sqlite；规则的查找顺序与其他命令相同（--rules、WENPING_RULES、当前目录的 Rules/、安装位置的规则）。
                首次启动时创建管理员 admin，并在标准错误打印一次性密码（或用 --admin-password-file 指定）。
                接口说明见 /api/v1/openapi.json。报告可取 json、md、html、docx、pdf 格式；md、html 报告和 docx/pdf 的标题页、\
                页眉和落款可用 --templates 换成本单位的模板（启动时检查，有错误则不启动）；pdf 用 --pdf-converter 给出的程序（none 表示\
                不提供 PDF），未给出时在 PATH 中找 LibreOffice 或 Chromium，找不到时 pdf 请求答复 503。收到 SIGINT/SIGTERM 时处理完进行中的请求、关闭账本后退出。

                环境变量（命令行参数优先）：WENPING_HOST、WENPING_PORT、WENPING_RULES、WENPING_LEDGER、
                WENPING_TLS_CERT、WENPING_TLS_KEY、WENPING_ADMIN_PASSWORD_FILE、WENPING_JOBS、WENPING_TEMPLATES、
                WENPING_PDF_CONVERTER、LOG_LEVEL（如 info、notice）。

                退出码：
                  2    规则文件有错误（服务未启动）
                  4    账本、证书或密码文件无法读写，或 --pdf-converter 给出的程序不存在
                  64   用法错误，或报告模板有错误
                  130  收到 SIGINT 后正常关闭
                  143  收到 SIGTERM 后正常关闭
                """
        )

        @Option(help: "监听地址（默认 127.0.0.1；环境变量 WENPING_HOST）")
        var host: String?

        @Option(help: "端口（默认 8080；0 表示由系统分配；环境变量 WENPING_PORT）")
        var port: Int?

        @Option(help: RulesLocator.optionHelp)
        var rules: [String] = []

        @Option(help: "账本文件（默认 wenping.sqlite；环境变量 WENPING_LEDGER）")
        var ledger: String?

        @Option(name: .customLong("tls-cert"), help: "TLS 证书链（PEM）；与 --tls-key 同时给出时只提供 HTTPS")
        var tlsCert: String?

        @Option(name: .customLong("tls-key"), help: "TLS 私钥（PEM）")
        var tlsKey: String?

        @Option(name: .customLong("admin-password-file"), help: "首次启动时管理员 admin 的密码文件")
        var adminPasswordFile: String?

        @Option(name: .customLong("jobs-folder"), help: "批量评估任务的目录（默认 wenping-jobs；环境变量 WENPING_JOBS）")
        var jobsFolder: String?

        @Option(name: .customLong("max-body-bytes"), help: "请求正文上限（字节，默认 4194304）")
        var maxBodyBytes: Int?

        @Option(name: .customLong("bcrypt-cost"), help: "bcrypt 计算强度（4–31，默认 12）")
        var bcryptCost: UInt8?

        @OptionGroup var documents: DocumentOptions

        func validate() throws {
            if let port, !(0...65535).contains(port) { throw ValidationError("--port 应在 0 到 65535 之间") }
            if let bcryptCost, !(4...31).contains(bcryptCost) { throw ValidationError("--bcrypt-cost 应在 4 到 31 之间") }
            if let maxBodyBytes, maxBodyBytes < 1024 { throw ValidationError("--max-body-bytes 至少 1024") }
        }

        func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws
            -> ServerConfiguration
        {
            var configuration = ServerConfiguration()
            configuration.host = host ?? environment["WENPING_HOST"] ?? configuration.host
            if let port {
                configuration.port = port
            } else if let text = environment["WENPING_PORT"] {
                guard let value = Int(text), (0...65535).contains(value) else {
                    throw ValidationError("环境变量 WENPING_PORT 应为 0 到 65535 之间的整数")
                }
                configuration.port = value
            }
            // Found as every other command finds them (--rules, WENPING_RULES, ./Rules, the installed rules).
            do {
                configuration.rules = try RulesLocator(environment: environment).locate(rules).paths
            } catch {
                throw ValidationError(error.description)
            }
            configuration.ledger = ledger ?? environment["WENPING_LEDGER"] ?? configuration.ledger
            configuration.tlsCertificate = tlsCert ?? environment["WENPING_TLS_CERT"]
            configuration.tlsKey = tlsKey ?? environment["WENPING_TLS_KEY"]
            configuration.adminPasswordFile = adminPasswordFile ?? environment["WENPING_ADMIN_PASSWORD_FILE"]
            configuration.jobsFolder = jobsFolder ?? environment["WENPING_JOBS"] ?? configuration.jobsFolder
            if let maxBodyBytes { configuration.maxBodyBytes = maxBodyBytes }
            if let bcryptCost { configuration.bcryptCost = bcryptCost }
            configuration.reportTemplates = documents.templates ?? environment["WENPING_TEMPLATES"]
            configuration.pdfConverter = documents.pdfConverter ?? environment["WENPING_PDF_CONVERTER"]
            return configuration
        }

        func run() throws {
            let configuration = try settings()
            try AsyncBridge.run { try await Self.serve(configuration) }
        }

        static func serve(_ configuration: ServerConfiguration) async throws {
            var logger = Logger(label: "wenping.serve")
            logger.logLevel =
                ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
            do {
                let status = try await WenpingService.run(configuration, logger: logger) { line in
                    Console.error(line)
                }
                throw status == ExitStatus.interrupted.rawValue
                    ? ExitStatus.interrupted.exitCode : ExitStatus.terminated.exitCode
            } catch let failure as StartFailure {
                Console.error(failure.description + "\n")
                throw ExitCode(failure.exitCode)
            }
        }
    }
}
