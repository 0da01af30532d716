extension ProjectFileSchema {
    private typealias S = SchemaBuilding

    /// A `YYYY-MM-DD` date, as ``NodeReader/date(_:_:)`` checks it.
    static func date(_ description: String) -> JSONValue {
        .fields([
            "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": .string(description),
        ])
    }

    private static func count(_ description: String) -> JSONValue {
        .fields(["type": "integer", "minimum": 0, "description": .string(description)])
    }

    private static func texts(_ description: String) -> JSONValue {
        .fields(["description": .string(description), "anyOf": [["type": "string"], S.list(["type": "string"])]])
    }

    /// The report-outline fields of a project file (``ProjectOutline``), all optional.
    static let outline: [(String, JSONValue)] = [
        ("report_number", S.text("报告编号；不填时报告写“未提供”")),
        ("assessment_date", date("评估日期（年-月-日）；报告只用这里的日期，从不取当天日期")),
        ("client", S.text("委托方")),
        ("necessity", S.text("建设必要性")),
        ("scheme", S.text("建设方案")),
        ("investment", S.text("投资（总额和来源）")),
        ("resettlement", S.text("征地搬迁与安置概要")),
        ("environment", S.text("社会环境概况：治安、群体性事件、信访情况等")),
        (
            "assessor",
            S.closed(
                "评估主体",
                [
                    "organisation": S.text("评估机构"),
                    "role": S.text("评估主体的角色，如 委托、承担"),
                    "designated_by": S.text("指定或委托评估主体的机关"),
                    "lead": S.text("评估负责人"),
                    "members": S.list(
                        .fields([
                            "anyOf": [
                                ["type": "string"],
                                S.closed(nil, required: ["name"], ["name": S.text("姓名"), "role": S.text("分工")]),
                            ]
                        ]), "评估组成员：姓名，或 { name, role }"),
                    "participants": texts("参与评估的部门、专家和群众代表"),
                ])
        ),
        (
            "process",
            S.closed(
                "评估过程和方法",
                [
                    "investigations": S.list(
                        S.closed(
                            "一次调查",
                            required: ["method"],
                            [
                                "method": S.text("调查方式：入户调查、问卷、座谈会、听证会、公示、走访、专家论证等"),
                                "from": date("开始日期"), "to": date("结束日期"), "scope": S.text("调查范围"),
                                "sample": count("样本数（户或人）"), "responses": count("有效回应数"),
                            ]), "开展的调查"),
                    "identification": texts("风险识别方法，如 对照表法、专家调查法"),
                ])
        ),
        (
            "opinions",
            S.list(
                S.closed(
                    "一条意见或诉求",
                    required: ["source", "opinion"],
                    [
                        "source": S.text("意见来源，如 被征收人、商户、专家、部门"), "opinion": S.text("意见或诉求"),
                        "adopted": S.boolean("是否采纳"), "response": S.text("采纳情况或不采纳的理由"),
                    ]), "各方意见及采纳情况")
        ),
        (
            "emergency_response",
            S.closed(
                "应急处置预案",
                [
                    "summary": S.text("预案概要"), "command": S.text("指挥机构"),
                    "levels": texts("响应分级"), "contacts": texts("联系人和联系方式"),
                ])
        ),
        (
            "sign_off",
            S.closed(
                "签署",
                [
                    "prepared": signature("编制"), "reviewed": signature("审核"), "approved": signature("批准"),
                ])
        ),
    ]

    private static func signature(_ role: String) -> JSONValue {
        S.closed("\(role)：姓名和日期", ["name": S.text("\(role)人"), "date": date("\(role)日期（年-月-日）")])
    }
}
