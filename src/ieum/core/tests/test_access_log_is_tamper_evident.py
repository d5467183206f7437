"""The access log is append-only through the app, and a row altered or removed behind the app's
back is detected by the hash chain."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from ieum.core.access import RetentionError, access_log_prune, access_log_verify, log_access
from ieum.core.models import AccessLog, AppendOnlyError


def _write(n: int, user=None) -> list[AccessLog]:
    return [
        log_access(user=user, action="view", subject_type="resident", subject_id=i, purpose="case work")
        for i in range(n)
    ]


@pytest.mark.django_db
def test_an_untouched_chain_verifies(counselor):
    _write(5, counselor)
    assert access_log_verify() == []
    call_command("verify_access_log")


@pytest.mark.django_db
def test_the_app_cannot_update_or_delete_a_row(counselor):
    row = _write(1, counselor)[0]
    row.purpose = "something else"
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        AccessLog.objects.filter(pk=row.pk).update(purpose="x")
    with pytest.raises(AppendOnlyError):
        AccessLog.objects.all().delete()


@pytest.mark.django_db
def test_a_row_altered_in_the_database_is_detected(counselor):
    rows = _write(4, counselor)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_accesslog SET subject_id = %s WHERE id = %s", ["999", rows[2].pk])
    problems = access_log_verify()
    assert [(p.row_id, p.problem) for p in problems] == [(rows[2].pk, "altered")]
    with pytest.raises(CommandError):
        call_command("verify_access_log")


@pytest.mark.django_db
def test_a_row_removed_from_the_middle_is_detected(counselor):
    rows = _write(4, counselor)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_accesslog WHERE id = %s", [rows[1].pk])
    assert (rows[2].pk, "broken") in [(p.row_id, p.problem) for p in access_log_verify()]


@pytest.mark.django_db
def test_the_newest_row_removed_is_detected(counselor):
    rows = _write(3, counselor)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_accesslog WHERE id = %s", [rows[-1].pk])
    assert access_log_verify() != []


def _backdate(rows: list[AccessLog], days: int) -> None:
    # Rows written "years ago": rewrite their time and re-hash the chain, as if written then.
    when = timezone.now() - dt.timedelta(days=days)
    with connection.cursor() as cursor:
        for row in rows:
            cursor.execute("UPDATE core_accesslog SET at = %s WHERE id = %s", [when, row.pk])
    from ieum.core.models import AccessLogHead

    prev = "0" * 64
    for row in AccessLog.objects.order_by("id"):
        row.prev_hash = prev
        new_hash = row.compute_hash()
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE core_accesslog SET prev_hash=%s, row_hash=%s WHERE id=%s", [prev, new_hash, row.pk]
            )
        prev = new_hash
    AccessLogHead.objects.filter(pk=1).update(last_hash=prev)


@pytest.mark.django_db
def test_prune_refuses_rows_younger_than_two_years(counselor):
    _write(2, counselor)
    with pytest.raises(RetentionError):
        access_log_prune(before=timezone.localdate() - dt.timedelta(days=365))
    assert AccessLog.objects.count() == 2


@pytest.mark.django_db
def test_prune_removes_only_old_rows_and_the_chain_still_verifies(counselor):
    old = _write(3, counselor)
    young = _write(2, counselor)
    _backdate(old, days=800)
    removed = access_log_prune(before=timezone.localdate() - dt.timedelta(days=731))
    assert removed == 3
    assert set(AccessLog.objects.values_list("pk", flat=True)) == {r.pk for r in young}
    assert access_log_verify() == []
