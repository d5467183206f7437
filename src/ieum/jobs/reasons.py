"""Lawfulness answers as sentences in the reader's language (the engine returns codes)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ieum.jobs.engine.lawfulness import Decision


def _messages() -> dict[str, str]:
    return {
        "below_minimum_wage": _(
            "The wage is below this year's legal minimum wage of %(minimum)s won an hour."
        ),
        "minimum_wage_unknown": _("No legal minimum wage is on file for %(date)s."),
        "eps_path": _(
            "With status %(status)s you change jobs only through the Employment Permit System: if your "
            "contract ends for a lawful reason (closure, unpaid wages, an accident, abuse, poor housing), "
            "apply at the job center within one month and get the immigration office's permission within "
            "three months, in the same industry and the Jeolla-Jeju zone. A counselor can help you."
        ),
        "h2_job_center": _(
            "With status %(status)s you find work through the job center after registering for a job "
            "search (special employment permit). A counselor can help you."
        ),
        "seasonal_only": _(
            "With status %(status)s you may work only for the farm or fishery assigned to you."
        ),
        "designated_only": _(
            "With status %(status)s you may work only in the job or for the employer named on it."
        ),
        "needs_permit": _(
            "With status %(status)s you need the immigration office's permission before you work."
        ),
        "no_work": _("Status %(status)s does not allow work."),
        "status_not_covered": _("We have no rule for status %(status)s on this date; ask a counselor."),
        "area_fixed": _(
            "Your status binds you to work in %(municipality)s until %(until)s; this job is elsewhere."
        ),
        "area_decline_province": _(
            "Your status allows work only in %(municipality)s or another population-decline area of the "
            "same province; this job is elsewhere."
        ),
        "area_unknown": _(
            "Your status binds you to one city or county, but we do not know which; ask a counselor."
        ),
        "hours_cap": _("Your status allows at most %(hours)s hours of work a week; this job asks for more."),
        "ksco_excluded": _("Status %(status)s does not allow simple-labour jobs like this one."),
        "ksic_not_allowed": _(
            "Status %(status)s allows skilled work only in farming, fishing, manufacturing or construction."
        ),
    }


def explain(decision: Decision, *, place_names: Mapping[str, str] | None = None) -> str:
    """The sentence for a refusal, with place codes shown as names."""
    if decision.allowed:
        return ""
    params: dict[str, Any] = dict(decision.params)
    if place_names and "municipality" in params:
        params["municipality"] = place_names.get(params["municipality"], params["municipality"])
    template = _messages().get(decision.reason, decision.reason)
    try:
        return template % params
    except (KeyError, TypeError, ValueError):
        return template


def factor_label(name: str) -> str:
    return {
        "occupation": _("Occupation"),
        "experience": _("Experience"),
        "korean": _("Korean level"),
        "wage": _("Wage"),
        "distance": _("Distance"),
        "housing": _("Housing"),
        "language": _("Languages at work"),
    }.get(name, name)
