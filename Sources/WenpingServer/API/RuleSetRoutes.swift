import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// Rulesets: list, JSON Schema, reload.
extension APIRoutes {
    static func info(_ ruleSet: CompiledRuleSet) -> APIModels.RuleSetInfo {
        APIModels.RuleSetInfo(
            id: ruleSet.id, title: ruleSet.title, version: ruleSet.version, effective: ruleSet.effective,
            expires: ruleSet.expires, jurisdiction: ruleSet.jurisdiction, appliesTo: ruleSet.appliesTo,
            digest: "sha256:" + ruleSet.digest)
    }

    /// `GET /api/v1/rulesets`: the rulesets in force (base files left out), with version and digest.
    func ruleSetList(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        try JSONText.response(
            APIModels.RuleSetList(rulesets: state.catalog.ruleSets.filter { !$0.isBase }.map(Self.info)))
    }

    /// `GET /api/v1/rulesets/{rulesetId}/schema`: the JSON Schema of project files for that ruleset.
    func ruleSetSchema(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let raw = context.parameters.get("rulesetId") ?? ""
        let id = raw.removingPercentEncoding ?? raw
        let catalog = state.catalog
        guard let ruleSet = catalog.ruleSet(id: id), !ruleSet.isBase else {
            let ids = catalog.ruleSets.filter { !$0.isBase }.map(\.id)
            throw Problem.notFound("没有 id 为“\(id)”的规则；现有规则：\(ids.joined(separator: "、"))")
        }
        return JSONText.text(SchemaGenerator.project(for: ruleSet), contentType: "application/schema+json")
    }

    /// `POST /api/v1/rulesets/reload` (管理): compiles the rules folder again and swaps only if it is clean.
    func reload(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        let identity = try context.require(.administer, "重新加载规则")
        let catalog = RuleSetCatalog(paths: state.configuration.rules)
        let errors = catalog.diagnostics.filter { $0.severity == .error }
        let at = ISO8601DateFormatter().string(from: Date())
        if !errors.isEmpty || catalog.ruleSets.isEmpty {
            state.lastReload = ReloadOutcome(
                at: at, actor: identity.name, accepted: false, rulesets: [], diagnostics: catalog.diagnostics)
            try? await state.ledger.audit(
                actor: identity.name, action: "rules.reload.rejected", target: "rules",
                detail: "\(errors.count) errors")
            throw Problem(
                .unprocessableContent, .reloadRejected, "新规则有错误，未替换",
                detail: errors.isEmpty
                    ? "规则目录中没有可用的规则；服务继续使用原规则"
                    : "规则有 \(errors.count) 处错误，服务继续使用原规则；请先用 wenping check 修正。第一处："
                        + Grading.describe(errors[0]),
                diagnostics: Array(errors.prefix(50)))
        }
        state.swap(catalog)
        let ids = catalog.ruleSets.filter { !$0.isBase }.map { "\($0.id)@\($0.digest.prefix(12))" }
        state.lastReload = ReloadOutcome(
            at: at, actor: identity.name, accepted: true, rulesets: ids, diagnostics: catalog.diagnostics)
        try await state.ledgerCall { ledger throws(LedgerError) in
            try await ledger.audit(
                actor: identity.name, action: "rules.reload", target: "rules", detail: ids.joined(separator: " "))
        }
        return try JSONText.response(
            APIModels.ReloadResult(
                rulesets: catalog.ruleSets.filter { !$0.isBase }.map(Self.info),
                warnings: catalog.diagnostics.count { $0.severity == .warning }))
    }
}
