#pragma once
// The error hierarchy, modelled on SQLAlchemy's exceptions (sqlalchemy.exc).
// Every error that came from a statement carries the backend's code, the backend's own
// message and the statement's SQL text, so that a log line alone says what failed and why.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sqlforge {

// Base of everything sqlforge throws (SQLAlchemyError).
class error : public std::runtime_error {
public:
    explicit error(const std::string& what) : std::runtime_error(what) {}
};

// A query that had to return exactly one row returned none (NoResultFound).
class no_result_found : public error {
public:
    using error::error;
};

// A query that had to return at most one row returned more (MultipleResultsFound).
class multiple_results_found : public error {
public:
    using error::error;
};

// A bad argument from the caller: malformed URL, unknown scheme, bad option (ArgumentError).
class argument_error : public error {
public:
    using error::error;
};

// No connection could be checked out of the pool in time (sqlalchemy.exc.TimeoutError).
class timeout_error : public error {
public:
    using error::error;
};

// The API was used the wrong way: begin() while a transaction is open, commit() of a
// transaction guard that already ended, a statement after the connection was lost in a
// transaction that was not rolled back yet (SQLAlchemy's InvalidRequestError), an engine
// that was moved from.
class invalid_request_error : public error {
public:
    using error::error;
};

// The C++ structs and the live tables disagree: raised by verify_schema<T...>(), and by a
// session statement on mapped tables that failed (no such column, NULL into a field that is
// not std::optional, ...) where the tables it names do not match their structs. differences()
// lists them, one line each ("Album: column 'Album.Title' does not exist").
class schema_mismatch : public error {
public:
    using error::error;
    schema_mismatch(const std::string& what, std::vector<std::string> differences)
        : error(what), differences_(std::move(differences)) {}
    const std::vector<std::string>& differences() const noexcept { return differences_; }

private:
    std::vector<std::string> differences_;
};

// An error raised while running a statement (DBAPIError): keeps the backend's code,
// the backend's message and the SQL text.
class dbapi_error : public error {
public:
    dbapi_error(int code, std::string backend_message, std::string sql)
        : error(compose(backend_message, sql)), code_(code),
          backend_message_(std::move(backend_message)), sql_(std::move(sql)) {}

    int code() const noexcept { return code_; }                       // SQLite / MySQL error code
    const std::string& backend_message() const noexcept { return backend_message_; }
    const std::string& sql() const noexcept { return sql_; }          // the statement, "" if none

private:
    static std::string compose(const std::string& msg, const std::string& sql) {
        return sql.empty() ? msg : msg + "\n  [SQL: " + sql + "]";
    }
    int code_;
    std::string backend_message_;
    std::string sql_;
};

// A constraint failed: UNIQUE, PRIMARY KEY, FOREIGN KEY, NOT NULL, CHECK.
class integrity_error : public dbapi_error {
public:
    using dbapi_error::dbapi_error;
};

// The database could not do its job: connection lost, database locked or busy, cannot open.
class operational_error : public dbapi_error {
public:
    using dbapi_error::dbapi_error;
};

// The server rejected the SQL itself: syntax error, no such table or column.
class programming_error : public dbapi_error {
public:
    using dbapi_error::dbapi_error;
};

// A value did not fit: NULL read into a non-optional field, out of range, string too long.
class data_error : public dbapi_error {
public:
    using dbapi_error::dbapi_error;
};

}  // namespace sqlforge
