"""The engine's codes as sentences in the reader's language. The engine answers with criterion
codes, states and parameters; every sentence here is one whole gettext message with named
placeholders, rendered when the page is shown."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ieum.lib.formatting import krw

OUTCOMES = {
    "eligible": gettext_lazy("Eligible"),
    "one_change": gettext_lazy("Eligible if one thing changes"),
    "not_eligible": gettext_lazy("Not eligible"),
}
EVIDENCE = {
    "status": gettext_lazy("status of stay"),
    "home": gettext_lazy("home city or county"),
    "work": gettext_lazy("workplace city or county"),
    "degree": gettext_lazy("Korean degree rank"),
    "income": gettext_lazy("yearly income"),
    "topik": gettext_lazy("TOPIK level"),
    "kiip": gettext_lazy("KIIP stage"),
    "regional_end": gettext_lazy("regional status held until"),
    "birth": gettext_lazy("date of birth"),
    "ethnic_korean": gettext_lazy("ethnic Korean"),
    "feeder_days": gettext_lazy("days on E-9, E-10 or H-2"),
    "e74_points": gettext_lazy("points"),
    "relation": gettext_lazy("relation"),
    "principal_status": gettext_lazy("principal's status"),
    "principal_home": gettext_lazy("principal's city or county"),
}
STATES = {
    "met": gettext_lazy("Met"),
    "not_met": gettext_lazy("Not met"),
    "unknown": gettext_lazy("Unknown: the evidence is missing"),
}


def _list(values: Any) -> str:
    return ", ".join(str(v) for v in values or [])


def _money(value: Any) -> str:
    return krw(int(value), get_language()) if value is not None else ""


def criterion_sentence(code: str, params: dict[str, Any]) -> str:
    p = params
    sentences = {
        "in_force": lambda: _("The program is open on this date."),
        "status_not_excluded": lambda: (
            _("The current status of stay may apply (these may not: %(statuses)s).")
            % {"statuses": _list(p.get("excluded_statuses"))}
        ),
        "degree_or_income": lambda: (
            (
                _(
                    "A Korean associate degree or higher, or a yearly income of at least %(amount)s "
                    "(the living wage)."
                )
                if p.get("income_basis") == "living_wage"
                else _(
                    "A Korean associate degree or higher, or a yearly income of at least %(amount)s "
                    "(70 %% of gross national income per person)."
                )
            )
            % {"amount": _money(p.get("income_threshold"))}
        ),
        "korean_level": lambda: (
            _("TOPIK level %(level)s or KIIP stage %(level)s or higher.") % {"level": p.get("korean_min")}
        ),
        "home_in_decline_area": lambda: _("Home in a population-decline area."),
        "workplace_in_home_area": lambda: _("Workplace in the same city or county as the home."),
        "no_recent_regional_status": lambda: (
            _("No F-2-R or its family status in the last %(years)s years.") % {"years": p.get("repeat_years")}
        ),
        "status_is_feeder": lambda: (
            _("The current status of stay is one of these: %(statuses)s.")
            % {"statuses": _list(p.get("feeder_statuses"))}
        ),
        "feeder_years": lambda: (
            _("At least %(years)s years on those statuses in the last ten years.")
            % {"years": p.get("feeder_years")}
        ),
        "wage": lambda: _("A yearly wage of at least %(amount)s.") % {"amount": _money(p.get("wage_min"))},
        "points": lambda: (
            _("At least %(points)s points in the E-7-4 points test.") % {"points": p.get("points_min")}
        ),
        "is_ethnic_korean": lambda: _("An ethnic Korean (overseas Korean)."),
        "age_below": lambda: _("Younger than %(age)s.") % {"age": p.get("age_max")},
        "principal_holds_status": lambda: (
            _("The principal holds one of these statuses: %(statuses)s.")
            % {"statuses": _list(p.get("principal_statuses"))}
        ),
        "family_relation": lambda: (
            _("The spouse, or a child younger than %(age)s, of the principal.")
            % {"age": p.get("child_age_max")}
        ),
        "lives_with_principal": lambda: _("Lives in the same city or county as the principal."),
    }
    make = sentences.get(code)
    return make() if make else code


def change_sentence(code: str, params: dict[str, Any]) -> str:
    """What the person could do so that the one unmet criterion is met."""
    p = params
    sentences = {
        "degree_or_income": lambda: (
            _("Show a yearly income of at least %(amount)s, or a Korean associate degree or higher.")
            % {"amount": _money(p.get("income_threshold"))}
        ),
        "korean_level": lambda: (
            _("Show a certified result of TOPIK level %(level)s or KIIP stage %(level)s.")
            % {"level": p.get("korean_min")}
        ),
        "home_in_decline_area": lambda: _("Live in a population-decline area."),
        "workplace_in_home_area": lambda: _(
            "Work in the same city or county where you live, and record the workplace."
        ),
        "wage": lambda: (
            _("Show a contract paying at least %(amount)s a year.") % {"amount": _money(p.get("wage_min"))}
        ),
        "points": lambda: (
            _("Show an E-7-4 points result of at least %(points)s.") % {"points": p.get("points_min")}
        ),
        "lives_with_principal": lambda: _("Live in the same city or county as the principal."),
    }
    make = sentences.get(code)
    return make() if make else ""


def evidence_text(evidence: dict[str, Any]) -> str:
    """The evidence read, as data (codes and numbers); empty values mean none on record."""
    shown = []
    for name, value in evidence.items():
        if value in (None, "", -1):
            continue
        if name in ("income",):
            value = _money(value)
        shown.append(_("%(item)s: %(value)s") % {"item": EVIDENCE.get(name, name), "value": value})
    return "; ".join(shown) or _("Nothing on record.")


def rendered(explanation: list[dict[str, Any]], change: str | None, params: dict[str, Any]) -> dict[str, Any]:
    rows = [
        {
            "code": item["code"],
            "state": item["state"],
            "state_label": str(STATES[item["state"]]),
            "sentence": criterion_sentence(item["code"], item["params"]),
            "evidence": evidence_text(item["evidence"]),
        }
        for item in explanation
    ]
    return {"criteria": rows, "change": change_sentence(change, params) if change else ""}
