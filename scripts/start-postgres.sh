#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the tests and benchmarks; print its URL last.
#
#   export FLASHPOINT_TEST_PG_URL=$(bash scripts/start-postgres.sh | tail -n 1)
#
# Installs Debian's postgresql when no server binaries are found (needs root or sudo), creates a cluster
# in $FLASHPOINT_PG_DATA (default: a folder under /tmp) owned by the postgres user, starts it on
# 127.0.0.1:$FLASHPOINT_PG_PORT (default 54329) with trust authentication for local connections only,
# and creates the database $FLASHPOINT_PG_DB (default flashpoint_test). $FLASHPOINT_PG_SHARED_BUFFERS sets
# the server's buffer cache (default 128MB, PostgreSQL's own; bench/scale.py on 1M events also ran with
# 1GB, about a quarter of a small server's memory, as deployments set it). Safe to run again: a running
# server is reused. Everything but the URL goes to stderr. Stop it with:
#   runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D "$FLASHPOINT_PG_DATA" stop
set -euo pipefail

PORT="${FLASHPOINT_PG_PORT:-54329}"
DATA="${FLASHPOINT_PG_DATA:-/tmp/flashpoint-postgres-${PORT}}"
DB="${FLASHPOINT_PG_DB:-flashpoint_test}"
BUFFERS="${FLASHPOINT_PG_SHARED_BUFFERS:-128MB}"

log() { echo "start-postgres: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
fi

server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

BIN="$(server_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
        log "PostgreSQL is not installed and installing it needs root (or sudo)"
        exit 1
    fi
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update >&2
    $SUDO apt-get install -y --no-install-recommends postgresql >&2
    BIN="$(server_bin)"
fi

# Run a server command as the cluster's owner: the postgres user when we are root, else ourselves.
if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    as_owner() { runuser -u postgres -- "$@"; }
else
    as_owner() { "$@"; }
fi

if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "reusing the server already running in $DATA"
else
    mkdir -p "$DATA"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$DATA"
    fi
    chmod 700 "$DATA"
    if [ ! -f "$DATA/PG_VERSION" ]; then
        log "creating a cluster in $DATA"
        as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2 \
            || as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >&2
    fi
    log "starting on 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c max_connections=100 -c shared_buffers=$BUFFERS" start >&2 \
        || { cat "$DATA/server.log" >&2; exit 1; }
fi

PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$(as_owner "${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
    log "creating database $DB"
    as_owner "${PSQL[@]}" -c "CREATE DATABASE \"$DB\"" >&2
fi

echo "postgresql+psycopg://postgres@127.0.0.1:${PORT}/${DB}"
