/// The stable identifier of a kind of diagnostic, such as `E202`.
///
/// Codes never change meaning once released: tests, documentation and tools match on them, while the message
/// wording may improve. The first digit groups them: `E1xx` reading files and YAML, `E2xx` the shape of rule
/// files, `E3xx` expressions, `E4xx` project files (and rule test files), `W5xx` warnings for rule authors, `E8xx`
/// report documents and templates. Every code is listed in ``DiagnosticCode/catalog`` with a one-line summary;
/// `docs/diagnostics.md` is generated from the same list.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// One entry of the catalog: the code, a short English slug and a one-line Chinese summary.
    public struct Entry: Sendable, Hashable {
        public let code: DiagnosticCode
        public let slug: String
        public let summary: String
    }

    // MARK: - Files and YAML (E1xx)

    /// The file could not be read (missing, a folder, no permission).
    public static let fileUnreadable = DiagnosticCode(rawValue: "E101")
    /// libyaml rejected the text: the YAML is malformed.
    public static let yamlSyntax = DiagnosticCode(rawValue: "E102")
    /// The bytes are not valid UTF-8.
    public static let invalidUTF8 = DiagnosticCode(rawValue: "E103")
    /// A tab character is used where YAML only allows spaces.
    public static let tabIndentation = DiagnosticCode(rawValue: "E104")
    /// The same key appears twice in one mapping.
    public static let duplicateKey = DiagnosticCode(rawValue: "E105")
    /// An explicit tag (`!!python/object`, `!foo`) was used; rule files take plain data only.
    public static let tagRejected = DiagnosticCode(rawValue: "E106")
    /// Anchors and aliases expand beyond the safe limit (an alias naming no anchor is a syntax error, E102).
    public static let aliasLimit = DiagnosticCode(rawValue: "E107")
    /// Nesting deeper than the safe limit.
    public static let nestingTooDeep = DiagnosticCode(rawValue: "E108")
    /// The file is larger than the safe limit.
    public static let fileTooLarge = DiagnosticCode(rawValue: "E109")
    /// The file holds no document, or more than one.
    public static let documentCount = DiagnosticCode(rawValue: "E110")
    /// A mapping key is not a plain scalar.
    public static let complexKey = DiagnosticCode(rawValue: "E111")
    /// A mapping key longer than the safe limit.
    public static let keyTooLong = DiagnosticCode(rawValue: "E112")
    /// The path names something other than a regular file: a pipe (FIFO), a device, a socket, or a symbolic link
    /// that loops; such a path is never opened for reading.
    public static let notARegularFile = DiagnosticCode(rawValue: "E113")
    /// More problems in one file (or one expression) than are worth listing; the rest are counted, not shown.
    public static let diagnosticsOmitted = DiagnosticCode(rawValue: "E114")
    /// A batch input in a folder is a symbolic link to something outside that folder.
    public static let linkOutsideFolder = DiagnosticCode(rawValue: "E115")

    // MARK: - Rule file structure (E2xx)

    /// A mapping, list or scalar was expected and something else was found.
    public static let wrongNodeKind = DiagnosticCode(rawValue: "E201")
    /// A field name the format does not know (often a typo).
    public static let unknownField = DiagnosticCode(rawValue: "E202")
    /// A required field is missing.
    public static let missingField = DiagnosticCode(rawValue: "E203")
    /// A scalar does not have the type the field needs (number, integer, boolean, date).
    public static let wrongScalarType = DiagnosticCode(rawValue: "E204")
    /// An id is not a valid identifier.
    public static let invalidIdentifier = DiagnosticCode(rawValue: "E205")
    /// The `format` field is missing or names a version this engine does not read.
    public static let unsupportedFormat = DiagnosticCode(rawValue: "E206")
    /// Two items in one list share an id.
    public static let duplicateID = DiagnosticCode(rawValue: "E207")
    /// A number is outside the range the field allows.
    public static let valueOutOfRange = DiagnosticCode(rawValue: "E208")
    /// A probability, impact or degree level that the ruleset's scales do not define.
    public static let unknownLevel = DiagnosticCode(rawValue: "E209")
    /// A `basis` reference to a document key the ruleset does not declare.
    public static let unknownBasis = DiagnosticCode(rawValue: "E210")
    /// The file named by `extends` does not exist or cannot be read.
    public static let extendsNotFound = DiagnosticCode(rawValue: "E211")
    /// `extends` forms a cycle.
    public static let extendsCycle = DiagnosticCode(rawValue: "E212")
    /// `extends` points outside the rules folder.
    public static let extendsOutsideRoot = DiagnosticCode(rawValue: "E213")
    /// `remove` names something the parent does not have.
    public static let removeUnknown = DiagnosticCode(rawValue: "E214")
    /// A probability or impact scale is malformed (levels not 1…n, labels repeated, values not increasing).
    public static let invalidScale = DiagnosticCode(rawValue: "E215")
    /// The degree matrix or cut-points are malformed.
    public static let invalidDegrees = DiagnosticCode(rawValue: "E216")
    /// A grade that the ruleset's `grades` do not define.
    public static let unknownGrade = DiagnosticCode(rawValue: "E217")
    /// An input definition is inconsistent (min above max, enum without values, default of the wrong type).
    public static let invalidInput = DiagnosticCode(rawValue: "E218")
    /// A date is not a valid `YYYY-MM-DD` calendar date.
    public static let invalidDate = DiagnosticCode(rawValue: "E219")
    /// A band list does not end with an `else` band, or has an `else` before its end.
    public static let bandsWithoutElse = DiagnosticCode(rawValue: "E220")
    /// A required section is missing from the ruleset after `extends` is applied.
    public static let missingSection = DiagnosticCode(rawValue: "E221")
    /// A name is declared twice across inputs and derived values.
    public static let duplicateName = DiagnosticCode(rawValue: "E222")
    /// An AHP pairwise comparison matrix whose consistency ratio is 0.1 or more.
    public static let ahpInconsistent = DiagnosticCode(rawValue: "E223")
    /// Weights that cannot be determined: a malformed AHP group, a factor in two groups, a factor without weight.
    public static let invalidWeights = DiagnosticCode(rawValue: "E224")
    /// An `extends` chain longer than the safe limit.
    public static let extendsTooDeep = DiagnosticCode(rawValue: "E225")
    /// An id or name longer than the safe limit.
    public static let identifierTooLong = DiagnosticCode(rawValue: "E226")

    /// A measure's `cures` names a band id that its factor does not have.
    public static let unknownCure = DiagnosticCode(rawValue: "E230")

    // MARK: - Rules in force on a date (E25x)

    /// A ruleset's `expires` is not after its `effective` date: the version would never be in force.
    public static let emptyValidity = DiagnosticCode(rawValue: "E250")
    /// No version of the ruleset chosen for a project is in force on the project's date.
    public static let noVersionInForce = DiagnosticCode(rawValue: "E251")
    /// Several versions of the ruleset chosen for a project are in force on the project's date.
    public static let severalVersionsInForce = DiagnosticCode(rawValue: "E252")
    /// Several rule files share an id but cannot be told apart as versions: two give the same `version`, or one
    /// has no `effective` date.
    public static let indistinctVersions = DiagnosticCode(rawValue: "E253")
    /// A factor takes its probability and impact from the expert panel (`source: experts`), but the ruleset
    /// declares no panel method (`experts: { method: … }`).
    public static let expertsWithoutMethod = DiagnosticCode(rawValue: "E254")

    // MARK: - Expressions (E3xx)

    /// A character that cannot start any token.
    public static let unexpectedCharacter = DiagnosticCode(rawValue: "E301")
    /// A string literal without its closing quote.
    public static let unterminatedString = DiagnosticCode(rawValue: "E302")
    /// The expression does not follow the grammar.
    public static let expressionSyntax = DiagnosticCode(rawValue: "E303")
    /// A name that is neither an input, a derived value nor a built-in.
    public static let unknownName = DiagnosticCode(rawValue: "E304")
    /// Operands or arguments of the wrong type.
    public static let typeMismatch = DiagnosticCode(rawValue: "E305")
    /// A value compared with an enum input that the enum does not have.
    public static let unknownEnumValue = DiagnosticCode(rawValue: "E306")
    /// A call to an unknown function, or with the wrong number of arguments.
    public static let badCall = DiagnosticCode(rawValue: "E307")
    /// Derived values that depend on each other in a circle.
    public static let derivedCycle = DiagnosticCode(rawValue: "E308")
    /// A built-in used where it has no meaning (for example `count` outside aggregation rules).
    public static let builtinOutOfContext = DiagnosticCode(rawValue: "E309")
    /// A condition that is not true/false valued.
    public static let notACondition = DiagnosticCode(rawValue: "E310")
    /// An expression longer than the safe limit.
    public static let expressionTooLong = DiagnosticCode(rawValue: "E311")
    /// An expression nested deeper than the safe limit (parentheses, calls, operators).
    public static let expressionTooDeep = DiagnosticCode(rawValue: "E312")

    // MARK: - Project files (E4xx)

    /// A fact the ruleset's inputs do not declare.
    public static let unknownFact = DiagnosticCode(rawValue: "E401")
    /// A fact whose value has the wrong type.
    public static let factType = DiagnosticCode(rawValue: "E402")
    /// A fact outside its declared range.
    public static let factOutOfRange = DiagnosticCode(rawValue: "E403")
    /// A required fact is missing.
    public static let missingFact = DiagnosticCode(rawValue: "E404")
    /// No ruleset matches the project's kind and jurisdiction.
    public static let noRuleset = DiagnosticCode(rawValue: "E405")
    /// An adopted measure that no applicable factor offers.
    public static let unknownMeasure = DiagnosticCode(rawValue: "E406")
    /// A project field is missing or malformed.
    public static let invalidProject = DiagnosticCode(rawValue: "E407")
    /// A rule test (`*.test.yaml`) names a factor, floor, count rule or fact that its ruleset does not have.
    public static let testReference = DiagnosticCode(rawValue: "E408")

    // MARK: - Command line: finding rules, recognising inputs (E44x)

    /// No rules were found (`--rules`, `WENPING_RULES`, `./Rules`, the installed rules): nothing was graded.
    public static let rulesNotFound = DiagnosticCode(rawValue: "E440")
    /// A JSON Lines file was given to a command that grades one project per file (`assess`); `batch` reads it.
    public static let jsonLinesToAssess = DiagnosticCode(rawValue: "E441")
    /// A file given as a project looks like a rule file.
    public static let ruleFileAsProject = DiagnosticCode(rawValue: "E442")
    /// A file given as a rule file looks like a project file.
    public static let projectAsRuleFile = DiagnosticCode(rawValue: "E443")

    // MARK: - Batch input (E45x)

    /// A line of a JSON Lines file is YAML (or anything else) but not JSON.
    public static let notJSON = DiagnosticCode(rawValue: "E450")

    // MARK: - Surveys and evidence (E46x, W54x)

    /// A survey spec (`wenping survey --spec`) is malformed: unknown question or answer, duplicate column.
    public static let invalidSurveySpec = DiagnosticCode(rawValue: "E460")
    /// A responses file is not UTF-8 (GBK/GB18030 or UTF-16 from a spreadsheet).
    public static let surveyEncoding = DiagnosticCode(rawValue: "E461")
    /// The responses file lacks a column the spec reads, or repeats a header.
    public static let surveyColumn = DiagnosticCode(rawValue: "E462")
    /// The responses file has no valid row, so no rate can be computed.
    public static let surveyNoValidRows = DiagnosticCode(rawValue: "E463")
    /// A project file's `survey` block is malformed or inconsistent (a value that is not count / n).
    public static let invalidSurveyBlock = DiagnosticCode(rawValue: "E464")
    /// A fact given both under `facts` and under `survey.facts`.
    public static let surveyFactTwice = DiagnosticCode(rawValue: "E465")
    /// A project's `experts:` block does not fit its ruleset: unknown factor or level, wrong number of scores,
    /// unknown method.
    public static let invalidExpertPanel = DiagnosticCode(rawValue: "E466")

    // MARK: - Output (E62x)

    /// A report, summary or output folder could not be written (exit status 4).
    public static let outputUnwritable = DiagnosticCode(rawValue: "E620")

    // MARK: - Service and ledger (E7xx)

    /// The request body is not valid JSON, or a field is missing or of the wrong type.
    public static let requestMalformed = DiagnosticCode(rawValue: "E701")
    /// The request body is larger than the service accepts.
    public static let bodyTooLarge = DiagnosticCode(rawValue: "E702")
    /// No session or token was given.
    public static let notAuthenticated = DiagnosticCode(rawValue: "E703")
    /// The user's role does not allow the action.
    public static let roleForbidden = DiagnosticCode(rawValue: "E704")
    /// A state-changing request made with a session lacks the CSRF token.
    public static let csrfRejected = DiagnosticCode(rawValue: "E705")
    /// No such route, project, assessment, ruleset or job.
    public static let resourceNotFound = DiagnosticCode(rawValue: "E706")
    /// The route exists but not for this method.
    public static let methodNotAllowed = DiagnosticCode(rawValue: "E707")
    /// Wrong user name or password.
    public static let loginFailed = DiagnosticCode(rawValue: "E708")
    /// Too many failed logins; wait before trying again.
    public static let loginThrottled = DiagnosticCode(rawValue: "E709")
    /// The session expired or was ended, or the token was revoked.
    public static let sessionExpired = DiagnosticCode(rawValue: "E710")
    /// The new rules have errors; the service keeps the old ones.
    public static let reloadRejected = DiagnosticCode(rawValue: "E711")
    /// A review is incomplete (an override without a reason or with an unknown grade).
    public static let reviewInvalid = DiagnosticCode(rawValue: "E712")
    /// A stored report cannot be rendered in another format because its ruleset (by digest) is no longer loaded.
    public static let rulesetUnavailable = DiagnosticCode(rawValue: "E713")
    /// The ledger could not be opened, read or written.
    public static let ledgerFailure = DiagnosticCode(rawValue: "E714")
    /// The request names something that already exists (a user name).
    public static let conflict = DiagnosticCode(rawValue: "E715")
    /// The ledger's hash chain or database checks fail (`wenping ledger verify`).
    public static let ledgerChainBroken = DiagnosticCode(rawValue: "E716")
    /// The project could not be graded; the problem's diagnostics say why.
    public static let projectRejected = DiagnosticCode(rawValue: "E717")

    // MARK: - Warnings for rule authors (W5xx)

    /// Factor weights that do not add up to 1.
    public static let weightsDoNotSum = DiagnosticCode(rawValue: "W501")
    /// A band that can never match because earlier bands already cover it.
    public static let bandShadowed = DiagnosticCode(rawValue: "W502")
    /// An input that no expression uses.
    public static let inputUnused = DiagnosticCode(rawValue: "W503")
    /// A factor that cites no legal or policy basis.
    public static let factorWithoutBasis = DiagnosticCode(rawValue: "W504")
    /// A grade that no threshold, count rule or floor can produce.
    public static let gradeUnreachable = DiagnosticCode(rawValue: "W505")
    /// A derived value that no expression uses.
    public static let derivedUnused = DiagnosticCode(rawValue: "W506")
    /// A questionnaire row that cannot be counted (unknown answer, blank required answer, repeated id); it is
    /// left out of every rate, counted and listed.
    public static let invalidResponse = DiagnosticCode(rawValue: "W540")
    /// More valid questionnaires than households to survey: coverage above 100%.
    public static let coverageAboveAll = DiagnosticCode(rawValue: "W541")
    /// A survey fact that the project's ruleset does not declare as an input; shown, not graded.
    public static let surveyFactUnused = DiagnosticCode(rawValue: "W542")
    /// Two versions of one ruleset are in force on some same days (the older one lacks `expires`, or it is
    /// later than the newer one's `effective`).
    public static let versionsOverlap = DiagnosticCode(rawValue: "W543")
    /// Days between two versions of one ruleset on which neither is in force.
    public static let versionsGap = DiagnosticCode(rawValue: "W544")
    /// A project without an assessment date (and no `--as-of`) graded by a ruleset with several versions: the
    /// newest version was used, and the report says so.
    public static let undatedProject = DiagnosticCode(rawValue: "W545")
    /// The version named with `--ruleset ID@VERSION` is not in force on the project's date; graded as asked,
    /// and the report says so.
    public static let pinnedVersionNotInForce = DiagnosticCode(rawValue: "W546")
    /// A factor the ruleset grades by the expert panel (`source: experts`) has no panel scores in the project: its
    /// levels follow the unknown policy (cautious: the highest levels), and the report says so.
    public static let expertScoresMissing = DiagnosticCode(rawValue: "W547")

    /// A measure that names the bands it cures, but none of them can be lowered by it.
    public static let measureCuresNothing = DiagnosticCode(rawValue: "W507")
    /// A label or reason that states a bound its condition does not have.
    public static let textBoundMismatch = DiagnosticCode(rawValue: "W508")
    /// A grade that the composite index can never decide, given the count rules and the degree table.
    public static let indexNeverDecides = DiagnosticCode(rawValue: "W509")
    /// A default on an input that a risk band, applicability condition or floor reads.
    public static let defaultHidesRisk = DiagnosticCode(rawValue: "W510")

    // MARK: - Documents and templates (E8xx)

    /// A report template is not valid Mustache (an unclosed section, a malformed tag).
    public static let templateSyntax = DiagnosticCode(rawValue: "E801")
    /// A file in the template folder is not one of the templates a report uses (often a misspelt name).
    public static let templateUnknown = DiagnosticCode(rawValue: "E802")
    /// A template file or the template folder cannot be read, or is not UTF-8.
    public static let templateUnreadable = DiagnosticCode(rawValue: "E803")
    /// A template names a value reports do not have (it would print nothing).
    public static let templateUnknownName = DiagnosticCode(rawValue: "E804")
    /// No program that can make a PDF (LibreOffice or Chromium) was found.
    public static let pdfConverterMissing = DiagnosticCode(rawValue: "E805")
    /// The PDF converter ran but did not produce a PDF (failed, or took too long).
    public static let pdfConversionFailed = DiagnosticCode(rawValue: "E806")
    /// `wenping templates export` could not write the templates (folder not writable, files already there).
    public static let templateExportFailed = DiagnosticCode(rawValue: "E807")
    /// The Word package (ZIP) could not be assembled.
    public static let documentPackageFailed = DiagnosticCode(rawValue: "E808")

    /// Every code with its slug and summary, in code order.
    public static let catalog: [Entry] = [
        Entry(code: .fileUnreadable, slug: "file-unreadable", summary: "文件无法读取"),
        Entry(code: .yamlSyntax, slug: "yaml-syntax", summary: "YAML 语法错误"),
        Entry(code: .invalidUTF8, slug: "invalid-utf8", summary: "文件不是有效的 UTF-8 编码"),
        Entry(code: .tabIndentation, slug: "tab-indentation", summary: "YAML 中使用了制表符（Tab）"),
        Entry(code: .duplicateKey, slug: "duplicate-key", summary: "同一映射中键重复"),
        Entry(code: .tagRejected, slug: "tag-rejected", summary: "不允许使用 YAML 标签"),
        Entry(code: .aliasLimit, slug: "alias-limit", summary: "锚点/别名展开超出安全上限"),
        Entry(code: .nestingTooDeep, slug: "nesting-too-deep", summary: "嵌套层数超出安全上限"),
        Entry(code: .fileTooLarge, slug: "file-too-large", summary: "文件超出大小上限"),
        Entry(code: .documentCount, slug: "document-count", summary: "文件应恰好包含一个 YAML 文档"),
        Entry(code: .complexKey, slug: "complex-key", summary: "映射的键必须是简单文本"),
        Entry(code: .keyTooLong, slug: "key-too-long", summary: "映射的键超出长度上限"),
        Entry(code: .notARegularFile, slug: "not-a-regular-file", summary: "不是普通文件（管道、设备或循环的符号链接）"),
        Entry(code: .diagnosticsOmitted, slug: "diagnostics-omitted", summary: "问题太多，其余未显示"),
        Entry(code: .linkOutsideFolder, slug: "link-outside-folder", summary: "符号链接指向输入文件夹之外"),
        Entry(code: .wrongNodeKind, slug: "wrong-node-kind", summary: "结构类型不对（映射、列表或单值）"),
        Entry(code: .unknownField, slug: "unknown-field", summary: "未知字段"),
        Entry(code: .missingField, slug: "missing-field", summary: "缺少必填字段"),
        Entry(code: .wrongScalarType, slug: "wrong-scalar-type", summary: "值的类型不对"),
        Entry(code: .invalidIdentifier, slug: "invalid-identifier", summary: "标识（id）不合规"),
        Entry(code: .unsupportedFormat, slug: "unsupported-format", summary: "不支持的规则格式版本"),
        Entry(code: .duplicateID, slug: "duplicate-id", summary: "标识（id）重复"),
        Entry(code: .valueOutOfRange, slug: "value-out-of-range", summary: "数值超出允许范围"),
        Entry(code: .unknownLevel, slug: "unknown-level", summary: "未定义的等级"),
        Entry(code: .unknownBasis, slug: "unknown-basis", summary: "引用了未声明的依据文件"),
        Entry(code: .extendsNotFound, slug: "extends-not-found", summary: "extends 指向的文件不存在"),
        Entry(code: .extendsCycle, slug: "extends-cycle", summary: "extends 形成循环"),
        Entry(code: .extendsOutsideRoot, slug: "extends-outside-root", summary: "extends 指向规则目录之外"),
        Entry(code: .removeUnknown, slug: "remove-unknown", summary: "remove 列出了上级规则中不存在的项"),
        Entry(code: .invalidScale, slug: "invalid-scale", summary: "概率或影响等级表不合规"),
        Entry(code: .invalidDegrees, slug: "invalid-degrees", summary: "风险程度矩阵或分界点不合规"),
        Entry(code: .unknownGrade, slug: "unknown-grade", summary: "未定义的风险等级"),
        Entry(code: .invalidInput, slug: "invalid-input", summary: "输入项定义自相矛盾"),
        Entry(code: .invalidDate, slug: "invalid-date", summary: "日期无效"),
        Entry(code: .bandsWithoutElse, slug: "bands-without-else", summary: "分档列表须以 else 结尾"),
        Entry(code: .missingSection, slug: "missing-section", summary: "规则缺少必需的部分"),
        Entry(code: .duplicateName, slug: "duplicate-name", summary: "输入项与派生值重名"),
        Entry(code: .ahpInconsistent, slug: "ahp-inconsistent", summary: "AHP 判断矩阵一致性比率 CR 不小于 0.1"),
        Entry(code: .invalidWeights, slug: "invalid-weights", summary: "权重无法确定（判断矩阵不合规、因素缺少权重等）"),
        Entry(code: .extendsTooDeep, slug: "extends-too-deep", summary: "extends 层数超出上限"),
        Entry(code: .identifierTooLong, slug: "identifier-too-long", summary: "标识（id）或名称超出长度上限"),
        Entry(code: .unknownCure, slug: "unknown-cure", summary: "措施的 cures 引用了不存在的分档"),
        Entry(code: .emptyValidity, slug: "empty-validity", summary: "规则的停止施行日期（expires）不晚于生效日期"),
        Entry(code: .noVersionInForce, slug: "no-version-in-force", summary: "项目日期没有施行中的规则版本"),
        Entry(code: .severalVersionsInForce, slug: "several-versions-in-force", summary: "项目日期有多个施行中的规则版本"),
        Entry(code: .indistinctVersions, slug: "indistinct-versions", summary: "同一 id 的多个规则文件无法区分版本"),
        Entry(code: .expertsWithoutMethod, slug: "experts-without-method", summary: "风险因素由专家评分确定，但规则没有写聚合方法"),
        Entry(code: .unexpectedCharacter, slug: "unexpected-character", summary: "表达式中有无法识别的字符"),
        Entry(code: .unterminatedString, slug: "unterminated-string", summary: "字符串缺少结束引号"),
        Entry(code: .expressionSyntax, slug: "expression-syntax", summary: "表达式语法错误"),
        Entry(code: .unknownName, slug: "unknown-name", summary: "表达式中的名称未定义"),
        Entry(code: .typeMismatch, slug: "type-mismatch", summary: "表达式类型不匹配"),
        Entry(code: .unknownEnumValue, slug: "unknown-enum-value", summary: "枚举没有这个取值"),
        Entry(code: .badCall, slug: "bad-call", summary: "函数不存在或参数个数不对"),
        Entry(code: .derivedCycle, slug: "derived-cycle", summary: "派生值循环依赖"),
        Entry(code: .builtinOutOfContext, slug: "builtin-out-of-context", summary: "此处不能使用该函数"),
        Entry(code: .notACondition, slug: "not-a-condition", summary: "条件的结果不是真/假"),
        Entry(code: .expressionTooLong, slug: "expression-too-long", summary: "表达式超出长度上限"),
        Entry(code: .expressionTooDeep, slug: "expression-too-deep", summary: "表达式嵌套超出层数上限"),
        Entry(code: .unknownFact, slug: "unknown-fact", summary: "规则未声明的事实项"),
        Entry(code: .factType, slug: "fact-type", summary: "事实项的值类型不对"),
        Entry(code: .factOutOfRange, slug: "fact-out-of-range", summary: "事实项超出范围"),
        Entry(code: .missingFact, slug: "missing-fact", summary: "缺少必填事实项"),
        Entry(code: .noRuleset, slug: "no-ruleset", summary: "没有适用于该项目的规则"),
        Entry(code: .unknownMeasure, slug: "unknown-measure", summary: "未知的防范化解措施"),
        Entry(code: .invalidProject, slug: "invalid-project", summary: "项目文件字段缺失或格式不对"),
        Entry(code: .testReference, slug: "test-reference", summary: "规则测试引用了规则中不存在的因素、兜底条件、数量规则或事实项"),
        Entry(code: .rulesNotFound, slug: "rules-not-found", summary: "找不到规则（--rules、WENPING_RULES、./Rules、安装位置都没有）"),
        Entry(code: .jsonLinesToAssess, slug: "json-lines-to-assess", summary: "JSON Lines 文件应交给 wenping batch"),
        Entry(code: .ruleFileAsProject, slug: "rule-file-as-project", summary: "给的项目文件看起来是规则文件"),
        Entry(code: .projectAsRuleFile, slug: "project-as-rule-file", summary: "给的规则文件看起来是项目文件"),
        Entry(code: .notJSON, slug: "not-json", summary: "JSON Lines 文件的一行不是 JSON（如 YAML 流式写法、单引号、不带引号的键）"),
        Entry(code: .invalidSurveySpec, slug: "invalid-survey-spec", summary: "调查说明文件不合规"),
        Entry(code: .surveyEncoding, slug: "survey-encoding", summary: "问卷文件不是 UTF-8 编码"),
        Entry(code: .surveyColumn, slug: "survey-column", summary: "问卷表头缺少调查说明所读的列，或列名重复"),
        Entry(code: .surveyNoValidRows, slug: "survey-no-valid-rows", summary: "问卷没有有效行"),
        Entry(code: .invalidSurveyBlock, slug: "invalid-survey-block", summary: "项目文件的 survey 部分不合规"),
        Entry(code: .surveyFactTwice, slug: "survey-fact-twice", summary: "同一事实既写在 facts 又写在 survey.facts"),
        Entry(code: .invalidExpertPanel, slug: "invalid-expert-panel", summary: "项目文件的专家评分（experts）与规则不符"),
        Entry(code: .outputUnwritable, slug: "output-unwritable", summary: "无法写出报告、汇总或输出目录"),
        Entry(code: .requestMalformed, slug: "request-malformed", summary: "请求内容不是有效的 JSON，或字段缺失、类型不对"),
        Entry(code: .bodyTooLarge, slug: "body-too-large", summary: "请求内容超过服务接受的上限"),
        Entry(code: .notAuthenticated, slug: "not-authenticated", summary: "未登录，也未给出 API 令牌"),
        Entry(code: .roleForbidden, slug: "role-forbidden", summary: "当前角色无权执行该操作"),
        Entry(code: .csrfRejected, slug: "csrf-rejected", summary: "会话写操作缺少或带错 CSRF 令牌"),
        Entry(code: .resourceNotFound, slug: "resource-not-found", summary: "地址、项目、评估记录、规则或任务不存在"),
        Entry(code: .methodNotAllowed, slug: "method-not-allowed", summary: "此地址不支持该请求方法"),
        Entry(code: .loginFailed, slug: "login-failed", summary: "用户名或密码错误"),
        Entry(code: .loginThrottled, slug: "login-throttled", summary: "登录失败次数过多，请稍后再试"),
        Entry(code: .sessionExpired, slug: "session-expired", summary: "会话已过期或令牌已吊销"),
        Entry(code: .reloadRejected, slug: "reload-rejected", summary: "新规则有错误，服务继续使用原规则"),
        Entry(code: .reviewInvalid, slug: "review-invalid", summary: "审核意见不完整（调整等级须给出等级和理由）"),
        Entry(code: .rulesetUnavailable, slug: "ruleset-unavailable", summary: "评估所用的规则（按摘要）已不在服务中，无法重新生成该格式的报告"),
        Entry(code: .ledgerFailure, slug: "ledger-failure", summary: "账本无法打开或读写失败"),
        Entry(code: .conflict, slug: "conflict", summary: "同名记录已存在"),
        Entry(code: .ledgerChainBroken, slug: "ledger-chain-broken", summary: "账本哈希链断裂或数据库检查失败"),
        Entry(code: .projectRejected, slug: "project-rejected", summary: "项目无法评级（详见所附诊断）"),
        Entry(code: .weightsDoNotSum, slug: "weights-do-not-sum", summary: "因素权重之和不为 1"),
        Entry(code: .bandShadowed, slug: "band-shadowed", summary: "该分档永远不会被匹配"),
        Entry(code: .inputUnused, slug: "input-unused", summary: "输入项未被使用"),
        Entry(code: .factorWithoutBasis, slug: "factor-without-basis", summary: "风险因素未注明依据"),
        Entry(code: .gradeUnreachable, slug: "grade-unreachable", summary: "没有规则能得出该风险等级"),
        Entry(code: .derivedUnused, slug: "derived-unused", summary: "派生值未被使用"),
        Entry(code: .measureCuresNothing, slug: "measure-cures-nothing", summary: "措施对症的分档都无法被它降低"),
        Entry(code: .textBoundMismatch, slug: "text-bound-mismatch", summary: "名称或理由写的界限与条件不符"),
        Entry(code: .indexNeverDecides, slug: "index-never-decides", summary: "综合风险指数永远不能单独决定该等级"),
        Entry(code: .defaultHidesRisk, slug: "default-hides-risk", summary: "风险分档读取的输入项带有默认值"),
        Entry(code: .invalidResponse, slug: "invalid-response", summary: "问卷行无效（已计数并列出，不计入比率）"),
        Entry(code: .coverageAboveAll, slug: "coverage-above-all", summary: "有效问卷多于应调查户数"),
        Entry(code: .surveyFactUnused, slug: "survey-fact-unused", summary: "调查得出的事实不是规则的输入项"),
        Entry(code: .versionsOverlap, slug: "versions-overlap", summary: "同一规则的两个版本施行期重叠"),
        Entry(code: .versionsGap, slug: "versions-gap", summary: "同一规则的两个版本之间有空档"),
        Entry(code: .undatedProject, slug: "undated-project", summary: "项目没有评估日期，按规则最新版本评估"),
        Entry(code: .pinnedVersionNotInForce, slug: "pinned-version-not-in-force", summary: "指定的规则版本在项目日期不施行"),
        Entry(code: .expertScoresMissing, slug: "expert-scores-missing", summary: "由专家评分确定的风险因素缺少专家评分"),
        Entry(code: .templateSyntax, slug: "template-syntax", summary: "报告模板的 Mustache 语法错误"),
        Entry(code: .templateUnknown, slug: "template-unknown", summary: "模板目录中有报告用不到的模板文件（文件名可能拼错）"),
        Entry(code: .templateUnreadable, slug: "template-unreadable", summary: "模板文件或模板目录无法读取"),
        Entry(code: .templateUnknownName, slug: "template-unknown-name", summary: "模板引用了报告中没有的名称"),
        Entry(code: .pdfConverterMissing, slug: "pdf-converter-missing", summary: "找不到生成 PDF 的程序"),
        Entry(code: .pdfConversionFailed, slug: "pdf-conversion-failed", summary: "PDF 转换失败或超时"),
        Entry(code: .templateExportFailed, slug: "template-export-failed", summary: "无法写出内置模板（目录不可写或文件已存在）"),
        Entry(code: .documentPackageFailed, slug: "document-package-failed", summary: "无法生成 Word 文件包"),
    ]
}
