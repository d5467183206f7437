"""Chinese and ethnic-Korean Chinese (조선족) name parts."""

from __future__ import annotations

from ieum.residents.demo.names.parse import parse

# --- China: family + one or two given characters (pinyin, Mandarin reading in Hangul) --------
ZH_FAMILY = parse("""
WANG | 王 | 왕
LI | 李 | 리
ZHANG | 张 | 장
LIU | 刘 | 류
CHEN | 陈 | 천
YANG | 杨 | 양
ZHAO | 赵 | 자오
HUANG | 黄 | 황
ZHOU | 周 | 저우
WU | 吴 | 우
XU | 徐 | 쉬
SUN | 孙 | 쑨
MA | 马 | 마
ZHU | 朱 | 주
HU | 胡 | 후
GUO | 郭 | 궈
LIN | 林 | 린
GAO | 高 | 가오
""")
ZH_GIVEN_M = parse("""
WEI | 伟 | 웨이
QIANG | 强 | 창
LEI | 磊 | 레이
JUN | 军 | 쥔
YANG | 洋 | 양
YONG | 勇 | 융
JIE | 杰 | 제
TAO | 涛 | 타오
PENG | 鹏 | 펑
HAO | 浩 | 하오
YU | 宇 | 위
JIAN | 建 | 젠
MING | 明 | 밍
ZHI | 志 | 즈
HAI | 海 | 하이
BIN | 斌 | 빈
HUI | 辉 | 후이
XIAO | 小 | 샤오
""")
ZH_GIVEN_F = parse("""
FANG | 芳 | 팡
NA | 娜 | 나
MIN | 敏 | 민
JING | 静 | 징
LI | 丽 | 리
YAN | 燕 | 옌
JUAN | 娟 | 쥐안
XIA | 霞 | 샤
HONG | 红 | 훙
LING | 玲 | 링
TING | 婷 | 팅
XUE | 雪 | 쉐
MEI | 梅 | 메이
LIN | 琳 | 린
JIA | 佳 | 자
XIN | 欣 | 신
YUE | 月 | 웨
XIAO | 小 | 샤오
""")

# --- Ethnic-Korean Chinese (조선족): Chinese characters, pinyin passport, Korean reading -------
CK_FAMILY = parse("""
JIN | 金 | 김
LI | 李 | 리
PIAO | 朴 | 박
CUI | 崔 | 최
ZHANG | 张 | 장
HAN | 韩 | 한
JIANG | 姜 | 강
WU | 吴 | 오
ZHENG | 郑 | 정
YIN | 尹 | 윤
XU | 许 | 허
QUAN | 全 | 전
HUANG | 黄 | 황
SHEN | 申 | 신
AN | 安 | 안
HONG | 洪 | 홍
""")
CK_FAMILY_WEIGHTS = (22, 15, 12, 7, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2)
CK_GIVEN_M = parse("""
CHENG | 成 | 성
ZHE | 哲 | 철
GUANG | 光 | 광
HAO | 浩 | 호
LONG | 龙 | 룡
RI | 日 | 일
GUO | 国 | 국
WAN | 万 | 만
JI | 吉 | 길
NAN | 男 | 남
ZHI | 植 | 식
MING | 明 | 명
JUN | 俊 | 준
YONG | 永 | 영
XI | 锡 | 석
DONG | 东 | 동
XUE | 学 | 학
""")
CK_GIVEN_F = parse("""
YING | 英 | 영
HUA | 花 | 화
YU | 玉 | 옥
SHUN | 顺 | 순
MEI | 美 | 미
LAN | 兰 | 란
CHUN | 春 | 춘
SHU | 淑 | 숙
JI | 姬 | 희
SHAN | 善 | 선
AI | 爱 | 애
ZHEN | 贞 | 정
JIN | 今 | 금
XIANG | 香 | 향
""")

# --- Japan: family + given, kanji written with a space ---------------------------------------
JA_FAMILY = parse("""
SATO | 佐藤 | 사토
SUZUKI | 鈴木 | 스즈키
TAKAHASHI | 高橋 | 다카하시
TANAKA | 田中 | 다나카
WATANABE | 渡辺 | 와타나베
ITO | 伊藤 | 이토
YAMAMOTO | 山本 | 야마모토
NAKAMURA | 中村 | 나카무라
KOBAYASHI | 小林 | 고바야시
KATO | 加藤 | 가토
""")
JA_GIVEN_F = parse("""
HANAKO | 花子 | 하나코
YUKO | 裕子 | 유코
KEIKO | 恵子 | 게이코
TOMOKO | 智子 | 도모코
AKEMI | 明美 | 아케미
NAOKO | 直子 | 나오코
MAYUMI | 真由美 | 마유미
SACHIKO | 幸子 | 사치코
YUMIKO | 由美子 | 유미코
""")
JA_GIVEN_M = parse("""
HIROSHI | 浩 | 히로시
TAKESHI | 武 | 다케시
KENJI | 健二 | 겐지
MAKOTO | 誠 | 마코토
DAISUKE | 大輔 | 다이스케
""")
