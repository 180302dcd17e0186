#!/usr/bin/env bash
# A local streaming replica for READ_DATABASE_URL (issue #15 §4, docs/scaling.md): makes a PostgreSQL primary
# (initdb, port 4113) and a hot standby copied from it with pg_basebackup (port 4114, streaming replication,
# standby.signal and primary_conninfo written by -R), then runs bench/replica.ts against the pair: the demo
# district seeded on the primary, the platform reading its figures on the standby.
#
#   bench/replica.sh [members]          default 30000; KEEP=1 leaves both servers running afterwards
#
# Needs the PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup; PostgreSQL 15 here). Run as root, the
# servers run as the `postgres` system user (initdb refuses root). Nothing else on the machine is touched:
# the clusters live in $REPLICA_DIR (default /tmp/gonghui-replica), recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${1:-30000}
DIR=${REPLICA_DIR:-/tmp/gonghui-replica}
PRIMARY_PORT=${PRIMARY_PORT:-4113}
REPLICA_PORT=${REPLICA_PORT:-4114}
BIN=${PG_BIN:-$(dirname "$(readlink -f "$(command -v initdb || echo /usr/lib/postgresql/15/bin/initdb)")")}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
  for d in "$DIR/replica" "$DIR/primary"; do
    if [ -f "$d/postmaster.pid" ]; then as_pg "$BIN/pg_ctl" -D "$d" -m fast -w stop >/dev/null || true; fi
  done
}

stop
rm -rf "$DIR"
mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
[ "${KEEP:-0}" = 1 ] || trap stop EXIT

# The primary: WAL for a standby, connections on loopback only (trust: a throwaway cluster for this check).
as_pg "$BIN/initdb" -D "$DIR/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
cat >>"$DIR/primary/postgresql.conf" <<EOF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 4
hot_standby = on
shared_buffers = 256MB
EOF
as_pg "$BIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w start >/dev/null

# The standby: a base backup of the running primary, streaming the WAL it needs (-X stream), configured to
# follow it (-R writes standby.signal and primary_conninfo); then its own port.
as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR/replica" -R -X stream -c fast
echo "port = $REPLICA_PORT" >>"$DIR/replica/postgresql.conf"
as_pg "$BIN/pg_ctl" -D "$DIR/replica" -l "$DIR/replica.log" -w start >/dev/null
psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -Atc "select 'replica: streaming to ' || client_addr || ', state ' || state from pg_stat_replication"

npx tsx bench/replica.ts "postgres://postgres@127.0.0.1:$PRIMARY_PORT/postgres" "postgres://postgres@127.0.0.1:$REPLICA_PORT/postgres" "$MEMBERS"
if [ "${KEEP:-0}" = 1 ]; then
  echo "replica: left running: DATABASE_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/gonghui_replica READ_DATABASE_URL=postgres://postgres@127.0.0.1:$REPLICA_PORT/gonghui_replica"
fi
