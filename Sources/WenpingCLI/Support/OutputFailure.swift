import ArgumentParser
import Foundation
import Wenping

/// Output that cannot be written: said in Chinese (never Foundation's own English) with exit status 4.
enum OutputFailure {
    /// Creates `folder` (and its parents) or fails with exit status 4.
    static func createFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw fail("无法创建输出目录“\(folder)”：已有同名文件；请换一个目录名")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw fail("无法创建输出目录“\(folder)”：上级目录不存在、不是目录或没有写权限")
        }
    }

    /// Writes `text` to `path` whole (``AtomicFile``) or fails with exit status 4.
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` (a Word or PDF report) to `path` whole or fails with exit status 4.
    static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw fail(chinese(error, fallback: "无法写入“\(path)”（目录不存在、磁盘已满或没有写权限）"))
        }
    }

    /// Prints the failure of a whole run (a batch's output folder or summary) and returns exit status 4.
    static func report(_ error: any Error, output: String) -> ExitCode {
        fail(chinese(error, fallback: "无法写出到输出目录“\(output)”（目录不存在、不是目录、磁盘已满或没有写权限）"))
    }

    /// Prints `message` as an output diagnostic (E620) and returns exit status 4.
    static func fail(_ message: String) -> ExitCode {
        Console.error("wenping: error[\(DiagnosticCode.outputUnwritable)]: \(message)\n")
        return .outputFailed
    }

    /// The error's own text when the library phrased it in Chinese, else `fallback`: Foundation's messages are
    /// English and name internal details.
    static func chinese(_ error: any Error, fallback: String) -> String {
        let text = String(describing: error)
        let isChinese = text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        return isChinese && !text.contains("NSCocoaErrorDomain") ? text : fallback
    }
}
