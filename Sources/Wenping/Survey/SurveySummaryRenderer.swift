/// A summary of a survey import for the people who check it.
///
/// What was read, the table of answers, how each fact
/// was computed (the arithmetic, with the interval), the per-area breakdown and every row left out with its row,
/// column and reason. Markdown for reading, JSON for tools.
public enum SurveySummaryRenderer {
    public static func markdown(_ result: SurveyResult) -> String {
        let cell = MarkdownReportRenderer.cell
        var out = "# 问卷调查汇总：\(cell(result.title))\n\n"
        out += "| 项目 | 内容 |\n|---|---|\n"
        if let method = result.method { out += "| 调查方式 | \(cell(method)) |\n" }
        if let from = result.from, let to = result.to { out += "| 调查时间 | \(from) 至 \(to) |\n" }
        out += "| 问卷文件 | \(cell(result.source))(sha256:\(result.sourceDigest)) |\n"
        out += "| 调查说明 | \(cell(result.specSource)) |\n"
        if let households = result.households { out += "| 应调查户数 | \(households) |\n" }
        out += "| 数据行 | \(result.rows)（另有空行 \(result.blank)） |\n"
        out += "| 有效问卷 | \(result.valid) |\n| 无效问卷 | \(result.invalidRows.count)（明细见文末，均未计入任何比率） |\n"
        if let rate = result.responseRate {
            out += "| 有效问卷占应调查户数 | \(percent(rate)) |\n"
        }
        out += "\n## 各题答案\n\n"
        for question in result.questions {
            out += "**\(cell(question.label))**（列“\(cell(question.column))”）\n\n| 答案 | 户数 | 占有效问卷 |\n|---|---|---|\n"
            for answer in question.answers {
                out +=
                    "| \(cell(answer.value)) | \(answer.count) | \(percent(Double(answer.count) / Double(result.valid))) |\n"
            }
            if question.unanswered > 0 {
                out +=
                    "| 未作答 | \(question.unanswered) | \(percent(Double(question.unanswered) / Double(result.valid))) |\n"
            }
            out += "\n"
        }
        out += "## 各项事实的计算\n\n"
        out += "比率 = 计入分子的户数 / 样本量；95% 置信区间用 Wilson 方法（z = 1.96）："
        out += "中心 = (p + z²/2n)/(1 + z²/n)，半宽 = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²)。\n\n"
        out += "| 事实 | 名称 | 取值 | 计算 | 样本量 n | 95% 区间 |\n|---|---|---|---|---|---|\n"
        for fact in result.facts {
            out +=
                "| \(cell(fact.label)) | \(fact.name) | \(percent(fact.value)) | \(cell(explanation(fact))) | \(fact.n) "
            out += fact.kind == .rate ? "| \(percent(fact.lower)) – \(percent(fact.upper)) |\n" : "| —（计数，非抽样估计） |\n"
        }
        if let column = result.areaColumn, !result.areas.isEmpty {
            out += "\n## 按\(cell(column))分列\n\n"
            let rates = result.facts.filter { $0.kind == .rate }
            out += "| \(cell(column)) | 有效问卷 |" + rates.map { " \(cell($0.label)) |" }.joined() + "\n"
            out += "|---|---|" + String(repeating: "---|", count: rates.count) + "\n"
            for area in result.areas {
                out += "| \(cell(area.name)) | \(area.valid) |"
                for fact in area.facts where fact.kind == .rate {
                    out +=
                        " \(percent(fact.value))(\(fact.count)/\(fact.n),\(percent(fact.lower))–\(percent(fact.upper))) |"
                }
                out += "\n"
            }
        }
        out += "\n## 无效问卷（\(result.invalidRows.count) 行）\n\n"
        if result.problems.isEmpty {
            out += "无。\n"
        } else {
            out += "| 行 | 列 | 内容 | 原因 |\n|---|---|---|---|\n"
            for problem in result.problems {
                out +=
                    "| \(problem.row) | \(cell(problem.column ?? "—")) | \(cell(problem.value.map { $0.isEmpty ? "（空）" : $0 } ?? "—")) "
                out += "| \(cell(problem.reason)) |\n"
            }
        }
        return out
    }

    public static func json(_ result: SurveyResult) -> String {
        var writer = JSONWriter()
        writer.object { writer in
            writer.field("schemaVersion", 1)
            writer.key("survey")
            SurveyFragmentWriter.write(SurveyFragmentWriter.tree(result), &writer)
            writer.key("computation")
            writer.array { writer in
                for fact in result.facts {
                    writer.object { writer in
                        writer.field("name", fact.name)
                        writer.field("explanation", explanation(fact))
                    }
                }
            }
            writer.key("invalidRows")
            writer.array { writer in
                for problem in result.problems {
                    writer.object { writer in
                        writer.field("row", problem.row)
                        writer.field("column", problem.column)
                        writer.field("value", problem.value)
                        writer.field("reason", problem.reason)
                    }
                }
            }
        }
        return writer.output + "\n"
    }

    /// The arithmetic behind one fact, in words: `答“反对”的 169 户 / 答“支持”、“反对”、“无所谓”的 1209 户 = 13.98%`.
    static func explanation(_ fact: SurveyResult.Fact) -> String {
        explanation(kind: fact.kind, count: fact.count, n: fact.n, counted: fact.counted, base: fact.base)
    }

    static func explanation(
        kind: SurveyResult.Fact.Kind, count: Int, n: Int, counted: [String], base: [String]
    ) -> String {
        let value = percent(Double(count) / Double(n))
        switch kind {
        case .coverage:
            return "有效问卷 \(count) 份 / 应调查户数 \(n) = \(value)"
        case .rate:
            guard !counted.isEmpty, !base.isEmpty else { return "\(count) / \(n) = \(value)" }
            let numerator = counted.map { "“\($0)”" }.joined(separator: "、")
            let denominator = base.map { "“\($0)”" }.joined(separator: "、")
            return "答\(numerator)的 \(count) 户 / 答\(denominator)的 \(n) 户 = \(value)"
        }
    }

    /// A fraction as a percentage with up to two decimals: `12.35%`.
    static func percent(_ value: Double) -> String {
        "\(Formatting.number(value * 100, digits: 2))%"
    }
}
