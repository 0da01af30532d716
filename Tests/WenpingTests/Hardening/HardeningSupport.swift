import Foundation

@testable import Wenping

/// Shared helpers for the hardening tests: a scratch rules folder with a minimal ruleset, and a clock.
///
/// Every hostile input is generated at test time; nothing large is committed.
enum HardeningSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// A fresh temporary folder; the caller removes it.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-hard-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A rules folder holding the conformance base and `rules.yaml`, a demo ruleset (kind `demo`) whose
    /// `derived` section and probability condition are the given expressions.
    static func rulesFolder(derived: String = "ratio * 2", condition: String = "ratio < 0.9") throws -> String {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(
            atPath: repositoryRoot + "/Fixtures/cases/base.yaml", toPath: folder + "/base.yaml")
        let rules = """
            format: wenping/1
            id: demo
            title: 演示规则
            version: "1"
            extends: base.yaml
            applies_to: [demo]
            inputs:
              households: { label: 被征收户数, type: integer, min: 0, unit: 户, required: true }
              ratio: { label: 补偿与市场价之比, type: number }
            derived:
              doubled: { label: 两倍比值, expr: '\(derived)' }
            factors:
              - id: compensation
                label: 补偿偏低
                weight: 1
                basis: law 第一条
                probability:
                  - { when: '\(condition)', level: 高 }
                  - { when: doubled > 1000, level: 中 }
                  - { else: 低 }
                impact:
                  - { when: households >= 300, level: 大 }
                  - { else: 小 }
                measures:
                  - { id: appraisal, label: 独立评估, owner: 征收部门, lowers: { probability: 1 } }

            """
        try rules.write(toFile: folder + "/rules.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    /// A demo project with the given facts (YAML flow mapping body, such as `households: 10, ratio: 0.5`).
    static func project(id: String = "P-1", facts: String) -> [UInt8] {
        Array("{id: \"\(id)\", name: 演示项目, kind: demo, jurisdiction: 中国, facts: {\(facts)}}".utf8)
    }

    /// CPU seconds the calling thread spends in `body`: unlike wall time, not inflated when the machine is busy.
    ///
    /// The limits tests compare it with are generous (the debug build is slow); what they catch is quadratic
    /// or unbounded work, which takes minutes on these inputs.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        try body()
        return now() - start
    }
}
