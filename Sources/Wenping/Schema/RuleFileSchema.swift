/// The JSON Schema (draft 2020-12) of rule files, format `wenping/1`, as `docs/rule-format.md` describes them.
///
/// ``RuleFileLoader`` is the source of truth for field names: every mapping the loader checks with a fixed list
/// of fields is closed here (`additionalProperties: false`) and lists the same fields, which
/// `RuleFileSchemaTests` checks. Scalars are typed as the loader reads them: a level is a number or a label, a
/// number may be written as a percent (`85%`), an expression is text (or `true`/`false`).
enum RuleFileSchema {
    static func document() -> JSONValue {
        .fields([
            "$schema": SchemaBuilding.dialect,
            "title": "wenping 规则文件（wenping/1）",
            "description": "稳评规则文件：输入项、派生值、等级表、风险程度、风险等级、汇总方法、风险因素和兜底条件。格式说明见 docs/rule-format.md。",
            "type": "object",
            "properties": topLevel,
            "required": ["format", "id"],
            "additionalProperties": false,
            "$defs": definitions,
        ])
    }

    private typealias S = SchemaBuilding

    private static let topLevel: JSONValue = .fields([
        "format": .fields(["const": .string(RuleFileLoader.formatVersion), "description": "规则格式，固定写 wenping/1"]),
        "id": S.text("规则的唯一 id，只用字母、汉字、数字和“_”“-”“.”“/”，如 national/house-expropriation"),
        "title": S.text("规则名称，显示在每份报告中（可继承）"),
        "version": S.text("规则版本，显示在每份报告中；请加引号，如 \"2025.1\"（可继承）"),
        "effective": .fields([
            "description": "施行日期，年-月-日，如 2011-01-21；写 ~ 则不继承上级文件的日期",
            "anyOf": [["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"], ["type": "null"]],
        ]),
        "expires": .fields([
            "description":
                "停止施行日期，年-月-日：本版本施行到这一天的前一天为止（新版本 effective 写同一天则无空档、无重叠）；不写则一直施行；不继承",
            "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        ]),
        "jurisdiction": S.text("适用地区，从大到小用“/”分隔，如 中国/陕西省/西安市（默认 中国）"),
        "applies_to": .fields([
            "description":
                "本规则评估的项目类型（项目文件的 kind）；可写成“类型: 中文名称”映射，如 { house_expropriation: 房屋征收 }，报告显示中文名称，项目文件也可写中文名称；不写则是基础文件：只检查，不用于评估项目",
            "anyOf": [
                ["type": "string"], ["type": "array", "items": ["type": "string"]],
                ["type": "object", "additionalProperties": ["type": "string"]],
            ],
        ]),
        "status": .fields([
            "enum": .strings(RuleFileLoader.statuses),
            "description": "reference：参考规则，地方依据未经现行文件原文校核，每份报告开头提示“参考规则，正式使用前应以现行文件原文校核”；verified：已校核（可继承）",
        ]),
        "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
        "extends": S.text("继承的上级规则文件，相对于本文件的路径，须在规则目录内"),
        "basis": .fields([
            "type": "object",
            "description": "引用的文件：键: 《文件名称》；风险因素、等级和兜底条件的 basis 用这里的键",
            "additionalProperties": .fields([
                "anyOf": [
                    S.text("文件名称，如 《国有土地上房屋征收与补偿条例》（国务院令第590号）"),
                    S.closed(
                        nil, required: ["title"],
                        ["title": S.text("文件名称"), "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中")]),
                ]
            ]),
        ]),
        "inputs": .fields([
            "type": "object",
            "description": "项目要提供的事实：名称: { label, type, … }；名称可在表达式中使用（字母、汉字、数字和“_”，不以数字开头）",
            "additionalProperties": S.ref("input"),
        ]),
        "derived": .fields([
            "type": "object",
            "description": "派生值：名称: { label, expr }；可使用输入项和其他派生值，不能循环",
            "additionalProperties": S.ref("derived"),
        ]),
        "scales": S.ref("scales"),
        "degrees": S.ref("degrees"),
        "grades": S.list(S.ref("grade"), "项目风险等级，从轻到重（低、中、高）"),
        "aggregation": S.ref("aggregation"),
        "weights": S.list(S.ref("weightGroup"), "层次分析法（AHP）权重组：组内因素的权重由判断矩阵求得"),
        "experts": S.closed(
            "专家评分的聚合方法：写了 source: experts 的风险因素按项目专家评分的聚合结果取风险概率和影响程度（见 docs/experts.md）",
            required: ["method"],
            [
                "method": .fields([
                    "enum": ["mean", "fuzzy"], "description": "mean：等级均值；fuzzy：模糊综合评价",
                ]),
                "defuzzify": .fields([
                    "enum": ["max_membership", "weighted_average"],
                    "description": "fuzzy 时取级的原则：max_membership 最大隶属度（默认），weighted_average 加权平均",
                ]),
                "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
            ]),
        "factors": S.list(S.ref("factor"), "风险因素；与上级文件同 id 的替换上级的，新 id 追加"),
        "floors": S.list(S.ref("floor"), "兜底条件：条件成立时，项目至少为给定的风险等级"),
        "remove": S.ref("remove"),
    ])

    private static let definitions: JSONValue = .fields([
        "number": .fields([
            "description": "数字；也可写百分数，如 85%（即 0.85）",
            "anyOf": [["type": "number"], ["type": "string", "pattern": "^[-+]?[0-9.]+%$"]],
        ]),
        "level": .fields(["type": ["integer", "string"], "description": "等级：写级别序号（如 4）或名称（如 较高）"]),
        "condition": .fields([
            "type": ["string", "boolean"], "description": "条件表达式，如 compensation_ratio < 0.9 and households >= 300",
        ]),
        "stringList": .fields(["anyOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]]]),
        "basisReferences": .fields([
            "description": "依据：basis 中声明的键，后面可写条款，如 reg590 第十九条；多条写成列表",
            "anyOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]],
        ]),
        "input": S.closed(
            "一个输入项（项目要提供的事实）", required: ["label", "type"],
            [
                "label": S.text("名称（中文），显示在报告中"),
                "type": .fields([
                    "enum": .strings(RuleFileLoader.inputTypes),
                    "description": .string(
                        "类型：integer 整数，number 数字，percent 百分数（0.35 或 35%），boolean 是/否，"
                            + "enum 枚举（用 values 列出取值），text 文字（只作说明），date 日期（年-月-日）"),
                ]),
                "unit": S.text("单位，如 户、元/㎡"),
                "min": S.ref("number", "最小值（含）；百分数默认 0"),
                "max": S.ref("number", "最大值（含）；百分数默认 100%"),
                "required": S.boolean("是否必填；既不必填又无默认值的是可选项，缺少时相关条件“无法判断”"),
                "default": .fields([
                    "type": ["number", "string", "boolean"], "description": "项目不提供时使用的默认值（必填项不能有默认值）",
                ]),
                "values": .fields([
                    "description": "枚举的取值：名称列表（[甲, 乙]），或“键: 名称”映射",
                    "anyOf": [
                        ["type": "array", "items": ["type": "string"]],
                        ["type": "object", "additionalProperties": ["type": "string"]],
                    ],
                ]),
                "description": S.text("说明"),
                "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
            ]),
        "derived": S.closed(
            "一个派生值", required: ["expr"],
            [
                "label": S.text("名称（中文）"),
                "unit": S.text("单位"),
                "expr": .fields([
                    "type": ["string", "number", "boolean"],
                    "description": "表达式，如 offered_price / market_price；除以零时结果“无法判断”",
                ]),
                "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
            ]),
        "scales": S.closed(
            "风险概率和影响程度的等级表",
            [
                "probability": S.list(S.ref("scaleLevel"), "风险概率等级，从低到高，级别从 1 起依次编号，分值逐级增大"),
                "impact": S.list(S.ref("scaleLevel"), "影响程度等级，从低到高，级别从 1 起依次编号，分值逐级增大"),
            ]),
        "scaleLevel": S.closed(
            "等级表的一级", required: ["level", "label", "value"],
            [
                "level": .fields(["type": "integer", "description": "级别序号，从 1 起"]),
                "label": S.text("等级名称，如 很低、较高"),
                "value": S.ref("number", "分值，用于概率×影响的乘积和综合风险指数"),
            ]),
        "degrees": S.closed(
            "单因素风险程度：按概率分值×影响分值的分界点（by: product）或矩阵（by: matrix）",
            [
                "levels": S.ref("stringList", "风险程度名称，从轻到重，如 [微小, 较小, 一般, 较大, 重大]"),
                "by": .fields(["enum": ["product", "matrix"], "description": "product：按乘积分界点 cuts；matrix：按矩阵 matrix"]),
                "cuts": S.list(S.ref("degreeCut"), "乘积分界点，从高到低，以 else 结尾"),
                "matrix": .fields([
                    "type": "object",
                    "description": "每个概率等级一行（键为概率等级的名称或序号），每行按影响程度 1…n 级写出风险程度",
                    "additionalProperties": ["type": "array", "items": ["$ref": "#/$defs/level"]],
                ]),
            ]),
        "degreeCut": .fields([
            "description": "一个分界点：乘积不小于 at_least 时为 degree；最后一档写 else",
            "oneOf": [
                S.closed(
                    nil, required: ["at_least", "degree"],
                    ["at_least": S.ref("number", "下界（含）"), "degree": S.ref("level", "风险程度")]),
                ["$ref": "#/$defs/elseCut"],
            ],
        ]),
        "indexCut": .fields([
            "description": "一个阈值：综合风险指数不小于 at_least 时为 grade；最后一档写 else",
            "oneOf": [
                S.closed(
                    nil, required: ["at_least", "grade"],
                    ["at_least": S.ref("number", "下界（含）"), "grade": S.ref("level", "风险等级 id")]),
                ["$ref": "#/$defs/elseCut"],
            ],
        ]),
        "elseCut": S.closed(nil, required: ["else"], ["else": S.ref("level", "低于所有分界点时的结果")]),
        "grade": S.closed(
            "一个项目风险等级；下级文件写同 id 的等级时只替换它写出的字段", required: ["id"],
            [
                "id": S.text("等级 id，如 低、中、高"),
                "label": S.text("名称，如 低风险"),
                "description": S.text("等级含义（按 basis 所引文件的原文）"),
                "decision": S.text("该等级的决策结论，按本规则所依据文件的原文措辞（须写，可继承）"),
                "decision_basis": S.ref("basisReferences", "决策结论的依据，如 reg590 第十二条"),
                "proceed": S.boolean("落实措施后为该等级的项目是否可以实施"),
                "basis": S.ref("basisReferences", "等级含义的依据"),
                "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
            ]),
        "aggregation": S.closed(
            "汇总方法：项目风险等级取综合风险指数、数量规则和兜底条件中最严重者",
            [
                "index": S.list(S.ref("indexCut"), "综合风险指数 Σwᵢ·Pᵢ·Iᵢ / Σwᵢ 的阈值，从高到低，以 else 结尾"),
                "rules": S.list(S.ref("rule"), "数量规则：按各风险程度的因素个数定等级"),
                "unknown": S.ref("unknownPolicy"),
            ]),
        "rule": S.closed(
            "一条数量规则", required: ["id", "when", "grade"],
            [
                "id": S.text("规则 id"),
                "when": S.ref("condition", "条件，可用 count(较大) 和 count_at_least(较大) 计数适用的因素"),
                "grade": S.text("条件成立时项目至少为的风险等级"),
                "because": S.text("理由，显示在报告中"),
                "basis": S.ref("basisReferences"),
                "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
            ]),
        "unknownPolicy": .fields([
            "enum": .strings(RuleFileLoader.unknownPolicies),
            "description": .string(
                "条件因缺少可选事实而无法判断时：cautious 从严（分档取该档及其后各档的最高等级，兜底条件视为成立）；"
                    + "ignore 视为不满足。两者都会在报告中警告"),
        ]),
        "weightGroup": S.closed(
            "一个 AHP 权重组", required: ["id", "method", "factors", "matrix"],
            [
                "id": S.text("权重组 id"),
                "label": S.text("名称"),
                "method": .fields(["enum": ["ahp"], "description": "求权重的方法；目前只支持 ahp（层次分析法）"]),
                "factors": S.ref("stringList", "组内风险因素的 id，顺序即判断矩阵的行列顺序"),
                "matrix": S.list(
                    S.list(S.ref("pairwise")), "判断矩阵：matrix[i][j] 表示因素 i 比因素 j 重要多少（1–9 标度），对角线为 1，互为倒数"),
                "share": S.ref("number", "本组占总权重的比例（默认 1）；因素权重 = share × AHP 权重"),
            ]),
        "pairwise": .fields([
            "description": "判断矩阵的元素：1–9 的数字或其倒数，如 3 或 1/3",
            "anyOf": [["type": "number"], ["type": "string", "pattern": "^ *[0-9.]+ */ *[0-9.]+ *$"]],
        ]),
        "factor": S.closed(
            "一个风险因素", required: ["id", "label", "probability", "impact"],
            [
                "id": S.text("风险因素 id，如 compensation-below-market"),
                "label": S.text("名称，如 补偿标准低于市场价格"),
                "category": S.text("风险类型（自由文字），报告按它分组，如 合法性、合理性、可行性、可控性"),
                "stage": S.text("发生阶段，如 征收决定前"),
                "weight": S.ref("number", "权重，0…1；由 AHP 权重组求得时不写"),
                "basis": S.ref("basisReferences"),
                "applies_when": S.ref("condition", "适用条件；不适用的因素不计入综合指数"),
                "source": .fields([
                    "enum": .strings(RuleFileLoader.factorSources),
                    "description":
                        "风险概率和影响程度的来源：bands 按下面的分档（默认）；experts 按项目专家评分的聚合结果（规则须写 experts.method），项目缺少该因素的专家评分时按 unknown 处理（cautious 取最高级）",
                ]),
                "probability": S.list(S.ref("band"), "风险概率分档：第一个条件成立的档决定等级，最后一档写 else"),
                "impact": S.list(S.ref("band"), "影响程度分档：第一个条件成立的档决定等级，最后一档写 else"),
                "measures": S.list(S.ref("measure"), "防范化解措施：项目采纳后降低等级"),
                "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
            ]),
        "band": .fields([
            "description": "一档：{ when: 条件, level: 等级, because: 理由 }，或最后的 { else: 等级 }",
            "oneOf": [
                S.closed(
                    nil, required: ["when", "level"],
                    [
                        "id": S.text("分档 id，措施的 cures 用它点名对症的成因"),
                        "when": S.ref("condition"),
                        "level": S.ref("level"),
                        "because": S.text("理由，显示在报告中"),
                        "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
                    ]),
                S.closed(
                    nil, required: ["else"],
                    [
                        "id": S.text("分档 id"),
                        "else": S.ref("level", "前面各档都不成立时的等级"), "because": S.text("理由，显示在报告中"),
                        "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
                    ]),
            ],
        ]),
        "measure": S.closed(
            "一项防范化解措施", required: ["id", "label", "owner", "lowers"],
            [
                "id": S.text("措施 id；项目文件的 measures 用它表示已采纳"),
                "label": S.text("措施内容"),
                "owner": S.text("责任主体，如 房屋征收部门"),
                "assisting": S.text("协助单位"),
                "deadline": S.text("时限，如 征收决定前"),
                "cures": S.ref("stringList", "对症的分档 id（同一风险因素）；写了时只在这些分档决定等级时才降低等级，不写则对所有分档有效"),
                "satisfied_when": S.ref("condition", "项目事实表明措施已落实的条件；成立时采纳该措施不改变任何等级，报告不再建议它"),
                "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
                "lowers": .fields([
                    "type": "object",
                    "description": "采纳后降低的级数（不低于最低一级）；至少写一项",
                    "properties": .fields([
                        "probability": .fields(["type": "integer", "minimum": 0, "description": "降低的风险概率级数"]),
                        "impact": .fields(["type": "integer", "minimum": 0, "description": "降低的影响程度级数"]),
                    ]),
                    "minProperties": 1,
                    "additionalProperties": false,
                ]),
            ]),
        "floor": S.closed(
            "一个兜底条件", required: ["id", "when", "grade", "basis"],
            [
                "id": S.text("兜底条件 id"),
                "label": S.text("名称"),
                "when": S.ref("condition"),
                "grade": S.text("条件成立时项目至少为的风险等级，如 高"),
                "basis": S.ref("basisReferences"),
                "because": S.text("理由，显示在报告中"),
                "unknown": S.ref("unknownPolicy"),
                "note": S.text("规则作者的备注（来源、核对情况等）；不会出现在报告中"),
            ]),
        "remove": S.closed(
            "删除从上级文件继承的项（按 id 或名称）",
            [
                "factors": S.ref("stringList", "要删除的风险因素 id"),
                "floors": S.ref("stringList", "要删除的兜底条件 id"),
                "inputs": S.ref("stringList", "要删除的输入项名称"),
                "derived": S.ref("stringList", "要删除的派生值名称"),
                "rules": S.ref("stringList", "要删除的数量规则 id"),
            ]),
    ])
}
