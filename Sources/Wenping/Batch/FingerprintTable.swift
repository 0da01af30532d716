/// A compact map from strings to small numbers that keeps a 64-bit fingerprint of each string, not the string.
///
/// Used by ``NameRegistry`` to find repeated report names in batches of millions of projects with flat memory:
/// 12 bytes a slot (8 for the fingerprint, 4 for the value), at most 4 slots for every 3 names, so a million
/// names take 25 MB, where a `[String: Int]` took over 100 MB. Open addressing with linear probing; the
/// fingerprints are SipHash values (Swift's `Hasher`, seeded per process). Two different strings share a
/// fingerprint with probability 2⁻⁶⁴ per pair: about 3 × 10⁻⁸ over a whole batch of a million names.
///
/// The slots are split into ``shardCount`` tables by the fingerprint's top bits, each growing on its own: growing
/// one holds its old and new slots at once, a 64th of the table, where a single table would briefly need half as
/// much again as its final size (12 MB more at a million names).
struct FingerprintTable {
    /// Tables the fingerprints are spread over (by their top 6 bits).
    static let shardCount = 64

    private var shards: [Shard]
    private(set) var count = 0

    init(capacity: Int = 1024) {
        let perShard = max(1, capacity / Self.shardCount)
        shards = (0..<Self.shardCount).map { _ in Shard(capacity: perShard) }
    }

    /// The fingerprint of `text`; never 0, which marks an empty slot.
    static func fingerprint(_ text: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(text)
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        return hash == 0 ? 1 : hash
    }

    private static func shard(of fingerprint: UInt64) -> Int { Int(truncatingIfNeeded: fingerprint >> 58) }

    /// The value stored for `text`, or `nil`.
    func value(for text: String) -> UInt32? {
        let fingerprint = Self.fingerprint(text)
        return shards[Self.shard(of: fingerprint)].value(for: fingerprint)
    }

    /// Stores `value` for `text` unless it already has one; returns the earlier value if it had.
    mutating func insert(_ text: String, value: UInt32) -> UInt32? {
        let fingerprint = Self.fingerprint(text)
        let earlier = shards[Self.shard(of: fingerprint)].insert(fingerprint, value: value)
        if earlier == nil { count += 1 }
        return earlier
    }

    /// One open-addressing table of fingerprints (linear probing, at most 3 names for every 4 slots).
    private struct Shard {
        private var fingerprints: [UInt64]
        private var values: [UInt32]
        private var count = 0

        init(capacity: Int) {
            var slots = 16
            while slots < capacity { slots *= 2 }
            fingerprints = [UInt64](repeating: 0, count: slots)
            values = [UInt32](repeating: 0, count: slots)
        }

        func value(for fingerprint: UInt64) -> UInt32? {
            let mask = fingerprints.count - 1
            var slot = Int(truncatingIfNeeded: fingerprint) & mask
            while fingerprints[slot] != 0 {
                if fingerprints[slot] == fingerprint { return values[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }

        mutating func insert(_ fingerprint: UInt64, value: UInt32) -> UInt32? {
            if (count + 1) * 4 > fingerprints.count * 3 { grow() }
            let mask = fingerprints.count - 1
            var slot = Int(truncatingIfNeeded: fingerprint) & mask
            while fingerprints[slot] != 0 {
                if fingerprints[slot] == fingerprint { return values[slot] }
                slot = (slot + 1) & mask
            }
            fingerprints[slot] = fingerprint
            values[slot] = value
            count += 1
            return nil
        }

        private mutating func grow() {
            let oldFingerprints = fingerprints
            let oldValues = values
            fingerprints = [UInt64](repeating: 0, count: oldFingerprints.count * 2)
            values = [UInt32](repeating: 0, count: oldFingerprints.count * 2)
            let mask = fingerprints.count - 1
            for (index, fingerprint) in oldFingerprints.enumerated() where fingerprint != 0 {
                var slot = Int(truncatingIfNeeded: fingerprint) & mask
                while fingerprints[slot] != 0 { slot = (slot + 1) & mask }
                fingerprints[slot] = fingerprint
                values[slot] = oldValues[index]
            }
        }
    }
}
