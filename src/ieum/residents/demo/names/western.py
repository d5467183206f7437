"""English names (E-2 teachers and a few marriage migrants from the United States)."""

from __future__ import annotations

from ieum.residents.demo.names.parse import parse

EN_GIVEN_M = parse("""
MICHAEL | | 마이클
DAVID | | 데이비드
JAMES | | 제임스
JOHN | | 존
ROBERT | | 로버트
DANIEL | | 대니얼
CHRISTOPHER | | 크리스토퍼
MATTHEW | | 매슈
""")
EN_GIVEN_F = parse("""
JENNIFER | | 제니퍼
SARAH | | 세라
JESSICA | | 제시카
EMILY | | 에밀리
ASHLEY | | 애슐리
ELIZABETH | | 엘리자베스
""")
EN_FAMILY = parse("""
SMITH | | 스미스
JOHNSON | | 존슨
WILLIAMS | | 윌리엄스
BROWN | | 브라운
JONES | | 존스
MILLER | | 밀러
DAVIS | | 데이비스
WILSON | | 윌슨
ANDERSON | | 앤더슨
TAYLOR | | 테일러
""")
