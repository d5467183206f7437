"""iCalendar (RFC 5545) for one appointment. No Django import.

Hand-written rather than a library: one VEVENT with escaped text and folded lines is all the
center sends, and phones' calendars (iOS, Android, Outlook) read this subset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Appointment:
    uid: str
    start: dt.datetime  # aware
    end: dt.datetime  # aware
    summary: str
    location: str = ""
    description: str = ""


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    # Lines longer than 75 octets are folded (RFC 5545 §3.1) without splitting a UTF-8 character.
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(appointment: Appointment, *, now: dt.datetime | None = None) -> str:
    stamp = now or dt.datetime.now(dt.UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ieum//Appointments//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{appointment.uid}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(appointment.start)}",
        f"DTEND:{_utc(appointment.end)}",
        f"SUMMARY:{_escape(appointment.summary)}",
    ]
    if appointment.location:
        lines.append(f"LOCATION:{_escape(appointment.location)}")
    if appointment.description:
        lines.append(f"DESCRIPTION:{_escape(appointment.description)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    folded: list[str] = []
    for line in lines:
        folded.extend(_fold(line))
    return "\r\n".join(folded) + "\r\n"
