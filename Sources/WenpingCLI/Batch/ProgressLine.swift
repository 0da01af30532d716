import Dispatch
import Foundation
import Wenping

/// The single progress line a batch shows on a terminal: done/total, rate, failures and time left, redrawn in
/// place (`\r`) at most ten times a second.
///
/// Draws nothing when standard error is not a terminal or `--quiet` was given, so logs and pipes stay clean.
final class ProgressLine {
    let isEnabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var isShown = false

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Whether standard error is a terminal.
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func update(_ progress: BatchProgress) {
        guard isEnabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw >= 100_000_000 || progress.done == progress.total else { return }
        lastDraw = now
        Console.control("\r" + Self.text(progress, seconds: Double(now - start) / 1e9) + "\u{1B}[K")
        isShown = true
    }

    /// Removes the line, so other text can be written on a clean line.
    func clear() {
        guard isShown else { return }
        Console.control("\r\u{1B}[K")
        isShown = false
    }

    /// `已完成 1234/5000(24%) · 每秒 456 个 · 无效 3 · 剩余约 0:08`; without total, percentage and time left when
    /// the total is not known.
    static func text(_ progress: BatchProgress, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(progress.done) / seconds : 0
        var parts: [String] = []
        if let total = progress.total, total > 0 {
            parts.append("已完成 \(progress.done)/\(total)（\(progress.done * 100 / total)%）")
        } else if let fraction = progress.fractionRead, fraction > 0, progress.done > 0 {
            // JSON Lines and CSV: the total is estimated from the share of the file read so far.
            let estimate = max(progress.done, Int((Double(progress.done) / fraction).rounded()))
            parts.append("已完成 \(progress.done)/约 \(estimate)（\(Int(fraction * 100))%）")
        } else {
            parts.append("已完成 \(progress.done)")
        }
        parts.append("每秒 \(Int(rate.rounded())) 个")
        parts.append("无效 \(progress.invalid)")
        if let total = progress.total, rate > 0, progress.done < total {
            parts.append("剩余约 \(duration(Double(total - progress.done) / rate))")
        } else if progress.total == nil, let fraction = progress.fractionRead, fraction > 0, fraction < 1 {
            parts.append("剩余约 \(duration(seconds * (1 - fraction) / fraction))")
        }
        return parts.joined(separator: " · ")
    }

    /// `0:08`, `12:34`, `1:02:03`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let tail = String(format: "%02d", rest)
        return hours > 0 ? "\(hours):\(String(format: "%02d", minutes)):\(tail)" : "\(minutes):\(tail)"
    }
}
