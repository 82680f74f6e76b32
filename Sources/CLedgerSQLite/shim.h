#ifndef CLEDGER_SQLITE_SHIM_H
#define CLEDGER_SQLITE_SHIM_H
// apt: libsqlite3-dev (3.37 or newer, for STRICT tables).
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro Swift cannot import: the destructor value -1 tells SQLite to copy the buffer.
static inline sqlite3_destructor_type cledger_sqlite_transient(void) { return SQLITE_TRANSIENT; }

// sqlite3_db_config is variadic, which Swift cannot call: one fixed-arity wrapper for the integer options.
// Returns the option's new value, or -1 when SQLite refused the call.
static inline int cledger_sqlite_db_config(sqlite3 *db, int option, int value) {
    int now = -1;
    return sqlite3_db_config(db, option, value, &now) == SQLITE_OK ? now : -1;
}
#endif
