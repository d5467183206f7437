"""Sentences of the grants app, rendered when read (so in the reader's language)."""

from __future__ import annotations

from django.utils.translation import gettext as _


def reason_messages() -> dict[str, str]:
    return {
        "eligible": _("Eligible: status %(status)s granted on %(granted_on)s in a participating county."),
        "no_status": _("No granted status among %(statuses)s is on record."),
        "status_ended": _("The status %(status)s is no longer valid."),
        "county_not_participating": _(
            "The status %(status)s was not granted in a county that takes part in this program."
        ),
        "granted_outside_dates": _(
            "The status %(status)s was granted on %(granted_on)s, outside the program's dates "
            "(%(start)s to %(end)s)."
        ),
        "moved_away": _("The person no longer lives in the county where %(status)s was granted."),
        "window_closed": _("The program does not take applications today."),
    }


def render_reason(reason: dict) -> str:
    template = reason_messages().get(reason.get("code", ""))
    if template is None:
        return str(reason.get("code", ""))
    try:
        return template % reason.get("params", {})
    except (KeyError, TypeError, ValueError):
        return template


def timeline_messages() -> dict[str, str]:
    return {
        "grants.applied": _("Applied for the grant %(program)s."),
        "grants.prepared": _("Grant application for %(program)s prepared for approval."),
        "grants.approved": _("Grant %(program)s approved: %(amount)s KRW."),
        "grants.rejected": _("Grant application for %(program)s rejected."),
        "grants.paid": _("Grant %(program)s paid: %(amount)s KRW."),
        "grants.payment_failed": _("A payment of the grant %(program)s did not go through."),
        "grants.payment_returned": _("A payment of the grant %(program)s was returned by the bank."),
        "grants.payment_retried": _("The grant %(program)s will be paid again."),
        "grants.clawback": _("Grant %(program)s clawed back: %(amount)s KRW."),
        "grants.reversed": _("A grant entry of %(amount)s KRW was corrected."),
    }


def outcome_labels() -> dict[str, str]:
    return {
        "matched": _("matched"),
        "failed": _("failed"),
        "returned": _("returned"),
        "unknown": _("unknown"),
        "already": _("already recorded"),
    }


def line_details() -> dict[str, str]:
    return {
        "no_key": _("No payment of this batch has this key."),
        "amount": _("The amount differs from the payment."),
        "already": _("Already recorded as paid."),
        "not_waiting": _("The payment was not waiting for the bank."),
        "paid": _("Paid."),
        "failed": _("The bank could not pay."),
        "returned": _("The bank returned the money."),
        "unknown_code": _("The bank's result code is not known."),
        "unreadable": _("The line cannot be read."),
    }


def render_report_lines(lines: list[dict]) -> list[dict]:
    """A stored reconciliation report's lines, labelled in the reader's language."""
    outcomes, details = outcome_labels(), line_details()
    return [
        {
            **line,
            "outcome_label": outcomes.get(line["outcome"], line["outcome"]),
            "detail_text": details.get(line["detail"], line["detail"]),
        }
        for line in lines
    ]
