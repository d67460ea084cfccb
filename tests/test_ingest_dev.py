"""Ingestion of every article of ../shared/corpus/dev: offsets, script, garbling, trailers, metadata."""

from __future__ import annotations

import html
import json
import re
import unicodedata

import opencc
import pytest

from kg.extract.sentences import split
from kg.ingest import read_inputs
from kg.ingest.dates import find_dates

from .conftest import DEV, GOLD

T2S = opencc.OpenCC("tw2s").convert
PINYIN = re.compile(r"[(（][a-zü\u00e0-\u01dc\u0144\u0148\u01f9\u1e3f]+[)）]")
ASCII_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"})
TRADITIONAL_ONLY = re.compile(r"[黨會區環廣場務聯關國範專職據協發這說過還點體為與記編輯圖]")


@pytest.fixture(scope="module")
def docs(shared):
    out = {}
    for item in read_inputs([str(DEV)]):
        assert not isinstance(item, Exception), f"a dev article failed: {item}"
        out[item.id[:3]] = item
    return out


def gold(num: str) -> dict:
    return json.loads((GOLD / f"dev-{num}.json").read_text(encoding="utf-8"))


def test_every_dev_article_is_read(docs):
    files = [p for p in DEV.iterdir() if p.suffix in {".txt", ".html"}]
    assert len(docs) == len(files) == 21


def test_every_clean_character_maps_back_to_what_the_source_printed(docs):
    """Checked against the original alone: each clean character is its source span converted
    (script, NFKC, punctuation, an HTML entity), or whitespace standing for whitespace or markup."""
    for doc in docs.values():
        assert len(doc.starts) == len(doc.ends) == len(doc.text) == len(doc.printed_text)
        assert all(a <= b for a, b in zip(doc.starts, doc.starts[1:], strict=False)), doc.id
        for i, ch in enumerate(doc.text):
            src = doc.original[doc.starts[i] : doc.ends[i]]
            assert _same_char(ch, src), (doc.id, i, ch, src)


def _same_char(ch: str, src: str) -> bool:
    if ch.isspace():  # a line break may stand for markup, or for whitespace around dropped boilerplate
        return src == "" or src[0].isspace() or src[0] in "<&" or src[-1].isspace()
    if len(src) == 1:
        return ch in {T2S(src), unicodedata.normalize("NFKC", src), src.translate(ASCII_TO_FULL)}
    return html.unescape(src) == ch or T2S(html.unescape(src)) == ch


def test_sentence_spans_of_plain_text_hold_the_sentence(docs):
    """The original span of every sentence, once converted to Simplified and stripped of pinyin,
    of the damage and boilerplate recorded inside it and of spaces, is the clean sentence."""
    for doc in docs.values():
        if doc.media_type != "text/plain":
            continue
        cuts = [(d.orig_start, d.orig_end) for d in doc.damage] + [
            (r.orig_start, r.orig_end) for r in doc.removed
        ]
        for sent in split(doc.text):
            a, b = doc.original_span(sent.start, sent.end)
            kept = "".join(
                ch for pos, ch in enumerate(doc.original[a:b], a) if not any(x <= pos < y for x, y in cuts)
            )
            expected = re.sub(r"\s+", "", T2S(PINYIN.sub("", kept)).translate(ASCII_TO_FULL))
            assert re.sub(r"\s+", "", sent.text.translate(ASCII_TO_FULL)) == expected, (doc.id, sent.text)


def test_seed_article_is_clean_simplified_with_byline_and_date(docs):
    doc = docs["000"]
    assert doc.title == "“党建零距离 心向行所至”2024年环人民广场中央商务区党建联席会议举行"
    assert not PINYIN.search(doc.text) and "?" not in doc.text and "^" not in doc.text
    assert T2S(doc.text) == doc.text and not TRADITIONAL_ONLY.search(doc.text)
    assert "环人民广场中央商务区" in doc.text and "，" in doc.text and "," not in doc.text
    for trailer in ("数学“大咖”", "泰康食品", "特别声明", "上观"):
        assert trailer not in doc.text
    assert doc.text.endswith("图片 / 邵林峰 瞿煌俊")
    assert [(b.role, b.name) for b in doc.bylines] == [
        ("记者", "邵林峰"),
        ("记者", "瞿煌俊"),
        ("编辑", "宗哲麟"),
        ("图片", "邵林峰"),
        ("图片", "瞿煌俊"),
    ]
    assert (doc.date.iso, doc.date.precision, doc.date.inferred) == ("2024-12-26", "day", True)
    # the printed (Traditional) form stays available, aligned with the clean text
    at = doc.text.index("环人民广场")
    assert doc.printed_text[at : at + 5] == "環人民廣場"


def test_seed_damage_is_recorded_and_never_invented(docs):
    doc = docs["000"]
    assert [d.text for d in doc.damage] == ["?yún)^(qū)", "?xiàng)纳鷦訉?shí)"]
    for d in doc.damage:
        assert doc.original[d.orig_start : d.orig_end] == d.text
        assert d.kind == "lost"
    # the lost characters are gone, not guessed: the text closes up around them
    assert "新加入党建联席会议" in doc.text and "引凤来践" in doc.text
    assert doc.text[doc.damage[0].clean_at - 3 : doc.damage[0].clean_at] == "新加入"


def test_pinyin_article_loses_its_damage_and_trailer(docs):
    doc = docs["104"]
    assert [d.text for d in doc.damage] == ["?xiǎng)", "?xié)"]
    assert not PINYIN.search(doc.text) and "有影的共建成果" in doc.text
    assert "春日赏花" not in doc.text and "声明" not in doc.text
    assert doc.title.startswith("“聚合力 促共治”玄武门街道大工委")


