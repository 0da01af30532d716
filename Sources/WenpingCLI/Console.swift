import Foundation
import Wenping

/// Where the CLI writes: results to standard output, diagnostics and progress to standard error.
enum Console {
    /// Writes to standard error; control characters from input files (escape sequences, BEL, a bare CR) are shown
    /// as symbols, so a hostile file cannot clear, retitle or overwrite the terminal.
    static func error(_ text: String) {
        let visible = VisibleText.visible(text, keepingNewlines: true)
        FileHandle.standardError.write(Data((colorsStandardError ? TerminalColor.decorate(visible) : visible).utf8))
    }

    /// Writes the program's own terminal control text (the progress line's `\r` and erase sequence) to standard
    /// error unchanged; never pass text that comes from an input here.
    static func control(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether diagnostics on standard error are coloured (a terminal, no `NO_COLOR`).
    static let colorsStandardError = TerminalColor.isEnabled(for: STDERR_FILENO)
    /// Whether diagnostics on standard output (`check`, `test`) are coloured.
    static let colorsStandardOutput = TerminalColor.isEnabled(for: STDOUT_FILENO)
}

/// An output folder, joined with file names (named so as not to shadow the library's path helpers).
struct OutputFolder {
    let folder: String

    init(_ folder: String) {
        self.folder = folder
    }

    func appending(_ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

extension Console {
    /// Writes `text` to standard output whole, or fails with exit status 4 (a full disk, a closed pipe).
    static func output(_ text: String) throws {
        try output(Array(text.utf8))
    }

    /// Writes `report` (bytes: UTF-8 text, or a DOCX/PDF package) to standard output whole, or fails with exit
    /// status 4.
    static func output(_ report: [UInt8]) throws {
        var bytes = report[...]
        try writeAll(&bytes)
    }

    /// Writes diagnostics (`check`, `test` text output) to standard output, coloured on a terminal.
    ///
    /// Control characters from input files are shown as symbols first (see ``error(_:)``).
    static func diagnostics(_ text: String) throws {
        let visible = VisibleText.visible(text, keepingNewlines: true)
        var bytes = Array((colorsStandardOutput ? TerminalColor.decorate(visible) : visible).utf8)[...]
        try writeAll(&bytes)
    }

    private static func writeAll(_ bytes: inout ArraySlice<UInt8>) throws {
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw OutputFailure.fail("无法写出到标准输出（\(errno == ENOSPC ? "磁盘已满" : "输出已关闭或不可写")）")
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
