/// The built-in report templates, as the Mustache text `wenping templates export` writes out.
///
/// They live in the code rather than as bundle resources so that an installed `wenping` binary never runs
/// without them.
enum BuiltInTemplates {
    static let titlePage = """
        {{! 标题页(Word/PDF 报告的第一页)。每行一段:行首 "# " 为标题,"## " 为副标题,"= " 居中,}}
        {{! "> " 右对齐,其余为左对齐的普通段落;空行是一个空段落,用来留出间距。}}
        {{! 可用的名称(如 project.name、after.gradeLabel)见同一目录的 README.md。}}


        # {{project.name}}
        # 社会稳定风险评估报告


        = 报告编号：{{report.number}}
        = 项目编号：{{project.id}}
        = 所在地区：{{project.region}}
        = 评估结论：落实措施后{{after.gradeLabel}}（措施前{{before.gradeLabel}}）
        = 评估标准：{{ruleset.title}}（版本 {{ruleset.version}}）




        = 评估主体：{{assessor.organisation}}（盖章）
        = 评估日期：{{report.date}}

        """

    static let letterhead = """
        {{! 页眉(每页顶端,下有一条横线)。每行一段,规则同 docx-title-page.mustache。}}
        {{project.name}} 社会稳定风险评估报告

        """

    static let signOff = """
        {{! 落款(报告正文和签署表之后)。每行一段,规则同 docx-title-page.mustache。}}


        > {{assessor.organisation}}（盖章）
        > 年    月    日

        """
}
