/// What ``LedgerStore/verify()`` found.
public struct ChainReport: Sendable, Hashable {
    /// The first row whose hashes or position do not hold.
    public struct Break: Sendable, Hashable, CustomStringConvertible {
        /// `assessments` or `reviews`, `database` for a failed SQLite integrity check, or `project_list` when the
        /// list's derived rows disagree with the records (row id and sequence 0).
        public var table: String
        public var rowID: Int64
        public var chainSeq: Int64
        /// What is wrong, in Chinese.
        public var reason: String

        public init(table: String, rowID: Int64, chainSeq: Int64, reason: String) {
            self.table = table
            self.rowID = rowID
            self.chainSeq = chainSeq
            self.reason = reason
        }

        public var description: String {
            table == "database"
                ? reason : chainSeq == 0 ? "\(table) 表：\(reason)" : "\(table) 表 id=\(rowID)（链序号 \(chainSeq)）：\(reason)"
        }
    }

    /// How many chain rows were checked (assessments plus reviews).
    public var rowsChecked: Int
    /// The hash of the last row, to be written down elsewhere: it pins everything before it.
    public var headHash: String
    public var firstBreak: Break?

    public var isIntact: Bool { firstBreak == nil }

    public init(rowsChecked: Int, headHash: String, firstBreak: Break?) {
        self.rowsChecked = rowsChecked
        self.headHash = headHash
        self.firstBreak = firstBreak
    }
}
