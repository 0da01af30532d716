import Testing

@testable import Wenping

/// The region a report names: the jurisdiction path without the country, whitespace and empty parts.
struct JurisdictionLabelTests {
    @Test(arguments: [
        ("中国", "中国"), ("陕西省", "陕西省"), ("中国/陕西省/西安市", "陕西省西安市"), (" 中国 ", "中国"), ("\u{3000}中国", "中国"),
        ("", "全国"), ("/", "全国"), ("  ", "全国"), ("中国/", "中国"), ("中国/ 四川省 /成都市", "四川省成都市"),
        ("陕西省/西安市", "陕西省西安市"),
    ])
    func labelDropsTheCountryAndWhitespace(_ path: String, _ label: String) {
        #expect(ReportModel.jurisdictionLabel(path) == label)
    }
}
