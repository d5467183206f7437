# ruff: noqa: E501
"""The industrial employer survey (facts.md §3.5: the 707-firm survey of 2025): workforce by
occupation (repeat), vacancies and hard-to-fill vacancies by KSCO major group, hiring plans, use
of foreign workers by visa (repeat), housing, difficulties. Korean and English."""

LANGUAGES = [("ko", "한국어"), ("en", "English")]
SETTINGS = {
    "form_id": "jeonnam_employer_survey",
    "form_title": "전남 산업체 인력 수요 조사 / Jeonnam employer workforce survey",
    "version": "2026.1",
    "default_language": "한국어 (ko)",
}
NON_NEGATIVE = ". >= 0"

SURVEY = [
    {
        "type": "select_one county",
        "name": "county",
        "required": "yes",
        "label": ("사업장 소재 시·군", "City or county of the workplace"),
    },
    {
        "type": "select_one ksic",
        "name": "industry",
        "required": "yes",
        "label": ("주 업종(한국표준산업분류)", "Main industry (KSIC)"),
    },
    {
        "type": "integer",
        "name": "workers_total",
        "required": "yes",
        "constraint": NON_NEGATIVE,
        "label": ("전체 근로자 수", "All workers"),
    },
    {
        "type": "integer",
        "name": "workers_foreign",
        "required": "yes",
        "constraint": ". >= 0 and . <= ${workers_total}",
        "label": ("그중 외국인 근로자 수", "Of whom foreign workers"),
        "constraint_message": ("전체 근로자 수보다 많을 수 없습니다.", "Cannot be more than all workers."),
    },
    {"type": "begin_repeat", "name": "occupation", "label": ("직종별 인력", "Workforce by occupation")},
    {
        "type": "select_one ksco",
        "name": "ksco",
        "required": "yes",
        "label": ("직종(한국표준직업분류 대분류)", "Occupation (KSCO major group)"),
    },
    {
        "type": "integer",
        "name": "employed",
        "required": "yes",
        "constraint": NON_NEGATIVE,
        "label": ("현재 인원", "Employed now"),
    },
    {
        "type": "integer",
        "name": "vacancies",
        "required": "yes",
        "constraint": NON_NEGATIVE,
        "label": ("빈 일자리(구인 중)", "Vacancies (hiring now)"),
    },
    {
        "type": "integer",
        "name": "hard_to_fill",
        "constraint": ". >= 0 and . <= ${vacancies}",
        "label": ("그중 3개월 넘게 채우지 못한 자리", "Of which unfilled for more than 3 months"),
        "constraint_message": ("빈 일자리 수보다 많을 수 없습니다.", "Cannot be more than the vacancies."),
    },
    {"type": "end_repeat", "name": ""},
    {
        "type": "select_one plan",
        "name": "hiring_plan",
        "required": "yes",
        "label": ("향후 1년 채용 계획", "Hiring plan for the next year"),
    },
    {
        "type": "integer",
        "name": "plan_foreign",
        "relevant": "${hiring_plan} = 'increase'",
        "constraint": NON_NEGATIVE,
        "label": ("더 채용할 외국인 근로자 수", "Foreign workers you plan to add"),
    },
    {
        "type": "begin_repeat",
        "name": "visa_use",
        "relevant": "${workers_foreign} > 0",
        "label": ("체류자격별 외국인 근로자", "Foreign workers by status of stay"),
    },
    {"type": "select_one visa", "name": "visa", "required": "yes", "label": ("체류자격", "Status of stay")},
    {
        "type": "integer",
        "name": "visa_workers",
        "required": "yes",
        "constraint": NON_NEGATIVE,
        "label": ("인원", "Workers"),
    },
    {"type": "end_repeat", "name": ""},
    {
        "type": "select_one housing",
        "name": "housing",
        "relevant": "${workers_foreign} > 0",
        "label": ("외국인 근로자 숙소", "Housing of foreign workers"),
    },
    {
        "type": "select_multiple difficulty",
        "name": "difficulties",
        "label": (
            "외국인 고용의 어려움(모두 선택)",
            "Difficulties in employing foreign workers (choose all)",
        ),
    },
    {"type": "text", "name": "comment", "label": ("건의 사항", "Suggestions")},
]


def _choices(list_name: str, rows: list) -> list[dict]:
    return [{"list_name": list_name, "name": name, "label": label} for name, label in rows]


CHOICES = (
    _choices(
        "county",
        [
            ("46110", ("목포시", "Mokpo")),
            ("46130", ("여수시", "Yeosu")),
            ("46150", ("순천시", "Suncheon")),
            ("46170", ("나주시", "Naju")),
            ("46230", ("광양시", "Gwangyang")),
            ("46820", ("해남군", "Haenam")),
            ("46830", ("영암군", "Yeongam")),
            ("46890", ("완도군", "Wando")),
            ("46900", ("진도군", "Jindo")),
            ("46910", ("신안군", "Sinan")),
            ("other", ("기타", "Other")),
        ],
    )
    + _choices(
        "ksic",
        [
            ("A", ("농업, 임업 및 어업", "Agriculture, forestry and fishing")),
            ("C", ("제조업(조선 제외)", "Manufacturing (not shipbuilding)")),
            ("C31", ("조선업", "Shipbuilding")),
            ("C20", ("화학(석유화학)", "Chemicals (petrochemicals)")),
            ("C24", ("1차 금속(철강)", "Basic metals (steel)")),
            ("F", ("건설업", "Construction")),
            ("I", ("숙박 및 음식점업", "Accommodation and food")),
            ("other", ("기타", "Other")),
        ],
    )
    + _choices(
        "ksco",
        [
            ("1", ("관리자", "Managers")),
            ("2", ("전문가 및 관련 종사자", "Professionals")),
            ("3", ("사무 종사자", "Clerical workers")),
            ("4", ("서비스 종사자", "Service workers")),
            ("5", ("판매 종사자", "Sales workers")),
            ("6", ("농림어업 숙련 종사자", "Skilled agricultural, forestry and fishery workers")),
            ("7", ("기능원 및 관련 기능 종사자", "Craft and related trades workers")),
            ("8", ("장치·기계 조작 및 조립 종사자", "Plant and machine operators and assemblers")),
            ("9", ("단순노무 종사자", "Elementary workers")),
        ],
    )
    + _choices(
        "plan",
        [
            ("increase", ("늘린다", "Increase")),
            ("same", ("유지한다", "Keep the same")),
            ("decrease", ("줄인다", "Decrease")),
        ],
    )
    + _choices(
        "visa",
        [
            (c, (c, c))
            for c in ("E-9", "E-7-4", "E-7-4R", "E-8", "E-10", "H-2", "F-2-R", "F-4", "F-5", "F-6", "D-2")
        ]
        + [("other", ("기타", "Other"))],
    )
    + _choices(
        "housing",
        [
            ("dormitory", ("회사 기숙사", "Company dormitory")),
            ("rent_support", ("주거비 지원", "Rent support")),
            ("none", ("지원 없음", "No support")),
        ],
    )
    + _choices(
        "difficulty",
        [
            ("procedure", ("복잡한 채용 절차", "Complex hiring procedures")),
            ("communication", ("의사소통", "Communication")),
            ("turnover", ("잦은 사업장 변경", "Frequent workplace changes")),
            ("housing", ("숙소 마련", "Finding housing")),
            ("quota", ("고용 한도 부족", "Too small a quota")),
            ("skills", ("숙련도 부족", "Lack of skills")),
        ],
    )
)
