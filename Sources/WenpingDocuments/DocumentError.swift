public import Wenping

/// Why a Word or PDF report could not be made, in Chinese, with the stable code of the problem and what fixes it.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    public let code: DiagnosticCode
    public let message: String

    public var description: String { "\(message) [\(code)]" }

    static let packageFailed = DocumentError(code: .documentPackageFailed, message: "无法生成 Word 文件包（ZIP）")
}
