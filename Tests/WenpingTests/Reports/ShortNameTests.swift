import Testing

@testable import Wenping

/// A basis document's short name read scalar by scalar (the fast path) is the one read by `Character`.
struct ShortNameTests {
    @Test func everyRulesetTitleGetsTheSameShortNameByScalarsAndByCharacters() {
        let titles = FixtureTests.catalog.ruleSets.flatMap { $0.basis.map(\.title) }
        #expect(titles.count >= 10)
        for title in titles {
            #expect(ReportModel.shortName(title) == ReportModel.shortNameByCharacters(title), "\(title)")
        }
        #expect(ReportModel.shortName("《国有土地上房屋征收与补偿条例》（国务院令第590号）") == "国务院令第590号")
        #expect(ReportModel.shortName("粤建房〔2011〕64号(广东省…)") == "粤建房〔2011〕64号")
        #expect(ReportModel.shortName("甲（《乙》第1号）") == "《乙》")
        #expect(ReportModel.shortName("《甲》（\u{3000}乙第2号 ）") == "乙第2号")
        #expect(ReportModel.shortName("《西安市国有土地上房屋征收社会稳定风险评估实施细则》") == "《西安市国有土地上房屋征收社会稳定风险评估实施细则》")
    }

    @Test func randomTitlesGetTheSameShortNameByScalarsAndByCharacters() {
        // Pieces that steer every branch, plus scalars that join their neighbours (a combining accent, a
        // zero-width joiner, CR LF, a halfwidth voiced mark) so that titles with them take the Character path.
        let pieces = [
            "《", "》", "（", "）", "(", ")", "〔", "〕", "号", "第", "590", "条例", "办法", " ", "\u{3000}", "、",
            "\u{301}", "\u{200D}", "\r\n", "\u{FF9E}", "ｱ", "é", "e\u{301}", "）\u{301}", "号\u{20DD}",
        ]
        var random = SplitMix64(seed: 590)
        for _ in 0..<20_000 {
            var title = ""
            for _ in 0..<Int(random.next() % 12) { title += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(
                ReportModel.shortName(title) == ReportModel.shortNameByCharacters(title), "\(title.debugDescription)")
        }
    }

    @Test func scalarsThatStandAloneAreEachTheirOwnCharacter() {
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF9D,
        ]
        for range in ranges {
            for value in range {
                let scalar = Unicode.Scalar(value)!
                #expect(ReportModel.standsAlone(scalar))
                let text = "（\(scalar)号\(scalar)\(scalar)）"
                #expect(text.count == 6, "U+\(String(value, radix: 16))")
            }
        }
        #expect(!ReportModel.standsAlone("\u{301}") && !ReportModel.standsAlone("\u{302A}"))
        #expect(!ReportModel.standsAlone("\u{FF9E}") && !ReportModel.standsAlone("\r"))
    }
}
