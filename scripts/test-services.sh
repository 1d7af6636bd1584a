#!/usr/bin/env bash
# Installs and starts what the test suites need on this machine: Debian Chromium, a real
# PostgreSQL 15 and Redis, all on loopback. Idempotent: a service already up is reused.
# Prints `export VAR=...` lines for the caller to eval.
set -euo pipefail

PG_PORT=${TANDEM_TEST_PG_PORT:-54329}
REDIS_PORT=${TANDEM_TEST_REDIS_PORT:-63790}
STATE=${TANDEM_TEST_STATE:-/tmp/tandem-test-services}
mkdir -p "$STATE"
log() { echo "[services] $*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$PG_BIN" ] || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from Debian"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# PostgreSQL: initdb refuses to run as root, so the cluster belongs to the postgres user.
if ! "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q; then
  D="$STATE/pg"
  if [ ! -f "$D/PG_VERSION" ]; then
    rm -rf "$D" && mkdir -p "$D"
    if [ "$(id -u)" = 0 ]; then
      chown postgres:postgres "$D" && chmod 700 "$D"
      runuser -u postgres -- "$PG_BIN/initdb" -D "$D" -U postgres -A trust -E UTF8 >/dev/null
    else
      chmod 700 "$D" && "$PG_BIN/initdb" -D "$D" -U postgres -A trust -E UTF8 >/dev/null
    fi
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  pg_start=("$PG_BIN/pg_ctl" -D "$D" -l "$D/server.log" -w start -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c track_commit_timestamp=on")
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "${pg_start[@]}" >&2; else "${pg_start[@]}" >&2; fi
fi

if ! (exec 3<>/dev/tcp/127.0.0.1/"$REDIS_PORT") 2>/dev/null; then
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --logfile "$STATE/redis.log" --dir "$STATE" >&2
  for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/"$REDIS_PORT") 2>/dev/null && break; sleep 0.1; done
fi

echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
echo "export CHROMIUM_PATH=$(command -v chromium)"
