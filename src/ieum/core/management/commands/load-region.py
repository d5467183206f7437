"""`ieum load-region <name>`: the spelling the Makefile and README use; see load_region.py."""

from ieum.core.management.commands.load_region import Command

__all__ = ["Command"]
