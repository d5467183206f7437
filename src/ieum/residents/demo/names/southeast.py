"""Vietnamese, Indonesian, Khmer, Thai and Filipino name parts."""

from __future__ import annotations

from ieum.residents.demo.names.parse import parse

# --- Vietnam: family + middle + given, Latin is the native form without diacritics -----------
VI_FAMILY = parse("""
NGUYEN | Nguyễn | 응우옌
TRAN | Trần | 쩐
LE | Lê | 레
PHAM | Phạm | 팜
HOANG | Hoàng | 호앙
HUYNH | Huỳnh | 후인
PHAN | Phan | 판
VU | Vũ | 부
VO | Võ | 보
DANG | Đặng | 당
BUI | Bùi | 부이
DO | Đỗ | 도
HO | Hồ | 호
NGO | Ngô | 응오
DUONG | Dương | 즈엉
LY | Lý | 리
DINH | Đinh | 딘
TRUONG | Trương | 쯔엉
""")
# Nguyễn alone is about a third of Vietnamese; the others follow the usual order of frequency.
VI_FAMILY_WEIGHTS = (38, 11, 9, 7, 5, 5, 4, 4, 3, 2, 2, 2, 1.5, 1.3, 1, 1, 1, 1)
VI_MIDDLE_M = parse("""
VAN | Văn | 반
DUC | Đức | 득
MINH | Minh | 민
QUANG | Quang | 꽝
HUU | Hữu | 흐우
CONG | Công | 꽁
THANH | Thành | 타인
XUAN | Xuân | 쑤언
""")
VI_MIDDLE_F = parse("""
THI | Thị | 티
NGOC | Ngọc | 응옥
THANH | Thanh | 타인
THU | Thu | 투
KIM | Kim | 낌
BICH | Bích | 빅
HONG | Hồng | 홍
""")
VI_GIVEN_M = parse("""
AN | An | 안
HUNG | Hùng | 훙
DUNG | Dũng | 중
TUAN | Tuấn | 뚜언
NAM | Nam | 남
LONG | Long | 롱
HAI | Hải | 하이
PHONG | Phong | 퐁
CUONG | Cường | 끄엉
THANG | Thắng | 탕
HIEU | Hiếu | 히에우
HUY | Huy | 후이
KHOA | Khoa | 코아
QUAN | Quân | 꿘
SON | Sơn | 선
TUNG | Tùng | 뚱
VIET | Việt | 비엣
BAO | Bảo | 바오
DAT | Đạt | 닷
TRUNG | Trung | 쭝
TAI | Tài | 따이
LOC | Lộc | 록
PHUC | Phúc | 푹
VINH | Vinh | 빈
""")
VI_GIVEN_F = parse("""
LAN | Lan | 란
HUONG | Hương | 흐엉
LINH | Linh | 린
MAI | Mai | 마이
HOA | Hoa | 호아
TRANG | Trang | 짱
THAO | Thảo | 타오
HANG | Hằng | 항
NGAN | Ngân | 응안
NHUNG | Nhung | 늉
PHUONG | Phương | 프엉
YEN | Yến | 옌
HA | Hà | 하
THUY | Thủy | 투이
VY | Vy | 비
NGA | Nga | 응아
TRINH | Trinh | 찐
HANH | Hạnh | 하인
LOAN | Loan | 로안
DIEM | Diễm | 지엠
HUYEN | Huyền | 후옌
""")

# --- Indonesia: one to three names, Latin script ---------------------------------------------
ID_GIVEN_M = parse("""
MUHAMMAD | | 무함마드
AGUS | | 아구스
BUDI | | 부디
DEDI | | 데디
EKO | | 에코
RIZKI | | 리즈키
AHMAD | | 아마드
ANDI | | 안디
FAJAR | | 파자르
HENDRA | | 헨드라
JOKO | | 조코
SLAMET | | 슬라멧
WAHYU | | 와휴
YUSUF | | 유숩
ARIF | | 아리프
DWI | | 드위
BAYU | | 바유
RUDI | | 루디
IMAM | | 이맘
""")
ID_SECOND_M = parse("""
SANTOSO | | 산토소
SAPUTRA | | 사푸트라
SETIAWAN | | 세티아완
HIDAYAT | | 히다얏
PRATAMA | | 프라타마
NUGROHO | | 누그로호
WIBOWO | | 위보워
KURNIAWAN | | 쿠르니아완
FIRMANSYAH | | 피르만샤
GUNAWAN | | 구나완
RAMADHAN | | 라마단
HAKIM | | 하킴
PRASETYO | | 프라세티오
SUSANTO | | 수산토
""")
ID_GIVEN_F = parse("""
SITI | | 시티
DEWI | | 데위
SRI | | 스리
NUR | | 누르
PUTRI | | 푸트리
AYU | | 아유
RINA | | 리나
WULAN | | 울란
INDAH | | 인다
FITRI | | 피트리
NOVI | | 노비
RATNA | | 라트나
""")
ID_SECOND_F = parse("""
RAHAYU | | 라하유
LESTARI | | 레스타리
WATI | | 와티
HANDAYANI | | 한다야니
SARI | | 사리
AISYAH | | 아이샤
FITRIANI | | 피트리아니
WULANDARI | | 울란다리
KARTIKA | | 카르티카
ANGGRAINI | | 앙그라이니
""")

