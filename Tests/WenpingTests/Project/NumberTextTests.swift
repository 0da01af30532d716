import Testing

@testable import Wenping

/// Numbers as Chinese users type them become the numbers they mean; anything ambiguous stays unparsed.
struct NumberTextTests {
    @Test(arguments: [
        ("１２００", 1200.0), ("1,200", 1200), ("1，200", 1200), ("１，２００", 1200), ("12,345,678.5", 12_345_678.5),
        ("－３", -3), ("0．35", 0.35), ("　８　", 8),
    ])
    func readsFullWidthDigitsAndThousandsSeparators(text: String, expected: Double) {
        #expect(NumberText.number(text) == expected)
    }

    @Test(arguments: [("３５％", 0.35), ("35％", 0.35), ("１２.５％", 0.125), ("1,050%", 10.5)])
    func readsFullWidthPercentSigns(text: String, expected: Double) {
        #expect(NumberText.number(text, percent: true) == expected)
    }

    @Test(arguments: ["1,2", "12,34", "1,2345", ",100", "1,,000", "1,000.x", "一千二", "1200", "35%", "abc"])
    func leavesAmbiguousOrAlreadyPlainTextAlone(text: String) {
        #expect(NumberText.number(text, percent: true) == nil)
    }
}
