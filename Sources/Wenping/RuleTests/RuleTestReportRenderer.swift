/// The results of ``RuleTestSuite`` for tools: JUnit XML (CI systems) and JSON (schema `wenping/rule-tests/1`).
///
/// A test file is a suite and a case a test case; a failed expectation is a `<failure>` with its position, and a
/// problem in a rule or test file an `<error>` in a suite named `wenping`. No times are written, so the same rules
/// and tests give byte-identical output.
public enum RuleTestReportRenderer {
    /// JUnit XML, as Jenkins, GitLab and GitHub test reporters read it.
    public static func junit(_ suite: RuleTestSuite) -> String {
        let errors = suite.diagnostics.filter { $0.severity == .error }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"wenping test\" tests=\"\(suite.results.count + errors.count)\" "
        out += "failures=\"\(suite.failedCount)\" errors=\"\(errors.count)\">\n"
        for file in suite.testFiles {
            let cases = suite.results.filter { $0.file == file }
            out += "  <testsuite name=\"\(HTML.escape(file))\" tests=\"\(cases.count)\" "
            out += "failures=\"\(cases.count { !$0.passed })\" errors=\"0\">\n"
            for result in cases {
                out +=
                    "    <testcase classname=\"\(HTML.escape(result.ruleSetID))\" name=\"\(HTML.escape(result.name))\""
                out += " file=\"\(HTML.escape(result.file))\""
                guard !result.passed else {
                    out += "/>\n"
                    continue
                }
                out += ">\n"
                for failure in result.failures {
                    out += "      <failure message=\"\(HTML.escape(failure.message))\">"
                    out += HTML.escape("\(place(failure.location)): 失败: 用例“\(result.name)”：\(failure.message)")
                    out += "</failure>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        if !errors.isEmpty {
            out +=
                "  <testsuite name=\"wenping\" tests=\"\(errors.count)\" failures=\"0\" errors=\"\(errors.count)\">\n"
            for error in errors {
                out += "    <testcase classname=\"wenping\" name=\"\(HTML.escape(place(error.location)))\">\n"
                out += "      <error type=\"\(error.code)\" message=\"\(HTML.escape(error.message))\">"
                out += HTML.escape("\(place(error.location)): error[\(error.code)]: \(error.message)")
                out += "</error>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// JSON: counts, every case with its failures, and every rule or test file problem.
    public static func json(_ suite: RuleTestSuite) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("schema", "wenping/rule-tests/1")
            json.field("engine", "wenping " + WenpingVersion.current)
            json.field("passed", suite.passedCount)
            json.field("failed", suite.failedCount)
            json.key("cases")
            json.array { json in
                for result in suite.results {
                    json.object { json in
                        json.field("file", result.file)
                        json.field("name", result.name)
                        json.field("ruleset", result.ruleSetID)
                        json.field("passed", result.passed)
                        json.key("failures")
                        json.array { json in
                            for failure in result.failures {
                                json.object { json in
                                    location(failure.location, into: &json)
                                    json.field("message", failure.message)
                                }
                            }
                        }
                    }
                }
            }
            json.key("errors")
            json.array { json in
                for diagnostic in suite.diagnostics {
                    json.object { json in
                        location(diagnostic.location, into: &json)
                        json.field("severity", diagnostic.severity.rawValue)
                        json.field("code", diagnostic.code.rawValue)
                        json.field("message", diagnostic.message)
                    }
                }
            }
        }
        return json.output + "\n"
    }

    private static func place(_ location: SourceLocation) -> String {
        "\(location.file):\(location.line):\(location.column)"
    }

    private static func location(_ location: SourceLocation, into json: inout JSONWriter) {
        json.field("file", location.file)
        json.field("line", location.line)
        json.field("column", location.column)
    }
}
