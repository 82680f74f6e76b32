#ifndef CLEDGER_SQLITE_SHIM_H
#define CLEDGER_SQLITE_SHIM_H
// apt: libsqlite3-dev (3.37 or newer, for STRICT tables).
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro Swift cannot import: the destructor value -1 tells SQLite to copy the buffer.
static inline sqlite3_destructor_type cledger_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
