"""The parts of ingestion on short strings: offsets, garbling, dates, bylines, boilerplate rules."""

from __future__ import annotations

import random

import pytest

from kg.ingest import ingest_text
from kg.ingest.dates import find_dates
from kg.ingest.garble import mojibake_prefix, repair
from kg.ingest.meta import bylines, lines_of, publisher
from kg.ingest.tracked import Tracked


def clean(text: str):
    return ingest_text(text, "t.txt", "t.txt")


# --- Tracked -----------------------------------------------------------------------------------


def test_edits_keep_offsets_of_untouched_and_same_length_text():
    t = Tracked.identity("ab環(huán)cd", offset=10)
    t = t.sub(r"(環)\(huán\)", lambda m: m.group(1))
    assert t.text == "ab環cd" and t.starts == [10, 11, 12, 19, 20]
    t = t.edit([(2, 3, "环"), (4, 5, "")])
    assert t.text == "ab环c" and (t.starts, t.ends) == ([10, 11, 12, 19], [11, 12, 13, 20])
    wide = t.edit([(0, 2, "X")])  # a replacement of another length covers the whole span it replaced
    assert (wide.text, wide.starts[0], wide.ends[0]) == ("X环c", 10, 12)
    with pytest.raises(ValueError):
        t.edit([(2, 3, ""), (1, 2, "")])


def test_a_conversion_that_changes_length_maps_line_by_line_then_character_by_character():
    t = Tracked.identity("甲乙\n丙丁", offset=5).map_text(lambda s: s.replace("乙", "乙乙"))
    assert t.text == "甲乙乙\n丙丁"
    assert (t.starts, t.ends) == ([5, 6, 6, 7, 8, 9], [6, 7, 7, 8, 9, 10])


def _span(starts: list[int], ends: list[int], a: int, b: int) -> tuple[int, int]:
    """The per-character meaning of an original span: first start to last end, or a point."""
    if a < b:
        return starts[a], ends[b - 1]
    at = starts[a] if a < len(starts) else (ends[-1] if ends else 0)
    return at, at


def _edited(model: tuple[str, list[int], list[int]], edits) -> tuple[str, list[int], list[int]]:
    """What `Tracked.edit` means, one character at a time."""
    text, starts, ends = model
    out_text, out_starts, out_ends, pos = "", [], [], 0
    for a, b, new in edits:
        out_text += text[pos:a] + new
        out_starts += starts[pos:a]
        out_ends += ends[pos:a]
        if len(new) == b - a:
            out_starts += starts[a:b]
            out_ends += ends[a:b]
        else:
            s, e = _span(starts, ends, a, b)
            out_starts += [s] * len(new)
            out_ends += [e] * len(new)
        pos = b
    return out_text + text[pos:], out_starts + starts[pos:], out_ends + ends[pos:]


def _random_edits(rng: random.Random, n: int) -> list[tuple[int, int, str]]:
    cuts = sorted(rng.choices(range(n + 1), k=2 * rng.randint(0, 4)))  # insertions too (a == b)
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        size = rng.choice([0, b - a, b - a, 1, 3])
        edits.append((a, b, "".join(rng.choice("甲乙丙 x\n") for _ in range(size))))
    return edits


