"""Synthetic identifiers that pass Ieum's own validation (facts.md §6), unique within a run."""

from __future__ import annotations

import datetime as dt
import random

from ieum.lib.identifiers import arn_checksum

# Alien registration numbers issued from October 2020 have a random tail with no check digit.
RANDOM_TAIL_FROM = dt.date(2020, 10, 1)
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


class IdentifierPool:
    """Hands out ARNs, passport numbers and phone numbers, never the same one twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make) -> str:
        while True:
            value = make()
            if value not in self.used:
                self.used.add(value)
                return value

    def arn(self, birth: dt.date, sex: str, registered_on: dt.date) -> str:
        """YYMMDD + 5/6 (born 1900s, male/female) or 7/8 (2000s) + six digits."""
        century_digit = {("M", 19): "5", ("F", 19): "6", ("M", 20): "7", ("F", 20): "8"}
        head = f"{birth:%y%m%d}{century_digit[sex, birth.year // 100]}"
        rng = self.rng

        def make() -> str:
            if registered_on >= RANDOM_TAIL_FROM:
                return head + f"{rng.randrange(10**6):06d}"
            # Before Oct 2020: office code and serial, then the check digit of the old rule.
            body = head + f"{rng.randrange(10**5):05d}"
            return body + str(arn_checksum(body + "0"))

        return self._unique(make)

    def passport(self, patterns: tuple[str, ...]) -> str:
        rng = self.rng
        pattern = patterns[rng.randrange(len(patterns))]
        return self._unique(lambda: self.fill(pattern))

    def korean_mobile(self) -> str:
        # 010 + 8 digits, stored in E.164 without the leading 0 (+82 10 …). 010-0xxx, 010-1xxx
        # and 010-597x…599x are unassigned (phonenumbers rejects them).
        def make() -> str:
            while True:
                subscriber = self.rng.randrange(20_000_000, 100_000_000)
                if not 59_700_000 <= subscriber < 60_000_000:
                    return f"+8210{subscriber}"

        return self._unique(make)

    def home_phone(self, pattern: str) -> str:
        return self._unique(lambda: self.fill(pattern))

    def fill(self, pattern: str) -> str:
        rng = self.rng
        out = []
        for ch in pattern:
            if ch == "#":
                out.append(str(rng.randrange(10)))
            elif ch == "@":
                out.append(_LETTERS[rng.randrange(len(_LETTERS))])
            else:
                out.append(ch)
        return "".join(out)
