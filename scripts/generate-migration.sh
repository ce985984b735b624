#!/usr/bin/env bash
# Generates a migration named $1 for both databases from the entity changes, registers both in
# their folder's index.ts, and repairs the SQLite down(). Needs the local PostgreSQL (see README).
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

for kind in sqlite postgres; do
  file=$(ls src/database/migrations/$kind/*-"$name".ts)
  class=$(grep -o "class $name[0-9]*" "$file" | cut -d' ' -f2)
  base=$(basename "$file" .ts)
  index=src/database/migrations/$kind/index.ts
  last_import=$(grep -n '^import ' "$index" | tail -1 | cut -d: -f1)
  sed -i "${last_import}a import { $class } from './$base';" "$index"
  sed -i "s/\(MIGRATIONS: Function\[\] = \[.*\)\];/\1, $class];/" "$index"
done
python3 scripts/fix-sqlite-down.py "$(ls src/database/migrations/sqlite/*-"$name".ts)"
