"""Which rows a request wrote: triggers on every model's table record each insert, each delete
and each update that changed a value, inside the test's transaction (so they vanish with it).

A trigger sees writes that a row count misses (an update of a name, a status flipped back and
forth) and, being part of the transaction, forgets writes that a savepoint rolled back, so a
view that tried, failed and rolled back its own work counts as having changed nothing.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

# Every SQL string below is built from this name and the models' table names, never from input
# (hence the noqa: S608).
LOG = "badinput_writes"

ANY = {"insert", "update", "delete"}
# Tables that legitimately change on a refused request, with the writes they may take; every
# other table must stay untouched.
ALLOWED_WRITES: dict[str, set[str]] = {
    # The session is saved on any request that adds a flash message or refreshes a staff
    # session's idle clock (ieum.core.two_factor).
    "django_session": {"insert", "update"},
    # django-axes records every sign-in attempt, refused ones above all.
    "axes_accessattempt": ANY,
    "axes_accessfailurelog": ANY,
    "axes_accesslog": ANY,
    "axes_accessattemptexpiration": ANY,
    # PIPA's access log: a staff read of a person's record is logged when it happens, before the
    # submitted form is checked (core.access.log_access); the hash-chain head moves with it.
    "core_accesslog": {"insert"},
    "core_accessloghead": {"insert", "update"},
    # An API token notes when it was last used on every call it authenticates.
    "core_apitoken": {"update"},
}


def _tables() -> list[str]:
    tables = {m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.managed}
    existing = set(connection.introspection.table_names())
    return sorted(tables & existing)


@functools.cache
def _statements(vendor: str) -> tuple[str, ...]:
    """The DDL of the log and its triggers (the same for every test of a run)."""
    if vendor == "postgresql":
        out = [
            f"CREATE TEMP TABLE {LOG} (tbl text NOT NULL, op text NOT NULL)",
            "CREATE FUNCTION pg_temp.badinput_note() RETURNS trigger LANGUAGE plpgsql AS $$ "  # noqa: S608
            f"BEGIN INSERT INTO {LOG} VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$",
        ]
        for table in _tables():
            out.append(
                f'CREATE TRIGGER badinput_ins_del AFTER INSERT OR DELETE ON "{table}" '
                "FOR EACH ROW EXECUTE FUNCTION pg_temp.badinput_note()"
            )
            out.append(
                f'CREATE TRIGGER badinput_upd AFTER UPDATE ON "{table}" FOR EACH ROW '
                "WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION pg_temp.badinput_note()"
            )
        return tuple(out)
    if vendor != "sqlite":
        raise NotImplementedError(vendor)
    out = [f"CREATE TEMP TABLE {LOG} (tbl TEXT NOT NULL, op TEXT NOT NULL)"]
    with connection.cursor() as cursor:
        for table in _tables():
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            # An update that rewrites the same values changes nothing.
            changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
            for op, when in (("INSERT", ""), ("DELETE", ""), ("UPDATE", f" WHEN {changed}")):
                out.append(
                    f'CREATE TEMP TRIGGER "badinput_{op}_{table}" AFTER {op} ON main."{table}" '  # noqa: S608
                    f"FOR EACH ROW{when} BEGIN INSERT INTO {LOG} VALUES ('{table}', '{op}'); END"
                )
    return tuple(out)


def install() -> None:
    """Create the log table and the triggers (inside the test's transaction, which drops them)."""
    with connection.cursor() as cursor:
        for statement in _statements(connection.vendor):
            cursor.execute(statement)


def writes() -> Counter[str]:
    """Rows written since install(), by "table op", but for the writes ALLOWED_WRITES lets be."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT tbl, op FROM {LOG}")  # noqa: S608
        rows = cursor.fetchall()
    return Counter(f"{t} {op.lower()}" for t, op in rows if op.lower() not in ALLOWED_WRITES.get(t, ()))


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {LOG}")  # noqa: S608


def stored_files() -> set[str]:
    """Files under the private media folder (documents, attachments, exports)."""
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} if root.exists() else set()
