"""Who the demo residents are by origin: nationality, names, languages, passports, phones.

An origin is a nationality, split where the center must tell people apart: ethnic-Korean
Chinese (조선족) and Koryo-saram (고려인) of Uzbekistan, Kazakhstan and Russia hold F-4/H-2 and
speak Korean or Russian rather than Chinese or Uzbek.
"""

from __future__ import annotations

from dataclasses import dataclass

from ieum.residents.demo.names import build
from ieum.residents.demo.names.build import Builder


@dataclass(frozen=True)
class Origin:
    code: str
    alpha2: str
    ethnic_korean: bool
    name: Builder
    # Languages spoken from home, (BCP 47 code, level); Korean is added from the person's level.
    languages: tuple[tuple[str, str], ...]
    # The center's languages this person would choose, with weights (codes of settings.LANGUAGES).
    preferred: tuple[tuple[str, float], ...]
    # Passport number patterns: "@" an upper-case letter, "#" a digit, anything else literal.
    passports: tuple[str, ...]
    # A home-country mobile number pattern in E.164 ("#" a digit).
    home_phone: str
    messengers: tuple[str, ...]


def _o(code, alpha2, name, languages, preferred, passports, home_phone, messengers, ethnic=False) -> Origin:
    return Origin(
        code,
        alpha2,
        ethnic,
        name,
        tuple(languages),
        tuple(preferred),
        tuple(passports),
        home_phone,
        tuple(messengers),
    )


NATIVE, FLUENT, WORKING = "native", "fluent", "working"
ORIGINS: dict[str, Origin] = {
    o.code: o
    for o in (
        _o(
            "VN",
            "VN",
            build.vietnamese,
            [("vi", NATIVE)],
            [("vi", 1)],
            ["C#######", "P#######"],
            "+8498#######",
            ["zalo", "facebook"],
        ),
        _o(
            "ID",
            "ID",
            build.indonesian,
            [("id", NATIVE)],
            [("id", 1)],
            ["C#######", "X#######"],
            "+62812########",
            ["whatsapp"],
        ),
        _o(
            "CN",
            "CN",
            build.chinese,
            [("zh", NATIVE)],
            [("zh-hans", 1)],
            ["E########"],
            "+86138########",
            ["wechat"],
        ),
        _o(
            "CN-KR",
            "CN",
            build.korean_chinese,
            [("ko", NATIVE), ("zh", FLUENT)],
            [("ko", 0.7), ("zh-hans", 0.3)],
            ["E########"],
            "+86139########",
            ["wechat"],
            ethnic=True,
        ),
        _o(
            "NP",
            "NP",
            build.nepali,
            [("ne", NATIVE)],
            [("ne", 1)],
            ["PA#######"],
            "+977984#######",
            ["viber", "whatsapp"],
        ),
        _o(
            "KH",
            "KH",
            build.khmer,
            [("km", NATIVE)],
            [("km", 1)],
            ["N########"],
            "+85512######",
            ["telegram"],
        ),
        _o("TH", "TH", build.thai, [("th", NATIVE)], [("th", 1)], ["A@#######"], "+668########", ["line"]),
        _o(
            "PH",
            "PH",
            build.filipino,
            [("fil", NATIVE), ("en", FLUENT)],
            [("fil", 0.6), ("en", 0.4)],
            ["P#######@"],
            "+63917#######",
            ["facebook", "viber"],
        ),
        _o(
            "UZ",
            "UZ",
            build.uzbek,
            [("uz", NATIVE), ("ru", WORKING)],
            [("uz", 0.8), ("ru", 0.2)],
            ["FA#######"],
            "+99890#######",
            ["telegram"],
        ),
        _o(
            "UZ-KR",
            "UZ",
            build.koryo_saram,
            [("ru", NATIVE), ("uz", WORKING)],
            [("ru", 1)],
            ["FA#######"],
            "+99893#######",
            ["telegram"],
            ethnic=True,
        ),
        _o(
            "KZ-KR",
            "KZ",
            build.koryo_saram,
            [("ru", NATIVE), ("kk", WORKING)],
            [("ru", 1)],
            ["N########"],
            "+7701#######",
            ["telegram", "whatsapp"],
            ethnic=True,
        ),
        _o(
            "RU-KR",
            "RU",
            build.koryo_saram,
            [("ru", NATIVE)],
            [("ru", 1)],
            ["#########"],
            "+7914#######",
            ["telegram"],
            ethnic=True,
        ),
        _o(
            "RU",
            "RU",
            build.russian,
            [("ru", NATIVE)],
            [("ru", 1)],
            ["#########"],
            "+7916#######",
            ["telegram"],
        ),
        _o(
            "KZ",
            "KZ",
            build.kazakh,
            [("kk", NATIVE), ("ru", FLUENT)],
            [("ru", 1)],
            ["N########"],
            "+7705#######",
            ["telegram", "whatsapp"],
        ),
        _o(
            "LK",
            "LK",
            build.sinhala,
            [("si", NATIVE)],
            [("si", 1)],
            ["N#######"],
            "+9477#######",
            ["viber", "whatsapp"],
        ),
        _o(
            "MM", "MM", build.burmese, [("my", NATIVE)], [("my", 1)], ["M@######"], "+95979#######", ["viber"]
        ),
        _o(
            "MN",
            "MN",
            build.mongolian,
            [("mn", NATIVE), ("ru", WORKING)],
            [("ko", 0.4), ("en", 0.3), ("ru", 0.3)],
            ["E#######"],
            "+97699######",
            ["facebook"],
        ),
        _o(
            "PK",
            "PK",
            build.urdu,
            [("ur", NATIVE), ("en", WORKING)],
            [("en", 1)],
            ["@@#######"],
            "+92300#######",
            ["whatsapp"],
        ),
        _o(
            "BD",
            "BD",
            build.bengali,
            [("bn", NATIVE), ("en", WORKING)],
            [("en", 1)],
            ["A@#######"],
            "+88017########",
            ["whatsapp", "facebook"],
        ),
        _o(
            "LA",
            "LA",
            build.lao,
            [("lo", NATIVE), ("th", WORKING)],
            [("th", 0.7), ("en", 0.3)],
            ["P#######"],
            "+856205#######",
            ["whatsapp"],
        ),
        _o(
            "KG",
            "KG",
            build.kyrgyz,
            [("ky", NATIVE), ("ru", FLUENT)],
            [("ru", 1)],
            ["AC#######"],
            "+996555######",
            ["telegram", "whatsapp"],
        ),
        _o(
            "JP",
            "JP",
            build.japanese,
            [("ja", NATIVE)],
            [("ko", 0.7), ("en", 0.3)],
            ["T@#######"],
            "+81902#######",
            ["line"],
        ),
        _o(
            "US",
            "US",
            build.english,
            [("en", NATIVE)],
            [("en", 1)],
            ["A########"],
            "+12134######",
            ["whatsapp"],
        ),
    )
}
