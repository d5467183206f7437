"""The regional visa rules engine: plain Python and numpy, no Django.

Programs are lists of criteria; every criterion reads dated parameters (`params.ParamSet`) and
columns of a population (`population.Population`) and answers, for every person at once,
met / not met / unknown (evidence missing). The Django layer builds the columns
(`ieum.visas.selectors`) and renders the codes in the reader's language (`ieum.visas.texts`).
"""

from ieum.visas.engine.decide import (
    ELIGIBLE,
    MET,
    NOT_ELIGIBLE,
    NOT_MET,
    ONE_CHANGE,
    UNKNOWN,
    Screening,
    screen,
)
from ieum.visas.engine.params import ParamSet, ParamValue, load_rules
from ieum.visas.engine.population import Population
from ieum.visas.engine.programs import PROGRAMS, Program

__all__ = [
    "ELIGIBLE",
    "MET",
    "NOT_ELIGIBLE",
    "NOT_MET",
    "ONE_CHANGE",
    "PROGRAMS",
    "UNKNOWN",
    "ParamSet",
    "ParamValue",
    "Population",
    "Program",
    "Screening",
    "load_rules",
    "screen",
]
