"""`ieum import-residents FILE [--commit]`: the spelling the README uses; see import_residents.py."""

from ieum.residents.management.commands.import_residents import Command

__all__ = ["Command"]
