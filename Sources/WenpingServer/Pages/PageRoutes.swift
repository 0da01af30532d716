import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mustache
import NIOCore
import Wenping
import WenpingLedger

/// The workbench: server-rendered pages in Chinese for planners (编制), reviewers (审核) and administrators
/// (管理), on the same service, session, CSRF protection and roles as the JSON API.
///
/// Every page works without JavaScript; `workbench.js` only adds the live grade while typing. Pages write
/// user data only through Mustache's escaping `{{ }}` tags. State-changing pages reuse the API's handlers
/// (saving, reviewing, batches, login) so both paths store exactly the same records.
struct PageRoutes: Sendable {
    let state: ServiceState
    var api: APIRoutes { APIRoutes(state: state) }

    typealias Handler = @Sendable (Request, WenpingRequestContext) async throws -> Response

    /// Every page: method, path, handler.
    var all: [(HTTPRequest.Method, String, Handler)] {
        [
            (.get, "/", home),
            (.get, "/static/{file}", staticFile),
            (.get, "/login", loginPage),
            (.post, "/login", loginSubmit),
            (.post, "/logout", logoutSubmit),
            (.get, "/projects", projectList),
            (.get, "/projects/new", newProject),
            (.post, "/projects/new", saveProject),
            (.post, "/projects/preview", previewPage),
            (.post, "/projects/live", livePreview),
            (.get, "/projects/{projectId}", history),
            (.get, "/projects/{projectId}/edit", editProject),
            (.get, "/projects/{projectId}/compare", compare),
            (.get, "/assessments/{assessmentId}", assessmentPage),
            (.post, "/assessments/{assessmentId}/review", reviewSubmit),
            (.get, "/review", reviewQueue),
            (.get, "/batch", batchPage),
            (.post, "/batch", batchSubmit),
            (.get, "/batch/template", batchTemplate),
            (.get, "/batch/{jobId}", batchJobPage),
            (.get, "/batch/{jobId}/reports.zip", batchArchive),
            (.post, "/batch/{jobId}/rerun", batchRerun),
            (.get, "/rules", rulesPage),
            (.post, "/rules/reload", rulesReloadSubmit),
            (.get, "/admin", adminPage),
            (.post, "/admin/users", createUserSubmit),
        ]
    }

    /// Adds the pages to `router` (after the API's middleware), each answering problems as an HTML page.
    func register(on router: Router<WenpingRequestContext>) {
        for (method, path, handler) in all {
            router.on(RouterPath(path), method: method) { request, context -> Response in
                do {
                    var response = try await handler(request, context)
                    response.headers[.contentSecurityPolicy] =
                        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
                    return response
                } catch let problem as Problem {
                    return errorPage(problem, request: request, context: context)
                }
            }
        }
    }

    // MARK: Rendering

    /// The target's `Resources` folder (``ServerResources``).
    static var resources: URL? { ServerResources.folder }

