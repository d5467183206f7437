"""Name-token prefix search is a range [token, token + U+10FFFF). That range is only right when
the column sorts by code point: SQLite's default BINARY collation does; on PostgreSQL we ask for
the "C" collation explicitly, whatever the database's locale."""

from django.db import migrations


def to_byte_order(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            'ALTER TABLE residents_nametoken ALTER COLUMN token TYPE varchar(64) COLLATE "C"'
        )


def to_default_order(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            'ALTER TABLE residents_nametoken ALTER COLUMN token TYPE varchar(64) COLLATE "default"'
        )


class Migration(migrations.Migration):
    dependencies = [("residents", "0002_income_per_year")]

    operations = [migrations.RunPython(to_byte_order, to_default_order)]
