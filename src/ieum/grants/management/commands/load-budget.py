"""`ieum load-budget`: the spelling the README uses; see load_budget.py."""

from ieum.grants.management.commands.load_budget import Command

__all__ = ["Command"]
