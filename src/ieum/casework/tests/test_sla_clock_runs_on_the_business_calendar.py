"""The SLA clock (pure module) on the center's calendar: opening hours, evenings, Saturday,
Korean public holidays from the `holidays` package (Chuseok 2026: 24-26 September)."""

import datetime as dt
from zoneinfo import ZoneInfo

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from ieum.casework.config import business_calendar

KST = ZoneInfo("Asia/Seoul")
HOUR = 3600


def at(day: int, hour: int, minute: int = 0, month: int = 9) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=KST)


def test_chuseok_2026_is_a_public_holiday_in_the_package():
    kr = holidays.KR(years=2026)
    assert dt.date(2026, 9, 25) in kr and dt.date(2026, 9, 24) in kr and dt.date(2026, 9, 26) in kr


def test_the_clock_counts_monday_and_wednesday_evenings_but_not_tuesday():
    calendar = business_calendar()
    # Monday 21 Sep 2026 17:00 + 2 h = 19:00 the same evening (open to 20:00).
    assert calendar.add(at(21, 17), 2 * HOUR) == at(21, 19)
    # Tuesday 22 Sep 17:00 + 2 h: one hour to 18:00, the next at Wednesday 09:00-10:00.
    assert calendar.add(at(22, 17), 2 * HOUR) == at(23, 10)


def test_the_clock_pauses_and_resumes_across_chuseok():
    calendar = business_calendar()
    opened = at(23, 16)  # Wednesday before Chuseok, 16:00
    due = calendar.add(opened, 6 * HOUR)
    # Wed 16:00-20:00 is four hours; Thu 24, Fri 25 and Sat 26 are Chuseok (closed), Sunday
    # closed, so the last two hours fall on Monday 28 Sep 09:00-11:00.
    assert due == at(28, 11)

    # The case waits on the resident from Wednesday 19:00 (three business hours were left: one
    # that evening, two on Monday) and resumes Tuesday 29 Sep at 10:00 (Monday is open to 20:00).
    paused, resumed = at(23, 19), at(29, 10)
    assert calendar.seconds_between(paused, resumed) == 1 * HOUR + 11 * HOUR + 1 * HOUR
    new_due = calendar.resume(due, paused, resumed)
    assert calendar.seconds_between(paused, due) == 3 * HOUR
    # The three hours count again from the resumption: Tuesday 10:00-13:00.
    assert new_due == at(29, 13)


def test_saturday_counts_and_sunday_does_not():
    calendar = business_calendar()
    # Saturday 3 Oct 2026 is National Foundation Day: closed; Saturday 10 Oct is open.
    assert not calendar.is_open(dt.datetime(2026, 10, 3, 10, tzinfo=KST))
    assert calendar.is_open(dt.datetime(2026, 10, 10, 10, tzinfo=KST))
    assert not calendar.is_open(dt.datetime(2026, 10, 11, 10, tzinfo=KST))


def test_a_due_time_already_passed_when_the_pause_began_does_not_move():
    calendar = business_calendar()
    due = at(21, 10)
    assert calendar.resume(due, at(21, 11), at(22, 12)) == due


@settings(max_examples=60, deadline=None)
@given(
    start=st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 12, 1)),
    seconds=st.integers(min_value=0, max_value=200 * HOUR),
)
def test_adding_business_time_and_measuring_it_agree(start, seconds):
    calendar = business_calendar()
    begin = start.replace(tzinfo=KST)
    end = calendar.add(begin, seconds)
    assert end >= begin
    assert abs(calendar.seconds_between(begin, end) - seconds) < 1e-6
