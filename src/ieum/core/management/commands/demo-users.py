"""`ieum demo-users`: the spelling the Makefile and README use; see demo_users.py."""

from ieum.core.management.commands.demo_users import Command

__all__ = ["Command"]
