extension HTMLReportRenderer {
    /// The report's inline style sheet: Chinese typography, bordered tables, and A4 printing with one major
    /// section per page, repeating table headers and no figure or row split across pages.
    ///
    /// Only locally installed fonts are named (nothing is fetched). Colours always repeat something the text
    /// already says, so a black-and-white print loses no meaning.
    static let style = """
        @page {
          size: A4;
          margin: 18mm 16mm 20mm 16mm;
          @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt; color: #555; }
        }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body {
          margin: 0 auto; max-width: 210mm; padding: 14mm 16mm; color: #1b1b1b; background: #ffffff;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
            "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
          font-size: 10.5pt; line-height: 1.75; text-align: justify;
        }
        h1, h2, h3 {
          font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
          font-weight: 700; line-height: 1.4; break-after: avoid;
        }
        h1 { font-size: 19pt; text-align: center; margin: 0 0 2mm; }
        h2 { font-size: 15pt; margin: 0 0 4mm; padding-bottom: 1.5mm; border-bottom: 1.2pt solid #1b1b1b; }
        h3 { font-size: 11.5pt; margin: 4mm 0 1mm; }
        section.chapter { margin-top: 9mm; }
        section.chapter ~ section.chapter { break-before: page; }
        p { margin: 2mm 0; }
        ul { margin: 2mm 0; padding-left: 6mm; text-align: left; }
        .subtitle { text-align: center; color: #444; margin-bottom: 6mm; }
        .verdict {
          display: flex; gap: 5mm; align-items: stretch; border: 1pt solid #1b1b1b; padding: 4mm;
          break-inside: avoid;
        }
        .badge {
          border: 2.5pt solid; border-radius: 3mm; padding: 2mm 4mm; text-align: center; min-width: 36mm;
          display: flex; flex-direction: column; justify-content: center;
        }
        .badge .when { font-size: 10pt; font-weight: 700; }
        .badge .grade { font-size: 26pt; font-weight: 700; letter-spacing: 0.08em; line-height: 1.3; }
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
          width: 100%; border-collapse: collapse; table-layout: fixed; margin: 3mm 0 4mm; font-size: 9.5pt;
          line-height: 1.5; text-align: left;
        }
        th, td { border: 0.75pt solid #555; padding: 1.2mm 1.5mm; vertical-align: top; overflow-wrap: anywhere; }
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
        figure.chart svg { display: block; width: 100%; max-width: 165mm; height: auto; margin: 0 auto; }
        figcaption { font-size: 9pt; color: #333; margin-top: 2mm; text-align: center; }
        .legend { list-style: none; padding: 0; margin: 3mm 0 0; columns: 2; column-gap: 6mm; font-size: 9pt; }
        .legend li { line-height: 1.5; margin-bottom: 1mm; padding-left: 7mm; text-indent: -7mm; }
        .legend .num {
          display: inline-block; width: 5mm; height: 5mm; line-height: 5mm; margin-right: 2mm; border-radius: 50%;
          background: #1b1b1b; color: #ffffff; text-align: center; text-indent: 0; font-size: 7.5pt; font-weight: 700;
        }
        .outcome { margin-top: 3mm; }
        ul.reasons { margin-top: 0; }
        ul.meaning { margin: 0; padding-left: 5mm; }
        ol.recommendations { padding-left: 6mm; text-align: left; }
        ol.recommendations ul { margin: 1mm 0 2mm; }
        ul.reasons li.decisive { font-weight: 700; }
        .banner {
          border: 2pt solid #a3161b; background: #fde8e8; color: #5c0b0e; padding: 2mm 4mm; margin: 0 0 4mm;
          break-inside: avoid;
        }
        .banner.banner-reference, .banner.banner-defaulted {
          border-color: #875300; background: #fff3d6; color: #4a2e00;
        }
        .banner.banner-defaulted { border-width: 1pt; font-size: 9.5pt; }
        .banner.banner-defaulted ul { columns: 2; column-gap: 6mm; }
        .banner-title { font-weight: 700; font-size: 11pt; margin: 0.5mm 0; }
        .banner ul { margin: 1mm 0; }
        .badge .caveat { font-size: 8.5pt; font-weight: 700; line-height: 1.3; }
        .missing { color: #a3161b; font-weight: 700; }
        .missing-part { border-left: 2pt solid #a3161b; padding-left: 3mm; color: #a3161b; font-weight: 700; }
        h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
        section.signoff { margin-top: 9mm; break-inside: avoid; }
        table.estimates td:nth-child(8) { text-align: center; }
        .warnings { border: 0.75pt solid #a86a00; padding: 1mm 4mm; margin-top: 4mm; break-inside: avoid; }
        .provenance {
          margin-top: 10mm; padding-top: 2mm; border-top: 0.75pt solid #555; font-size: 8.5pt; color: #333;
          line-height: 1.6; text-align: left; break-inside: avoid;
        }
        .provenance p { margin: 0.5mm 0; }
        code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
        @media print { body { padding: 0; max-width: none; } }

        """
}
