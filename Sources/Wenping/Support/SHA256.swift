import CSHA256

/// SHA-256 (FIPS 180-4), for the content digests that reports carry as provenance.
///
/// Incremental: ``update(_:)`` any number of times, then ``finalize()`` once. Small and dependency-free; it
/// hashes rule files and every project input of a batch (about 1.5 KB each), so blocks are hashed in place, with
/// the processor's SHA instructions where it has them (the `CSHA256` target; about a tenth of the time) and this
/// file's Swift code elsewhere. Both give the same digests (FIPS 180-4; the tests compare them).
struct SHA256 {
    /// Whether this processor has the SHA extensions, so blocks go to `CSHA256`.
    static let processorHasExtensions = wenping_sha256_has_extensions() != 0

    /// Kₜ of FIPS 180-4 §4.2.2, from the one table `CSHA256` keeps for both implementations.
    private static let k: [UInt32] = withUnsafeBytes(of: wenping_sha256_round_constants) {
        Array($0.bindMemory(to: UInt32.self))
    }

    /// The eight working words H0…H7 of FIPS 180-4 §6.2.
    private var h0: UInt32 = 0x6a09_e667
    private var h1: UInt32 = 0xbb67_ae85
    private var h2: UInt32 = 0x3c6e_f372
    private var h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f
    private var h5: UInt32 = 0x9b05_688c
    private var h6: UInt32 = 0x1f83_d9ab
    private var h7: UInt32 = 0x5be0_cd19
    /// Bytes passed in that do not fill a 64-byte block yet (always fewer than 64).
    private var buffer: [UInt8] = []
    /// Bytes passed in so far.
    private var length: UInt64 = 0
    /// Blocks are hashed with the processor's SHA instructions, not the Swift rounds.
    private let usesExtensions: Bool

    /// A hasher; `usesExtensions: false` hashes with the Swift rounds even where the processor has the SHA
    /// instructions (for tests that compare the two).
    init(usesExtensions: Bool = SHA256.processorHasExtensions) {
        self.usesExtensions = usesExtensions && Self.processorHasExtensions
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Hashes `bytes` in place: whole blocks are read where they lie, only a tail shorter than a block is copied.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var offset = 0
        if !buffer.isEmpty {
            offset = min(64 - buffer.count, bytes.count)
            buffer.append(contentsOf: UnsafeRawBufferPointer(start: base, count: offset))
            guard buffer.count == 64 else { return }
            buffer.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
            buffer.removeAll(keepingCapacity: true)
        }
        let blocks = (bytes.count - offset) / 64
        if blocks > 0 {
            compress(base + offset, blocks: blocks)
            offset += 64 * blocks
        }
        if offset < bytes.count {
            buffer.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
        }
    }

    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The digest of everything passed to ``update(_:)``.
    mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail = buffer
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBytes { tail in compress(tail.baseAddress!, blocks: tail.count / 64) }
        buffer = []
        return [h0, h1, h2, h3, h4, h5, h6, h7].flatMap { word in
            (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * $0)) }
        }
    }

    /// The digest of `bytes` as lowercase hex.
    static func hex(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize().hexString
    }

    /// One round of FIPS 180-4 §6.2.2 step 3, `kw` being Kₜ + Wₜ: adds T₁ to `d` and makes `h` T₁ + T₂ (the
    /// caller renames the eight variables for the next round).
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
        _ h: inout UInt32, _ kw: UInt32
    ) {
        let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ (g ^ (e & (f ^ g))) &+ kw
        let t2 = (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) | (c & (a | b)))
        d &+= t1
        h = t1 &+ t2
    }

    /// Mixes the `blocks` 64-byte blocks from `start` into the state (FIPS 180-4 §6.2.2), read where they lie.
    private mutating func compress(_ start: UnsafeRawPointer, blocks: Int) {
        guard usesExtensions else {
            for index in 0..<blocks { compress(start + 64 * index) }
            return
        }
        var state = (h0, h1, h2, h3, h4, h5, h6, h7)
        withUnsafeMutableBytes(of: &state) { words in
            wenping_sha256_blocks(
                words.baseAddress!.assumingMemoryBound(to: UInt32.self), start.assumingMemoryBound(to: UInt8.self),
                blocks)
        }
        (h0, h1, h2, h3, h4, h5, h6, h7) = state
    }

    /// Mixes the 64-byte block at `block` into the state with the Swift rounds (FIPS 180-4 §6.2.2).
    ///
    /// The message schedule lives on the stack and the block is read where it lies: no allocation, no copy.
    private mutating func compress(_ block: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
            }
            for i in 16..<64 {
                let s0 = w[i - 15].rotatedRight(7) ^ w[i - 15].rotatedRight(18) ^ (w[i - 15] &>> 3)
                let s1 = w[i - 2].rotatedRight(17) ^ w[i - 2].rotatedRight(19) ^ (w[i - 2] &>> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
            Self.k.withUnsafeBufferPointer { k in
                // Eight rounds a turn, the variables' roles rotating in the arguments instead of by seven moves a
                // round.
                for i in stride(from: 0, to: 64, by: 8) {
                    Self.round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                    Self.round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                    Self.round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                    Self.round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                    Self.round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
                    Self.round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
                    Self.round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
                    Self.round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
                }
            }
            h0 &+= a
            h1 &+= b
            h2 &+= c
            h3 &+= d
            h4 &+= e
            h5 &+= f
            h6 &+= g
            h7 &+= h
        }
    }
}

extension UInt32 {
    /// Rotated right by `count` bits (0 < `count` < 32): masking shifts, which the compiler turns into one `ror`.
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self &>> count) | (self &<< (32 &- count)) }
}

extension [UInt8] {
    /// Lowercase hexadecimal, two digits per byte.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
