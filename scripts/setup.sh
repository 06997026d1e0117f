#!/usr/bin/env bash
# Installs the Debian 12 packages sqlforge needs to build, test and benchmark (DESIGN.md §5).
# Idempotent: when everything is already installed it only runs one dpkg-query and exits.
# Works as root (CI) or through sudo.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

packages=(
    build-essential cmake clang-14 libclang-rt-14-dev pkg-config   # libclang-rt: libFuzzer, sanitizer runtimes for clang
    libboost1.81-dev
    libsqlite3-dev sqlite3
    default-libmysqlclient-dev mariadb-server mariadb-client
    doctest-dev
    libbenchmark-dev libsoci-dev
)

# Lists the packages of "$@" that are not fully installed.
missing_packages() {
    local installed
    installed=$(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null \
                | awk '$NF == "installed" && $(NF-1) == "ok" { print $1 }' || true)
    local p
    for p in "$@"; do
        grep -qxF "$p" <<<"$installed" || echo "$p"
    done
}

mapfile -t missing < <(missing_packages "${packages[@]}")
if ((${#missing[@]} == 0)); then
    echo "setup.sh: all ${#packages[@]} packages already installed"
    exit 0
fi

echo "setup.sh: installing: ${missing[*]}"

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
    echo "setup.sh: not root and no sudo: cannot install ${missing[*]}" >&2
    exit 1
fi

# In a container, mariadb-server's postinst tries to start the service (invoke-rc.d /
# deb-systemd-invoke) and the install fails when it cannot. A policy-rc.d that answers 101
# ("action forbidden") makes it skip that; the test scripts start their own server anyway.
# Only written if none exists, and removed again afterwards.
policy=/usr/sbin/policy-rc.d
wrote_policy=0
cleanup() {
    if ((wrote_policy)); then
        "${as_root[@]}" rm -f "$policy" || true
    fi
}
trap cleanup EXIT
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# written by sqlforge scripts/setup.sh during apt-get install; removed after\nexit 101\n' \
        | "${as_root[@]}" tee "$policy" >/dev/null
    "${as_root[@]}" chmod 755 "$policy"
    wrote_policy=1
fi

apt_opts=(-o DPkg::Lock::Timeout=300)
"${as_root[@]}" apt-get "${apt_opts[@]}" update
"${as_root[@]}" apt-get install -y "${apt_opts[@]}" "${missing[@]}"

mapfile -t still_missing < <(missing_packages "${packages[@]}")
if ((${#still_missing[@]} != 0)); then
    echo "setup.sh: still not installed after apt-get: ${still_missing[*]}" >&2
    exit 1
fi
echo "setup.sh: done"
