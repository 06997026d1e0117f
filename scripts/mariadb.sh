#!/usr/bin/env bash
# Throwaway MariaDB server for sqlforge's tests.
#
#   scripts/mariadb.sh start   wipe and initialise a datadir, start mariadbd on 127.0.0.1,
#                              create database sqlforge_test and user sqlforge; the LAST
#                              stdout line is  SQLFORGE_TEST_MYSQL_URL=mysql://...
#   scripts/mariadb.sh stop    SIGTERM the server started from that directory and wait for
#                              it to exit; safe to call when nothing runs.
#   scripts/mariadb.sh restart stop (if running), then start the server again on the same
#                              datadir, keeping its data; the last line is the URL again.
#
# Environment:
#   SQLFORGE_MARIADB_DIR   working directory (default: $PWD/build/mariadb); wiped by start
#   SQLFORGE_MARIADB_PORT  TCP port on 127.0.0.1 (default: 33306)
#
# The server and every client get a private --defaults-file: the system config
# (/etc/mysql) points at /run/mysqld and must never be read. If the server cannot start,
# start prints the tail of the server log to stderr and exits 1: it never fails quietly.
set -euo pipefail

DIR=${SQLFORGE_MARIADB_DIR:-$PWD/build/mariadb}
PORT=${SQLFORGE_MARIADB_PORT:-33306}
DATADIR=$DIR/data
CNF=$DIR/my.cnf
PIDFILE=$DATADIR/mariadbd.pid
LOG=$DATADIR/mariadbd.log
START_TIMEOUT=60
STOP_TIMEOUT=30

DB=sqlforge_test
DB_USER=sqlforge
DB_PASSWORD='s3cr:t@pw'           # a special character on purpose: the URL must encode it
DB_PASSWORD_URL='s3cr%3At%40pw'

die() { echo "mariadb.sh: $*" >&2; exit 1; }

log_tail() {
    if [[ -f $LOG ]]; then
        echo "---- last lines of $LOG ----" >&2
        tail -n 40 "$LOG" >&2 || true
        echo "----" >&2
    fi
}

find_bin() {   # find_bin name... : first one on PATH or in /usr/sbin, /usr/bin
    local n
    for n in "$@"; do
        if command -v "$n" >/dev/null 2>&1; then command -v "$n"; return 0; fi
        for d in /usr/sbin /usr/bin /usr/local/sbin /usr/local/bin; do
            [[ -x $d/$n ]] && { echo "$d/$n"; return 0; }
        done
    done
    return 1
}

alive() {   # is process $1 running? (an exited server can linger as a zombie: not alive)
    kill -0 "$1" 2>/dev/null || return 1
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }          # fields after "(comm) "
    [[ ${stat%% *} != Z ]]
}

server_pid() {   # prints the pid of a live server started from $DIR, or fails
    [[ -f $PIDFILE ]] || return 1
    local pid
    pid=$(tr -dc '0-9' <"$PIDFILE" 2>/dev/null || true)
    [[ -n $pid ]] && alive "$pid" && { echo "$pid"; return 0; }
    return 1
}

