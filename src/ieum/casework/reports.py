"""Contact-center reports (issue 5 item 10): aggregates only, no one's identity, so analysts may
read them. Each report is a Table; the page draws bars and the XLSX export writes one sheet each."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay
from django.utils.translation import gettext as _

from ieum.casework.models import ACTIVE_STATUSES, OPEN_STATUSES, Callback, CallLog, Case, Channel, Topic


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    # Index of the column the page draws as bars (a count), or None.
    bar: int | None = 1

    @property
    def bar_max(self) -> int:
        if self.bar is None:
            return 0
        return max((int(r[self.bar] or 0) for r in self.rows), default=0)


@dataclass
class Heatmap:
    title: str
    days: list[str]
    cells: list[list[int]]  # 7 × 24, Monday first

    @property
    def peak(self) -> int:
        return max((max(row) for row in self.cells), default=0)


def period_cases(since: dt.date, until: dt.date) -> QuerySet[Case]:
    return Case.objects.filter(opened_at__date__gte=since, opened_at__date__lte=until)


def _volume(cases: QuerySet[Case], key: str, title: str, field_name: str, label=None) -> Table:
    rows = cases.values(field_name).annotate(n=Count("id")).order_by("-n")
    table = Table(key, title, [_("Group"), _("Cases")])
    for row in rows:
        value = row[field_name]
        table.rows.append([label(value) if label else (value if value is not None else "—"), row["n"]])
    return table


def _minutes(value: dt.timedelta | None) -> float | None:
    return round(value.total_seconds() / 60, 1) if value is not None else None


def _times(cases: QuerySet[Case]) -> Table:
    first = ExpressionWrapper(F("first_response_at") - F("opened_at"), output_field=DurationField())
    resolve = ExpressionWrapper(F("resolved_at") - F("opened_at"), output_field=DurationField())
    table = Table(
        "times",
        _("Response and resolution times"),
        [_("Urgency"), _("Cases"), _("First response, average minutes"), _("Resolution, average minutes")],
    )
    rows = cases.values("urgency").annotate(
        n=Count("id"),
        first=Avg(first, filter=Q(first_response_at__isnull=False)),
        resolved=Avg(resolve, filter=Q(resolved_at__isnull=False)),
    )
    labels = dict(Case.Urgency.choices)
    for row in rows.order_by("urgency"):
        table.rows.append(
            [
                str(labels.get(row["urgency"], row["urgency"])),
                row["n"],
                _minutes(row["first"]),
                _minutes(row["resolved"]),
            ]
        )
    return table


def _sla(cases: QuerySet[Case]) -> Table:
    table = Table("sla", _("Service targets met"), [_("Target"), _("Met"), _("Missed"), _("Share met (%)")])
    responded = cases.filter(first_response_at__isnull=False)
    resolved = cases.filter(resolved_at__isnull=False)
    for title, qs, flag in (
        (_("First response"), responded, "first_response_breached"),
        (_("Resolution"), resolved, "resolution_breached"),
    ):
        counts = qs.aggregate(total=Count("id"), missed=Count("id", filter=Q(**{flag: True})))
        met = counts["total"] - counts["missed"]
        share = round(100 * met / counts["total"], 1) if counts["total"] else None
        table.rows.append([title, met, counts["missed"], share])
    return table


def _languages(cases: QuerySet[Case], since: dt.date, until: dt.date) -> Table:
    """Unmet demand and waiting per language: interpreter overflows, cases still waiting for a
    counselor, calls lost, callbacks pending, and the average wait to assignment."""
    wait = ExpressionWrapper(F("assigned_at") - F("opened_at"), output_field=DurationField())
    per_case = {
        row["language"]: row
        for row in cases.values("language").annotate(
            n=Count("id"),
            overflow=Count("id", filter=Q(needs_interpreter=True)),
            unassigned=Count("id", filter=Q(status=Case.Status.NEW)),
            wait=Avg(wait, filter=Q(assigned_at__isnull=False)),
        )
    }
    lost = dict(
        CallLog.objects.filter(
            started_at__date__gte=since,
            started_at__date__lte=until,
            outcome__in=(CallLog.Outcome.MISSED, CallLog.Outcome.ABANDONED),
        )
        .values_list("ivr_language")
        .annotate(n=Count("id"))
    )
    pending = dict(
        Callback.objects.filter(status=Callback.Status.PENDING)
        .values_list("language")
        .annotate(n=Count("id"))
    )
    table = Table(
        "languages",
        _("Unmet demand and waiting per language"),
        [
            _("Language"),
            _("Cases"),
            _("Needed an interpreter"),
            _("Still waiting for a counselor"),
            _("Calls lost"),
            _("Callbacks pending"),
            _("Average wait for a counselor, minutes"),
        ],
    )
    for language in sorted(set(per_case) | set(lost) | set(pending)):
        row: Any = per_case.get(language, {})
        table.rows.append(
            [
                language,
                row.get("n", 0),
                row.get("overflow", 0),
                row.get("unassigned", 0),
                lost.get(language, 0),
                pending.get(language, 0),
                _minutes(row.get("wait")),
            ]
        )
    return table


def _load(cases: QuerySet[Case]) -> Table:
    table = Table(
        "load",
        _("Counselor load"),
        [_("Counselor"), _("Open cases"), _("Being worked now"), _("Resolved in the period")],
    )
    rows = (
        Case.objects.filter(assignee__isnull=False)
        .values("assignee", "assignee__username", "assignee__display_name")
        .annotate(
            open=Count("id", filter=Q(status__in=OPEN_STATUSES)),
            active=Count("id", filter=Q(status__in=ACTIVE_STATUSES)),
            resolved=Count("id", filter=Q(pk__in=cases.filter(resolved_at__isnull=False).values("pk"))),
        )
        .order_by("-open")
    )
    for row in rows[:200]:
        table.rows.append(
            [
                row["assignee__display_name"] or row["assignee__username"],
                row["open"],
                row["active"],
                row["resolved"],
            ]
        )
    return table


def _visa(cases: QuerySet[Case]) -> Table:
    from ieum.residents.models import VisaRecord

    latest = (
        VisaRecord.objects.filter(resident_id=OuterRef("resident_id"))
        .order_by("-valid_from")
        .values("status__code")[:1]
    )
    rows = (
        cases.filter(resident__isnull=False)
        .annotate(visa=Subquery(latest))
        .values("visa")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    table = Table("visa", _("Cases by status of stay"), [_("Group"), _("Cases")])
    for row in rows:
        table.rows.append([row["visa"] or "—", row["n"]])
    return table


def _referrals(since: dt.date, until: dt.date) -> Table | None:
    """Referral outcomes by partner, from the referrals app (left out if it is not there)."""
    try:
        from ieum.referrals.models import Referral
    except ImportError:  # pragma: no cover - the app is part of the project
        return None
    statuses = [value for value, _label in Referral.Status.choices]
    labels = dict(Referral.Status.choices)
    table = Table(
        "referrals",
        _("Referral outcomes by partner"),
        [_("Partner"), *[str(labels[s]) for s in statuses]],
        bar=None,
    )
    per_partner: dict[str, dict[str, int]] = {}
    rows = (
        Referral.objects.filter(created_at__date__gte=since, created_at__date__lte=until)
        .values("partner__name_ko", "status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        per_partner.setdefault(row["partner__name_ko"], {})[row["status"]] = row["n"]
    for partner, counts in sorted(per_partner.items()):
        table.rows.append([partner, *[counts.get(s, 0) for s in statuses]])
    return table


def heatmap(cases: QuerySet[Case]) -> Heatmap:
    cells = [[0] * 24 for _day in range(7)]
    # Extract* use the current time zone (Asia/Seoul): the hours are the center's.
    rows = (
        cases.annotate(day=ExtractIsoWeekDay("opened_at"), hour=ExtractHour("opened_at"))
        .values("day", "hour")
        .annotate(n=Count("id"))
    )
    for row in rows:
        cells[row["day"] - 1][row["hour"]] += row["n"]
    days = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]
    return Heatmap(_("Busiest hours"), days, cells)


def build(since: dt.date, until: dt.date) -> tuple[list[Table], Heatmap]:
    cases = period_cases(since, until)
    channels = dict(Channel.choices)
    topics = {t.pk: t.label for t in Topic.objects.all()}
    tables = [
        _volume(cases, "channel", _("Cases by channel"), "channel", lambda v: str(channels.get(v, v))),
        _volume(cases, "topic", _("Cases by topic"), "topic", lambda v: topics.get(v, v)),
        _volume(
            cases,
            "language",
            _("Cases by language"),
            "language",
            lambda v: dict(settings.LANGUAGES).get(v, v),
        ),
        _volume(cases, "county", _("Cases by city or county"), "municipality__name_ko"),
        _volume(cases, "nationality", _("Cases by nationality"), "resident__nationality__name_ko"),
        _visa(cases),
        _times(cases),
        _sla(cases),
        _languages(cases, since, until),
        _load(cases),
    ]
    referrals = _referrals(since, until)
    if referrals is not None:
        tables.append(referrals)
    return tables, heatmap(cases)


def safe_cell(value: object) -> object:
    """A text cell starting with = + - @ would run as a formula in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_xlsx(tables: list[Table], grid: Heatmap) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table.key[:31])
        sheet.append([safe_cell(table.title)])
        sheet.append([safe_cell(str(c)) for c in table.columns])
        for row in table.rows:
            sheet.append([safe_cell(str(v)) if isinstance(v, str) else v for v in row])
    sheet = book.create_sheet("hours")
    sheet.append([safe_cell(grid.title)])
    sheet.append(["", *[f"{h:02d}" for h in range(24)]])
    for day, row in zip(grid.days, grid.cells, strict=True):
        sheet.append([safe_cell(day), *row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