def test_gb18030_article_decodes(docs):
    doc = docs["107"]
    assert doc.encoding == "gb18030"
    raw = (DEV / "107_gusu_liangxi_jiedui_gb18030.txt").read_bytes().decode("gb18030")
    assert doc.original == raw
    assert doc.title == "苏锡携手 组织共建——姑苏区与梁溪区签订区域化党建结对联建协议"
    assert "姑苏区委常委、组织部部长甄以宁" in doc.text
    assert (doc.date.iso, doc.date.inferred) == ("2024-11-08", True)


def test_html_article_keeps_the_article_and_drops_the_page(docs):
    doc = docs["102"]
    assert doc.media_type == "text/html"
    assert doc.title == "云汇里商圈党建联盟成立 四个专委会同步组建"
    assert (doc.date.iso, doc.date.source) == ("2025-03-18", "meta")
    assert "云汇里商圈党建联盟成立大会" in doc.text and "真正把党建优势" in doc.text
    for page_only in (
        "huì",
        "sǎn",
        "首页",
        "要闻动态",
        "当前位置",
        "相关阅读",
        "民族街道",
        "版权所有",
        "友情链接",
        "分享到",
        "menu.js",
    ):
        assert page_only not in doc.text, page_only
    assert doc.publisher == "民权街道党工委"
    # ruby base text keeps its place in the page source
    at = doc.text.index("云汇里商圈党建联盟成立大会")
    a, b = doc.original_span(at, at + 3)
    assert re.sub(r"<rt>.*?</rt>|<[^>]+>", "", doc.original[a:b]) == "云汇里"


def test_bylines_of_every_article_match_the_gold_authored_facts(docs):
    for num, doc in docs.items():
        g = gold(num)
        required = {(f["subject"], f["role"]) for f in g["facts"] if f["relation"] == "authored"}
        optional = {(f["subject"], f["role"]) for f in g.get("optional", []) if f["relation"] == "authored"}
        got = {(b.name, b.role) for b in doc.bylines}
        assert required <= got <= required | optional, (num, got ^ required)
        for b in doc.bylines:
            assert doc.text[b.start : b.end] == b.name


PUBLISHED = {
    "000": ("2024-12-26", "text"),
    "101": ("2025-01-16", "text"),
    "102": ("2025-03-18", "meta"),
    "103": ("2025-04-23", "header"),
    "104": ("2025-03-28", "text"),
    "105": ("2024-09-05", "header"),
    "106": ("2024-08-23", "header"),
    "107": ("2024-11-08", "text"),
    "108": ("2025-02-26", "text"),
    "109": ("2025-05-14", "header"),
    "110": ("2025-06-20", "header"),
    "111": ("2025-04-09", "header"),
    "112": ("2025-07-09", "header"),
    "113": ("2025-09-13", "header"),
    "114": ("2025-06-04", "header"),
    "115": ("2025-03-21", "header"),
    "116": ("2025-08-14", "text"),
    "117": ("2025-03-27", "header"),
    "118": ("2025-07-25", "header"),
    "119": ("2025-10-17", "header"),
    "120": ("2025-11-21", "header"),
}


def test_publication_dates(docs):
    assert {num: (d.date.iso, d.date.source) for num, d in docs.items()} == PUBLISHED
    assert all(d.date.inferred == (d.date.source == "text") for d in docs.values())


def test_relative_dates_resolve_against_the_publication_date(docs):
    doc = docs["119"]
    found = {d.text: (d.iso, d.precision, d.inferred) for d in find_dates(doc.text, doc.date)}
    assert found["10月15日下午"] == ("2025-10-15", "day", True)
    assert found["上周"] == ("2025-10", "month", True)
    assert found["日前"] == ("2025-10-17", "day", True)
    assert found["近日"] == ("2025-10-17", "day", True)
    assert found["2025-10-17"] == ("2025-10-17", "day", False)
    near = [d for d in find_dates(docs["105"].text, docs["105"].date) if d.text == "近日"]
    assert near and near[0].iso == "2024-09-05"


def test_site_furniture_and_noise_are_gone(docs):
    assert not re.search(r"[A-Za-z]\d|\d[A-Za-z]", docs["111"].text.split("\n", 2)[2])  # forum noise
    for furniture in (
        "只看该作者",
        "回复 引用",
        "沙发",
        "Discuz",
        "您需要登录",
        "本帖最后由",
        "【转帖】",
        "江城网友之家",
    ):
        assert furniture not in docs["111"].text
    assert docs["111"].title == "积玉桥街道区域化党建联席会议召开 三对单位签约结对共建"
    wechat = docs["112"].text
    assert wechat.count("7月8日下午，上城区湖滨街道") == 1
    for furniture in ("点击蓝字", "▲", "往期回顾", "老旧小区加装电梯", "分享 · 收藏", "🎉", "💪"):
        assert furniture not in wechat
    assert docs["112"].title == "“湖畔红盟”朋友圈再扩容！3家新成员加盟，2对单位结对共建"
    assert docs["120"].title == "中华街道召开2025年度区域化党建联席会议 新增6家成员单位"
    assert "5476" not in docs["120"].text
    for num in ("105", "106", "117"):
        text = docs[num].text
        for furniture in (
            "浏览次数",
            "点击量",
            "【字体",
            "首页 |",
            "当前位置",
            "您现在的位置",
            "上一篇",
            "ICP备",
            "相关链接",
            "主办：",
        ):
            assert furniture not in text, (num, furniture)
    assert docs["106"].title == "集团党委走访芳溪社区 签订共驻共建协议"
    assert docs["106"].site == docs["106"].text.split("\n")[0] == "北京泓筑城市建设集团有限公司"
    assert docs["117"].site == "山东鲁瀚能源集团有限公司"
    assert docs["105"].publisher == "锦江区委组织部"