tcp_open() {   # does something accept connections on 127.0.0.1:$PORT ?
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

remove_tmp_socket_dir() {   # start puts the socket under /tmp when $DIR is too deep
    local s
    s=$(sed -n 's/^socket=//p' "$CNF" 2>/dev/null | head -n 1 || true)
    if [[ $s == /tmp/sqlforge-mariadb.*/mariadbd.sock ]]; then rm -rf "${s%/mariadbd.sock}"; fi
}

cmd_stop() {
    local pid
    if ! pid=$(server_pid); then
        rm -f "$PIDFILE"
        echo "mariadb.sh: no server running from $DIR"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    # mariadbd removes its pid file as the last step of a clean shutdown, then exits.
    while [[ -f $PIDFILE ]] && alive "$pid"; do
        if ((SECONDS >= deadline)); then
            log_tail
            die "server pid $pid did not stop within ${STOP_TIMEOUT}s (still running; kill -KILL $pid if it hangs)"
        fi
        sleep 0.02
    done
    rm -f "$PIDFILE"   # left behind only if the server died without a clean shutdown
    remove_tmp_socket_dir
    echo "mariadb.sh: server pid $pid stopped"
}

# Starts mariadbd on the datadir and config of $DIR and waits until it accepts connections.
launch_and_wait() {   # launch_and_wait mariadbd-binary socket-path
    local mariadbd=$1 socket=$2
    # setsid: the server must not share the caller's process group (a Ctrl-C in a test run
    # would kill it without a clean shutdown); stop finds it by its pid file.
    setsid "$mariadbd" --defaults-file="$CNF" </dev/null >>"$LOG" 2>&1 &
    local launched=$!

    local deadline=$((SECONDS + START_TIMEOUT)) gone=0
    until tcp_open && [[ -S $socket && -s $PIDFILE ]]; do
        # Gone: neither the launched process nor a server from the pid file is alive, for a
        # second in a row (setsid may fork, so $launched alone does not tell).
        if ! alive "$launched" && ! server_pid >/dev/null; then
            if ((++gone > 50)); then
                log_tail
                die "mariadbd exited during start-up"
            fi
        else
            gone=0
        fi
        if ((SECONDS >= deadline)); then
            log_tail
            local pid
            pid=$(server_pid) || pid=$launched
            kill -TERM "$pid" 2>/dev/null || true
            die "mariadbd did not accept TCP connections on 127.0.0.1:$PORT within ${START_TIMEOUT}s"
        fi
        sleep 0.02
    done
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

cmd_start() {
    local t0
    t0=$(now_ms)
    local mariadbd install_db client
    mariadbd=$(find_bin mariadbd mysqld) || die "mariadbd not found (apt-get install mariadb-server)"
    install_db=$(find_bin mariadb-install-db mysql_install_db) || die "mariadb-install-db not found (apt-get install mariadb-server)"
    client=$(find_bin mariadb mysql) || die "mariadb client not found (apt-get install mariadb-client)"

    if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then
        die "SQLFORGE_MARIADB_PORT=$PORT is not a TCP port"
    fi
    # A server left over from an earlier start in this directory is stopped first.
    cmd_stop >/dev/null
    if tcp_open; then
        die "port $PORT on 127.0.0.1 is already in use (set SQLFORGE_MARIADB_PORT)"
    fi

    # Wipe only what this script made: an empty or missing directory, or one with our my.cnf.
    if [[ -d $DIR ]] && [[ -n $(ls -A "$DIR") ]] && ! grep -qs '^# generated by scripts/mariadb.sh' "$CNF"; then
        die "$DIR exists and was not made by scripts/mariadb.sh: refusing to wipe it (set SQLFORGE_MARIADB_DIR)"
    fi
    rm -rf "$DIR"
    mkdir -p "$DATADIR"
    DIR=$(cd "$DIR" && pwd)          # absolute paths in the config
    DATADIR=$DIR/data PIDFILE=$DIR/data/mariadbd.pid LOG=$DIR/data/mariadbd.log CNF=$DIR/my.cnf

    local socket=$DATADIR/mariadbd.sock
    if ((${#socket} > 100)); then    # sun_path is 108 bytes
        socket=$(mktemp -d /tmp/sqlforge-mariadb.XXXXXX)/mariadbd.sock
    fi

    local user_line=""
    if [[ $(id -u) == 0 ]]; then user_line="user=root"; fi

    cat >"$CNF" <<CNF
# generated by scripts/mariadb.sh: throwaway test server, never the system config
[mariadbd]
$user_line
datadir=$DATADIR
socket=$socket
pid-file=$PIDFILE
log-error=$LOG
port=$PORT
bind-address=127.0.0.1
skip-name-resolve
skip-log-bin
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
sql_mode=STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION
max_allowed_packet=64M
max_connections=200
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=2
innodb_doublewrite=0
innodb_buffer_pool_dump_at_shutdown=0
innodb_buffer_pool_load_at_startup=0
sync_binlog=0
performance_schema=OFF
skip-external-locking

[client]
socket=$socket
port=$PORT
user=root
default-character-set=utf8mb4
CNF

    if ! "$install_db" --defaults-file="$CNF" --auth-root-authentication-method=normal \
            --skip-test-db >"$DIR/install-db.log" 2>&1; then
        echo "---- $DIR/install-db.log ----" >&2
        tail -n 40 "$DIR/install-db.log" >&2 || true
        die "mariadb-install-db failed"
    fi

    launch_and_wait "$mariadbd" "$socket"

    if ! "$client" --defaults-file="$CNF" --batch >"$DIR/setup.log" 2>&1 <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB\`.* TO '$DB_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`$DB\`.* TO '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
    then
        cat "$DIR/setup.log" >&2 || true
        log_tail
        cmd_stop >&2 || true
        die "could not create database $DB and user $DB_USER"
    fi

    echo "mariadb.sh: mariadbd pid $(cat "$PIDFILE") on 127.0.0.1:$PORT, datadir $DATADIR, started in $(($(now_ms) - t0)) ms"
    echo "SQLFORGE_TEST_MYSQL_URL=mysql://$DB_USER:$DB_PASSWORD_URL@127.0.0.1:$PORT/$DB"
}

# Stops the server of $DIR (if it runs) and starts it again on the same datadir: the data,
# the database and the user stay (start wipes them). Prints the URL line as start does.
cmd_restart() {
    local t0 mariadbd
    t0=$(now_ms)
    [[ -f $CNF ]] && grep -qs '^# generated by scripts/mariadb.sh' "$CNF" || die "no server was set up in $DIR (run start first)"
    mariadbd=$(find_bin mariadbd mysqld) || die "mariadbd not found (apt-get install mariadb-server)"
    cmd_stop >/dev/null
    if tcp_open; then
        die "port $PORT on 127.0.0.1 is already in use"
    fi
    local socket
    socket=$(sed -n 's/^socket=//p' "$CNF" | head -n 1)
    mkdir -p "$(dirname "$socket")"
    launch_and_wait "$mariadbd" "$socket"
    echo "mariadb.sh: mariadbd pid $(cat "$PIDFILE") restarted on 127.0.0.1:$PORT, datadir $DATADIR, in $(($(now_ms) - t0)) ms"
    echo "SQLFORGE_TEST_MYSQL_URL=mysql://$DB_USER:$DB_PASSWORD_URL@127.0.0.1:$PORT/$DB"
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_restart ;;
    *) echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
