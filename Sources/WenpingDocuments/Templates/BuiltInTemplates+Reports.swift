import Wenping

/// The built-in Markdown and HTML reports, as the Mustache text `wenping templates export` writes out.
///
/// Like the Word report's fixed texts (``BuiltInTemplates``), they live in the code so that an installed
/// `wenping` binary never runs without them. Each is the whole report: every heading, fixed sentence and table
/// layout (and for HTML the style sheet); the values come from ``MarkdownReportRenderer/context(_:)`` and
/// ``HTMLReportRenderer/context(_:)``, already escaped.
extension BuiltInTemplates {
    /// The Markdown report.
    static let markdown = #"""
        {{! 内置的 Markdown 报告模板。值已按 Markdown 表格单元格转义,模板中不必再转义。}}
        {{! 单独占一行的段落标签和注释连同换行一起不输出。可用的名称见 README.md。}}
        # {{project.name}} 社会稳定风险评估报告

        {{#reportFields}}{{^first()}}　｜　{{/first()}}{{label}}：{{value}}{{/reportFields}}

        {{#banners}}
        > **{{title}}**
        {{#lines}}
        >
        > - {{.}}
        {{/lines}}

        {{/banners}}
        > **评估结论**：{{headline}}

        ## 一、基本情况

        ### （一）项目概况

        | 项目 | 内容 |
        |---|---|
        {{#overview}}
        | {{label}} | {{value}} |
        {{/overview}}

        #### {{sections.environment.title}}

        {{sections.environment.body}}
        ### （二）评估依据

        {{#citations}}
        - {{.}}
        {{/citations}}
        - 风险等级评判标准：{{ruleset.title}}（{{ruleset.id}}，版本 {{ruleset.version}}{{effectiveCla\#
        use}}）{{versionClause}}

        ### （三）{{sections.assessor.title}}

        {{sections.assessor.body}}
        ### （四）{{sections.process.title}}

        {{sections.process.body}}
        评估方法：{{method}}

        ## 二、评估内容

        ### （一）风险调查及各方意见采纳情况

        | 事实 | 取值 | 说明 |
        |---|---|---|
        {{#facts}}
        | {{label}} | {{value}} | {{note}} |
        {{/facts}}

        {{#survey}}
        {{.}}
        {{/survey}}
        #### {{sections.opinions.title}}

        {{sections.opinions.body}}
        ### （二）风险识别和估计

        | 序号 | 风险类型 | 发生阶段 | 风险因素 | 风险概率 | 影响程度 | 风险程度 | 权重 | 依据 | 理由 |
        |---|---|---|---|---|---|---|---|---|---|
        {{#estimates}}
        | {{number}} | {{category}} | {{stage}} | {{label}} | {{probability}} | {{impact\#
        }} | {{degree}} | {{weight}} | {{basis}} | {{reasons}} |
        {{/estimates}}
        {{#excluded}}

        不适用的风险因素：{{.}}。
        {{/excluded}}

        {{beforeOutcome.sentence}}

        {{#beforeOutcome.reasons}}
        - {{text}}{{#decisive}}（决定等级）{{/decisive}}
        {{/beforeOutcome.reasons}}

        {{#experts}}
        {{.}}
        {{/experts}}
        ### （三）风险防范和化解措施

        | 风险因素 | 措施 | 责任主体 | 协助单位 | 时限 | 是否采纳 | 效果 |
        |---|---|---|---|---|---|---|
        {{#measures}}
        | {{factor}} | {{label}} | {{owner}} | {{assisting}} | {{deadline}} | {{adopted}\#
        } | {{outcome}} |
        {{/measures}}

        ### （四）落实措施后的风险等级

        | 风险因素 | 风险概率 | 影响程度 | 风险程度 |
        |---|---|---|---|
        {{#afterRows}}
        | {{label}} | {{probability}} | {{impact}} | {{degree}} |
        {{/afterRows}}

        {{afterOutcome.sentence}}

        {{#afterOutcome.reasons}}
        - {{text}}{{#decisive}}（决定等级）{{/decisive}}
        {{/afterOutcome.reasons}}

        ## 三、评估结论

        {{#mainFactorList}}
        主要风险因素：{{.}}。

        {{/mainFactorList}}
        {{#findings}}
        - **{{category}}**：{{text}}
        {{/findings}}

        风险等级：措施前为**{{before.gradeLabel}}**，落实措施后为**{{after.gradeLabel}}**。落实措施后的等级由以下情形决\#
        定：

        {{#decisiveReasons}}
        - {{.}}
        {{/decisiveReasons}}

        决策建议：{{decision}}{{decisionBasis}}

        {{#gradeMeaningNote}}
        （{{.}}）

        {{/gradeMeaningNote}}
        对策建议：

        1. 落实措施后的等级以落实以下已采纳的措施为前提：{{^required}}无。{{/required}}
        {{#required}}
           - {{.}}
        {{/required}}
        {{#hasSuggested}}
        2. 建议增加的措施：
        {{/hasSuggested}}
        {{#suggested}}
           - {{.}}
        {{/suggested}}

        ### {{sections.emergency.title}}

        {{sections.emergency.body}}
        ## 签署

        | 环节 | 姓名 | 日期 |
        |---|---|---|
        {{#signOff}}
        | {{role}} | {{name}} | {{date}} |
        {{/signOff}}

        ---

        规则：{{ruleset.id}} 版本 {{ruleset.version}}，摘要 sha256:{{ruleset.digest}} \#u{20}
        引擎：wenping {{engine.version}}；输入摘要 sha256:{{inputDigest}}

        """#

    /// The HTML report, with its print style sheet (A4).
    static let html = #"""
        {{! 内置的 HTML 报告模板(打印为 A4)。值已做 HTML 转义,模板中不必再转义;图、表格单元格等是现成的 HTML。}}
        {{! 单独占一行的段落标签和注释连同换行一起不输出。可用的名称见 README.md。}}
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{project.name}} 社会稳定风险评估报告</title>
        <style>
        @page {
          size: A4;
          margin: 18mm 16mm 20mm 16mm;
          @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font\#
        -size: 9pt; color: #555; }
        }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body {
          margin: 0 auto; max-width: 210mm; padding: 14mm 16mm; color: #1b1b1b; backgrou\#
        nd: #ffffff;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragin\#
        o Sans GB",
            "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
          font-size: 10.5pt; line-height: 1.75; text-align: justify;
        }
        h1, h2, h3 {
          font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun"\#
        , serif;
          font-weight: 700; line-height: 1.4; break-after: avoid;
        }
        h1 { font-size: 19pt; text-align: center; margin: 0 0 2mm; }
        h2 { font-size: 15pt; margin: 0 0 4mm; padding-bottom: 1.5mm; border-bottom: 1.2\#
        pt solid #1b1b1b; }
        h3 { font-size: 11.5pt; margin: 4mm 0 1mm; }
        section.chapter { margin-top: 9mm; }
        section.chapter ~ section.chapter { break-before: page; }
        p { margin: 2mm 0; }
        ul { margin: 2mm 0; padding-left: 6mm; text-align: left; }
        .subtitle { text-align: center; color: #444; margin-bottom: 6mm; }
        .verdict {
          display: flex; gap: 5mm; align-items: stretch; border: 1pt solid #1b1b1b; padd\#
        ing: 4mm;
          break-inside: avoid;
        }
        .badge {
          border: 2.5pt solid; border-radius: 3mm; padding: 2mm 4mm; text-align: center;\#
         min-width: 36mm;
          display: flex; flex-direction: column; justify-content: center;
        }
        .badge .when { font-size: 10pt; font-weight: 700; }
        .badge .grade { font-size: 26pt; font-weight: 700; letter-spacing: 0.08em; line-\#
        height: 1.3; }
        .badge.before { min-width: 26mm; border-width: 1.5pt; }
        .badge.before .grade { font-size: 15pt; }
        .sev-low { color: #1d6b33; border-color: #1d6b33; background: #e6f4ea; }
        .sev-mid { color: #875300; border-color: #a86a00; background: #fff3d6; }
        .sev-high { color: #a3161b; border-color: #a3161b; background: #fde8e8; }
        .decision { flex: 1; }
        .decision p { margin: 0 0 1.5mm; }
        .decision-title { font-weight: 700; }
        .meaning { color: #444; font-size: 9.5pt; }
        table {
          width: 100%; border-collapse: collapse; table-layout: fixed; margin: 3mm 0 4mm\#
        ; font-size: 9.5pt;
          line-height: 1.5; text-align: left;
        }
        th, td { border: 0.75pt solid #555; padding: 1.2mm 1.5mm; vertical-align: top; o\#
        verflow-wrap: anywhere; }
        th { background: #eceef2; font-weight: 700; }
        thead { display: table-header-group; }
        tr, figure, li { break-inside: avoid; }
        table.estimates, table.measures { font-size: 8.5pt; }
        table.estimates th, table.measures th { font-size: 8pt; padding: 1.2mm 0.9mm; }
        table.estimates td:nth-child(1) { text-align: center; }
        table.measures td:nth-child(6) { text-align: center; }
        .degree { white-space: nowrap; }
        span.degree { padding: 0 0.8mm; }
        figure.chart { margin: 5mm 0; }
        figure.chart svg { display: block; width: 100%; max-width: 165mm; height: auto;\#u{20}\#
        margin: 0 auto; }
        figcaption { font-size: 9pt; color: #333; margin-top: 2mm; text-align: center; }
        .legend { list-style: none; padding: 0; margin: 3mm 0 0; columns: 2; column-gap:\#
         6mm; font-size: 9pt; }
        .legend li { line-height: 1.5; margin-bottom: 1mm; padding-left: 7mm; text-inden\#
        t: -7mm; }
        .legend .num {
          display: inline-block; width: 5mm; height: 5mm; line-height: 5mm; margin-right\#
        : 2mm; border-radius: 50%;
          background: #1b1b1b; color: #ffffff; text-align: center; text-indent: 0; font-\#
        size: 7.5pt; font-weight: 700;
        }
        .outcome { margin-top: 3mm; }
        ul.reasons { margin-top: 0; }
        ul.meaning { margin: 0; padding-left: 5mm; }
        ol.recommendations { padding-left: 6mm; text-align: left; }
        ol.recommendations ul { margin: 1mm 0 2mm; }
        ul.reasons li.decisive { font-weight: 700; }
        .banner {
          border: 2pt solid #a3161b; background: #fde8e8; color: #5c0b0e; padding: 2mm 4\#
        mm; margin: 0 0 4mm;
          box-decoration-break: clone;
        }
        .banner.banner-reference, .banner.banner-defaulted {
          border-color: #875300; background: #fff3d6; color: #4a2e00;
        }
        .banner.banner-defaulted { border-width: 1pt; font-size: 9.5pt; }
        .banner.banner-defaulted ul { columns: 2; column-gap: 6mm; }
        .banner-title { font-weight: 700; font-size: 11pt; margin: 0.5mm 0; break-after: avoid; }
        .banner ul { margin: 1mm 0; }
        .badge .caveat { font-size: 8.5pt; font-weight: 700; line-height: 1.3; }
        .missing { color: #a3161b; font-weight: 700; }
        .missing-part { border-left: 2pt solid #a3161b; padding-left: 3mm; color: #a3161\#
        b; font-weight: 700; }
        h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
        section.signoff { margin-top: 9mm; break-inside: avoid; }
        table.estimates td:nth-child(8) { text-align: center; }
        .warnings { border: 0.75pt solid #a86a00; padding: 1mm 4mm; margin-top: 4mm; bre\#
        ak-inside: avoid; }
        .provenance {
          margin-top: 10mm; padding-top: 2mm; border-top: 0.75pt solid #555; font-size:\#u{20}\#
        8.5pt; color: #333;
          line-height: 1.6; text-align: left; break-inside: avoid;
        }
        .provenance p { margin: 0.5mm 0; }
        code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; over\#
        flow-wrap: anywhere; }
        @media print { body { padding: 0; max-width: none; } }
        </style>
        </head>
        <body>
        <header class="cover">
        <h1>{{project.name}}<br>社会稳定风险评估报告</h1>
        <p class="subtitle">{{#reportFields}}{{^first()}}　｜　{{/first()}}{{label}}：{{valu\#
        e}}{{/reportFields}}</p>
        {{#banners}}
        <div class="banner banner-{{kind}}" role="alert">
        <p class="banner-title">{{title}}</p>
        {{#hasLines}}
        <ul>
        {{/hasLines}}
        {{#lines}}
        <li>{{.}}</li>
        {{/lines}}
        {{#hasLines}}
        </ul>
        {{/hasLines}}
        </div>
        {{/banners}}
        <div class="verdict{{#incomplete}} incomplete{{/incomplete}}">
        <div class="badge {{afterTone}}"><span class="when">落实措施后</span><span class="gra\#
        de">{{after.gradeLabel}}</span>{{#incomplete}}<span class="caveat">数据不完整<br>从严认定\#
        </span>{{/incomplete}}</div>
        <div class="badge {{beforeTone}} before"><span class="when">措施前</span><span clas\#
        s="grade">{{before.gradeLabel}}</span>{{#incomplete}}<span class="caveat">数据不完整<\#
        br>从严认定</span>{{/incomplete}}</div>
        <div class="decision">
        <p class="decision-title">评估结论</p>
        <p>落实措施后为<strong>{{after.gradeLabel}}</strong>（措施前为{{before.gradeLabel}}）。{{deci\#
        sion}}</p>
        {{#hasDecisive}}
        <p class="meaning">落实措施后的等级由以下情形决定：</p>
        <ul class="meaning">
        {{/hasDecisive}}
        {{#decisiveReasons}}
        <li>{{.}}</li>
        {{/decisiveReasons}}
        {{#hasDecisive}}
        </ul>
        {{/hasDecisive}}
        </div>
        </div>
        </header>
        <section class="chapter">
        <h2>一、基本情况</h2>
        <h3>（一）项目概况</h3>
        <table class="basics">
        <colgroup><col style="width:22%"><col style="width:78%"></colgroup>
        <thead><tr><th>项目</th><th>内容</th></tr></thead>
        <tbody>
        {{#overview}}
        <tr><td>{{label}}</td><td>{{value}}</td></tr>
        {{/overview}}
        </tbody>
        </table>
        <h4>{{sections.environment.title}}</h4>
        {{sections.environment.body}}
        <h3>（二）评估依据</h3>
        <ul class="basis">
        {{#citations}}
        <li>{{.}}</li>
        {{/citations}}
        <li>风险等级评判标准：{{ruleset.title}}（{{ruleset.id}}，版本 {{ruleset.version}}{{effectiveC\#
        lause}}）{{versionClause}}</li>
        </ul>
        <h3>（三）{{sections.assessor.title}}</h3>
        {{sections.assessor.body}}
        <h3>（四）{{sections.process.title}}</h3>
        {{sections.process.body}}
        <p>评估方法：{{method}}</p>
        </section>
        <section class="chapter">
        <h2>二、评估内容</h2>
        <h3>（一）风险调查及各方意见采纳情况</h3>
        <table class="facts">
        <colgroup><col style="width:52%"><col style="width:28%"><col style="width:20%"><\#
        /colgroup>
        <thead><tr><th>事实</th><th>取值</th><th>说明</th></tr></thead>
        <tbody>
        {{#facts}}
        <tr><td>{{label}}</td><td>{{value}}</td><td>{{note}}</td></tr>
        {{/facts}}
        </tbody>
        </table>
        {{#survey}}
        {{.}}
        {{/survey}}
        <h4>{{sections.opinions.title}}</h4>
        {{sections.opinions.body}}
        <h3>（二）风险识别和估计</h3>
        {{#matrixFigure}}
        {{.}}
        {{/matrixFigure}}
        <table class="estimates">
        <colgroup><col style="width:5%"><col style="width:7%"><col style="width:8%"><col\#
         style="width:13%"><col style="width:7%"><col style="width:7%"><col style="width\#
        :7%"><col style="width:6%"><col style="width:17%"><col style="width:23%"></colgr\#
        oup>
        <thead><tr><th>序号</th><th>风险类型</th><th>发生阶段</th><th>风险因素</th><th>风险概率</th><th>影响\#
        程度</th><th>风险程度</th><th>权重</th><th>依据</th><th>理由</th></tr></thead>
        <tbody>
        {{#estimates}}
        <tr><td>{{number}}</td><td>{{category}}</td><td>{{stage}}</td><td>{{label}}</td>\#
        <td>{{probability}}</td><td>{{impact}}</td>{{degree}}<td>{{weight}}</td><td>{{ba\#
        sis}}</td><td>{{reasons}}</td></tr>
        {{/estimates}}
        </tbody>
        </table>
        {{#excluded}}
        <p>不适用的风险因素：{{.}}。</p>
        {{/excluded}}
        <p class="outcome">{{beforeOutcome.sentence}}</p>
        <ul class="reasons">
        {{#beforeOutcome.reasons}}
        <li{{#decisive}} class="decisive"{{/decisive}}>{{text}}{{#decisive}}（决定等级）{{/dec\#
        isive}}</li>
        {{/beforeOutcome.reasons}}
        </ul>
        {{#experts}}
        {{.}}
        {{/experts}}
        <h3>（三）风险防范和化解措施</h3>
        <table class="measures">
        <colgroup><col style="width:16%"><col style="width:27%"><col style="width:11%"><\#
        col style="width:13%"><col style="width:8%"><col style="width:7%"><col style="wi\#
        dth:18%"></colgroup>
        <thead><tr><th>风险因素</th><th>措施</th><th>责任主体</th><th>协助单位</th><th>时限</th><th>是否采纳\#
        </th><th>效果</th></tr></thead>
        <tbody>
        {{#measures}}
        <tr><td>{{factor}}</td><td>{{label}}</td><td>{{owner}}</td><td>{{assisting}}</td\#
        ><td>{{deadline}}</td><td>{{adopted}}</td><td>{{outcome}}</td></tr>
        {{/measures}}
        </tbody>
        </table>
        <h3>（四）落实措施后的风险等级</h3>
        {{#contributionFigure}}
        {{.}}
        {{/contributionFigure}}
        <table class="after">
        <colgroup><col style="width:40%"><col style="width:20%"><col style="width:20%"><\#
        col style="width:20%"></colgroup>
        <thead><tr><th>风险因素</th><th>风险概率</th><th>影响程度</th><th>风险程度</th></tr></thead>
        <tbody>
        {{#afterRows}}
        <tr><td>{{label}}</td><td>{{probability}}</td><td>{{impact}}</td>{{degree}}</tr>
        {{/afterRows}}
        </tbody>
        </table>
        <p class="outcome">{{afterOutcome.sentence}}</p>
        <ul class="reasons">
        {{#afterOutcome.reasons}}
        <li{{#decisive}} class="decisive"{{/decisive}}>{{text}}{{#decisive}}（决定等级）{{/dec\#
        isive}}</li>
        {{/afterOutcome.reasons}}
        </ul>
        </section>
        <section class="chapter">
        <h2>三、评估结论</h2>
        {{#mainFactorList}}
        <p>主要风险因素：{{.}}。</p>
        {{/mainFactorList}}
        <ul class="conclusion">
        {{#findings}}
        <li><strong>{{category}}</strong>：{{text}}</li>
        {{/findings}}
        </ul>
        <p>风险等级：措施前为<strong>{{before.gradeLabel}}</strong>，落实措施后为<strong>{{after.gradeLa\#
        bel}}</strong>。落实措施后的等级由以下情形决定：</p>
        <ul>
        {{#decisiveReasons}}
        <li>{{.}}</li>
        {{/decisiveReasons}}
        </ul>
        <p>决策建议：{{decision}}{{decisionBasis}}</p>
        {{#gradeMeaningNote}}
        <p class="meaning">（{{.}}）</p>
        {{/gradeMeaningNote}}
        <p>对策建议：</p>
        <ol class="recommendations">
        <li>落实措施后的等级以落实以下已采纳的措施为前提：{{^hasRequired}}无。</li>{{/hasRequired}}
        {{#hasRequired}}
        <ul>
        {{/hasRequired}}
        {{#required}}
        <li>{{.}}</li>
        {{/required}}
        {{#hasRequired}}
        </ul>
        </li>
        {{/hasRequired}}
        {{#hasSuggested}}
        <li>建议增加的措施：
        <ul>
        {{/hasSuggested}}
        {{#suggested}}
        <li>{{.}}</li>
        {{/suggested}}
        {{#hasSuggested}}
        </ul>
        </li>
        {{/hasSuggested}}
        </ol>
        <h3>{{sections.emergency.title}}</h3>
        {{sections.emergency.body}}
        </section>
        <section class="signoff">
        <h2>签署</h2>
        <table class="signoff">
        <colgroup><col style="width:20%"><col style="width:50%"><col style="width:30%"><\#
        /colgroup>
        <thead><tr><th>环节</th><th>姓名</th><th>日期</th></tr></thead>
        <tbody>
        {{#signOff}}
        <tr><td>{{role}}</td><td>{{name}}</td><td>{{date}}</td></tr>
        {{/signOff}}
        </tbody>
        </table>
        </section>
        <footer class="provenance">
        <p>规则：{{ruleset.id}} 版本 {{ruleset.version}}，摘要 <code>sha256:{{ruleset.digest}}</\#
        code></p>
        <p>引擎：wenping {{engine.version}}；输入摘要 <code>sha256:{{inputDigest}}</code></p>
        </footer>
        </body>
        </html>

        """#
}
