import WenpingYAML

/// The parts of the official assessment-report outline (发改办投资〔2013〕428号 附件2, 发改投资〔2012〕2492号 第五条)
/// that a project file may carry besides its facts: who assessed, how, what people said, the setting, the
/// emergency plan and the sign-off.
///
/// Every part is optional; a report states `未提供` for each part that is absent, so a reviewer sees the gap.
/// Dates are kept as written (`YYYY-MM-DD`, checked): a report never takes a date from the clock.
struct ProjectOutline: Sendable, Hashable {
    /// 报告编号, 评估日期 and 委托方.
    struct Report: Sendable, Hashable {
        var number: String?
        var date: String?
        var client: String?
    }

    /// One member of the assessment team.
    struct Member: Sendable, Hashable {
        var name: String
        var role: String?
    }

    /// 评估主体: the organisation, its role, who designated it, its lead, members and who took part.
    struct Assessor: Sendable, Hashable {
        var organisation: String?
        /// 委托 or 承担 (as the file writes it).
        var role: String?
        var designatedBy: String?
        var lead: String?
        var members: [Member] = []
        /// Departments, experts and 群众代表 who took part.
        var participants: [String] = []
    }

    /// One investigation (入户调查, 问卷, 座谈会, 听证会, 公示, 走访, 专家论证 …).
    struct Investigation: Sendable, Hashable {
        var method: String
        var from: String?
        var to: String?
        var scope: String?
        /// Number of households or people asked.
        var sample: Int?
        /// Number who answered.
        var responses: Int?
    }

    /// 评估过程和方法.
    struct Process: Sendable, Hashable {
        var investigations: [Investigation] = []
        /// Risk identification methods (对照表法, 专家调查法 …).
        var identification: [String] = []
    }

    /// One opinion or demand and what became of it (各方意见及采纳情况).
    struct Opinion: Sendable, Hashable {
        var source: String
        var opinion: String
        /// `nil` when the file does not say.
        var adopted: Bool?
        var response: String?
    }

    /// 应急处置预案 as described in the file.
    struct EmergencyResponse: Sendable, Hashable {
        var summary: String?
        var command: String?
        var levels: [String] = []
        var contacts: [String] = []
    }

    /// One signature of the sign-off block.
    struct Signature: Sendable, Hashable {
        var name: String?
        var date: String?
    }

    /// 建设必要性, 建设方案, 投资, 征地搬迁与安置, 社会环境概况: the 428 project description.
    struct Overview: Sendable, Hashable {
        var necessity: String?
        var scheme: String?
        var investment: String?
        var resettlement: String?
        var environment: String?
    }

    var report = Report()
    var assessor: Assessor?
    var process: Process?
    var opinions: [Opinion]?
    var overview = Overview()
    var emergency: EmergencyResponse?
    /// 编制, 审核, 批准 in that order; `nil` when the file has no `sign_off`.
    var signOff: [Signature]?

    /// Top-level keys of a project file that this outline reads.
    static let fields = [
        "report_number", "assessment_date", "client", "assessor", "process", "opinions", "necessity", "scheme",
        "investment", "resettlement", "environment", "emergency_response", "sign_off",
    ]

    /// The sign-off roles, in order.
    static let signOffRoles = [("prepared", "编制"), ("reviewed", "审核"), ("approved", "批准")]
}

