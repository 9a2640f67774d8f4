#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster for the tests and makes sure the test role exists.
# Prints the admin URL the data-access tests create their fresh databases from.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
version=$(ls /usr/lib/postgresql/ | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  as_root pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  as_root su postgres -c "pg_isready -q" && break
  sleep 1
done
as_root su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL' >/dev/null
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'arshjul_test') THEN
    CREATE ROLE arshjul_test LOGIN CREATEDB PASSWORD 'arshjul_test';
  END IF;
END
$$;
SQL
if ! as_root su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'arshjul_test'\"" | grep -q 1; then
  as_root su postgres -c "createdb -O arshjul_test arshjul_test"
fi
# Each test drops its own database when done; a run that was interrupted may have left some.
for leftover in $(as_root su postgres -c "psql -tAc \"SELECT datname FROM pg_database WHERE datname LIKE 'arshjul\\_test\\_%'\""); do
  as_root su postgres -c "dropdb --force $leftover"
done
echo "postgres://arshjul_test:arshjul_test@127.0.0.1/arshjul_test"
