#!/usr/bin/env bash
# Generates a migration named $1 for both databases from the entity changes (each folder loads its files itself,
# migrations-in.ts), and repairs the SQLite down(). Needs the local PostgreSQL (see README).
set -euo pipefail
name=${1:?usage: scripts/generate-migration.sh MigrationName}
cd "$(dirname "$0")/.."
orm() { npx typeorm-ts-node-commonjs -d ormconfig.ts "$@"; }

tmp=$(mktemp -d)
(unset DATABASE_URL; export SQLITE_PATH="$tmp/gen.sqlite"; orm migration:run >/dev/null; orm migration:generate "src/database/migrations/sqlite/$name")

pg=postgres://postgres@127.0.0.1:5432
psql -q "$pg/test" -c 'DROP DATABASE IF EXISTS claimdesk_migration_gen' -c 'CREATE DATABASE claimdesk_migration_gen'
(export DATABASE_URL="$pg/claimdesk_migration_gen"; orm migration:run >/dev/null; orm migration:generate "src/database/migrations/postgres/$name")
psql -q "$pg/test" -c 'DROP DATABASE claimdesk_migration_gen'

python3 scripts/fix-sqlite-down.py "$(ls src/database/migrations/sqlite/*-"$name".ts)"
sqlite_file=$(ls src/database/migrations/sqlite/*-"$name".ts)
if grep -q 'DROP TABLE "claim"' "$sqlite_file"; then
  echo "warning: $sqlite_file rebuilds the claim table, which drops its triggers (the statement mirrors, seeds/statement-mirror.ts)" \
    "and writes the lower(place_...) indexes as (\"null\"). For a nullable column, write ALTER TABLE \"claim\" ADD COLUMN instead (see ClaimSummary)." >&2
fi
