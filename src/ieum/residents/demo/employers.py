# ruff: noqa: E501  (a data table: one employer per line reads better than wrapped rows)
"""Fictional employers and sponsors of the demo region, by city/county and industry.

One list, so that the jobs app can reuse the same firms for vacancies and placements. Industries
follow facts.md §3.5: shipbuilding subcontractors in Yeongam's Daebul complex and Haenam,
petrochemicals in Yeosu, steel in Gwangyang, fisheries and aquaculture on the south-west coast
and islands (Wando, Jindo, Sinan, Goheung), farms and livestock inland. Firm names are invented;
universities are the real sponsors of student visas. Business registration numbers are
synthetic but pass the checksum (facts.md §6).
"""

from __future__ import annotations

from dataclasses import dataclass

from ieum.lib.identifiers import BRN_WEIGHTS

# Sector → KSIC code (11th revision, at the level that is certain) and which visas it sponsors.
SECTORS: dict[str, tuple[str, str]] = {
    "shipbuilding": ("311", "ship and boat building"),
    "petrochemical": ("2011", "basic organic chemicals"),
    "steel": ("2411", "iron and steel making"),
    "manufacturing": ("25", "fabricated metal products and parts"),
    "food": ("102", "seafood and food processing"),
    "agriculture": ("011", "crop growing"),
    "livestock": ("012", "livestock"),
    "fishery": ("03112", "coastal and inshore fishing"),
    "aquaculture": ("0321", "marine aquaculture"),
    "salt": ("07220", "sea salt production"),
    "construction": ("41", "general construction"),
    "cold_storage": ("52102", "cold storage"),
    "restaurant": ("5611", "restaurants"),
    "university": ("853", "higher education"),
    "academy": ("856", "language institutes"),
}


@dataclass(frozen=True)
class Employer:
    key: str
    name_ko: str
    name_en: str
    municipality: str  # 5-digit code
    sector: str
    brn: str

    @property
    def ksic(self) -> str:
        return SECTORS[self.sector][0]


def _brn(serial: int, kind: str) -> str:
    """A checksum-valid business registration number: tax office 4xx, type by legal form."""
    middle = {"corporation": "81", "individual": f"{10 + serial % 60:02d}", "nonprofit": "82", "state": "83"}[
        kind
    ]
    head = f"{409 + serial % 11}{middle}{1000 + serial * 37 % 9000:04d}"
    digits = [int(c) for c in head]
    total = sum(w * d for w, d in zip(BRN_WEIGHTS[:8], digits[:8], strict=True))
    ninth = digits[8] * 5
    total += ninth + ninth // 10
    return head + str((10 - total % 10) % 10)


