"""Names of demo residents in three forms; see build.py."""

from ieum.residents.demo.names.build import Builder, Name, korean_citizen

__all__ = ["Builder", "Name", "korean_citizen"]
