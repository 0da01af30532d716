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
}
