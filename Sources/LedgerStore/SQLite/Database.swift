internal import CLedgerSQLite

/// One SQLite connection (`sqlite3*`), closed on deinit. The only place libsqlite3 is called from, with
/// `Statement`. Not shared across threads: each process or command opens its own.
final class Database {
    private let handle: OpaquePointer
    let path: String

    /// Opens an existing database file (`create: false`) or creates one. Wraps `sqlite3_open_v2`.
    ///
    /// The file is untrusted input (DESIGN §6), so the connection is hardened before any statement reads its
    /// schema: defensive mode (no `writable_schema`, no shadow-table writes), the schema's SQL not trusted to
    /// call functions with side effects, and no extension loading.
    init(path: String, create: Bool, readOnly: Bool = false) throws(StoreError) {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | (create ? SQLITE_OPEN_CREATE : 0)
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw StoreError.sqlite(code: rc, message: message, during: "opening \(path)")
        }
        let hardening: [(option: Int32, value: Int32)] = [
            (SQLITE_DBCONFIG_DEFENSIVE, 1), (SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0), (SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0),
        ]
        for h in hardening where cledger_sqlite_db_config(db, h.option, h.value) != h.value {
            sqlite3_close_v2(db)
            throw StoreError("SQLite refused to harden the connection (option \(h.option)) while opening \(path); claimledger needs SQLite 3.37 or newer")
        }
        handle = db
        self.path = path
    }

    /// The rows the last INSERT, UPDATE or DELETE wrote (not counting triggers'). Wraps `sqlite3_changes64`.
    var changes: Int64 { sqlite3_changes64(handle) }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements with no results. Wraps `sqlite3_exec`.
    func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw StoreError.sqlite(code: sqlite3_extended_errcode(handle), message: message, during: firstWords(sql))
        }
    }

    /// Compiles a statement. Wraps `sqlite3_prepare_v3`.
    func prepare(_ sql: String) throws(StoreError) -> Statement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, during: firstWords(sql)) }
        return Statement(stmt, database: self)
    }

    /// The single integer a query returns (0 when it returns no row).
    func integer(_ sql: String) throws(StoreError) -> Int64 {
        let s = try prepare(sql)
        return try s.step() ? s.int64(0) : 0
    }

    /// How a connection waits for the lock another writer holds: retries every 10 ms up to `timeout`, and calls
    /// `notice` once when the wait passes one second, so a person knows why nothing happens.
    final class LockWait {
        let timeout: Int32, notice: (@Sendable () -> Void)?
        var noticed = false
        init(timeout: Int32, notice: (@Sendable () -> Void)?) { self.timeout = timeout; self.notice = notice }
    }
    private var lockWait: LockWait?

    /// Sets how long a writer waits for another to finish (`sqlite3_busy_handler`, see `LockWait`).
    func setBusyTimeout(milliseconds: Int32, notice: (@Sendable () -> Void)? = nil) {
        let wait = LockWait(timeout: milliseconds, notice: notice)
        lockWait = wait  // kept alive as long as the connection
        sqlite3_busy_handler(handle, { context, count in
            guard let context else { return 0 }
            let wait = Unmanaged<Database.LockWait>.fromOpaque(context).takeUnretainedValue()
            let waited = Int64(count) * 10
            if waited >= Int64(wait.timeout) { return 0 }
            if waited >= 1000, !wait.noticed { wait.noticed = true; wait.notice?() }
            sqlite3_sleep(10)
            return 1
        }, Unmanaged.passUnretained(wait).toOpaque())
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT` (the write lock is taken at once, so concurrent
    /// writers queue on `busy_timeout`); rolls back on any error and rethrows the first one.
    func immediateTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside a read transaction, so everything it reads is one snapshot.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        if sqlite3_get_autocommit(handle) == 0 { return try body() }  // already inside one: the same snapshot
        try execute("BEGIN")
        defer { try? execute("COMMIT") }
        return try body()
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(_ rc: Int32, during: String) -> StoreError {
        StoreError.sqlite(code: sqlite3_extended_errcode(handle), message: lastMessage, during: during)
    }

    private func firstWords(_ sql: String) -> String {
        sql.split(whereSeparator: \.isWhitespace).prefix(3).joined(separator: " ")
    }
}

/// A compiled statement (`sqlite3_stmt*`), finalized on deinit. Binds copy their data (SQLITE_TRANSIENT).
final class Statement {
    private let handle: OpaquePointer
    private let database: Database

    fileprivate init(_ handle: OpaquePointer, database: Database) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Clears bindings and rewinds, ready to run again. Wraps `sqlite3_reset` and `sqlite3_clear_bindings`.
    @discardableResult
    func reset() -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        return self
    }

    /// Binds an integer to parameter `index` (1-based). Wraps `sqlite3_bind_int64`.
    func bind(_ index: Int32, _ value: Int64) throws(StoreError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds text, or NULL for nil. Wraps `sqlite3_bind_text`.
    func bind(_ index: Int32, _ value: String?) throws(StoreError) {
        guard let value else { return try check(sqlite3_bind_null(handle, index)) }
        try check(sqlite3_bind_text(handle, index, value, -1, cledger_sqlite_transient()))
    }

    /// Binds a blob. Wraps `sqlite3_bind_blob64`.
    func bind(_ index: Int32, _ bytes: [UInt8]) throws(StoreError) {
        let rc = bytes.withUnsafeBytes { raw in
            sqlite3_bind_blob64(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, UInt64(raw.count), cledger_sqlite_transient())
        }
        try check(rc)
    }

    /// Advances; true when a row is available. Wraps `sqlite3_step`.
    func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw database.error(rc, during: "running a statement")
    }

    /// Runs to completion, ignoring rows.
    func run() throws(StoreError) {
        while try step() {}
    }

    /// Runs an INSERT to completion and requires it to have written exactly `rows` rows: a foreign trigger
    /// that swallows the row (`RAISE(IGNORE)`) must never let an append be acknowledged.
    func insert(expecting rows: Int64 = 1) throws(StoreError) {
        try run()
        let written = database.changes
        guard written == rows else {
            throw StoreError("SQLite wrote \(written) rows where \(rows) were inserted; the ledger database was modified outside claimledger — run `claimledger verify`", integrity: true)
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: p)
    }

    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let p = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: count))
    }

    private func check(_ rc: Int32) throws(StoreError) {
        if rc != SQLITE_OK { throw database.error(rc, during: "binding a value") }
    }
}
