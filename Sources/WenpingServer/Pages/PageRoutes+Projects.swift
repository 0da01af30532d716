import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mustache
import NIOCore
import Wenping
import WenpingLedger

/// The project list, the project form with its live grade, saving, history and comparison.
extension PageRoutes {
    /// Rulesets that grade projects (not base files), in catalog order.
    var gradingRuleSets: [CompiledRuleSet] { state.catalog.ruleSets.filter { !$0.isBase } }

    func projectList(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.read, "查看项目", context)
        let query = request.uri.queryParameters
        let kind = query.get("kind") ?? ""
        let jurisdiction = query.get("jurisdiction") ?? ""
        let grade = query.get("grade") ?? ""
        let status = query.get("status") ?? ""
        let after = query.get("after") ?? ""
        var ruleSetIDs: [String]?
        if !kind.isEmpty || !jurisdiction.isEmpty {
            ruleSetIDs = gradingRuleSets.filter {
                (kind.isEmpty || $0.appliesTo.contains(kind))
                    && (jurisdiction.isEmpty || $0.jurisdiction == jurisdiction)
            }.map(\.id)
        }
        let pageSize = 50
        let filter = ProjectFilter(
            ruleSetIDs: ruleSetIDs, gradeAfter: grade.isEmpty ? nil : grade, state: ReviewState(rawValue: status),
            after: after.isEmpty ? nil : after, limit: pageSize + 1)
        var rows = try await state.ledgerCall { ledger throws(LedgerError) in try await ledger.projectOverview(filter) }
        let hasMore = rows.count > pageSize
        if hasMore { rows.removeLast() }
        let titles = Dictionary(gradingRuleSets.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var next = ""
        if hasMore, let last = rows.last {
            var items = [URLQueryItem(name: "after", value: last.projectID)]
            for (name, value) in [("kind", kind), ("jurisdiction", jurisdiction), ("grade", grade), ("status", status)]
            where !value.isEmpty { items.append(URLQueryItem(name: name, value: value)) }
            var components = URLComponents()
            components.path = "/projects"
            components.queryItems = items
            next = components.string ?? ""
        }
        var kinds: [(String, String)] = []
        for ruleSet in gradingRuleSets {
            for key in ruleSet.appliesTo where !kinds.contains(where: { $0.0 == key }) {
                kinds.append((key, ruleSet.kindLabel(for: key) ?? key))
            }
        }
        let jurisdictions = Array(Set(gradingRuleSets.map(\.jurisdiction))).sorted()
        let grades = gradingRuleSets.first.map(\.gradeIDs) ?? []
        return page(
            "projects", title: "项目列表",
            [
                "projects": rows.map { row in
                    [
                        "id": row.projectID, "name": row.name, "version": row.latestVersion,
                        "link": "/projects/" + Self.pathSegment(row.projectID),
                        "ruleset": row.ruleSetID.flatMap { titles[$0] } ?? row.ruleSetID ?? "—",
                        "before": row.gradeBefore ?? "—", "after": row.gradeAfter ?? "—",
                        "status": ReviewState(assessmentID: row.assessmentID, decision: row.decision).rawValue,
                        "assessedAt": row.assessedAt.map(Self.shortTime) ?? "—",
                    ] as [String: Any]
                },
                "empty": rows.isEmpty, "next": next, "first": !after.isEmpty,
                "kinds": kinds.map { ["key": $0.0, "label": $0.1, "selected": $0.0 == kind] as [String: Any] },
                "jurisdictions": jurisdictions.map { ["key": $0, "selected": $0 == jurisdiction] as [String: Any] },
                "grades": grades.map { ["key": $0, "selected": $0 == grade] as [String: Any] },
                "statuses": ReviewState.allCases.map {
                    ["key": $0.rawValue, "selected": $0.rawValue == status] as [String: Any]
                },
            ], context: context)
    }

    static func problemView(_ problem: Problem) -> [String: Any] {
        [
            "title": problem.title, "detail": problem.detail,
            "diagnostics": problem.diagnostics.map { ["location": "\($0.location)", "message": $0.message] },
        ]
    }

    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(
            withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#")))
            ?? text
    }

    /// `2026-11-30T09:41:07.123Z` → `2026-11-30 09:41 UTC`.
    static func shortTime(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
    }

    /// The ruleset named by `id`, or the first grading ruleset.
    func ruleSet(_ id: String?) throws(Problem) -> CompiledRuleSet {
        if let id, !id.isEmpty {
            guard let found = state.catalog.ruleSet(id: id), !found.isBase else {
                throw Problem.notFound("规则“\(id)”不存在")
            }
            return found
        }
        guard let first = gradingRuleSets.first else { throw Problem.notFound("服务中没有规则") }
        return first
    }

    /// The project's versions and assessments, oldest first, and its latest version; not found when it has none.
    func projectRecords(
        _ id: String
    ) async throws -> (versions: [ProjectVersion], assessments: [AssessmentRecord], latest: ProjectVersion) {
        let (versions, assessments) = try await state.ledgerCall { ledger throws(LedgerError) in
            (try await ledger.versions(projectID: id), try await ledger.assessments(projectID: id))
        }
        guard let latest = versions.last else { throw Problem.notFound("项目“\(id)”不存在") }
        return (versions, assessments, latest)
    }