def test_offsets_kept_as_runs_mean_what_per_character_offsets_mean():
    """Random edits, keeps, slices, joins and second layers against a model that keeps two
    offsets per character: the runs must spell out exactly the same offsets."""
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice("甲乙丙丁 ab\n") for _ in range(rng.randint(0, 12)))
        offset = rng.randint(0, 5)
        t = Tracked.identity(text, offset)
        model = (
            text,
            list(range(offset, offset + len(text))),
            list(range(offset + 1, offset + len(text) + 1)),
        )
        for _ in range(rng.randint(1, 6)):
            step = rng.choice(["edit", "keep", "slice", "join", "through"])
            n = len(t.text)
            if step == "edit":
                edits = _random_edits(rng, n)
                t, model = t.edit(edits), _edited(model, edits)
            elif step == "keep":
                spans = _random_edits(rng, n)
                t = t.keep([(a, b) for a, b, _ in spans])
                model = tuple(type(x)().join(x[a:b] for a, b, _ in spans) if isinstance(x, str)
                              else [v for a, b, _ in spans for v in x[a:b]] for x in model)  # fmt: skip
            elif step == "slice":
                a = rng.randint(0, n)
                b = rng.randint(a, n)
                t, model = t.slice(a, b), (model[0][a:b], model[1][a:b], model[2][a:b])
            elif step == "join":
                at = rng.randint(0, 9)
                t = Tracked.join([t, Tracked.inserted("\n", at), Tracked.identity("戊", at)])
                model = (model[0] + "\n戊", model[1] + [at, at], model[2] + [at, at + 1])
            else:  # a second layer over this text, edited, then mapped through this one
                edits = _random_edits(rng, n)
                inner = _edited((t.text, list(range(n)), list(range(1, n + 1))), edits)
                t = Tracked.identity(t.text).edit(edits).through(t)
                spans = [_span(model[1], model[2], a, b) for a, b in zip(inner[1], inner[2], strict=True)]
                model = (inner[0], [s for s, _ in spans], [e for _, e in spans])
            assert (t.text, t.starts, t.ends) == model, step
            a = rng.randint(0, len(t.text))
            b = rng.randint(a, len(t.text))
            assert t.span(a, b) == _span(model[1], model[2], a, b)


# --- garbling ----------------------------------------------------------------------------------


def test_inline_pinyin_goes_but_english_in_brackets_stays():
    doc = clean("會(huì)上,區(qū)委組織部發布了(CBD)服務(wù)清單(draft)。")
    assert doc.text == "会上，区委组织部发布了(CBD)服务清单(draft)。"
    assert doc.damage == []


def test_lost_characters_are_removed_with_their_junk_never_guessed():
    t, damage = repair(Tracked.identity("形成有影?xiǎng)的成果，網格?xié)同聯動，加入?yún)^(qū)域"))
    assert t.text == "形成有影的成果，網格同聯動，加入域"
    assert [(d.text, d.orig_start) for d in damage] == [("?xiǎng)", 4), ("?xié)", 17), ("?yún)^(qū)", 28)]


def test_a_question_mark_is_not_damage():
    doc = clean("大会有何意义？记者采访了代表。Why? 因为共建。")
    assert doc.damage == [] and "有何意义？记者" in doc.text


def test_mojibake_copy_is_found_even_when_a_byte_was_lost():
    line = "月河街道召开区域化党建联席会议"
    raw = line.encode("utf-8")
    junk = (raw[:7] + raw[8:21]).decode("gbk", errors="ignore")  # one byte lost in the copy
    assert mojibake_prefix(junk + line) == len(junk)
    single = "榈鵬城党建网"  # one character: the first two bytes of 鵬's UTF-8 read as GBK
    assert mojibake_prefix(single) == 1
    for normal in (line, "鹏城党建网", "2025年区域化党建", "榈树下的党员活动室", "鈥"):
        assert mojibake_prefix(normal) == 0, normal


# --- script and punctuation --------------------------------------------------------------------


def test_safe_nfkc_and_punctuation():
    doc = clean("ＡＢＣ公司２０２５年成立,地址:虹口區;電話１２３．５號(新址)")
    assert doc.text == "ABC公司2025年成立，地址：虹口区；电话123.5号（新址）"
    assert (
        clean("时间：09:30，比分3:2，网址 https://a.cn/x,y").text
        == "时间：09:30，比分3:2，网址 https://a.cn/x,y"
    )


# --- dates -------------------------------------------------------------------------------------


def found(text: str, anchor: str | None = "2025-10-17"):
    return [(d.text, d.iso, d.precision, d.inferred, d.kind) for d in find_dates(text, anchor)]


