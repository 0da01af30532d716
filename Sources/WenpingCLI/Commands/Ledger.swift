import ArgumentParser
import Foundation
import WenpingLedger

extension ExitCode {
    /// The ledger's hash chain or database checks failed (an input is invalid).
    static let ledgerBroken = ExitStatus.inputsInvalid.exitCode
    /// The ledger or the backup file could not be opened, read or written.
    static let ledgerIOFailure = ExitStatus.outputFailed.exitCode
}

extension WenpingCommand {
    /// `wenping ledger verify|backup`: check and copy the service's ledger file.
    struct Ledger: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查或备份评估服务的账本（wenping.sqlite）",
            subcommands: [Verify.self, Backup.self]
        )

        /// `wenping ledger verify FILE`.
        struct Verify: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "逐行校验账本的哈希链和数据库完整性，指出第一处被改动的记录",
                discussion: """
                    每条评估记录和审核记录都带有本行内容与上一行的 SHA-256 哈希。verify 按链序号逐行重算，
                    并运行 SQLite 的完整性检查和外键检查。通过时打印检查的行数和链尾哈希（可另行记下，用于日后比对）。

                    退出码：
                      0  账本完好
                      1  哈希链断裂或数据库检查失败（打印第一处出错的表、行号和原因）
                      4  账本文件无法打开或不是 wenping 账本
                    """
            )

            @Argument(help: "账本文件（SQLite）")
            var file: String

            func run() throws {
                let file = file
                try AsyncBridge.run { try await Self.verify(file) }
            }

            static func verify(_ file: String) async throws {
                let ledger: SQLiteLedger
                do {
                    ledger = try SQLiteLedger(path: file, create: false)
                } catch {
                    Console.error("\(file): \(error.description)\n")
                    throw ExitCode.ledgerIOFailure
                }
                let report: ChainReport
                do {
                    report = try await ledger.verify()
                    try await ledger.close()
                } catch {
                    Console.error("\(file): \(error.description)\n")
                    throw ExitCode.ledgerIOFailure
                }
                if let broken = report.firstBreak {
                    Console.error("\(file): 账本校验失败：\(broken)\n")
                    Console.error("此前 \(report.rowsChecked) 行完好；请用备份核对这一行及其后的记录\n")
                    throw ExitCode.ledgerBroken
                }
                print("\(file): 账本完好，共校验 \(report.rowsChecked) 行；链尾哈希 \(report.headHash)")
            }
        }

        /// `wenping ledger backup DEST`.
        struct Backup: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "在服务运行时为账本做在线备份（不会覆盖已有文件）",
                discussion: """
                    退出码：
                      0  备份已写入并校验通过
                      1  备份写入后校验失败
                      4  账本无法打开，或备份文件已存在、无法写入
                    """
            )

            @Argument(help: "备份文件（新文件）")
            var destination: String

            @Option(help: "账本文件")
            var ledger: String = "wenping.sqlite"

            func run() throws {
                let (ledger, destination) = (ledger, destination)
                try AsyncBridge.run { try await Self.backup(ledger, to: destination) }
            }

            static func backup(_ ledger: String, to destination: String) async throws {
                do {
                    let source = try SQLiteLedger(path: ledger, create: false)
                    try await source.backup(to: destination)
                    try await source.close()
                    let copy = try SQLiteLedger(path: destination, create: false)
                    let report = try await copy.verify()
                    try await copy.close()
                    if let broken = report.firstBreak {
                        Console.error("\(destination): 备份校验失败：\(broken)\n")
                        throw ExitCode.ledgerBroken
                    }
                    print("已备份到 \(destination)，校验 \(report.rowsChecked) 行完好；链尾哈希 \(report.headHash)")
                } catch let error as LedgerError {
                    Console.error("\(error.description)\n")
                    throw ExitCode.ledgerIOFailure
                }
            }
        }
    }
}
