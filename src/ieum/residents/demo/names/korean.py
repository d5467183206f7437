"""Korean names for relatives who are Korean citizens (a marriage migrant's spouse and children).

They are stored only as a relative's name on the household link, in Hangul.
"""

from __future__ import annotations

FAMILY = ("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황")
FAMILY_WEIGHTS = (21, 15, 8, 5, 4, 2, 2, 2, 2, 2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5)
GIVEN_MEN = (
    "영수",
    "성호",
    "정훈",
    "민수",
    "상철",
    "동현",
    "재훈",
    "광수",
    "병철",
    "종민",
    "현우",
    "진호",
    "석진",
    "용수",
    "기철",
)
GIVEN_WOMEN = ("미경", "은정", "수진", "지영", "혜진", "영희", "정숙", "미영", "현정", "선영")
GIVEN_BOYS = ("민준", "서준", "도윤", "예준", "시우", "하준", "지호", "주원", "지훈", "건우")
GIVEN_GIRLS = ("서연", "서윤", "지우", "하은", "민서", "지민", "수아", "하윤", "지유", "채원")