    func newProject(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.prepare, "新建项目", context)
        let ruleSet = try ruleSet(request.uri.queryParameters.get("ruleset"))
        return formPage(ProjectForm(ruleSet: ruleSet), editing: nil, context: context)
    }

    func editProject(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.prepare, "编辑项目", context)
        let id = try api.projectID(context)
        let (_, assessments, latest) = try await projectRecords(id)
        let ruleSetID = assessments.last?.content.ruleSetID
        let ruleSet = try ruleSet(request.uri.queryParameters.get("ruleset") ?? ruleSetID)
        guard var form = ProjectForm(ruleSet: ruleSet, stored: latest.content) else {
            throw Problem(
                .conflict, .conflict, "无法在表单中编辑",
                detail: "项目“\(id)”的最新版本不是以 JSON 保存的（例如通过 API 以 YAML 提交）；请用 API 或命令行修改")
        }
        // A change tried from an assessment's explanation: `?fact.name=value` and `?measure=id` fill the form.
        for item in request.uri.queryParameters {
            let name = String(item.key)
            let value = String(item.value)
            if name.hasPrefix("fact."), ruleSet.form.fields.contains(where: { "fact." + $0.name == name }) {
                form.values[name] = value
            } else if name == "measure", ruleSet.form.measures.contains(where: { $0.id == value }) {
                form.measures.insert(value)
            }
        }
        return formPage(form, editing: id, context: context)
    }

    /// The project form page, with a grade preview when the form was read.
    func formPage(
        _ form: ProjectForm, editing: String?, preview: [String: Any]? = nil, problem: Problem? = nil,
        context: WenpingRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let ruleSet = form.ruleSet
        var data: [String: Any] = [
            "ruleset": ruleSet.id, "rulesetTitle": ruleSet.title, "rulesetVersion": ruleSet.version,
            "kind": ruleSet.primaryKind?.label ?? "", "jurisdiction": ruleSet.jurisdiction,
            "reference": ruleSet.statusBanner ?? "",
            "rulesets": gradingRuleSets.map {
                [
                    "id": $0.id, "title": $0.title, "jurisdiction": $0.jurisdiction, "selected": $0.id == ruleSet.id,
                    "kind": $0.primaryKind?.label ?? "",
                ] as [String: Any]
            },
            "projectId": form.values["id"] ?? "", "projectName": form.values["name"] ?? "",
            "idError": form.errors["id"] ?? "", "nameError": form.errors["name"] ?? "",
            "editing": editing != nil, "idReadonly": editing != nil,
            "fields": form.fieldViews(), "measures": form.measureViews(), "descriptive": form.descriptiveViews(),
            "outline": form.outlineViews(),
        ]
        if let preview { data["preview"] = preview }
        if let problem {
            data["problem"] = Self.problemView(problem)
        }
        return page(
            "project-form", title: editing == nil ? "新建项目" : "编辑项目 \(editing ?? "")", data, context: context,
            status: status)
    }

    /// Grades a form without storing it: the preview's view model, or the problem that stopped grading.
    func grade(_ form: inout ProjectForm) -> Result<[String: Any], Problem> {
        guard let json = form.projectJSON() else {
            return .failure(
                Problem(
                    .unprocessableContent, .projectRejected, "表单有误", detail: "有 \(form.errors.count) 个字段需要修改，见各字段下的说明"))
        }
        do throws(Problem) {
            let assessment = try Grading.assess(
                Array(json.utf8), catalog: state.catalog, override: form.ruleSet.id)
            return .success(GradeView.make(assessment))
        } catch {
            return .failure(error)
        }
    }

    /// `POST /projects/preview`: the form again with its grade (the no-JavaScript path of the live grade).
    func previewPage(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.prepare, "试算等级", context)
        let data = try await form(request)
        var form = ProjectForm(ruleSet: try ruleSet(data["ruleset"]), form: data)
        let editing = data.text("editing").isEmpty ? nil : data.text("editing")
        switch grade(&form) {
        case .success(let preview): return formPage(form, editing: editing, preview: preview, context: context)
        case .failure(let problem):
            return formPage(form, editing: editing, problem: problem, context: context, status: .unprocessableContent)
        }
    }

    /// `POST /projects/live`: the grade panel alone (HTML fragment) for the script's debounced request.
    func livePreview(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.prepare, "试算等级", context)
        let data = try await form(request)
        var form = ProjectForm(ruleSet: try ruleSet(data["ruleset"]), form: data)
        var view: [String: Any]
        switch grade(&form) {
        case .success(let preview): view = ["preview": preview]
        case .failure(let problem):
            view = [
                "problem": Self.problemView(problem),
                "fieldErrors": form.errors.sorted { $0.key < $1.key }.map { error in
                    [
                        "label": form.label(of: error.key),
                        "message": error.value,
                    ] as [String: Any]
                },
            ]
        }
        let html = Self.library.render(EmptyText.replacing(in: view), withTemplate: "preview") ?? ""
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// `POST /projects/new`: stores a version and its assessment (through the API's own handler), then shows the
    /// assessment.
    func saveProject(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try require(.prepare, "保存和评估项目", context)
        let data = try await form(request)
        var form = ProjectForm(ruleSet: try ruleSet(data["ruleset"]), form: data)
        let editing = data.text("editing").isEmpty ? nil : data.text("editing")
        if let editing { form.values["id"] = editing }
        guard let json = form.projectJSON() else {
            return formPage(
                form, editing: editing,
                problem: Problem(.unprocessableContent, .projectRejected, "表单有误", detail: "请按各字段下的说明修改后再保存"),
                context: context, status: .unprocessableContent)
        }
        do {
            let response = try await api.saveProject(
                Self.forward(request, body: json, contentType: "application/json"), context)
            let location = response.headers[.location] ?? ""
            let id = location.split(separator: "/").last.map(String.init) ?? ""
            return Self.redirect("/assessments/" + id)
        } catch let problem as Problem {
            return formPage(form, editing: editing, problem: problem, context: context, status: problem.status)
        }
    }
}