    /// The templates shipped in `Resources/templates`, parsed once.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        guard let folder = resources?.appendingPathComponent("templates"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return library }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: folder.path + "/" + name) else { continue }
            do {
                try library.register(String(decoding: data, as: UTF8.self), named: String(name.dropLast(9)))
            } catch {
                assertionFailure("template \(name): \(error)")
            }
        }
        return library
    }()

    /// Renders `template` inside the layout with the signed-in user's menu and CSRF token.
    func page(
        _ template: String, title: String, _ data: [String: Any], context: WenpingRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var data = data
        data["pageTitle"] = title
        if let identity = context.identity {
            data["user"] = identity.name
            data["role"] = identity.role.rawValue
            data["canPrepare"] = identity.role.allows(.prepare)
            data["canReview"] = identity.role.allows(.review)
            data["isAdmin"] = identity.role.allows(.administer)
            if case .session(let token) = identity.method { data["csrf"] = token }
        }
        let html = Self.library.render(EmptyText.replacing(in: data), withTemplate: template) ?? "模板 \(template) 不存在"
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(_ location: String, from response: Response? = nil) -> Response {
        var headers: HTTPFields = [.location: location]
        if let response { headers.append(contentsOf: response.headers[fields: .setCookie]) }
        return Response(status: .seeOther, headers: headers)
    }

    /// The caller with `permission`; a page that needs a sign-in sends people to the login page first.
    func require(_ permission: Permission, _ needs: String, _ context: WenpingRequestContext) throws -> Identity {
        try context.require(permission, needs)
    }

    func errorPage(_ problem: Problem, request: Request, context: WenpingRequestContext) -> Response {
        if problem.status == .unauthorized, request.method == .get {
            let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return Self.redirect("/login?next=" + next)
        }
        let diagnostics = problem.diagnostics.map {
            ["location": "\($0.location)", "code": $0.code.rawValue, "message": $0.message]
        }
        return page(
            "error", title: problem.title,
            [
                "status": Int(problem.status.code), "title": problem.title, "detail": problem.detail,
                "code": problem.code.rawValue, "diagnostics": diagnostics,
                "signIn": problem.status == .unauthorized,
            ], context: context, status: problem.status)
    }

    /// The request's form (URL-encoded or multipart).
    func form(_ request: Request) async throws -> FormData {
        let buffer = try await state.collectBody(request)
        let contentType = request.headers[.contentType] ?? ""
        if contentType.hasPrefix("multipart/form-data"), let boundary = FormData.parameter("boundary", in: contentType)
        {
            return FormData(multipart: Array(buffer.readableBytesView), boundary: boundary)
        }
        return FormData(urlEncoded: String(buffer: buffer))
    }

    /// A copy of `request` carrying `body` as `contentType`, for handing a page's form to an API handler.
    static func forward(_ request: Request, body: String, contentType: String) -> Request {
        var head = request.head
        head.headerFields[.contentType] = contentType
        head.headerFields[.contentLength] = nil
        return Request(head: head, body: .init(buffer: ByteBuffer(string: body)))
    }

    // MARK: Small pages

    func home(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        Self.redirect(context.identity == nil ? "/login" : "/projects")
    }

    /// `GET /static/{file}`: the stylesheet and script; any other name is not found.
    func staticFile(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let name = context.parameters.get("file") ?? ""
        let types = ["workbench.css": "text/css; charset=utf-8", "workbench.js": "text/javascript; charset=utf-8"]
        guard let type = types[name],
            let url = Self.resources?.appendingPathComponent("static/" + name),
            let data = FileManager.default.contents(atPath: url.path)
        else { throw Problem.notFound("文件不存在") }
        var response = Response(
            status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        response.headers[.cacheControl] = "max-age=300"
        return response
    }

    func loginPage(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        page(
            "login", title: "登录",
            ["next": Self.safeNext(request.uri.queryParameters.get("next")), "expired": context.sessionExpired],
            context: context)
    }

    /// Only local paths are followed after sign-in (no `//host` or scheme).
    static func safeNext(_ next: String?) -> String {
        guard let next = next?.removingPercentEncoding, next.hasPrefix("/"), !next.hasPrefix("//"),
            !next.contains("\\")
        else { return "/projects" }
        return next
    }

    func loginSubmit(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let form = try await form(request)
        let body =
            "{\"name\":\(JSONText.string(form["name"] ?? "")),\"password\":\(JSONText.string(form["password"] ?? ""))}"
        do {
            let response = try await api.login(
                Self.forward(request, body: body, contentType: "application/json"), context)
            return Self.redirect(Self.safeNext(form["next"]), from: response)
        } catch let problem as Problem {
            var status = problem.status
            if status == .badRequest { status = .unauthorized }
            return page(
                "login", title: "登录",
                ["next": Self.safeNext(form["next"]), "error": problem.detail, "name": form["name"] ?? ""],
                context: context, status: status)
        }
    }

    func logoutSubmit(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let response = try await api.logout(request, context)
        return Self.redirect("/login", from: response)
    }
}