def test_absolute_dates_and_their_precision():
    assert found(
        "2024年12月26日，2025-4-9 10:21，2024.03.05，二〇二四年十二月二十六日，2025年度，2024年7月"
    ) == [
        ("2024年12月26日", "2024-12-26", "day", False, "absolute"),
        ("2025-4-9", "2025-04-09", "day", False, "absolute"),
        ("2024.03.05", "2024-03-05", "day", False, "absolute"),
        ("二〇二四年十二月二十六日", "2024-12-26", "day", False, "absolute"),
        ("2025年度", "2025", "year", False, "absolute"),
        ("2024年7月", "2024-07", "month", False, "absolute"),
    ]


def test_month_days_take_their_year_from_the_anchor_or_the_text():
    assert found("12月26日下午召开") == [
        ("12月26日下午", "2024-12-26", "day", True, "absolute")
    ]  # not 2025-12
    assert found("3月5日上午召开") == [("3月5日上午", "2025-03-05", "day", True, "absolute")]
    assert found("2023年工作总结。5月8日召开", anchor=None)[1][1] == "2023-05-08"
    assert found("5月8日召开", anchor=None) == []  # no year anywhere: nothing is guessed
    assert found("15日召开；28日举行")[0][1:3] == ("2025-10-15", "day")
    assert found("15日召开；28日举行")[1][1] == "2025-09-28"  # still to come this month: last month's


def test_relative_dates():
    rel = {
        t: (iso, p)
        for t, iso, p, inferred, _ in found("近日，日前，昨天，上周，本周，上月，去年，今年3月，明年")
        if inferred
    }
    assert rel == {
        "近日": ("2025-10-17", "day"),
        "日前": ("2025-10-17", "day"),
        "昨天": ("2025-10-16", "day"),
        "上周": ("2025-10", "month"),
        "本周": ("2025-10", "month"),
        "上月": ("2025-09", "month"),
        "去年": ("2024", "year"),
        "今年3月": ("2025-03", "month"),
        "明年": ("2026", "year"),
    }
    assert found("近日召开", anchor=None) == []
    assert found("春节日前，节日前夕") == []  # 日前 inside 节日前 is not "the other day"
    assert found("3日内完成，每月5日，10年来") == []


def test_same_day_words_take_the_day_mentioned_last():
    assert found("8月14日上午签约。当天下午，推进会召开。同日，项目启动。", anchor="2025-08-20")[1:] == [
        ("当天下午", "2025-08-14", "day", True, "relative"),
        ("同日", "2025-08-14", "day", True, "relative"),
    ]
    assert found("当天，推进会召开。", anchor="2025-08-20")[0][1] == "2025-08-20"


def test_week_in_two_months_takes_its_thursdays_month():
    assert found("上周", anchor="2025-10-03")[0][1] == "2025-09"  # 22–28 Sep
    assert found("上周", anchor="2025-10-06")[0][1] == "2025-10"  # 29 Sep – 5 Oct: Thursday is 2 Oct


# --- bylines and sources -----------------------------------------------------------------------


def names(text: str):
    return [(b.role, b.name) for b in bylines(lines_of(text))]


