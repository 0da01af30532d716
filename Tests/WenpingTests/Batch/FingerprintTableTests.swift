import Testing

@testable import Wenping

/// The duplicate-name table: finds every repeat, keeps the first value, grows without losing entries.
struct FingerprintTableTests {
    @Test func findsRepeatsAndKeepsTheFirstValueAcrossGrowth() {
        var table = FingerprintTable(capacity: 16)
        for index in 0..<200_000 {
            #expect(table.insert("GEN-\(index)", value: UInt32(index + 1)) == nil)
        }
        #expect(table.count == 200_000)
        for index in stride(from: 0, to: 200_000, by: 997) {
            #expect(table.insert("GEN-\(index)", value: 0) == UInt32(index + 1))
            #expect(table.value(for: "GEN-\(index)") == UInt32(index + 1))
        }
        #expect(table.value(for: "GEN-200000") == nil)
        #expect(table.count == 200_000)
    }

    @Test func namesThatDifferOnlySlightlyAreDifferent() {
        var table = FingerprintTable()
        #expect(table.insert("XA-2025-001", value: 1) == nil)
        #expect(table.insert("XA-2025-001 ", value: 2) == nil)
        #expect(table.insert("xa-2025-001", value: 3) == nil)
        #expect(table.insert("XA-2025-001", value: 4) == 1)
    }
}
