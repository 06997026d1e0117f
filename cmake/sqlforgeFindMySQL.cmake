# Finds the MySQL/MariaDB client library (libmysqlclient-compatible C API, <mysql.h>) and
# defines the imported target sqlforge::mysqlclient. Sets SQLFORGE_MYSQL_FOUND.
# Used by the build and, after install, by sqlforgeConfig.cmake, so that a consumer's
# find_package(sqlforge CONFIG) resolves the same target the same way.
#
# Order: pkg-config `libmariadb` (Debian: default-libmysqlclient-dev -> libmariadb-dev),
# then pkg-config `mysqlclient` (Oracle's libmysqlclient, or Debian's compat .pc), then a
# plain search for mysql.h + libmariadb/libmysqlclient.
include_guard(GLOBAL)

set(SQLFORGE_MYSQL_FOUND FALSE)
if(TARGET sqlforge::mysqlclient)
    set(SQLFORGE_MYSQL_FOUND TRUE)
    return()
endif()

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    foreach(_sqlforge_pc IN ITEMS libmariadb mysqlclient)
        pkg_check_modules(SQLFORGE_PC_MYSQL QUIET IMPORTED_TARGET GLOBAL ${_sqlforge_pc})
        if(SQLFORGE_PC_MYSQL_FOUND)
            add_library(sqlforge::mysqlclient INTERFACE IMPORTED GLOBAL)
            set_target_properties(sqlforge::mysqlclient PROPERTIES
                INTERFACE_LINK_LIBRARIES PkgConfig::SQLFORGE_PC_MYSQL)
            set(SQLFORGE_MYSQL_FOUND TRUE)
            set(SQLFORGE_MYSQL_DESCRIPTION "pkg-config ${_sqlforge_pc} ${SQLFORGE_PC_MYSQL_VERSION}")
            set(SQLFORGE_MYSQL_INCLUDE_DIRS "${SQLFORGE_PC_MYSQL_INCLUDE_DIRS}")
            break()
        endif()
    endforeach()
    unset(_sqlforge_pc)
endif()

if(NOT SQLFORGE_MYSQL_FOUND)
    find_path(SQLFORGE_MYSQL_INCLUDE_DIR mysql.h PATH_SUFFIXES mariadb mysql)
    find_library(SQLFORGE_MYSQL_LIBRARY NAMES mariadb mysqlclient PATH_SUFFIXES mariadb mysql)
    if(SQLFORGE_MYSQL_INCLUDE_DIR AND SQLFORGE_MYSQL_LIBRARY)
        add_library(sqlforge::mysqlclient UNKNOWN IMPORTED GLOBAL)
        set_target_properties(sqlforge::mysqlclient PROPERTIES
            IMPORTED_LOCATION "${SQLFORGE_MYSQL_LIBRARY}"
            INTERFACE_INCLUDE_DIRECTORIES "${SQLFORGE_MYSQL_INCLUDE_DIR}")
        set(SQLFORGE_MYSQL_FOUND TRUE)
        set(SQLFORGE_MYSQL_DESCRIPTION "${SQLFORGE_MYSQL_LIBRARY}")
        set(SQLFORGE_MYSQL_INCLUDE_DIRS "${SQLFORGE_MYSQL_INCLUDE_DIR}")
    endif()
endif()
