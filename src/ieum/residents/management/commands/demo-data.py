"""`ieum demo-data`: the spelling the Makefile and README use; see demo_data.py."""

from ieum.residents.management.commands.demo_data import Command

__all__ = ["Command"]
