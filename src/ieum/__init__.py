"""Ieum (이음): the operating platform of a regional Immigration & Foreigner Support Center."""

__version__ = "0.1.0"
