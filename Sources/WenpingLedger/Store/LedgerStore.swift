/// The ledger as the service sees it: everything it keeps, behind a small protocol so that a second
/// implementation (PostgreSQL through postgres-nio, for several service instances) can replace ``SQLiteLedger``.
///
/// Every write is one transaction that also appends to the audit log; stored projects versions, assessments and
/// reviews are never updated or deleted. Assessments and reviews form one SHA-256 hash chain.
public protocol LedgerStore: Sendable {
    // MARK: Users and tokens

    /// How many users exist (0 on a new ledger: the service then creates the first administrator).
    func userCount() async throws(LedgerError) -> Int
    func createUser(name: String, role: Role, passwordHash: String, by actor: String) async throws(LedgerError)
        -> LedgerUser
    func user(named name: String) async throws(LedgerError) -> LedgerUser?
    func user(id: Int64) async throws(LedgerError) -> LedgerUser?
    func users() async throws(LedgerError) -> [LedgerUser]
    func createToken(userID: Int64, name: String, role: Role, tokenHash: String, by actor: String)
        async throws(LedgerError) -> LedgerToken
    /// The token whose secret hashes to `tokenHash`, revoked or not.
    func token(hash tokenHash: String) async throws(LedgerError) -> LedgerToken?
    func tokens(userID: Int64) async throws(LedgerError) -> [LedgerToken]
    /// Revokes a token; returns false when no such token exists.
    func revokeToken(id: Int64, by actor: String) async throws(LedgerError) -> Bool

    // MARK: Projects and assessments

    /// Saves a new version of a project and the assessment made of it, in one transaction.
    func saveAndAssess(
        projectID: String, name: String, content: String, contentDigest: String,
        assessment: @escaping @Sendable (Int) -> NewAssessment
    ) async throws(LedgerError) -> (ProjectVersion, AssessmentRecord)
    func projects(limit: Int, offset: Int) async throws(LedgerError) -> [ProjectSummary]
    /// One page of the workbench's project list: each project with its latest assessment and review state.
    func projectOverview(_ filter: ProjectFilter) async throws(LedgerError) -> [ProjectOverview]
    func versions(projectID: String) async throws(LedgerError) -> [ProjectVersion]
    func projectVersion(projectID: String, version: Int) async throws(LedgerError) -> ProjectVersion?
    func assessment(id: Int64) async throws(LedgerError) -> AssessmentRecord?
    func assessments(projectID: String) async throws(LedgerError) -> [AssessmentRecord]

    // MARK: Reviews

    func recordReview(_ review: NewReview) async throws(LedgerError) -> ReviewRecord
    func reviews(assessmentID: Int64) async throws(LedgerError) -> [ReviewRecord]

    // MARK: Audit

    /// Appends a line to the audit log on its own (for events that write nothing else, such as denied requests
    /// or a rules reload).
    func audit(actor: String, action: String, target: String, detail: String) async throws(LedgerError)
    func auditLog(limit: Int) async throws(LedgerError) -> [AuditEntry]

    // MARK: Integrity

    /// Walks the hash chain and the database's own checks; names the first row that breaks.
    func verify() async throws(LedgerError) -> ChainReport
    /// Copies the ledger, while it is in use, to a new file at `path`.
    func backup(to path: String) async throws(LedgerError)
    /// Finishes pending writes and closes the ledger; later calls fail.
    func close() async throws(LedgerError)
}
