# Sourced by scripts/bench.sh when BENCH_POSTGRES=1: a throwaway PostgreSQL server on 127.0.0.1:$BENCH_PG_PORT,
# started as .ci/run starts its test server but with the server's default durability (fsync on), stopped on exit.
# Sets BENCH_PG_URL and BENCH_PSQL_URL.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/incident-bench-pg.XXXXXX)
pg_port=${BENCH_PG_PORT:-55436}
pg_password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses root: the server's files belong to the postgres user.
    chown postgres:postgres "$pg_dir"
    as_pg=(runuser -u postgres --)
fi
printf '%s\n' "$pg_password" > "$pg_dir/pw"
[ "$(id -u)" -ne 0 ] || chown postgres:postgres "$pg_dir/pw"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$pg_dir/pw" >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log"; exit 1; }
rm -f "$pg_dir/pw"
stop_bench_postgres() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap stop_bench_postgres EXIT
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=100" start >/dev/null
BENCH_PG_URL="postgres://postgres:$pg_password@127.0.0.1:$pg_port/postgres?sslmode=disable"
export BENCH_PG_URL
echo "PostgreSQL bench server: $("$pg_bin/postgres" --version) on 127.0.0.1:$pg_port" >&2