def test_byline_forms():
    assert names("标题\n正文。\n记者 / 邵林 瞿煌\n编辑 / 宗哲") == [
        ("记者", "邵林"),
        ("记者", "瞿煌"),
        ("编辑", "宗哲"),
    ]
    assert names("标题\n（党群工作部　通讯员：尹舒　摄影：邢朗）") == [("通讯员", "尹舒"), ("图片", "邢朗")]
    assert names("标题\n来源｜湖滨街道\n图片｜严子墨\n责编｜宓晓琳") == [
        ("图片", "严子墨"),
        ("编辑", "宓晓琳"),
    ]
    assert names("标题\n文｜张晓岚 图｜李一舟") == [("作者", "张晓岚"), ("图片", "李一舟")]
    assert names("标题\n图为签约现场。") == []
    long = "本报讯（记者 龙湘宁 通讯员 彭晚舟）" + "会议在街道党群服务中心召开，成员单位代表参加。" * 3
    assert names("标题\n" + long) == [("记者", "龙湘宁"), ("通讯员", "彭晚舟")]
    # a unit after 来源/供稿 is the publisher, never a person; the poster of a thread is no byline
    assert names("标题\n（学院路街道供稿　通讯员：滕若川）\n楼主 江滩晨跑者 | 发表于 2025-4-9") == [
        ("通讯员", "滕若川")
    ]
    # a role word counts only where a field starts: 作者 inside 工作者 is no byline
    assert names("街道举办党务工作者培训班\n正文。\n（通讯员：郭晓宇）") == [("通讯员", "郭晓宇")]
    assert names("标题\n本报记者 王晓岚 实习生 高远") == [("记者", "王晓岚"), ("记者", "高远")]
    # 作者 is dropped when the same person has a specific role
    assert names("标题\n作者：游子衿\n（通讯员：游子衿）") == [("通讯员", "游子衿")]


def test_datelines_and_account_lines_give_the_publication_date():
    doc = clean("上海举行2024年区域化党建推进会\n新华网上海12月28日电 27日，推进会在黄浦区举行。")
    assert (doc.date.iso, doc.date.source, doc.date.inferred) == ("2024-12-28", "dateline", True)
    doc = clean("标题\n湖滨街道　2025年07月09日 18:30　浙江\n7月8日下午，大会召开。")
    assert (doc.date.iso, doc.date.source, doc.date.inferred) == ("2025-07-09", "header", False)
    doc = clean("标题\n楼主 某网友 | 发表于 2025-4-9 10:21\n4月8日，会议召开。")
    assert (doc.date.iso, doc.date.source) == ("2025-04-09", "header")


def test_publisher_forms():
    assert publisher(lines_of("标题\n来源：锦江区委组织部　发布时间：2024-09-05")) == "锦江区委组织部"
    assert publisher(lines_of("标题\n正文。\n（学院路街道供稿 通讯员：滕若川）")) == "学院路街道"
    assert publisher(lines_of("标题\n正文。"), site="湖城先锋网") == "湖城先锋网"


# --- boilerplate rules -------------------------------------------------------------------------


def test_a_numbered_list_inside_the_article_is_kept():
    text = "重点项目发布\n会议发布了三个项目：\n1. 助老送餐项目。\n2. 楼道微更新项目。\n会议要求各单位抓好落实。\n记者 王晓"
    doc = clean(text)
    assert "1. 助老送餐项目。\n2. 楼道微更新项目。" in doc.text and doc.removed == []


def test_numbered_lines_at_the_end_are_links_only_below_a_byline():
    ending = "项目发布\n会议发布了两个项目：\n1. 助老送餐项目。\n2. 楼道微更新项目。"
    assert clean(ending).text == ending
    linked = "项目发布\n会议发布了两个项目。\n（记者 王晓）\n1. 春季赏花路线发布了\n2. 老字号点心铺上新"
    doc = clean(linked)
    assert doc.text.endswith("（记者 王晓）")
    assert [r.rule for r in doc.removed] == ["related-article", "related-article"]


def test_a_site_name_above_the_headline_is_the_site_not_the_title():
    doc = clean("天津津港物流集团有限公司\n集团党委与街道党工委签订共建协议\n发布时间：2025-03-10\n正文。")
    assert (doc.site, doc.title) == ("天津津港物流集团有限公司", "集团党委与街道党工委签订共建协议")
    doc = clean(
        "某某科技股份有限公司\n首页 | 关于我们 | 新闻动态\n党建园地 > 党建动态\n公司党委与社区结对\n正文。"
    )
    assert doc.text.startswith("某某科技股份有限公司\n公司党委与社区结对")
    assert doc.title == "公司党委与社区结对"


