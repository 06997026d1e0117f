#pragma once
// SQLite result codes -> sqlforge's error classes (orm/errors.hpp).
//
// The mapping follows what the code means to the caller, not where it was raised:
//   SQLITE_CONSTRAINT*                        -> integrity_error   (UNIQUE, FK, NOT NULL, CHECK)
//   SQLITE_ERROR, SQLITE_MISUSE               -> programming_error (syntax, no such table/column,
//                                                                   no transaction to commit...)
//   SQLITE_MISMATCH, SQLITE_TOOBIG, RANGE     -> data_error        (value does not fit)
//   everything else (BUSY, LOCKED, CANTOPEN,  -> operational_error (the database could not do
//   IOERR, FULL, READONLY, NOTADB, CORRUPT..)                       its job right now)
// The message reads "(sqlite3 SQLITE_CONSTRAINT_UNIQUE, code 2067) UNIQUE constraint failed:
// job.name" and dbapi_error appends the SQL text, so one log line says what failed and why.
#include <sqlite3.h>

#include <string>
#include <string_view>

#include "sqlforge/orm/errors.hpp"

namespace sqlforge::backend::sqlite {

// The symbolic name of a (possibly extended) result code, for messages. Extended codes that
// tell the reader something (which constraint, which lock) get their own name; the others
// fall back to the name of their primary code, and the number is always printed beside it.
constexpr std::string_view code_name(int rc) noexcept {
    switch (rc) {
        case SQLITE_CONSTRAINT_CHECK: return "SQLITE_CONSTRAINT_CHECK";
        case SQLITE_CONSTRAINT_FOREIGNKEY: return "SQLITE_CONSTRAINT_FOREIGNKEY";
        case SQLITE_CONSTRAINT_NOTNULL: return "SQLITE_CONSTRAINT_NOTNULL";
        case SQLITE_CONSTRAINT_PRIMARYKEY: return "SQLITE_CONSTRAINT_PRIMARYKEY";
        case SQLITE_CONSTRAINT_UNIQUE: return "SQLITE_CONSTRAINT_UNIQUE";
        case SQLITE_CONSTRAINT_TRIGGER: return "SQLITE_CONSTRAINT_TRIGGER";
        case SQLITE_CONSTRAINT_ROWID: return "SQLITE_CONSTRAINT_ROWID";
        case SQLITE_BUSY_SNAPSHOT: return "SQLITE_BUSY_SNAPSHOT";
        case SQLITE_BUSY_RECOVERY: return "SQLITE_BUSY_RECOVERY";
        case SQLITE_LOCKED_SHAREDCACHE: return "SQLITE_LOCKED_SHAREDCACHE";
        case SQLITE_READONLY_DBMOVED: return "SQLITE_READONLY_DBMOVED";
        case SQLITE_CANTOPEN_ISDIR: return "SQLITE_CANTOPEN_ISDIR";
        case SQLITE_CANTOPEN_FULLPATH: return "SQLITE_CANTOPEN_FULLPATH";
        default: break;
    }
    switch (rc & 0xff) {
        case SQLITE_OK: return "SQLITE_OK";
        case SQLITE_ERROR: return "SQLITE_ERROR";
        case SQLITE_INTERNAL: return "SQLITE_INTERNAL";
        case SQLITE_PERM: return "SQLITE_PERM";
        case SQLITE_ABORT: return "SQLITE_ABORT";
        case SQLITE_BUSY: return "SQLITE_BUSY";
        case SQLITE_LOCKED: return "SQLITE_LOCKED";
        case SQLITE_NOMEM: return "SQLITE_NOMEM";
        case SQLITE_READONLY: return "SQLITE_READONLY";
        case SQLITE_INTERRUPT: return "SQLITE_INTERRUPT";
        case SQLITE_IOERR: return "SQLITE_IOERR";
        case SQLITE_CORRUPT: return "SQLITE_CORRUPT";
        case SQLITE_NOTFOUND: return "SQLITE_NOTFOUND";
        case SQLITE_FULL: return "SQLITE_FULL";
        case SQLITE_CANTOPEN: return "SQLITE_CANTOPEN";
        case SQLITE_PROTOCOL: return "SQLITE_PROTOCOL";
        case SQLITE_EMPTY: return "SQLITE_EMPTY";
        case SQLITE_SCHEMA: return "SQLITE_SCHEMA";
        case SQLITE_TOOBIG: return "SQLITE_TOOBIG";
        case SQLITE_CONSTRAINT: return "SQLITE_CONSTRAINT";
        case SQLITE_MISMATCH: return "SQLITE_MISMATCH";
        case SQLITE_MISUSE: return "SQLITE_MISUSE";
        case SQLITE_NOLFS: return "SQLITE_NOLFS";
        case SQLITE_AUTH: return "SQLITE_AUTH";
        case SQLITE_FORMAT: return "SQLITE_FORMAT";
        case SQLITE_RANGE: return "SQLITE_RANGE";
        case SQLITE_NOTADB: return "SQLITE_NOTADB";
        case SQLITE_NOTICE: return "SQLITE_NOTICE";
        case SQLITE_WARNING: return "SQLITE_WARNING";
        case SQLITE_ROW: return "SQLITE_ROW";
        case SQLITE_DONE: return "SQLITE_DONE";
        default: return "SQLITE_UNKNOWN";
    }
}

// "(sqlite3 SQLITE_BUSY, code 5) database is locked"
inline std::string describe(int rc, std::string_view message) {
    std::string out = "(sqlite3 ";
    out += code_name(rc);
    out += ", code ";
    out += std::to_string(rc);
    out += ") ";
    out += message;
    return out;
}

// Throws the error class that `rc` maps to. `message` is SQLite's own text (sqlite3_errmsg)
// or ours for checks SQLite does not make; `sql` is the statement, "" if there is none.
[[noreturn]] inline void throw_error(int rc, std::string_view message, std::string_view sql) {
    std::string text = describe(rc, message);
    std::string stmt{sql};
    switch (rc & 0xff) {
        case SQLITE_CONSTRAINT:
            throw integrity_error(rc, std::move(text), std::move(stmt));
        case SQLITE_ERROR:
        case SQLITE_MISUSE:
            throw programming_error(rc, std::move(text), std::move(stmt));
        case SQLITE_MISMATCH:
        case SQLITE_TOOBIG:
        case SQLITE_RANGE:
            throw data_error(rc, std::move(text), std::move(stmt));
        default:
            throw operational_error(rc, std::move(text), std::move(stmt));
    }
}

// Same, with the message SQLite left on the connection. Read it before anything else calls
// into the connection: sqlite3_reset() and the next statement overwrite it.
[[noreturn]] inline void throw_error(int rc, sqlite3* db, std::string_view sql) {
    const char* msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw_error(rc, std::string_view{msg ? msg : "unknown error"}, sql);
}

}  // namespace sqlforge::backend::sqlite
