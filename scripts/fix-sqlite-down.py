"""Rewrites TypeORM-generated SQLite down() table rebuilds to the order up() uses.

TypeORM's generated down() renames the live table away first, which makes SQLite repoint other
tables' foreign keys at the temporary name and then fail once it is dropped. Rebuilding into a
temporary table and renaming it over the original (as up() does) keeps references intact.
Usage: python3 scripts/fix-sqlite-down.py src/database/migrations/sqlite/<file>.ts
"""
import re
import sys

path = sys.argv[1]
text = open(path).read()
pattern = re.compile(
    r'(\s*)await queryRunner\.query\(`ALTER TABLE "(\w+)" RENAME TO "temporary_\2"`\);'
    r'\s*await queryRunner\.query\(`CREATE TABLE "\2" (.*?)`\);'
    r'\s*await queryRunner\.query\(`INSERT INTO "\2"(.*?) FROM "temporary_\2"`\);'
    r'\s*await queryRunner\.query\(`DROP TABLE "temporary_\2"`\);',
    re.S,
)


def rebuild(m):
    indent, table, definition, insert = m.groups()
    return (
        f'{indent}await queryRunner.query(`CREATE TABLE "temporary_{table}" {definition}`);'
        f'{indent}await queryRunner.query(`INSERT INTO "temporary_{table}"{insert} FROM "{table}"`);'
        f'{indent}await queryRunner.query(`DROP TABLE "{table}"`);'
        f'{indent}await queryRunner.query(`ALTER TABLE "temporary_{table}" RENAME TO "{table}"`);'
    )


fixed, count = pattern.subn(rebuild, text)
open(path, 'w').write(fixed)
print(f'{path}: rewrote {count} table rebuild(s)')