extension ProjectOutline {
    /// Reads the outline fields of a project file's top-level mapping, reporting malformed ones in `reader`.
    static func read(_ top: YAMLNode.Mapping, _ reader: inout NodeReader) -> ProjectOutline {
        var outline = ProjectOutline()
        outline.report = Report(
            number: reader.text(top["report_number"], "报告编号 report_number"),
            date: reader.date(top["assessment_date"], "评估日期 assessment_date")?.value,
            client: reader.text(top["client"], "委托方 client"))
        outline.overview = Overview(
            necessity: reader.text(top["necessity"], "建设必要性 necessity"),
            scheme: reader.text(top["scheme"], "建设方案 scheme"),
            investment: reader.text(top["investment"], "投资 investment"),
            resettlement: reader.text(top["resettlement"], "征地搬迁与安置 resettlement"),
            environment: reader.text(top["environment"], "社会环境概况 environment"))
        if let node = top["assessor"], let mapping = reader.mapping(node, "评估主体 assessor") {
            reader.checkKeys(
                mapping, allowed: ["organisation", "role", "designated_by", "lead", "members", "participants"],
                "评估主体 assessor")
            var assessor = Assessor(
                organisation: reader.text(mapping["organisation"], "评估机构 organisation"),
                role: reader.text(mapping["role"], "评估主体的角色 role"),
                designatedBy: reader.text(mapping["designated_by"], "指定评估主体的机关 designated_by"),
                lead: reader.text(mapping["lead"], "评估负责人 lead"))
            if let items = mapping["members"].flatMap({ reader.sequence($0, "评估组成员 members") }) {
                for item in items {
                    if case .scalar = item, let name = reader.text(item, "成员") {
                        assessor.members.append(Member(name: name))
                    } else if let member = reader.mapping(item, "成员") {
                        reader.checkKeys(member, allowed: ["name", "role"], required: ["name"], "成员")
                        if let name = reader.text(member["name"], "成员姓名 name") {
                            assessor.members.append(Member(name: name, role: reader.text(member["role"], "分工 role")))
                        }
                    }
                }
            }
            assessor.participants =
                reader.stringList(mapping["participants"], "参与的部门、专家和群众代表 participants")?.map(\.value) ?? []
            outline.assessor = assessor
        }
        if let node = top["process"], let mapping = reader.mapping(node, "评估过程和方法 process") {
            reader.checkKeys(mapping, allowed: ["investigations", "identification"], "评估过程和方法 process")
            var process = Process()
            for item in mapping["investigations"].flatMap({ reader.sequence($0, "调查 investigations") }) ?? [] {
                guard let entry = reader.mapping(item, "调查") else { continue }
                reader.checkKeys(
                    entry, allowed: ["method", "from", "to", "scope", "sample", "responses"], required: ["method"],
                    "调查")
                guard let method = reader.text(entry["method"], "调查方式 method") else { continue }
                process.investigations.append(
                    Investigation(
                        method: method, from: reader.date(entry["from"], "开始日期 from")?.value,
                        to: reader.date(entry["to"], "结束日期 to")?.value,
                        scope: reader.text(entry["scope"], "调查范围 scope"),
                        sample: count(entry["sample"], "样本数 sample", &reader),
                        responses: count(entry["responses"], "有效回应数 responses", &reader)))
            }
            process.identification =
                reader.stringList(mapping["identification"], "风险识别方法 identification")?.map(\.value) ?? []
            outline.process = process
        }
        if let node = top["opinions"], let items = reader.sequence(node, "各方意见 opinions") {
            var opinions: [Opinion] = []
            for item in items {
                guard let entry = reader.mapping(item, "意见") else { continue }
                reader.checkKeys(
                    entry, allowed: ["source", "opinion", "adopted", "response"], required: ["source", "opinion"], "意见")
                guard let source = reader.text(entry["source"], "意见来源 source"),
                    let opinion = reader.text(entry["opinion"], "意见内容 opinion")
                else { continue }
                opinions.append(
                    Opinion(
                        source: source, opinion: opinion,
                        adopted: reader.boolean(entry["adopted"], "是否采纳 adopted")?.value,
                        response: reader.text(entry["response"], "采纳情况或不采纳的理由 response")))
            }
            outline.opinions = opinions
        }
        if let node = top["emergency_response"], let mapping = reader.mapping(node, "应急处置预案 emergency_response") {
            reader.checkKeys(
                mapping, allowed: ["summary", "command", "levels", "contacts"], "应急处置预案 emergency_response")
            outline.emergency = EmergencyResponse(
                summary: reader.text(mapping["summary"], "预案概要 summary"),
                command: reader.text(mapping["command"], "指挥机构 command"),
                levels: reader.stringList(mapping["levels"], "响应分级 levels")?.map(\.value) ?? [],
                contacts: reader.stringList(mapping["contacts"], "联系人 contacts")?.map(\.value) ?? [])
        }
        if let node = top["sign_off"], let mapping = reader.mapping(node, "签署 sign_off") {
            reader.checkKeys(mapping, allowed: signOffRoles.map(\.0), "签署 sign_off")
            outline.signOff = signOffRoles.map { key, label in
                guard let node = mapping[key], let entry = reader.mapping(node, "\(label) \(key)") else {
                    return Signature()
                }
                reader.checkKeys(entry, allowed: ["name", "date"], "\(label) \(key)")
                return Signature(
                    name: reader.text(entry["name"], "\(label)人 name"),
                    date: reader.date(entry["date"], "\(label)日期 date")?.value)
            }
        }
        return outline
    }

    /// A non-negative whole number of people or households.
    private static func count(_ node: YAMLNode?, _ what: String, _ reader: inout NodeReader) -> Int? {
        guard let value = reader.integer(node, what) else { return nil }
        if value.value < 0 {
            reader.diagnostics.error(
                .valueOutOfRange, "\(what)不能是负数，这里是 \(value.value)", at: value.location, length: value.length)
            return nil
        }
        return value.value
    }
}