# --- Cambodia: family + given, Khmer script ---------------------------------------------------
KM_FAMILY = parse("""
SOK | សុខ | 속
CHAN | ចាន់ | 짠
KIM | គីម | 킴
HENG | ហេង | 헹
CHEA | ជា | 찌어
KEO | កែវ | 깨오
LIM | លឹម | 림
MEAS | មាស | 메아스
MAO | ម៉ៅ | 마오
LY | លី | 리
LONG | ឡុង | 롱
SAM | សំ | 삼
OUK | អ៊ុក | 욱
SENG | សេង | 셍
TEP | ទេព | 텝
YIM | យឹម | 임
""")
KM_GIVEN_M = parse("""
DARA | ដារ៉ា | 다라
SOPHAL | សុផល | 소팔
VUTHY | វុទ្ធី | 부티
VISAL | វិសាល | 비살
RITHY | រិទ្ធី | 리티
SOKHA | សុខា | 소카
PISETH | ពិសិដ្ឋ | 피셋
SAMBATH | សម្បត្តិ | 삼밧
VANNAK | វណ្ណៈ | 반낙
KOSAL | កុសល | 꼬살
BORA | បូរ៉ា | 보라
RATHA | រដ្ឋា | 라타
MAKARA | មករា | 마까라
""")
KM_GIVEN_F = parse("""
SREYMOM | ស្រីមុំ | 스레이몸
SOPHEA | សុភា | 소피아
CHANNARY | ចន្នារី | 짠나리
BOPHA | បុប្ផា | 보파
DALIN | ដាលីន | 달린
CHANTHA | ចន្ថា | 짠타
KANHA | កញ្ញា | 깐하
LEAKHENA | លក្ខិណា | 레악케나
SREYPOV | ស្រីពៅ | 스레이뻐우
RATANA | រតនា | 라타나
THIDA | ធីតា | 티다
NEARY | នារី | 니어리
""")

# --- Thailand: given + family, Thai script ----------------------------------------------------
TH_GIVEN_M = parse("""
SOMCHAI | สมชาย | 솜차이
SOMSAK | สมศักดิ์ | 솜삭
ANAN | อนันต์ | 아난
PRASERT | ประเสริฐ | 쁘라섯
WICHAI | วิชัย | 위차이
SAKDA | ศักดา | 삭다
THANAKORN | ธนากร | 타나꼰
KITTISAK | กิตติศักดิ์ | 낏띠삭
NARONG | ณรงค์ | 나롱
BOONMEE | บุญมี | 분미
CHATCHAI | ฉัตรชัย | 찻차이
SURACHAI | สุรชัย | 수라차이
""")
TH_GIVEN_F = parse("""
SOMSRI | สมศรี | 솜시
MALEE | มาลี | 말리
NITTAYA | นิตยา | 닛따야
SIRIPORN | ศิริพร | 시리폰
KANYA | กันยา | 깐야
PRANEE | ปราณี | 쁘라니
WANIDA | วนิดา | 와니다
SUPAPORN | สุภาพร | 수파폰
ARUNEE | อรุณี | 아루니
JINTANA | จินตนา | 찐따나
""")
TH_FAMILY = parse("""
SAETANG | แซ่ตั้ง | 새땅
SRISUK | ศรีสุข | 시숙
WONGSAWAT | วงศ์สวัสดิ์ | 웡사왓
CHAIYAPHUM | ชัยภูมิ | 차이야품
THONGDEE | ทองดี | 통디
KAEWMANEE | แก้วมณี | 깨우마니
PHROMMA | พรหมมา | 프롬마
SUKJAI | สุขใจ | 숙짜이
BOONMA | บุญมา | 분마
SIRIWAN | ศิริวรรณ | 시리완
CHANTHAWONG | จันทวงศ์ | 짠타웡
""")

