import Foundation

/// What the running fuzz target does with each input; set once by ``runFuzzer(_:)`` before fuzzing starts.
nonisolated(unsafe) private var fuzzOne: (([UInt8]) -> Void)?

/// libFuzzer's driver, linked in by `-sanitize=fuzzer`: parses libFuzzer's command-line flags, then calls
/// `callback` with every input it generates (the bytes and their count) until a limit or a finding stops it.
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer with this process's arguments, calling `body` with each input, and exits with its status
/// (0 when the time or run limit was reached without a finding).
public func runFuzzer(_ body: @escaping ([UInt8]) -> Void) -> Never {
    fuzzOne = body
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(
        llvmFuzzerRunDriver(&argc, &argv) { data, count in
            fuzzOne?(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
            return 0
        })
}