# key | 한국어 이름 | English name | municipality | sector | legal form
_ROWS = """
daebul-marine | 대불선박기술(주) | Daebul Marine Tech Co., Ltd. | 46830 | shipbuilding | corporation
samho-block | 삼호블록산업(주) | Samho Block Industry Co., Ltd. | 46830 | shipbuilding | corporation
yeongam-coating | 영암해양도장(주) | Yeongam Marine Coating Co., Ltd. | 46830 | shipbuilding | corporation
daebul-welding | 대불정밀용접(주) | Daebul Precision Welding Co., Ltd. | 46830 | shipbuilding | corporation
seoho-pipe | 서호선박배관(주) | Seoho Ship Piping Co., Ltd. | 46830 | shipbuilding | corporation
hyunseung-electric | 현승선박전기(주) | Hyunseung Ship Electric Co., Ltd. | 46830 | shipbuilding | corporation
samho-outfitting | 삼호의장(주) | Samho Outfitting Co., Ltd. | 46830 | shipbuilding | corporation
haksan-foods | 학산식품(주) | Haksan Foods Co., Ltd. | 46830 | food | corporation
yeongam-fig | 영암무화과농원 | Yeongam Fig Orchard | 46830 | agriculture | individual
wolchul-farm | 월출산영농조합법인 | Wolchulsan Farming Association | 46830 | agriculture | corporation
samho-construction | 삼호종합건설(주) | Samho General Construction Co., Ltd. | 46830 | construction | corporation
samho-diner | 삼호기사식당 | Samho Diner | 46830 | restaurant | individual
sehan-univ | 세한대학교 | Sehan University | 46830 | university | nonprofit
yeosu-plant | 여수석화정비(주) | Yeosu Petrochemical Maintenance Co., Ltd. | 46130 | petrochemical | corporation
namhae-plant | 남해플랜트(주) | Namhae Plant Co., Ltd. | 46130 | petrochemical | corporation
dolsan-chem | 돌산화성(주) | Dolsan Chemical Co., Ltd. | 46130 | petrochemical | corporation
yulchon-construction | 율촌산업건설(주) | Yulchon Industrial Construction Co., Ltd. | 46130 | construction | corporation
gukdong-fisheries | 국동수산 | Gukdong Fisheries | 46130 | fishery | individual
yeosu-anchovy | 여수멸치선단 | Yeosu Anchovy Fleet | 46130 | fishery | individual
gamak-aqua | 가막만양식 | Gamak Bay Aquaculture | 46130 | aquaculture | individual
dolsan-gat | 돌산갓영농조합법인 | Dolsan Mustard Greens Farming Association | 46130 | agriculture | corporation
yeosu-seafood | 여수수산식품(주) | Yeosu Seafood Co., Ltd. | 46130 | food | corporation
jnu-yeosu | 전남대학교 여수캠퍼스 | Chonnam National University, Yeosu Campus | 46130 | university | state
yeosu-academy | 여수해양어학원 | Yeosu Ocean Language Academy | 46130 | academy | individual
sapjin-block | 삽진블록(주) | Sapjin Block Co., Ltd. | 46110 | shipbuilding | corporation
mokpo-marine-equipment | 목포조선기자재(주) | Mokpo Marine Equipment Co., Ltd. | 46110 | shipbuilding | corporation
bukhang-fisheries | 북항수산 | Bukhang Fisheries | 46110 | fishery | individual
mokpo-jeotgal | 목포젓갈식품(주) | Mokpo Salted Seafood Co., Ltd. | 46110 | food | corporation
yudal-restaurant | 유달산한식당 | Yudalsan Restaurant | 46110 | restaurant | individual
hadang-construction | 하당건설(주) | Hadang Construction Co., Ltd. | 46110 | construction | corporation
mokpo-science-univ | 목포과학대학교 | Mokpo Science University | 46110 | university | nonprofit
mokpo-maritime-univ | 국립목포해양대학교 | Mokpo National Maritime University | 46110 | university | state
mokpo-academy | 목포영어학원 | Mokpo English Academy | 46110 | academy | individual
haeryong-precision | 해룡정밀(주) | Haeryong Precision Co., Ltd. | 46150 | manufacturing | corporation
suncheon-metal | 순천금속(주) | Suncheon Metal Co., Ltd. | 46150 | manufacturing | corporation
suncheonman-farm | 순천만농원 | Suncheonman Farm | 46150 | agriculture | individual
nagan-restaurant | 낙안읍성식당 | Nagan Fortress Restaurant | 46150 | restaurant | individual
suncheon-construction | 순천종합건설(주) | Suncheon General Construction Co., Ltd. | 46150 | construction | corporation
sunchon-univ | 국립순천대학교 | Sunchon National University | 46150 | university | state
cheongam-univ | 청암대학교 | Cheongam University | 46150 | university | nonprofit
suncheon-academy | 순천영어학원 | Suncheon English Academy | 46150 | academy | individual
naju-pear | 나주배영농조합법인 | Naju Pear Farming Association | 46170 | agriculture | corporation
bitgaram-foods | 빛가람식품(주) | Bitgaram Foods Co., Ltd. | 46170 | food | corporation
yeongsan-precision | 영산강정밀(주) | Yeongsangang Precision Co., Ltd. | 46170 | manufacturing | corporation
naju-hanwoo | 나주한우농장 | Naju Hanwoo Farm | 46170 | livestock | individual
naju-gomtang | 나주곰탕식당 | Naju Gomtang House | 46170 | restaurant | individual
dongshin-univ | 동신대학교 | Dongshin University | 46170 | university | nonprofit
gwangyang-steel | 광양철강산업(주) | Gwangyang Steel Industry Co., Ltd. | 46230 | steel | corporation
taein-steel | 태인스틸(주) | Taein Steel Co., Ltd. | 46230 | steel | corporation
jungma-machinery | 중마기계(주) | Jungma Machinery Co., Ltd. | 46230 | manufacturing | corporation
gwangyang-cold | 광양냉동창고(주) | Gwangyang Cold Storage Co., Ltd. | 46230 | cold_storage | corporation
baegun-plum | 백운매실농원 | Baegun Plum Farm | 46230 | agriculture | individual
gwangyang-construction | 광양건설(주) | Gwangyang Construction Co., Ltd. | 46230 | construction | corporation
damyang-strawberry | 담양딸기농원 | Damyang Strawberry Farm | 46710 | agriculture | individual
damyang-bamboo | 대나무영농조합법인 | Damyang Bamboo Farming Association | 46710 | agriculture | corporation
damyang-foods | 담양식품(주) | Damyang Foods Co., Ltd. | 46710 | food | corporation
jeonnam-state-univ | 전남도립대학교 | Jeonnam State University | 46710 | university | state
gokseong-melon | 곡성멜론농원 | Gokseong Melon Farm | 46720 | agriculture | individual
seomjin-livestock | 섬진강축산 | Seomjingang Livestock | 46720 | livestock | individual
gokseong-industry | 곡성산업(주) | Gokseong Industry Co., Ltd. | 46720 | manufacturing | corporation
jirisan-farm | 지리산농원 | Jirisan Farm | 46730 | agriculture | individual
gurye-hanwoo | 구례한우농장 | Gurye Hanwoo Farm | 46730 | livestock | individual
seomjin-foods | 섬진식품(주) | Seomjin Foods Co., Ltd. | 46730 | food | corporation
goheung-yuja | 고흥유자농원 | Goheung Yuja Farm | 46770 | agriculture | individual
nokdong-fisheries | 녹동수산 | Nokdong Fisheries | 46770 | fishery | individual
naro-laver | 나로도김양식 | Narodo Laver Farm | 46770 | aquaculture | individual
goheung-seafood | 고흥수산식품(주) | Goheung Seafood Co., Ltd. | 46770 | food | corporation
boseong-tea | 보성녹차영농조합법인 | Boseong Green Tea Farming Association | 46780 | agriculture | corporation
beolgyo-cockle | 벌교꼬막양식 | Beolgyo Cockle Farm | 46780 | aquaculture | individual
boseong-livestock | 보성축산 | Boseong Livestock | 46780 | livestock | individual
hwasun-precision | 화순정밀(주) | Hwasun Precision Co., Ltd. | 46790 | manufacturing | corporation
hwasun-farm | 화순농원 | Hwasun Farm | 46790 | agriculture | individual
hwasun-hanwoo | 화순한우농장 | Hwasun Hanwoo Farm | 46790 | livestock | individual
jangheung-hanwoo | 장흥한우농장 | Jangheung Hanwoo Farm | 46800 | livestock | individual
deungnyang-laver | 득량만김양식 | Deungnyangman Laver Farm | 46800 | aquaculture | individual
jangheung-foods | 장흥식품(주) | Jangheung Foods Co., Ltd. | 46800 | food | corporation
gangjin-farm | 강진농원 | Gangjin Farm | 46810 | agriculture | individual
gangjinman-aqua | 강진만양식 | Gangjinman Aquaculture | 46810 | aquaculture | individual
gangjin-industry | 강진산업(주) | Gangjin Industry Co., Ltd. | 46810 | manufacturing | corporation
haenam-cabbage | 해남배추영농조합법인 | Haenam Cabbage Farming Association | 46820 | agriculture | corporation
haenam-sweetpotato | 해남고구마농원 | Haenam Sweet Potato Farm | 46820 | agriculture | individual
hwawon-shipbuilding | 화원조선협력(주) | Hwawon Shipbuilding Partners Co., Ltd. | 46820 | shipbuilding | corporation
ttangkkeut-laver | 땅끝김양식 | Ttangkkeut Laver Farm | 46820 | aquaculture | individual
muan-onion | 무안양파영농조합법인 | Muan Onion Farming Association | 46840 | agriculture | corporation
muan-industry | 무안산업(주) | Muan Industry Co., Ltd. | 46840 | manufacturing | corporation
mokpo-national-univ | 국립목포대학교 | Mokpo National University | 46840 | university | state
chodang-univ | 초당대학교 | Chodang University | 46840 | university | nonprofit
namak-academy | 남악어학원 | Namak Language Academy | 46840 | academy | individual
hampyeong-hanwoo | 함평한우농장 | Hampyeong Hanwoo Farm | 46860 | livestock | individual
hampyeong-farm | 함평나비농원 | Hampyeong Butterfly Farm | 46860 | agriculture | individual
hampyeong-industry | 함평산업(주) | Hampyeong Industry Co., Ltd. | 46860 | manufacturing | corporation
beopseongpo-gulbi | 법성포굴비(주) | Beopseongpo Gulbi Co., Ltd. | 46870 | food | corporation
yeonggwang-fisheries | 영광수산 | Yeonggwang Fisheries | 46870 | fishery | individual
yeonggwang-farm | 영광농원 | Yeonggwang Farm | 46870 | agriculture | individual
daema-precision | 대마정밀(주) | Daema Precision Co., Ltd. | 46870 | manufacturing | corporation
jangseong-nano | 장성나노산업(주) | Jangseong Nano Industry Co., Ltd. | 46880 | manufacturing | corporation
hwangnyong-precision | 황룡정밀(주) | Hwangnyong Precision Co., Ltd. | 46880 | manufacturing | corporation
jangseong-farm | 장성농원 | Jangseong Farm | 46880 | agriculture | individual
wando-abalone | 완도전복양식 | Wando Abalone Farm | 46890 | aquaculture | individual
cheongsando-seaweed | 청산도미역양식 | Cheongsando Seaweed Farm | 46890 | aquaculture | individual
nohwa-abalone | 노화전복 | Nohwa Abalone | 46890 | aquaculture | individual
wando-fisheries | 완도수산 | Wando Fisheries | 46890 | fishery | individual
wando-seaweed-processing | 완도해조류가공(주) | Wando Seaweed Processing Co., Ltd. | 46890 | food | corporation
jindo-laver | 진도김양식 | Jindo Laver Farm | 46900 | aquaculture | individual
jindo-fisheries | 진도수산 | Jindo Fisheries | 46900 | fishery | individual
seomang-fisheries | 서망항수산 | Seomanghang Fisheries | 46900 | fishery | individual
jindo-greenonion | 진도대파영농조합법인 | Jindo Green Onion Farming Association | 46900 | agriculture | corporation
sinan-salt | 신안천일염(주) | Sinan Sea Salt Co., Ltd. | 46910 | salt | corporation
aphae-laver | 압해김양식 | Aphae Laver Farm | 46910 | aquaculture | individual
sinan-fisheries | 신안수산 | Sinan Fisheries | 46910 | fishery | individual
sinan-island-farm | 신안섬농원 | Sinan Island Farm | 46910 | agriculture | individual
"""


def _parse() -> tuple[Employer, ...]:
    rows = []
    for serial, line in enumerate(_ROWS.strip().splitlines(), start=1):
        key, name_ko, name_en, municipality, sector, kind = (cell.strip() for cell in line.split("|"))
        rows.append(Employer(key, name_ko, name_en, municipality, sector, _brn(serial, kind)))
    return tuple(rows)


EMPLOYERS: tuple[Employer, ...] = _parse()
# Two-year colleges (전문대학): their graduates hold associate degrees.
COLLEGES = frozenset({"mokpo-science-univ", "cheongam-univ", "jeonnam-state-univ"})
COLLEGE_NAMES = frozenset(e.name_ko for e in EMPLOYERS if e.key in COLLEGES)