# --- Philippines: given + (mother's surname) + surname, Latin script -------------------------
FIL_GIVEN_M = parse("""
JUAN | | 후안
JOSE | | 호세
MARK | | 마크
JOHN PAUL | | 존 폴
MICHAEL | | 마이클
CARLO | | 카를로
RAMON | | 라몬
JERICHO | | 제리코
RODEL | | 로델
ARNEL | | 아르넬
CHRISTIAN | | 크리스티안
JAYSON | | 제이슨
ROMMEL | | 로멜
""")
FIL_GIVEN_F = parse("""
MARIA | | 마리아
MARY GRACE | | 메리 그레이스
JENNIFER | | 제니퍼
ROWENA | | 로웨나
LIZA | | 리자
KRISTINE | | 크리스틴
JOY | | 조이
ANALYN | | 애널린
ROSALIE | | 로잘리
CHERRY | | 체리
MARICEL | | 마리셀
JOCELYN | | 조슬린
""")
FIL_FAMILY = parse("""
SANTOS | | 산토스
REYES | | 레예스
CRUZ | | 크루스
BAUTISTA | | 바우티스타
GARCIA | | 가르시아
MENDOZA | | 멘도사
DELA CRUZ | | 델라 크루스
RAMOS | | 라모스
VILLANUEVA | | 비야누에바
AQUINO | | 아키노
CASTILLO | | 카스티요
FLORES | | 플로레스
GONZALES | | 곤살레스
TORRES | | 토레스
PASCUAL | | 파스쿠알
NAVARRO | | 나바로
""")

# --- Myanmar: two or three syllables, no family name; Burmese writes them without spaces ------
MY_SYLLABLES_M = parse("""
AUNG | အောင် | 아웅
KYAW | ကျော် | 쩌
ZAW | ဇော် | 조
MIN | မင်း | 민
HTET | ထက် | 텟
NAING | နိုင် | 나잉
WIN | ဝင်း | 윈
TUN | ထွန်း | 툰
OO | ဦး | 우
KO | ကို | 꼬
HLAING | လှိုင် | 흘라잉
SOE | စိုး | 소
LIN | လင်း | 린
PHYO | ဖြိုး | 표
HEIN | ဟိန်း | 헤인
NYI | ညီ | 니
MYO | မျိုး | 묘
""")
MY_SYLLABLES_F = parse("""
SU | စု | 수
HNIN | နှင်း | 닌
EI | အိ | 에이
PHYU | ဖြူ | 퓨
KHIN | ခင် | 킨
MAY | မေ | 메이
NWE | နွယ် | 누에
WAI | ဝေ | 웨이
MON | မွန် | 몬
ZIN | ဇင် | 진
THIRI | သီရိ | 티리
YADANAR | ရတနာ | 야다나
THANDAR | သန္တာ | 탄다
MYAT | မြတ် | 먓
AYE | အေး | 에
""")

# --- Laos: given + family, Lao script ---------------------------------------------------------
LO_GIVEN_M = parse("""
SOMPHONE | ສົມພອນ | 솜폰
BOUNMY | ບຸນມີ | 분미
SOMSAK | ສົມສັກ | 솜삭
KHAMSING | ຄຳສິງ | 캄싱
VIENGKHAM | ວຽງຄຳ | 비엥캄
SOUKSAVANH | ສຸກສະຫວັນ | 숙사완
THONGSAVANH | ທອງສະຫວັນ | 통사완
""")
LO_GIVEN_F = parse("""
NOY | ນ້ອຍ | 노이
MALY | ມາລີ | 말리
KHAMPHENG | ຄຳແພງ | 캄팽
VANSY | ວັນສີ | 완시
SOUDALAY | ສຸດາໄລ | 수다라이
MANIVANH | ມະນີວັນ | 마니완
""")
LO_FAMILY = parse("""
PHOMMAVONG | ພົມມະວົງ | 폼마웡
SOUVANNAVONG | ສຸວັນນະວົງ | 수완나웡
SAYASENG | ໄຊຍະເສງ | 사야셍
KEOMANY | ແກ້ວມະນີ | 깨오마니
INTHAVONG | ອິນທະວົງ | 인타웡
VONGSA | ວົງສາ | 웡사
""")
