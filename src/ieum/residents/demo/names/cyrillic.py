"""Uzbek (Latin), Koryo-saram, Russian, Kazakh, Kyrgyz and Mongolian (Cyrillic) name parts.

Surnames are given in the masculine form; `feminine()` in build.py derives -ova/-ева and the
Hangul -바 ending. Passport spellings follow ICAO transliteration (Сергей → SERGEI).
"""

from __future__ import annotations

from ieum.residents.demo.names.parse import parse

# --- Uzbekistan: family + given, Uzbek Latin -------------------------------------------------
UZ_FAMILY = parse("""
KARIMOV | | 카리모프
RAHIMOV | | 라히모프
TURSUNOV | | 투르수노프
ABDULLAYEV | | 압둘라예프
YUSUPOV | | 유수포프
NAZAROV | | 나자로프
ERGASHEV | | 에르가셰프
SAIDOV | | 사이도프
ISMOILOV | | 이스모일로프
MIRZAYEV | | 미르자예프
QODIROV | | 코디로프
ALIMOV | | 알리모프
""")
UZ_GIVEN_M = parse("""
JASUR | | 자수르
SARDOR | | 사르도르
BEKZOD | | 베크조드
AKMAL | | 아크말
OTABEK | | 오타베크
RUSTAM | | 루스탐
SHERZOD | | 셰르조드
DILSHOD | | 딜쇼드
JAHONGIR | | 자홍기르
SHOXRUX | | 쇼흐루흐
ULUGBEK | | 울루그베크
AZIZ | | 아지즈
BOBUR | | 보부르
SANJAR | | 산자르
""")
UZ_GIVEN_F = parse("""
DILNOZA | | 딜노자
GULNORA | | 굴노라
NODIRA | | 노디라
MADINA | | 마디나
MALIKA | | 말리카
ZARINA | | 자리나
SHAHNOZA | | 샤흐노자
FERUZA | | 페루자
NIGORA | | 니고라
SEVARA | | 세바라
""")

# --- Koryo-saram (고려인): Korean surname in Cyrillic + Russian given name ----------------------
KORYO_FAMILY = parse("""
KIM | Ким | 김
PAK | Пак | 박
LI | Ли | 리
TSOI | Цой | 최
KHVAN | Хван | 황
TEN | Тен | 정
SHIN | Шин | 신
KHAN | Хан | 한
KAN | Кан | 강
NAM | Нам | 남
AN | Ан | 안
LIM | Лим | 임
""")
KORYO_FAMILY_WEIGHTS = (25, 15, 12, 8, 5, 5, 5, 5, 5, 5, 5, 5)
RU_GIVEN_M = parse("""
VIKTOR | Виктор | 빅토르
ALEKSANDR | Александр | 알렉산드르
SERGEI | Сергей | 세르게이
ANDREI | Андрей | 안드레이
DMITRII | Дмитрий | 드미트리
NIKOLAI | Николай | 니콜라이
OLEG | Олег | 올레그
VLADIMIR | Владимир | 블라디미르
EVGENII | Евгений | 예브게니
MAKSIM | Максим | 막심
DENIS | Денис | 데니스
ARTEM | Артём | 아르툠
ROMAN | Роман | 로만
""")
RU_GIVEN_F = parse("""
ELENA | Елена | 옐레나
OLGA | Ольга | 올가
MARINA | Марина | 마리나
SVETLANA | Светлана | 스베틀라나
TATIANA | Татьяна | 타티야나
NATALIA | Наталья | 나탈리야
IRINA | Ирина | 이리나
ANNA | Анна | 안나
IULIIA | Юлия | 율리야
VIKTORIIA | Виктория | 빅토리야
ALINA | Алина | 알리나
EKATERINA | Екатерина | 예카테리나
""")

# --- Russians: family + given ----------------------------------------------------------------
RU_FAMILY = parse("""
IVANOV | Иванов | 이바노프
SMIRNOV | Смирнов | 스미르노프
KUZNETSOV | Кузнецов | 쿠즈네초프
POPOV | Попов | 포포프
SOKOLOV | Соколов | 소콜로프
VOLKOV | Волков | 볼코프
MOROZOV | Морозов | 모로조프
PETROV | Петров | 페트로프
""")

# --- Kazakhs: family + given -----------------------------------------------------------------
KK_FAMILY = parse("""
AKHMETOV | Ахметов | 아흐메토프
ZHAKSYBEKOV | Жаксыбеков | 작시베코프
SERIKOV | Сериков | 세리코프
ABENOV | Абенов | 아베노프
OMAROV | Омаров | 오마로프
KASYMOV | Касымов | 카시모프
TOKTAROV | Токтаров | 톡타로프
""")
KK_GIVEN_M = parse("""
NURLAN | Нурлан | 누를란
ERLAN | Ерлан | 예를란
ASKAR | Аскар | 아스카르
DAUREN | Даурен | 다우렌
ARMAN | Арман | 아르만
BAUYRZHAN | Бауыржан | 바우이르잔
""")
KK_GIVEN_F = parse("""
ASEL | Асель | 아셀
AIGERIM | Айгерим | 아이게림
DINARA | Динара | 디나라
ZHANAR | Жанар | 자나르
GULNAR | Гульнар | 굴나르
AIZHAN | Айжан | 아이잔
""")

# --- Kyrgyz: family + given ------------------------------------------------------------------
KY_FAMILY = parse("""
ASANOV | Асанов | 아사노프
MAMATOV | Маматов | 마마토프
TOKTOGULOV | Токтогулов | 톡토굴로프
SYDYKOV | Сыдыков | 시디코프
OSMONOV | Осмонов | 오스모노프
""")
KY_GIVEN_M = parse("""
NURBEK | Нурбек | 누르베크
AZAMAT | Азамат | 아자마트
BAKYT | Бакыт | 바키트
ULAN | Улан | 울란
ERMEK | Эрмек | 에르메크
TALANT | Талант | 탈란트
""")
KY_GIVEN_F = parse("""
AIDA | Аида | 아이다
GULZAT | Гулзат | 굴자트
NAZIRA | Назира | 나지라
AIPERI | Айпери | 아이페리
CHOLPON | Чолпон | 촐폰
""")

# --- Mongolia: father's name (as surname) + given --------------------------------------------
MN_GIVEN_M = parse("""
BATBOLD | Батболд | 바트볼드
GANBAATAR | Ганбаатар | 간바타르
ENKHBAYAR | Энхбаяр | 엥흐바야르
BOLD | Болд | 볼드
SUKHBAATAR | Сүхбаатар | 수흐바타르
TEMUULEN | Тэмүүлэн | 테무울렌
ERDENE | Эрдэнэ | 에르덴
MUNKHBAT | Мөнхбат | 뭉흐바트
""")
MN_GIVEN_F = parse("""
OYUUNCHIMEG | Оюунчимэг | 오윤치메그
SARNAI | Сарнай | 사르나이
NARAN | Наран | 나랑
UYANGA | Уянга | 우양가
ENKHJARGAL | Энхжаргал | 엥흐자르갈
BOLORMAA | Болормаа | 볼로르마
ANUJIN | Анужин | 아누진
KHULAN | Хулан | 홀랑
NOMIN | Номин | 노민
""")