def test_forum_noise_detector_spares_dates_and_acronyms():
    doc = clean("标题\n会议于2025 - 4 - 9召开，A B C D 四个小组和 PM 2.5 监测站参加。")
    assert "2025 - 4 - 9" in doc.text and "A B C D" in doc.text and doc.removed == []


def test_offsets_hold_on_random_mixtures_of_everything_ingestion_handles():
    """Random strings of garbling, markup, boilerplate and dates: no crash, and every clean
    character maps inside the original, in order."""
    import random

    from kg.ingest import IngestError

    pieces = [*"党建联席会议街道社区黨會區環廣場記者編輯榈鈥滆鸑鷟", *" \n\t\u3000,.:;!?()（）“”《》【】|/-"]
    pieces += [
        "(huán)",
        "?xiǎng)",
        "^(qū)",
        "\ufffd",
        "<p>",
        "</p>",
        "<ruby>汇<rt>huì</rt></ruby>",
        "&amp;",
        "<br>",
    ]
    pieces += [
        "12月26日",
        "近日",
        "% [ c8 m4 k9 ",
        "5476 次浏览",
        "🎉",
        "记者 王晓 ",
        "来源：某街道 ",
        "1. ",
        "相关阅读\n",
    ]
    rng = random.Random(5)
    checked = 0
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        for is_html in (False, True):
            try:
                doc = ingest_text(text, "r.txt", "r.txt", is_html=is_html)
            except IngestError:
                continue
            checked += 1
            assert len(doc.starts) == len(doc.ends) == len(doc.text) == len(doc.printed_text)
            assert all(0 <= a <= b <= len(text) for a, b in zip(doc.starts, doc.ends, strict=True)), text
            assert doc.starts == sorted(doc.starts), text
            assert all(doc.text[b.start : b.end] == b.name for b in doc.bylines), text
    assert checked > 300


def test_site_named_by_the_end_of_the_page_title():
    """…框架协议-西安雁川科技学院新闻网: the site, when no banner or <meta> names it."""
    from kg.ingest.meta import site_from_title

    assert site_from_title("学校与街道签署共建协议-西安雁川科技学院新闻网") == "西安雁川科技学院新闻网"
    assert site_from_title("学校与街道签署共建协议") == ""
    assert site_from_title("党建引领 - 共建共治 - 共享") == ""


def test_byline_forms_of_other_sites():
    """Bylines as other papers and sites print them: in 【】, with a user code after the name, a
    medium's name before the role, names before a slash and their role (甲/文 乙/图), a field of
    another role (美编) ending the list, 报道 after the name, a line of fields joined by |."""
    assert names("标题\n正文。\n【责任编辑：苗若禾】") == [("编辑", "苗若禾")]
    assert names("标题\n正文。\n责任编辑：石一鸣_NQ3021") == [("编辑", "石一鸣")]
    assert names("标题\n岳阳日报全媒体记者 程晓峰 通讯员 米兰") == [("记者", "程晓峰"), ("通讯员", "米兰")]
    assert names("标题\n正文。\n（岳阳楼区融媒体中心记者 钟灵）") == [("记者", "钟灵")]
    assert names("标题\n正文。\n（党委办公室 邹一凡/文 任晓/图）") == [("作者", "邹一凡"), ("图片", "任晓")]
    assert names("标题\n正文。\n本版责编：夏天 美编：秋叶") == [("编辑", "夏天")]
    assert names("标题\n（记者 聂远 报道）") == [("记者", "聂远")]
    doc = ingest_text(
        "标题\n\n正文。\n\n供稿：公司党支部 | 撰稿：唐果 | 摄影：梁晨 | 编辑：贝思\n", "a.txt", "a.txt"
    )
    assert [(b.role, b.name) for b in doc.bylines] == [("作者", "唐果"), ("图片", "梁晨"), ("编辑", "贝思")]
