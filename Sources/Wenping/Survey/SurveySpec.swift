/// How a questionnaire's columns map to answers and its answers to facts: the `--spec` file of `wenping survey`.
///
/// ```yaml
/// format: wenping-survey/1
/// title: 幸福里片区房屋征收入户调查
/// method: 入户问卷调查
/// period: { from: 2025-03-01, to: 2025-03-20 }
/// households: 1250            # 应调查户数,用于覆盖率
/// id_column: 问卷编号          # 可选:编号重复的行无效
/// area_column: 片区            # 可选:按片区分列
/// questions:
///   - id: attitude
///     column: 对项目的态度
///     label: 您对本次征收的态度
///     answers:
///       - { value: 支持, accept: [非常支持] }
///       - { value: 反对, accept: [不支持] }
/// facts:
///   - { name: opposition_rate, label: 入户调查反对率, question: attitude, count: [反对] }
///   - { name: survey_coverage, label: 入户调查覆盖率, coverage: true }
/// ```
///
/// Load one with ``SurveySpecLoader``. Invariants once loaded: question ids and fact names are unique, every
/// fact's question exists and every answer it names is one of that question's values.
public struct SurveySpec: Sendable {
    /// One closed question: the column it is read from and the answers it accepts.
    struct Question: Sendable {
        struct Answer: Sendable {
            /// The canonical answer, as reports show it.
            let value: String
            /// Other spellings that mean the same answer (compared after trimming spaces).
            let accept: [String]
        }
        let id: String
        /// The header of the CSV column, exactly as exported.
        let column: String
        let label: String
        let answers: [Answer]
        /// When true, a blank answer is recorded as 未作答 and left out of this question's rates; otherwise a
        /// blank answer makes the row invalid.
        let isOptional: Bool
        let location: SourceLocation

        /// The index of the answer that `raw` (already trimmed) spells, if any.
        func answerIndex(_ raw: String) -> Int? {
            answers.firstIndex { $0.value == raw || $0.accept.contains(raw) }
        }
    }

    /// A fact the survey yields.
    struct Fact: Sendable {
        enum Kind: Sendable {
            /// Respondents giving one of `counted` answers among those giving one of `base` answers.
            case rate(question: Int, counted: [Int], base: [Int])
            /// Valid questionnaires divided by the households to be surveyed (a count, not a sample estimate).
            case coverage
        }
        /// The project fact (ruleset input) it fills, such as `opposition_rate`.
        let name: String
        let label: String
        let kind: Kind
        let location: SourceLocation
    }

    let file: String
    let title: String
    let method: String?
    /// `YYYY-MM-DD` dates, as written.
    let from: String?
    let to: String?
    /// Households (or persons) the survey was meant to reach; the denominator of coverage.
    let households: Int?
    let idColumn: String?
    let areaColumn: String?
    let questions: [Question]
    let facts: [Fact]
}
