from django.db import migrations

# The thirteen topics (issue 5 item 1); the same rows as casework/topics.py.
TOPICS = [
    ("visa", "체류·비자", "Visa and stay"),
    ("workplace_change", "사업장 변경", "Workplace change"),
    ("wages", "임금 체불·퇴직금", "Wage arrears and severance"),
    ("industrial_accident", "산업재해", "Industrial accident"),
    ("health", "건강보험·의료", "Health insurance and medical care"),
    ("korean_classes", "한국어·사회통합프로그램", "Korean and KIIP classes"),
    ("seasonal_work", "계절근로 서류", "Seasonal-work paperwork"),
    ("family", "가족·결혼", "Family and marriage"),
    ("housing", "주거", "Housing"),
    ("legal", "법률", "Legal matters"),
    ("banking", "금융·송금", "Banking and remittance"),
    ("daily_life", "생활 일반", "Daily life"),
    ("other", "기타", "Other"),
]


def seed(apps, schema_editor):
    Topic = apps.get_model("casework", "Topic")
    for position, (code, name_ko, name_en) in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(
            code=code, defaults={"name_ko": name_ko, "name_en": name_en, "ordering": position * 10}
        )


def unseed(apps, schema_editor):
    Topic = apps.get_model("casework", "Topic")
    Topic.objects.filter(code__in=[code for code, _ko, _en in TOPICS], cases__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("casework", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
