import ArgumentParser
import Dispatch
import Foundation
import Wenping

extension ExitCode {
    /// The batch was interrupted (Ctrl-C): 128 + SIGINT, as shells report it.
    static let interrupted = ExitCode(130)
}

/// Turns Ctrl-C (SIGINT) into a request to stop a batch cleanly.
///
/// The first Ctrl-C sets the batch's ``BatchCancellation``: no new inputs are taken, the ones being graded are
/// finished and the summary is written. A second Ctrl-C exits at once (files being written stay under their
/// hidden temporary names, never half-written under their real ones).
final class InterruptHandler {
    private let source: any DispatchSourceSignal

    init(cancellation: BatchCancellation) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if cancellation.isCancelled {
                FileHandle.standardError.write(Data("\n再次中断:立即退出\n".utf8))
                exit(ExitCode.interrupted.rawValue)
            }
            cancellation.cancel()
            FileHandle.standardError.write(Data("\n收到中断信号:不再读取新的输入,正在完成手头的项目并写汇总(再按一次 Ctrl-C 立即退出)\n".utf8))
        }
        source.resume()
    }

    /// Restores the default Ctrl-C behaviour.
    func remove() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
