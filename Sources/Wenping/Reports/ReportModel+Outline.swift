extension ReportModel {
    /// The text a report prints for a part of the outline the project file does not give.
    static let notGiven = "未提供"

    /// 报告编号, 评估日期, 委托方.
    static func reportFields(_ outline: ProjectOutline) -> [(String, String)] {
        [
            ("报告编号", outline.report.number ?? notGiven), ("评估日期", outline.report.date ?? notGiven),
            ("委托方", outline.report.client ?? notGiven),
        ]
    }

    /// 428 project details: 建设必要性, 建设方案, 投资, 征地搬迁与安置.
    static func overviewFields(_ outline: ProjectOutline) -> [(String, String)] {
        [
            ("建设必要性", outline.overview.necessity ?? notGiven), ("建设方案", outline.overview.scheme ?? notGiven),
            ("投资", outline.overview.investment ?? notGiven),
            ("征地搬迁与安置", outline.overview.resettlement ?? notGiven),
        ]
    }

    /// The rows of 项目概况 in every format: id, name, kind, region, the file's details, then the 428 fields.
    var overviewRows: [(String, String)] {
        [
            ("项目编号", project.id), ("项目名称", project.name), ("项目类型", kindLabel), ("所在地区", jurisdictionLabel),
        ] + project.details.map { ($0.label, $0.value) } + Self.overviewFields(project.outline)
    }

    /// 编制, 审核, 批准: role, name, date.
    static func signOff(_ outline: ProjectOutline) -> [[String]] {
        let signatures = outline.signOff ?? Array(repeating: ProjectOutline.Signature(), count: 3)
        return zip(ProjectOutline.signOffRoles, signatures).map { role, signature in
            [role.1, signature.name ?? notGiven, signature.date ?? notGiven]
        }
    }

    /// The outline sections in report order: 社会环境概况, 评估主体, 评估过程和方法, 各方意见及采纳情况, 应急处置预案.
    static func sections(_ outline: ProjectOutline) -> [Section] {
        [environment(outline), assessor(outline), process(outline), opinions(outline), emergency(outline)]
    }

    private static func environment(_ outline: ProjectOutline) -> Section {
        Section(
            id: "environment", title: "社会环境概况",
            blocks: [
                outline.overview.environment.map { .paragraph($0) }
                    ?? .missing("社会环境概况（治安、群体性事件、信访情况等）：未提供")
            ])
    }

    private static func assessor(_ outline: ProjectOutline) -> Section {
        guard let assessor = outline.assessor else {
            return Section(id: "assessor", title: "评估主体", blocks: [.missing("评估主体（评估机构、成员和参与各方）：未提供")])
        }
        var blocks: [Block] = [
            .fields([
                ("评估机构", assessor.organisation ?? notGiven), ("角色", assessor.role ?? notGiven),
                ("指定或委托机关", assessor.designatedBy ?? notGiven), ("评估负责人", assessor.lead ?? notGiven),
            ])
        ]
        blocks.append(
            assessor.members.isEmpty
                ? .missing("评估组成员：未提供")
                : .table(headers: ["评估组成员", "分工"], rows: assessor.members.map { [$0.name, $0.role ?? "—"] }))
        blocks.append(
            assessor.participants.isEmpty
                ? .missing("参与评估的部门、专家和群众代表：未提供")
                : .paragraph("参与评估的部门、专家和群众代表：\(assessor.participants.joined(separator: "；"))。"))
        return Section(id: "assessor", title: "评估主体", blocks: blocks)
    }

    private static func process(_ outline: ProjectOutline) -> Section {
        guard let process = outline.process else {
            return Section(
                id: "process", title: "评估过程和方法", blocks: [.missing("评估过程（开展的调查及其时间、范围、样本和回应）：未提供")])
        }
        var blocks: [Block] = []
        if process.investigations.isEmpty {
            blocks.append(.missing("开展的调查：未提供"))
        } else {
            blocks.append(
                .table(
                    headers: ["调查方式", "时间", "范围", "样本数", "有效回应数", "回应率"],
                    rows: process.investigations.map { item in
                        let dates = [item.from, item.to].compactMap { $0 }
                        let span =
                            dates.isEmpty ? notGiven : item.from == item.to ? dates[0] : dates.joined(separator: " 至 ")
                        var rate = "—"
                        if let sample = item.sample, let responses = item.responses, sample > 0 {
                            rate = Formatting.fixed(Double(responses) * 100 / Double(sample), digits: 1) + "%"
                        }
                        return [
                            item.method, span, item.scope ?? notGiven, item.sample.map(String.init) ?? notGiven,
                            item.responses.map(String.init) ?? notGiven, rate,
                        ]
                    }))
        }
        blocks.append(
            process.identification.isEmpty
                ? .missing("风险识别方法：未提供")
                : .paragraph("风险识别方法：\(process.identification.joined(separator: "；"))。"))
        return Section(id: "process", title: "评估过程和方法", blocks: blocks)
    }

    private static func opinions(_ outline: ProjectOutline) -> Section {
        guard let opinions = outline.opinions, !opinions.isEmpty else {
            return Section(id: "opinions", title: "各方意见及采纳情况", blocks: [.missing("各方意见及采纳情况：未提供")])
        }
        return Section(
            id: "opinions", title: "各方意见及采纳情况",
            blocks: [
                .table(
                    headers: ["意见来源", "意见或诉求", "是否采纳", "采纳情况或不采纳的理由"],
                    rows: opinions.map { opinion in
                        let adopted = opinion.adopted.map { $0 ? "采纳" : "不采纳" } ?? notGiven
                        return [opinion.source, opinion.opinion, adopted, opinion.response ?? notGiven]
                    })
            ])
    }

    private static func emergency(_ outline: ProjectOutline) -> Section {
        guard let plan = outline.emergency else {
            return Section(
                id: "emergency", title: "应急处置预案", blocks: [.missing("应急处置预案（指挥机构、响应分级、联系人）：未提供")])
        }
        var blocks: [Block] = []
        if let summary = plan.summary { blocks.append(.paragraph(summary)) }
        blocks.append(
            .fields([
                ("指挥机构", plan.command ?? notGiven),
                ("响应分级", plan.levels.isEmpty ? notGiven : plan.levels.joined(separator: "；")),
                ("联系人", plan.contacts.isEmpty ? notGiven : plan.contacts.joined(separator: "；")),
            ]))
        return Section(id: "emergency", title: "应急处置预案", blocks: blocks)
    }
}
