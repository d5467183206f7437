"""The topics the center seeds (issue 5 item 1); staff may add more, named per language in
`Topic.names`. Seeded names are read from the gettext catalogues so each reader sees their language."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# code, Korean name, English name — the same rows migration 0002 writes.
SEEDED_TOPICS = [
    ("visa", "체류·비자", "Visa and stay"),
    ("workplace_change", "사업장 변경", "Workplace change"),
    ("wages", "임금 체불·퇴직금", "Wage arrears and severance"),
    ("industrial_accident", "산업재해", "Industrial accident"),
    ("health", "건강보험·의료", "Health insurance and medical care"),
    ("korean_classes", "한국어·사회통합프로그램", "Korean and KIIP classes"),
    ("seasonal_work", "계절근로 서류", "Seasonal-work paperwork"),
    ("family", "가족·결혼", "Family and marriage"),
    ("housing", "주거", "Housing"),
    ("legal", "법률", "Legal matters"),
    ("banking", "금융·송금", "Banking and remittance"),
    ("daily_life", "생활 일반", "Daily life"),
    ("other", "기타", "Other"),
]

_LABELS = {
    "visa": _("Visa and stay"),
    "workplace_change": _("Workplace change"),
    "wages": _("Wage arrears and severance"),
    "industrial_accident": _("Industrial accident"),
    "health": _("Health insurance and medical care"),
    "korean_classes": _("Korean and KIIP classes"),
    "seasonal_work": _("Seasonal-work paperwork"),
    "family": _("Family and marriage"),
    "housing": _("Housing"),
    "legal": _("Legal matters"),
    "banking": _("Banking and remittance"),
    "daily_life": _("Daily life"),
    "other": _("Other"),
}


def seeded_topic_label(code: str) -> str:
    label = _LABELS.get(code)
    return str(label) if label is not None else ""


def ensure_seeded_topics() -> None:
    """Write the seeded topics if missing (migration 0002 does it; a flushed test database not)."""
    from ieum.casework.models import Topic

    for position, (code, name_ko, name_en) in enumerate(SEEDED_TOPICS, start=1):
        Topic.objects.get_or_create(
            code=code, defaults={"name_ko": name_ko, "name_en": name_en, "ordering": position * 10}
        )
