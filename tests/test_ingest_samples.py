"""Ingestion of the small files of tests/ingest_samples, one behaviour each (see its README)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.ingest import IngestError, ingest_bytes, ingest_text, read_inputs
from kg.ingest.dates import find_dates
from kg.ingest.decode import MAX_BYTES

SAMPLES = Path(__file__).parent / "ingest_samples"


def read(name: str):
    path = SAMPLES / name
    return ingest_bytes(path.read_bytes(), path.name, str(path))


def refusal(name: str) -> str:
    with pytest.raises(IngestError) as err:
        read(name)
    return str(err.value)


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("simplified_utf8.txt", "utf-8"),
        ("simplified_utf8_bom.txt", "utf-8-sig"),
        ("simplified_gb18030.txt", "gb18030"),
        ("simplified_utf16le_bom.txt", "utf-16"),
        ("simplified_utf16be.txt", "utf-16-be"),
    ],
)
def test_each_encoding_is_detected_and_named(name, encoding):
    doc = read(name)
    master = read("simplified_utf8.txt")
    assert doc.encoding == encoding
    assert doc.original == (SAMPLES / "simplified_utf8.txt").read_text(encoding="utf-8")
    assert doc.text == master.text and doc.title == master.title


@pytest.mark.parametrize(
    "name, encoding", [("traditional_big5.txt", "big5"), ("traditional_utf16le_bom.txt", "utf-16")]
)
def test_traditional_files_in_big5_and_utf16_become_simplified(name, encoding):
    doc = read(name)
    assert doc.encoding == encoding
    assert doc.original == (SAMPLES / "traditional_utf8.txt").read_text(encoding="utf-8")
    assert doc.title == "鼓楼区温泉街道区域化党建联席会议召开 三家单位加入"
    # Taiwan forms (臺, 裡, 著, 啟, 託) are converted too; the printed form stays aligned
    assert "依托线上服务平台，着力推动社区里的资源共享" in doc.text
    at = doc.text.index("林启航")
    assert doc.printed_text[at : at + 3] == "林啟航"
    assert [(b.role, b.name) for b in doc.bylines] == [("通讯员", "黄若溪"), ("编辑", "吴清远")]


# --- bad input -------------------------------------------------------------------------------------


def test_bad_files_are_refused_with_the_reason():
    assert refusal("empty.txt").endswith("empty.txt: empty file")
    assert refusal("blank.txt").endswith("blank.txt: empty file")
    assert "binary file (a PNG image)" in refusal("image.txt")
    assert "undecodable" in refusal("undecodable.txt")
    assert refusal("english.txt").endswith("english.txt: no Chinese text found")


def test_an_oversized_file_is_refused_naming_the_limit(tmp_path):
    big = tmp_path / "huge.txt"
    big.write_bytes("党建".encode() * (MAX_BYTES // 6 + 10))
    with pytest.raises(IngestError) as err:
        ingest_bytes(big.read_bytes(), big.name, str(big))
    assert f"over the {MAX_BYTES // (1024 * 1024)} MB limit" in str(err.value)
    assert str(big) in str(err.value)


def test_a_few_damaged_utf8_bytes_become_damage_not_a_wrong_encoding():
    data = (SAMPLES / "simplified_utf8.txt").read_bytes()
    cut = data.index("石砚秋".encode()) + 3  # cut 砚 in half
    doc = ingest_bytes(data[:cut] + data[cut + 1 :], "cut.txt", "cut.txt")
    assert doc.encoding == "utf-8"
    assert [d.text for d in doc.damage] == ["\ufffd\ufffd"]
    assert "临江街道党工委书记石秋" in doc.text


# --- garbling --------------------------------------------------------------------------------------


def test_pinyin_damage_and_mojibake_are_removed_and_recorded():
    doc = read("pinyin_damage.txt")
    assert doc.title == "“聚力共建”东湖街道大工委2025年全体会议召开"
    kinds = [(d.kind, d.text) for d in doc.damage]
    assert kinds[0][0] == "mojibake" and kinds[0][1].startswith("鈥滆仛")
    assert kinds[1:] == [
        ("lost", "?xié)"),
        ("lost", "?xiǎng)"),
        ("lost", "?yún)^(qū)"),
        ("lost", "?jiàn)鸑鷟?shí)"),
    ]
    for d in doc.damage:
        assert doc.original[d.orig_start : d.orig_end] == d.text
    assert doc.damage[0].note.endswith("copy of: “聚力共建東湖")
    text = doc.text
    assert "网格同联动" in text and "有影的共建成果" in text and "新加入域化党建平台" in text
    assert "引才聚智践" in text and "鸑" not in text
    assert not re.search(r"[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", text)
    assert "全体会议在街道为民服务中心召开。区委组织部副部长许清和，东湖街道" in text
    assert "春季赏花" not in text and "声明" not in text
    assert doc.warnings[:2] == [
        "4 damaged spot(s) where characters were lost in a re-encoding were removed",
        "a garbled (mojibake) copy of a line was removed",
    ]


# --- HTML ------------------------------------------------------------------------------------------


def test_html_page_main_text_ruby_and_metadata():
    doc = read("page_ruby.html")
    assert doc.media_type == "text/html"
    assert doc.title == "滨湖社区党建联盟揭牌 六家单位结对共建"
    assert (doc.date.iso, doc.date.source) == ("2025-04-02", "meta")
    assert (doc.publisher, doc.site) == ("滨湖街道党工委", "湖城先锋网")
    lines = doc.text.split("\n")
    assert lines[0] == doc.title and lines[1].startswith("来源：滨湖街道党工委 作者：通讯员 方知远")
    assert lines[-1] == "（责任编辑：江晚晴）"
    text = doc.text
    assert (
        "区委常委、组织部部长闫知秋，滨湖街道党工委书记苏沅，湖城智造有限公司党委书记、董事长柏望舒出席大会"
        in text
    )
    assert "签订结对共建协议&服务清单。\n双方将围绕" in text  # entity decoded, <br> a line break
    assert "两个专委会，成员单位" in text  # &nbsp; after a full-width comma is no gap
    for page_only in (
        "yán",
        "yuán",
        "(",
        "脚本里的假正文",
        "text-indent",
        "登录",
        "首页",
        "当前位置",
        "分享到",
        "相关阅读",
        "邻里文化节",
        "版权所有",
        "网友评论",
        "湖城网友",
    ):
        assert page_only not in text, page_only
    assert [(b.role, b.name) for b in doc.bylines] == [
        ("通讯员", "方知远"),
        ("图片", "任一舟"),
        ("编辑", "江晚晴"),
    ]
    # offsets point into the page: the entity and the ruby base
    at = text.index("&")
    assert doc.original[slice(*doc.original_span(at, at + 1))] == "&amp;"
    at = text.index("闫知秋")
    assert doc.original[slice(*doc.original_span(at, at + 1))] == "闫"


def test_html_without_class_names_keeps_the_article_found_by_trafilatura():
    doc = read("page_plain.html")
    assert doc.text.startswith("红枫社区举办党建联席会议\n2025-09-20 08:30 枫城新闻网\n9月19日上午")
    assert doc.text.endswith("（通讯员 邹雨涵）")
    for page_only in (
        "热点",
        "全市组织工作会议",
        "今日天气",
        "网友评论",
        "点赞社区",
        "关于我们",
        "Copyright",
    ):
        assert page_only not in doc.text, page_only
    assert (doc.title, doc.date.iso) == ("红枫社区举办党建联席会议", "2025-09-20")


def test_html_meta_author_and_title_when_the_page_has_no_headline():
    body = "9月5日，河西社区党委与江河物流有限公司党支部签订结对共建协议，双方将开展助老服务。" * 3
    page = (
        "<html><head><title>【转载】河西社区结对共建_江城先锋网</title><meta name='author' content='鲍一鸣'>"
        f"<meta property='og:site_name' content='江城先锋网'></head><body><p>{body}</p></body></html>"
    )
    doc = ingest_text(page, "p.html", "p.html")
    assert doc.title == "河西社区结对共建" and doc.site == "江城先锋网"
    assert [(b.role, b.name, b.start) for b in doc.bylines] == [("作者", "鲍一鸣", -1)]


def test_html_without_article_markers_falls_back_to_the_page_text():
    page = "<html><body><p>4月3日，临湖社区党委与江河物流有限公司党支部签订结对共建协议。</p><div class='footer'>版权所有</div></body></html>"
    doc = ingest_text(page, "short.html", "short.html")
    assert doc.text == "4月3日，临湖社区党委与江河物流有限公司党支部签订结对共建协议。"


# --- boilerplate -----------------------------------------------------------------------------------


def test_wechat_furniture_and_repeated_lead():
    doc = read("wechat_post.txt")
    assert doc.title == "“江湾同心”联盟再添新成员！一对单位结对共建"
    assert (doc.date.iso, doc.date.source) == ("2025-06-12", "header")
    assert doc.text.count("6月11日下午，江湾街道") == 1
    for furniture in (
        "点击蓝字",
        "▲",
        "往期回顾",
        "加速跑",
        "江湾夜读",
        "分享 · 收藏",
        "🎉",
        "🤝",
        "💪",
        "👇",
    ):
        assert furniture not in doc.text, furniture
    assert "结对“手拉手”\n在乔映雪的见证下" in doc.text
    assert doc.publisher == "江湾街道"
    assert [(b.role, b.name) for b in doc.bylines] == [
        ("图片", "何知夏"),
        ("编辑", "罗晓川"),
        ("审核", "骆明轩"),
    ]
    rules = {r.rule for r in doc.removed}
    assert {"wechat-furniture", "photo-caption", "related-list", "duplicate-paragraph", "emoji"} <= rules


def test_forum_noise_and_thread_furniture():
    doc = read("forum_repost.txt")
    assert doc.title == "南湖街道区域化党建联席会议召开 两对单位签约"
    assert (doc.date.iso, doc.date.source) == ("2025-05-20", "header")
    assert (
        "召开。区委常委、组织部部长殷若兰，南湖街道党工委书记邬青松出席会议。会议由街道办事处主任石青禾主持。"
        in doc.text
    )
    assert not re.search(r"[A-Za-z]\d|\d[A-Za-z]|[\[\]{}~^#@%&]", doc.text)
    for furniture in ("只看该作者", "本帖最后由", "回复 引用", "沙发", "您需要登录", "Powered by"):
        assert furniture not in doc.text
    assert [(b.role, b.name) for b in doc.bylines] == [("记者", "乔语嫣"), ("通讯员", "严清渠")]
    assert sum(r.rule == "forum-noise" for r in doc.removed) == 5


def test_government_site_banner_widgets_links_and_footer():
    doc = read("gov_site.txt")
    # the banner names the site: it stays in the text, and is neither the headline nor dropped
    assert doc.text.startswith(
        "湖州市吴兴区委组织部\n\n月河街道区域化党建联席会议召开第二次全体会议\n\n来源：吴兴区委组织部 发布时间：2025-08-22 作者：周望舒\n"
    )
    assert (doc.site, doc.title) == ("湖州市吴兴区委组织部", "月河街道区域化党建联席会议召开第二次全体会议")
    assert doc.text.endswith("（供稿：月河街道党工委 通讯员：周望舒）\n责任编辑：金若曦")
    assert doc.publisher == "吴兴区委组织部"
    assert [(b.role, b.name) for b in doc.bylines] == [("通讯员", "周望舒"), ("编辑", "金若曦")]
    found = {d.text: (d.iso, d.precision) for d in find_dates(doc.text, doc.date)}
    assert found["近日"] == ("2025-08-22", "day")
    assert found["上周"] == ("2025-08", "month")
    assert found["今年7月"] == ("2025-07", "month")


def test_counter_glued_to_a_traditional_headline():
    doc = read("mirror_counter.txt")
    assert doc.title == "临江街道召开2025年度区域化党建联席会议 新增4家成员单位"
    assert (doc.date.iso, doc.publisher) == ("2025-12-02", "临江区临江街道")
    assert [(b.role, b.name) for b in doc.bylines] == [("通讯员", "林书瑶"), ("编辑", "吴雨桐")]
    assert "依托线上服务平台，着力推动资源共享" in doc.text


def test_dateline_gives_the_publication_date_with_the_year_from_the_headline():
    doc = read("dateline.txt")
    assert (doc.date.iso, doc.date.source, doc.date.inferred) == ("2024-12-28", "dateline", True)
    assert [(b.role, b.name) for b in doc.bylines] == [("记者", "钟砚秋"), ("通讯员", "程一诺")]
    days = {d.text: d.iso for d in find_dates(doc.text, doc.date)}
    assert days["12月27日下午"] == "2024-12-27" and days["26日"] == "2024-12-26"


def test_related_reading_and_disclaimer_are_dropped_from_a_plain_article():
    doc = read("simplified_utf8.txt")
    assert doc.text.endswith("（记者 沈知微 通讯员 顾青禾）\n责任编辑：陶然")
    assert {r.rule for r in doc.removed} == {"related-list", "platform-disclaimer"}


# --- inputs ----------------------------------------------------------------------------------------


def test_jsonl_batch_records_go_through_the_same_stage():
    items = list(read_inputs([str(SAMPLES / "batch.jsonl")]))
    docs = [i for i in items if not isinstance(i, IngestError)]
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert [d.id for d in docs] == ["batch-text", "batch-html"]
    text, page = docs
    assert (text.url, text.date.iso, text.date.source) == (
        "https://example.org/a/1.html",
        "2025-09-04",
        "given",
    )
    assert [(b.role, b.name) for b in text.bylines] == [("通讯员", "郁小满")]
    assert page.media_type == "text/html" and "社区党委书记覃一帆出席" in page.text and "qín" not in page.text
    assert len(errors) == 3
    assert errors[0].startswith(f"{SAMPLES / 'batch.jsonl'}:2: not JSON")
    assert errors[1].endswith(':4: a batch record needs a "text" or "html" string')
    assert errors[2].endswith(":5: no Chinese text found")


def test_folders_globs_and_missing_paths(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "one.txt").write_bytes((SAMPLES / "dateline.txt").read_bytes())
    (tmp_path / "README.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / "two.html").write_bytes((SAMPLES / "page_ruby.html").read_bytes())
    ids = [d.id for d in read_inputs([str(tmp_path)])]
    assert ids == ["one.txt", "two.html"]
    ids = [
        getattr(d, "id", str(d))
        for d in read_inputs([str(tmp_path / "**" / "*.txt"), str(tmp_path / "nope.txt")])
    ]
    assert ids == ["one.txt", f"{tmp_path / 'nope.txt'}: no such file or folder"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert [str(e) for e in read_inputs([str(empty)])] == [
        f"{empty}: folder holds no article files (.txt, .html, .jsonl)"
    ]
