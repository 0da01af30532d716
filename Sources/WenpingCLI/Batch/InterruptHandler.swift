import ArgumentParser
import Dispatch
import Foundation
import Wenping

extension ExitCode {
    /// The batch was interrupted (Ctrl-C): 128 + SIGINT, as shells report it.
    static let interrupted = ExitCode(130)
    /// The batch was terminated (SIGTERM, sent by `timeout`, systemd and container stops): 128 + SIGTERM.
    static let terminated = ExitCode(143)
}

/// Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop a batch cleanly.
///
/// The first signal sets the batch's ``BatchCancellation``: no new inputs are taken, the ones being graded are
/// finished and the summary is written, marked interrupted; the command then exits 130 (SIGINT) or 143
/// (SIGTERM), as ``exitCode`` says. A second signal exits at once with that status (files being written stay
/// under their hidden temporary names, never half-written under their real ones; the next run into the folder
/// removes them).
final class InterruptHandler: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let lock = NSLock()
    private var received: Int32?

    init(cancellation: BatchCancellation) {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            sources.append(source)
        }
        self.sources = sources
        for (source, number) in zip(sources, [SIGINT, SIGTERM]) {
            source.setEventHandler { [unowned self] in self.handle(number, cancellation: cancellation) }
            source.resume()
        }
    }

    /// The status to exit with after an interrupted batch: 143 when SIGTERM came first, else 130.
    var exitCode: ExitCode {
        lock.lock()
        defer { lock.unlock() }
        return received == SIGTERM ? .terminated : .interrupted
    }

    private func handle(_ number: Int32, cancellation: BatchCancellation) {
        lock.lock()
        if received == nil { received = number }
        lock.unlock()
        let name = number == SIGTERM ? "终止信号（SIGTERM）" : "中断信号"
        if cancellation.isCancelled {
            FileHandle.standardError.write(Data("\n再次收到\(name)：立即退出\n".utf8))
            exit(exitCode.rawValue)
        }
        cancellation.cancel()
        FileHandle.standardError.write(
            Data("\n收到\(name)：不再读取新的输入，正在完成手头的项目并写汇总（再按一次 Ctrl-C 立即退出）\n".utf8))
    }

    /// Restores the default behaviour of both signals.
    func remove() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
