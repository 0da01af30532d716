import Foundation
import Testing

@testable import Wenping

struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesFIPSVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func incrementalUpdatesEqualOneShot() {
        let text = Array(String(repeating: "稳评", count: 100).utf8)
        var hasher = SHA256()
        hasher.update(Array(text[..<7]))
        hasher.update(Array(text[7...]))
        #expect(hasher.finalize().hexString == SHA256.hex(text))
    }

    /// Every split of inputs around the block size (55–57 bytes: where padding needs a second block; 63–65 and
    /// 127–129: a block boundary) gives the one-shot digest, and known digests of long inputs hold.
    @Test func blockBoundariesAndLongInputs() {
        for count in [55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1_000] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let whole = SHA256.hex(bytes)
            for cut in [0, 1, 13, 63, 64, 65, count / 2, count - 1, count].filter({ $0 <= count }) {
                var hasher = SHA256()
                hasher.update(Array(bytes[..<cut]))
                hasher.update([])
                hasher.update(Array(bytes[cut...]))
                #expect(hasher.finalize().hexString == whole, "\(count) bytes cut at \(cut)")
            }
        }
        // FIPS 180-4 examples: one million "a", and the two-block 112-byte message.
        #expect(
            SHA256.hex(Array(repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(
            SHA256.hex(
                Array(
                    ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                        + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        var text = SHA256()
        text.update("稳评")
        #expect(text.finalize().hexString == SHA256.hex(Array("稳评".utf8)))
    }

    /// The processor's SHA instructions (where it has them: `CSHA256`) and the Swift rounds give the same digest
    /// for every length from 0 to 300 bytes and for long inputs, whole or in pieces; and the Swift rounds alone
    /// still match a FIPS example.
    @Test func processorInstructionsAndSwiftRoundsAgree() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: seed >> 56)
        }
        for count in Array(0...300) + [1_000, 4_096, 65_537] {
            let bytes = (0..<count).map { _ in next() }
            var hardware = SHA256(usesExtensions: true)
            var swift = SHA256(usesExtensions: false)
            for piece in stride(from: 0, to: max(count, 1), by: 97) {
                let end = min(count, piece + 97)
                hardware.update(Array(bytes[piece..<end]))
                swift.update(Array(bytes[piece..<end]))
            }
            #expect(hardware.finalize() == swift.finalize(), "\(count) bytes")
        }
        #if os(Linux) && arch(x86_64)
        // The instructions are found where the kernel lists them (so the comparison above compared two ways).
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        {
            #expect(SHA256.processorHasExtensions == flags.split(separator: " ").contains("sha_ni"))
        }
        #endif
        var swift = SHA256(usesExtensions: false)
        swift.update(Array("abc".utf8))
        #expect(swift.finalize().hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
