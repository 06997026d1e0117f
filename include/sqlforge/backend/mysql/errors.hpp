#pragma once
// MySQL / MariaDB error codes -> sqlforge's error hierarchy (orm/errors.hpp).
//
// Server errors (1000-1999, 3000+, 4000+) and client library errors (2000-2999, 5000+)
// are classified by number first, then by SQLSTATE class ("23" integrity, "22" data,
// "42" syntax/access), and what is left is an operational_error (as PyMySQL and
// SQLAlchemy do). Every message carries the error number, the SQLSTATE, MySQL's own
// message and -- through dbapi_error -- the statement's SQL text:
//
//     MySQL error 1062 (23000): Duplicate entry 'a' for key 'name'
//       [SQL: INSERT INTO `job` (`name`) VALUES (?)]
//
// Errors raised by this backend itself, not by the server or the client library (a value
// that does not fit the requested C++ type, a parameter index out of range), carry code 0
// and SQLSTATE "HY000".
#include <string>
#include <string_view>

#include <mysql.h>

#include "sqlforge/orm/errors.hpp"

namespace sqlforge::backend::mysql {

enum class error_kind { integrity, operational, programming, data };

// Classifies a MySQL / MariaDB error number (server or client), using the SQLSTATE only
// when the number is not one we know.
constexpr error_kind classify_error(unsigned code, std::string_view sqlstate = {}) noexcept {
    switch (code) {
        // --- integrity: a constraint failed -----------------------------------------------
        case 1022:  // ER_DUP_KEY
        case 1048:  // ER_BAD_NULL_ERROR: Column 'x' cannot be null
        case 1062:  // ER_DUP_ENTRY
        case 1169:  // ER_DUP_UNIQUE
        case 1216:  // ER_NO_REFERENCED_ROW (old form)
        case 1217:  // ER_ROW_IS_REFERENCED (old form)
        case 1263:  // ER_WARN_NULL_TO_NOTNULL (strict mode, multi-row insert)
        case 1364:  // ER_NO_DEFAULT_FOR_FIELD: Field 'x' doesn't have a default value
        case 1451:  // ER_ROW_IS_REFERENCED_2: cannot delete or update a parent row
        case 1452:  // ER_NO_REFERENCED_ROW_2: cannot add or update a child row
        case 1557:  // ER_FOREIGN_DUPLICATE_KEY
        case 1586:  // ER_DUP_ENTRY_WITH_KEY_NAME
        case 1761:  // ER_FOREIGN_DUPLICATE_KEY_WITH_CHILD_INFO
        case 1762:  // ER_FOREIGN_DUPLICATE_KEY_WITHOUT_CHILD_INFO
        case 3819:  // ER_CHECK_CONSTRAINT_VIOLATED (MySQL 8)
        case 4025:  // ER_CONSTRAINT_FAILED (MariaDB CHECK)
            return error_kind::integrity;

        // --- data: a value did not fit ------------------------------------------------------
        case 1264:  // ER_WARN_DATA_OUT_OF_RANGE
        case 1265:  // WARN_DATA_TRUNCATED
        case 1292:  // ER_TRUNCATED_WRONG_VALUE (bad DATETIME literal, ...)
        case 1365:  // ER_DIVISION_BY_ZERO
        case 1366:  // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: Incorrect integer value ...
        case 1367:  // ER_ILLEGAL_VALUE_FOR_TYPE
        case 1406:  // ER_DATA_TOO_LONG
        case 1411:  // ER_WRONG_VALUE_FOR_TYPE
        case 1441:  // ER_DATETIME_FUNCTION_OVERFLOW
        case 1690:  // ER_DATA_OUT_OF_RANGE: BIGINT value is out of range in ...
        case 3140:  // ER_INVALID_JSON_TEXT (MySQL 8)
            return error_kind::data;

        // --- programming: the server rejected the SQL itself --------------------------------
        case 1046:  // ER_NO_DB_ERROR: No database selected
        case 1050:  // ER_TABLE_EXISTS_ERROR
        case 1051:  // ER_BAD_TABLE_ERROR: Unknown table
        case 1052:  // ER_NON_UNIQ_ERROR: Column 'x' in field list is ambiguous
        case 1054:  // ER_BAD_FIELD_ERROR: Unknown column
        case 1055:  // ER_WRONG_FIELD_WITH_GROUP (ONLY_FULL_GROUP_BY)
        case 1056:  // ER_WRONG_GROUP_FIELD
        case 1059:  // ER_TOO_LONG_IDENT
        case 1060:  // ER_DUP_FIELDNAME
        case 1061:  // ER_DUP_KEYNAME
        case 1063:  // ER_WRONG_FIELD_SPEC
        case 1064:  // ER_PARSE_ERROR
        case 1066:  // ER_NONUNIQ_TABLE: Not unique table/alias
        case 1067:  // ER_INVALID_DEFAULT
        case 1068:  // ER_MULTIPLE_PRI_KEY
        case 1071:  // ER_TOO_LONG_KEY
        case 1072:  // ER_KEY_COLUMN_DOES_NOT_EXIST
        case 1074:  // ER_TOO_BIG_FIELDLENGTH
        case 1075:  // ER_WRONG_AUTO_KEY
        case 1091:  // ER_CANT_DROP_FIELD_OR_KEY
        case 1101:  // ER_BLOB_CANT_HAVE_DEFAULT
        case 1102:  // ER_WRONG_DB_NAME
        case 1103:  // ER_WRONG_TABLE_NAME
        case 1109:  // ER_UNKNOWN_TABLE
        case 1110:  // ER_FIELD_SPECIFIED_TWICE
        case 1111:  // ER_INVALID_GROUP_FUNC_USE
        case 1113:  // ER_TABLE_MUST_HAVE_COLUMNS
        case 1118:  // ER_TOO_BIG_ROWSIZE
        case 1140:  // ER_MIX_OF_GROUP_FUNC_AND_FIELDS
        case 1146:  // ER_NO_SUCH_TABLE
        case 1149:  // ER_SYNTAX_ERROR
        case 1166:  // ER_WRONG_COLUMN_NAME
        case 1170:  // ER_BLOB_KEY_WITHOUT_LENGTH
        case 1210:  // ER_WRONG_ARGUMENTS
        case 1215:  // ER_CANNOT_ADD_FOREIGN
        case 1222:  // ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT
        case 1241:  // ER_OPERAND_COLUMNS
        case 1242:  // ER_SUBQUERY_NO_1_ROW
        case 1243:  // ER_UNKNOWN_STMT_HANDLER
        case 1247:  // ER_ILLEGAL_REFERENCE
        case 1248:  // ER_DERIVED_MUST_HAVE_ALIAS
        case 1295:  // ER_UNSUPPORTED_PS: not supported in the prepared statement protocol
        case 1305:  // ER_SP_DOES_NOT_EXIST (FUNCTION does not exist)
        case 1327:  // ER_SP_UNDECLARED_VAR
        case 1630:  // ER_FUNC_INEXISTENT_NAME_COLLISION
        case 2030:  // CR_NO_PREPARE_STMT
        case 2031:  // CR_PARAMS_NOT_BOUND
        case 2034:  // CR_INVALID_PARAMETER_NO
        case 2035:  // CR_INVALID_BUFFER_USE
        case 2036:  // CR_UNSUPPORTED_PARAM_TYPE
        case 2051:  // CR_NO_DATA
        case 2052:  // CR_NO_STMT_METADATA
        case 2056:  // CR_STMT_CLOSED
            return error_kind::programming;

        // --- operational: the database could not do its job ---------------------------------
        case 1040:  // ER_CON_COUNT_ERROR: Too many connections
        case 1044:  // ER_DBACCESS_DENIED_ERROR
        case 1045:  // ER_ACCESS_DENIED_ERROR
        case 1049:  // ER_BAD_DB_ERROR: Unknown database
        case 1053:  // ER_SERVER_SHUTDOWN
        case 1129:  // ER_HOST_IS_BLOCKED
        case 1203:  // ER_TOO_MANY_USER_CONNECTIONS
        case 1205:  // ER_LOCK_WAIT_TIMEOUT
        case 1213:  // ER_LOCK_DEADLOCK
        case 1226:  // ER_USER_LIMIT_REACHED
        case 1317:  // ER_QUERY_INTERRUPTED
        case 1927:  // ER_CONNECTION_KILLED (MariaDB)
        case 1969:  // ER_STATEMENT_TIMEOUT (MariaDB max_statement_time)
        case 2002:  // CR_CONNECTION_ERROR: can't connect through socket
        case 2003:  // CR_CONN_HOST_ERROR: can't connect to server on host
        case 2005:  // CR_UNKNOWN_HOST
        case 2006:  // CR_SERVER_GONE_ERROR
        case 2013:  // CR_SERVER_LOST
        case 2014:  // CR_COMMANDS_OUT_OF_SYNC
        case 2026:  // CR_SSL_CONNECTION_ERROR
        case 2055:  // CR_SERVER_LOST_EXTENDED
        case 2057:  // CR_NEW_STMT_METADATA
        case 3024:  // ER_QUERY_TIMEOUT (MySQL max_execution_time)
        case 4031:  // ER_CLIENT_INTERACTION_TIMEOUT (MySQL 8)
            return error_kind::operational;
        default:
            break;
    }
    if (sqlstate.size() >= 2) {
        const std::string_view cls = sqlstate.substr(0, 2);
        if (cls == "23") return error_kind::integrity;
        if (cls == "22") return error_kind::data;
        if (cls == "42" && code != 1142 && code != 1143)  // 1142/1143: command denied
            return error_kind::programming;
    }
    return error_kind::operational;
}

// "MySQL error 1062 (23000): Duplicate entry ..." -- the backend_message of the exception.
inline std::string format_error(unsigned code, std::string_view sqlstate, std::string_view message) {
    std::string m = "MySQL error ";
    m += std::to_string(code);
    m += " (";
    m += sqlstate.empty() ? std::string_view{"HY000"} : sqlstate;
    m += "): ";
    m += message;
    return m;
}

// Throws the exception class for `code`; `sql` is the statement's text ("" if none).
[[noreturn]] inline void throw_error(unsigned code, std::string_view sqlstate, std::string_view message,
                                     std::string_view sql) {
    std::string msg = format_error(code, sqlstate, message);
    const int c = static_cast<int>(code);
    switch (classify_error(code, sqlstate)) {
        case error_kind::integrity: throw integrity_error(c, std::move(msg), std::string(sql));
        case error_kind::programming: throw programming_error(c, std::move(msg), std::string(sql));
        case error_kind::data: throw data_error(c, std::move(msg), std::string(sql));
        case error_kind::operational: break;
    }
    throw operational_error(c, std::move(msg), std::string(sql));
}

// The last error of a connection handle.
[[noreturn]] inline void throw_error(MYSQL* db, std::string_view sql) {
    const char* state = mysql_sqlstate(db);
    const char* text = mysql_error(db);
    throw_error(mysql_errno(db), state ? state : "", text ? text : "", sql);
}

// The last error of a statement handle.
[[noreturn]] inline void throw_error(MYSQL_STMT* stmt, std::string_view sql) {
    const char* state = mysql_stmt_sqlstate(stmt);
    const char* text = mysql_stmt_error(stmt);
    throw_error(mysql_stmt_errno(stmt), state ? state : "", text ? text : "", sql);
}

}  // namespace sqlforge::backend::mysql
