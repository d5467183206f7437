from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ieum.grants import services
from ieum.grants.models import LedgerEntry
from ieum.grants.models.ledger import AppendOnly


def test_an_entry_cannot_be_changed_or_deleted(line, approver):
    entry = services.budget_commit(line=line, amount=1_000_000, decision="contract", actor=approver)
    entry.decision = "something else"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        LedgerEntry.objects.filter(pk=entry.pk).update(decision="x")
    with pytest.raises(AppendOnly):
        LedgerEntry.objects.filter(pk=entry.pk).delete()


def test_a_correction_is_a_reversing_entry_made_once(line, approver):
    entry = services.budget_commit(line=line, amount=1_000_000, decision="contract", actor=approver)
    reversal = services.ledger_entry_reverse(entry=entry, reason="typed the wrong line", actor=approver)
    line.refresh_from_db()
    assert reversal.committed_delta == -1_000_000 and reversal.reverses == entry and line.committed == 0
    assert reversal.actor == approver and reversal.decision == "typed the wrong line"
    with pytest.raises(ValidationError):
        services.ledger_entry_reverse(entry=entry, reason="again", actor=approver)
    with pytest.raises(ValidationError):
        services.ledger_entry_reverse(entry=reversal, reason="undo the undo", actor=approver)


def test_spending_beyond_the_line_is_refused_and_changes_nothing(line, approver):
    with pytest.raises(ValidationError) as exc:
        services.budget_spend(line=line, amount=44_000_001, decision="too much", actor=approver)
    assert exc.value.code == "overdrawn"
    line.refresh_from_db()
    assert line.spent == 0 and LedgerEntry.objects.filter(kind="spending").count() == 0


def test_a_supplementary_cut_below_what_is_spent_is_refused(line, approver):
    services.budget_spend(line=line, amount=40_000_000, decision="paid", actor=approver)
    with pytest.raises(ValidationError):
        services.budget_amend(line=line, amount=-5_000_000, decision="cut", actor=approver)
    services.budget_amend(line=line, amount=-4_000_000, decision="cut", actor=approver)
    line.refresh_from_db()
    assert line.available == 0


def test_an_entry_without_a_decision_is_refused(line, approver):
    with pytest.raises(ValidationError):
        services.budget_commit(line=line, amount=1000, decision="  ", actor=approver)
