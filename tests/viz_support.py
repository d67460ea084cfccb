"""Shared by the viz, export and stats tests: a small store of partnership facts written through
the real pipeline (records → IRIs → RDF → embedded Oxigraph), and a real headless Chromium.

The store is hand-built rather than extracted, so the tests do not depend on what the extractor
reads this week. Two articles, a year apart:

- 东湖 (2024): joint meeting 东湖街道区域化党建联席会议 with four member units, 东湖置业有限公司
  as rotating chair, a committee, a co-building pair, the meeting's event, one official.
- 西湖 (2025): alliance 西湖商圈党建联盟 that 东湖置业有限公司 also joins (so it is a broker),
  a second co-building pair witnessed by the official, a located_in.
"""

from __future__ import annotations

from pathlib import Path

from kg.model import DateValue, Document, Entity, Evidence, Extraction, Fact
from kg.pipeline import write
from kg.resolve import resolve
from kg.resolve.across import resolve_store
from kg.store import open_store

ENTITIES = {
    "j1": ("JointMeeting", "东湖街道区域化党建联席会议"),
    "j2": ("JointMeeting", "西湖商圈党建联盟"),
    "p1": ("PartyOrganization", "中共东湖街道工作委员会"),
    "g1": ("GovernmentBody", "东湖街道办事处"),
    "e1": ("Enterprise", "东湖置业有限公司"),
    "s1": ("SocialOrganization", "东湖实验小学"),
    "c1": ("Committee", "经济发展专委会"),
    "g2": ("GovernmentBody", "西湖街道办事处"),
    "w1": ("Person", "王小明"),
    "ev1": ("Event", "2024年东湖街道区域化党建联席会议"),
    "pl1": ("Place", "西湖区"),
}

ARTICLES = [
    {
        "id": "donghu.txt",
        "title": "东湖街道召开区域化党建联席会议",
        "published": "2024-03-10",
        "sentence": "3月5日，东湖街道区域化党建联席会议召开，东湖置业有限公司任轮值主席单位。",
        "facts": [
            ("member_of", "p1", "j1", {}),
            ("member_of", "g1", "j1", {}),
            ("member_of", "e1", "j1", {}),
            ("member_of", "s1", "j1", {}),
            ("rotating_chair", "e1", "j1", {}),
            ("has_committee", "j1", "c1", {}),
            ("co_builds_with", "p1", "e1", {"date": "2024-03-05"}),
            ("event_date", "ev1", "2024-03-05", {}),
            ("event_of", "ev1", "j1", {}),
            ("attended", "w1", "ev1", {"date": "2024-03-05"}),
            ("holds_post", "w1", "p1", {"role": "书记"}),
        ],
    },
    {
        "id": "xihu.txt",
        "title": "西湖商圈党建联盟扩容",
        "published": "2025-06-20",
        "sentence": "6月18日，西湖街道办事处与东湖实验小学签订共建协议，王小明见证签约。",
        "facts": [
            ("member_of", "e1", "j2", {}),
            ("member_of", "g2", "j2", {}),
            ("co_builds_with", "g2", "s1", {"date": "2025-06-18"}),
            ("witnessed", "w1", None, {"parties": ["g2", "s1"], "date": "2025-06-18"}),
            ("located_in", "g2", "pl1", {}),
        ],
    },
]

# what the views of this store hold
PARTNERSHIP_NODES, PARTNERSHIP_EDGES = 8, 10
FULL_NODES, FULL_EDGES = 11, 16
BROKER = "东湖置业有限公司"


def extraction(article: dict) -> Extraction:
    text = article["title"] + "\n" + article["sentence"]
    doc = Document(
        id=article["id"],
        source=article["id"],
        original=text,
        text=text,
        starts=list(range(len(text))),
        ends=list(range(1, len(text) + 1)),
        title=article["title"],
        date=DateValue(article["published"]),
    )
    x = Extraction(doc=doc)
    used = {k for _, s, o, kw in article["facts"] for k in (s, o, *kw.get("parties", [])) if k in ENTITIES}
    for key in sorted(used):
        cls, name = ENTITIES[key]
        x.add_entity(Entity(key=key, type=cls, name=name))
    start = len(article["title"]) + 1
    for rel, s, o, kw in article["facts"]:
        ev = Evidence(article["sentence"], start, len(text), start, len(text), rule="test", confidence=1.0)
        x.facts.append(Fact(relation=rel, subject=s, object=o, evidence=ev, **kw))
    return resolve(x)


def build_partnership_store(path: Path) -> Path:
    with open_store(path) as st:
        for article in ARTICLES:
            write(st, extraction(article))
        resolve_store(st)
    return path


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Visit:
    """One page opened in Chromium, with every request, console message and page error recorded."""

    def __init__(self, browser, path: Path, *, bypass_csp: bool = False):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp)
        self.requests: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        # a selector wait needs no eval, which the page's Content-Security-Policy forbids
        self.page.wait_for_selector("body[data-drawn-ms]", state="attached", timeout=60_000)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def close(self) -> None:
        self.page.close()
