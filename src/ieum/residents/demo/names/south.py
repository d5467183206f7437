"""Nepali, Sinhala, Urdu and Bengali name parts."""

from __future__ import annotations

from ieum.residents.demo.names.parse import parse

# --- Nepal: given (+ Bahadur/Kumar/Kumari) + family, Devanagari ------------------------------
NE_FAMILY = parse("""
TAMANG | तामाङ | 타망
GURUNG | गुरुङ | 구룽
MAGAR | मगर | 마가르
RAI | राई | 라이
SHRESTHA | श्रेष्ठ | 슈레스타
THAPA | थापा | 타파
LAMA | लामा | 라마
SHERPA | शेर्पा | 셰르파
ADHIKARI | अधिकारी | 아디카리
KHADKA | खड्का | 카드카
BHANDARI | भण्डारी | 반다리
KARKI | कार्की | 카르키
POUDEL | पौडेल | 파우델
CHAUDHARY | चौधरी | 차우다리
LIMBU | लिम्बु | 림부
BASNET | बस्नेत | 바스넷
YADAV | यादव | 야다브
GHIMIRE | घिमिरे | 기미레
""")
NE_GIVEN_M = parse("""
RAM | राम | 람
BIKASH | विकास | 비카스
SUMAN | सुमन | 수만
SANTOSH | सन्तोष | 산토스
PRAKASH | प्रकाश | 프라카스
RAJESH | राजेश | 라제스
DIPAK | दीपक | 디팍
ANIL | अनिल | 아닐
SUNIL | सुनिल | 수닐
HARI | हरि | 하리
KRISHNA | कृष्ण | 크리슈나
BISHAL | विशाल | 비샬
RAMESH | रमेश | 라메스
NABIN | नवीन | 나빈
KIRAN | किरण | 키란
BIMAL | विमल | 비말
SAGAR | सागर | 사가르
""")
NE_GIVEN_F = parse("""
SITA | सीता | 시타
GITA | गीता | 기타
SARITA | सरिता | 사리타
ANITA | अनिता | 아니타
SUNITA | सुनिता | 수니타
PUJA | पूजा | 푸자
ASMITA | अस्मिता | 아스미타
LAXMI | लक्ष्मी | 락스미
SABINA | सबिना | 사비나
KABITA | कविता | 카비타
SRIJANA | सृजना | 스리자나
MANISHA | मनिषा | 마니샤
""")
NE_MIDDLE_M = parse("""
BAHADUR | बहादुर | 바하두르
KUMAR | कुमार | 쿠마르
PRASAD | प्रसाद | 프라사드
""")
NE_MIDDLE_F = parse("""
KUMARI | कुमारी | 쿠마리
""")

# --- Sri Lanka: given + family, Sinhala script (names needing a zero-width joiner are left out,
# because clean_name strips it) --------------------------------------------------------------
SI_GIVEN_M = parse("""
KASUN | කසුන් | 카순
NUWAN | නුවන් | 누완
CHAMINDA | චමින්ද | 차민다
SAMPATH | සම්පත් | 삼파트
RUWAN | රුවන් | 루완
THARINDU | තරිඳු | 타린두
LAHIRU | ලහිරු | 라히루
DILSHAN | දිල්ෂාන් | 딜샨
CHATHURA | චතුර | 차투라
ASANKA | අසංක | 아상카
DINESH | දිනේෂ් | 디네시
MAHESH | මහේෂ් | 마헤시
""")
SI_GIVEN_F = parse("""
NADEESHA | නදීෂා | 나디샤
DILINI | දිලිනි | 딜리니
SANDUNI | සඳුනි | 산두니
CHAMARI | චාමරි | 차마리
ISHARA | ඉෂාරා | 이샤라
MADHAVI | මාධවී | 마다비
NIROSHA | නිරෝෂා | 니로샤
SACHINI | සචිනි | 사치니
HASHINI | හෂිනි | 하시니
""")
SI_FAMILY = parse("""
PERERA | පෙරේරා | 페레라
SILVA | සිල්වා | 실바
JAYASINGHE | ජයසිංහ | 자야싱헤
BANDARA | බණ්ඩාර | 반다라
DISSANAYAKE | දිසානායක | 디사나야케
RATHNAYAKE | රත්නායක | 라트나야케
HERATH | හේරත් | 헤라트
KUMARA | කුමාර | 쿠마라
GUNASEKARA | ගුණසේකර | 구나세카라
WEERASINGHE | වීරසිංහ | 위라싱헤
SENANAYAKE | සේනානායක | 세나나야케
LIYANAGE | ලියනගේ | 리야나게
""")

# --- Pakistan: given + family, Urdu script ----------------------------------------------------
UR_GIVEN_M = parse("""
ALI | علی | 알리
AHMED | احمد | 아메드
USMAN | عثمان | 우스만
BILAL | بلال | 빌랄
IMRAN | عمران | 임란
ASIF | آصف | 아시프
KASHIF | کاشف | 카시프
WAQAS | وقاص | 와카스
ZEESHAN | ذیشان | 지샨
""")
UR_GIVEN_F = parse("""
AYESHA | عائشہ | 아이샤
FATIMA | فاطمہ | 파티마
SANA | ثنا | 사나
HINA | حنا | 히나
""")
UR_PREFIX_M = parse("""
MUHAMMAD | محمد | 무함마드
""")
UR_FAMILY = parse("""
KHAN | خان | 칸
HUSSAIN | حسین | 후세인
IQBAL | اقبال | 이크발
ASHRAF | اشرف | 아슈라프
RAZA | رضا | 라자
JAVED | جاوید | 자베드
MALIK | ملک | 말리크
""")

# --- Bangladesh: given + family, Bengali script ----------------------------------------------
BN_GIVEN_M = parse("""
RAKIB | রাকিব | 라키브
SHAKIL | শাকিল | 샤킬
MASUD | মাসুদ | 마수드
RUBEL | রুবেল | 루벨
SUMON | সুমন | 수몬
JAHID | জাহিদ | 자히드
ARIF | আরিফ | 아리프
HASAN | হাসান | 하산
KAMAL | কামাল | 카말
""")
BN_GIVEN_F = parse("""
NASRIN | নাসরিন | 나스린
SHIRIN | শিরিন | 시린
RUMA | রুমা | 루마
SHAHANA | শাহানা | 샤하나
""")
BN_FAMILY = parse("""
HOSSAIN | হোসেন | 호세인
RAHMAN | রহমান | 라흐만
ISLAM | ইসলাম | 이슬람
AHMED | আহমেদ | 아메드
UDDIN | উদ্দিন | 우딘
MIAH | মিয়া | 미아
SARKER | সরকার | 사르카르
ALAM | আলম | 알람
""")
