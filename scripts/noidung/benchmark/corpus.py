"""A synthetic bilingual corpus written with the site's real content model and layout.

`generate(dest, size, seed)` writes a complete project copy to `dest`: the
repository's configs, pages and registries, plus generated articles, training
modules, campaigns and plain pages in both languages, with the `scripts`
package linked (not copied), so that `noidung --root dest build` builds it.
The same (size, seed) always gives byte-identical files.

`size` counts source pages of both languages (a translated item counts twice,
an untranslated one once), including the repository's own pages.

One concern at about 400 lines: a small writer per kind of item, all drawing from one
seeded random stream in a fixed order; split across modules, that order would be harder
to keep (and the corpus would no longer be byte-identical for a given seed).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import random
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from noidung.content import frontmatter
from noidung.content.layout import POSTS_DIR, REPO_ROOT
from noidung.content.registries import Registries, load_registries

from . import text

#: Shares of items by kind (an item is one article, module, campaign or page in both languages).
PROPORTIONS = {"article": 0.70, "module": 0.15, "campaign": 0.05, "page": 0.10}
#: Share of items that exist only in Vietnamese (the English site shows a stand-in page).
UNTRANSLATED_SHARE = 0.10
#: Module codes run from M01 to M99, so there are at most 99 modules; the rest become articles.
MAX_MODULES = 99
#: Folders of plain pages (not in the navigation, reached through links).
PAGE_SECTIONS = ("thu-vien", "hoi-dap")
#: The one illustration every page shows (small, shared, so the output measures pages, not images).
IMAGE = "hinh-anh/minh-hoa.svg"
#: A module material: the name of a file in docs/vi/tap-huan/tai-lieu/
#: (noidung/training/modules.py).
MODULE_MATERIAL = "so-do-buoi-hoc.svg"
#: Articles are dated within this span, before the benchmark's build date.
FIRST_DATE = dt.date(2023, 1, 2)
LAST_DATE = dt.date(2026, 10, 30)
#: Build date the benchmark sets (SITE_BUILD_DATE), so every article is published.
BUILD_DATE = "2026-11-28"

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80" role="img">'
       '<rect width="120" height="80" fill="#e0f2f1"/>'
       '<circle cx="40" cy="38" r="14" fill="#00897b"/>'
       '<circle cx="78" cy="44" r="10" fill="#ff7043"/>'
       '</svg>\n')


@dataclass(frozen=True)
class Item:
    """One piece of content: its kind, id, number and whether it has an English text."""

    kind: str
    id: str
    number: int
    translated: bool

    def doc_src(self) -> str:
        """`src()` of an item that has a file under docs/<lang>/ (all but campaigns)."""
        src = self.src()
        if src is None:
            raise ValueError(f"{self.kind} {self.id} has no file under docs/")
        return src

    def src(self) -> str | None:
        """Path under docs/<lang>/ (None for campaigns, whose pages are generated)."""
        if self.kind == "article":
            return f"{POSTS_DIR}/{self.id}.md"
        if self.kind == "module":
            return f"tap-huan/{self.id}.md"
        if self.kind == "page":
            return f"{PAGE_SECTIONS[self.number % len(PAGE_SECTIONS)]}/{self.id}.md"
        return None


@dataclass(frozen=True)
class CorpusInfo:
    """What `generate` wrote."""

    root: Path
    size: int
    seed: int
    counts: dict[str, int]
    untranslated: int
    #: A plain Vietnamese page, relative to the root, and its URL path: edited to time previews.
    sample_page: str
    sample_url: str
    #: The repository commit whose configs, pages and registries the corpus copied.
    commit: str | None = None


def existing_pages(root: Path = REPO_ROOT) -> int:
    """Source pages the repository already has, both languages (they are part of the corpus)."""
    count = 0
    for lang in ("vi", "en"):
        count += sum(1 for _ in (root / "docs" / lang).rglob("*.md"))
    campaigns = root / "campaigns"
    if campaigns.is_dir():
        count += sum(1 for _ in campaigns.glob("*/*.md"))
    return count


def used_module_codes(root: Path) -> set[int]:
    """Codes (M01 -> 1) of the modules the repository already has: generated ones avoid them."""
    codes = set()
    for path in (root / "docs" / "vi" / "tap-huan").glob("*.md"):
        code = str(frontmatter.parse(path.read_text("utf-8")).meta.get("code", ""))
        if code[:1] == "M" and code[1:].isdigit():
            codes.add(int(code[1:]))
    return codes


def plan(size: int, seed: int = 1, existing: int = 0, modules_max: int = MAX_MODULES
         ) -> list[Item]:
    """The items that make `size` source pages together with `existing` ones."""
    wanted = max(size - existing, 0)
    # k items of which u untranslated give 2k - u pages, with u about UNTRANSLATED_SHARE * k.
    k = math.ceil(wanted / (2 - UNTRANSLATED_SHARE)) if wanted else 0
    untranslated = 2 * k - wanted
    modules = min(round(k * PROPORTIONS["module"]), modules_max)
    campaigns = round(k * PROPORTIONS["campaign"])
    pages = round(k * PROPORTIONS["page"])
    articles = k - modules - campaigns - pages
    rng = random.Random(f"plan-{size}-{seed}")
    kinds = (["article"] * articles + ["module"] * modules + ["campaign"] * campaigns
             + ["page"] * pages)
    alone = set(rng.sample(range(k), untranslated)) if untranslated else set()
    numbers: dict[str, int] = {}
    items = []
    prefixes = {"article": "bai-viet", "module": "hoc-phan", "campaign": "chien-dich",
                "page": "trang"}
    for i, kind in enumerate(kinds):
        numbers[kind] = numbers.get(kind, 0) + 1
        n = numbers[kind]
        items.append(Item(kind, f"{prefixes[kind]}-{n:04d}", n, i not in alone))
    return items


def generate(dest: Path, size: int, seed: int = 1, source: Path = REPO_ROOT) -> CorpusInfo:
    """Write the corpus for (size, seed) to `dest`, replacing what was there."""
    if dest.resolve() == source.resolve() or source.resolve() in dest.resolve().parents and (
        dest.resolve().relative_to(source.resolve()).parts[0] in ("docs", "campaigns")
    ):
        raise ValueError(f"the corpus must be written outside the content folders: {dest}")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    commit = _copy_committed(source, dest, ["mkdocs.yml", "mkdocs.en.yml", "docs", "campaigns"])
    (dest / "campaigns").mkdir(exist_ok=True)
    os.symlink(source / "scripts", dest / "scripts")
    registries = load_registries(dest / "docs" / "registries")
    used = used_module_codes(dest)
    items = plan(size, seed, existing_pages(dest), MAX_MODULES - len(used))
    writer = _Writer(dest, registries, items, seed, [n for n in range(1, 100) if n not in used])
    for lang in ("vi", "en"):
        _write(dest / "docs" / lang / IMAGE, SVG)
    _write(dest / "docs" / "vi" / "tap-huan" / "tai-lieu" / MODULE_MATERIAL, SVG)
    for item in items:
        writer.write(item)
    page = next((i for i in items if i.kind == "page"), None)
    sample_src = page.doc_src() if page else "gioi-thieu.md"
    counts: dict[str, int] = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    return CorpusInfo(
        root=dest, size=size, seed=seed, counts=counts,
        untranslated=sum(1 for i in items if not i.translated),
        sample_page=f"docs/vi/{sample_src}",
        sample_url=sample_src.removesuffix(".md") + "/",
        commit=commit,
    )


def _copy_committed(source: Path, dest: Path, names: list[str]) -> str | None:
    """Copy the committed configs and content (HEAD), not half-edited working files.

    Other work in progress must not break or change the corpus: it depends only
    on (size, seed) and the commit. Outside a git checkout, the files are copied.
    """
    try:
        archive = subprocess.run(["git", "-C", str(source), "archive", "--format=tar", "HEAD",
                                  "--", *names], capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        for name in names:
            if (source / name).is_dir():
                shutil.copytree(source / name, dest / name)
            elif (source / name).exists():
                shutil.copy2(source / name, dest / name)
        return None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    head = subprocess.run(["git", "-C", str(source), "rev-parse", "HEAD"], capture_output=True,
                          text=True)
    return head.stdout.strip() or None


def _write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def _dump(meta: dict) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)


class _Writer:
    """Writes each item's files; one random stream per item keeps items independent."""

    def __init__(self, root: Path, registries: Registries, items: list[Item], seed: int,
                 free_codes: list[int]) -> None:
        self.root = root
        self.free_codes = free_codes
        self.registries = registries
        self.seed = seed
        self.linkable = [i for i in items if i.src() is not None]
        self.linkable_en = [i for i in self.linkable if i.translated]
        self.campaigns = [i.id for i in items if i.kind == "campaign"]
        self.modules = [i.id for i in items if i.kind == "module"]
        self.topics = registries.ids("topics")
        self.categories = registries.ids("categories")
        self.audiences = registries.ids("audiences")

    def write(self, item: Item) -> None:
        rng = random.Random(f"{self.seed}-{item.id}")
        getattr(self, f"_{item.kind}")(item, rng)

    # -- shared pieces -----------------------------------------------------------

    def _body(self, rng: random.Random, item: Item, sections: int, more: bool) -> tuple[str, str]:
        """About 600 words: sections of paragraphs, a table, a list, an image and links."""
        src = item.src() or f"chien-dich/{item.id}.md"
        vi: list[str] = []
        en: list[str] = []
        first = text.paragraph(rng, 3)
        vi.append(first[0])
        en.append(first[1])
        if more:
            vi.append("<!-- more -->")
            en.append("<!-- more -->")
        headings = rng.sample(text.HEADINGS, sections)
        for n, heading in enumerate(headings):
            vi.append(f"## {heading[0]}")
            en.append(f"## {heading[1]}")
            for _ in range(2):
                p = text.paragraph(rng, rng.randint(2, 3))
                vi.append(p[0])
                en.append(p[1])
            if n == 0:
                image = os.path.relpath(IMAGE, os.path.dirname(src) or ".")
                vi.append(f"![Hình minh họa: gia đình cùng nhau sinh hoạt]({image})")
                en.append(f"![Illustration: a family spending time together]({image})")
            if n == 1:
                t_vi, t_en = self._table(rng)
                vi.append(t_vi)
                en.append(t_en)
            if n == 2:
                lines = [text.pick(rng, text.STATEMENTS) for _ in range(3)]
                vi.append("\n".join(f"- {v}" for v, _ in lines))
                en.append("\n".join(f"- {e}" for _, e in lines))
        links_vi, links_en = self._links(rng, item, src)
        vi.append("## Xem thêm\n\n" + "\n".join(links_vi))
        en.append("## See also\n\n" + "\n".join(links_en))
        return "\n\n".join(vi) + "\n", "\n\n".join(en) + "\n"

    def _table(self, rng: random.Random) -> tuple[str, str]:
        head_vi, head_en = text.TABLE_HEAD
        rows_vi = [f"| {' | '.join(head_vi)} |", "| --- | --- | --- |"]
        rows_en = [f"| {' | '.join(head_en)} |", "| --- | --- | --- |"]
        for when in text.TABLE_WHEN[: rng.randint(3, 5)]:
            what, who = text.pick(rng, text.PREDICATES), text.pick(rng, text.SUBJECTS)
            rows_vi.append(f"| {when[0]} | {what[0].removeprefix('đã ').capitalize()} | {who[0]} |")
            rows_en.append(f"| {when[1]} | {what[1].capitalize()} | {who[1]} |")
        return "\n".join(rows_vi), "\n".join(rows_en)

    def _links(self, rng: random.Random, item: Item, src: str) -> tuple[list[str], list[str]]:
        """Three links to other pages; in English only to pages that have an English text."""
        pool = self.linkable_en if item.translated else self.linkable
        targets = [t for t in rng.sample(pool, min(4, len(pool))) if t.id != item.id][:3]
        vi, en = [], []
        for t in targets:
            href = os.path.relpath(t.doc_src(), os.path.dirname(src) or ".")
            vi.append(f"- [Bài liên quan số {t.number} ({t.id})]({href})")
            en.append(f"- [Related page no. {t.number} ({t.id})]({href})")
        return vi, en

    def _docs(self, lang: str, src: str) -> Path:
        return self.root / "docs" / lang / src

    def _date(self, rng: random.Random) -> dt.date:
        return FIRST_DATE + dt.timedelta(days=rng.randrange((LAST_DATE - FIRST_DATE).days))

    def _units_on(self, day: dt.date) -> list[str]:
        return [u.id for u in self.registries.entries("units")
                if u.data.get("kind") in ("department", "division") and u.valid_on(day)]

    # -- kinds -------------------------------------------------------------------

    def _article(self, item: Item, rng: random.Random) -> None:
        day = self._date(rng)
        title = text.title(rng, item.number)
        summary = text.sentence(rng)
        body = self._body(rng, item, sections=4, more=True)
        meta = {
            "id": item.id, "title": title[0], "summary": summary[0], "date": day,
            "authors": rng.sample(self._units_on(day), 1),
            "categories": rng.sample(self.categories, rng.randint(1, 2)),
            "tags": rng.sample(self.topics, rng.randint(1, 3)),
        }
        if self.campaigns and rng.random() < 0.2:
            meta["campaign"] = rng.choice(self.campaigns)
        meta["draft"] = False
        _write(self._docs("vi", item.doc_src()), f"---\n{_dump(meta)}---\n\n{body[0]}")
        if item.translated:
            en = {"title": title[1], "summary": summary[1]}
            _write(self._docs("en", item.doc_src()), f"---\n{_dump(en)}---\n\n{body[1]}")

    def _module(self, item: Item, rng: random.Random) -> None:
        title = text.title(rng, item.number)
        summary = text.sentence(rng)
        objectives = [text.pick(rng, text.STATEMENTS) for _ in range(3)]
        notes = text.paragraph(rng, 2)
        sessions = []
        for n in range(1, rng.randint(3, 5) + 1):
            name = text.pick(rng, text.HEADINGS)
            activity = text.sentence(rng)
            sessions.append((f"buoc-{n}", rng.choice([15, 20, 30, 45]), name, activity))
        index = self.modules.index(item.id)
        prerequisites = [self.modules[index - 1]] if index and rng.random() < 0.5 else []
        body = self._body(rng, item, sections=4, more=False)
        material_vi = {"title": "Sơ đồ buổi học", "alt": "Sơ đồ các bước của buổi học"}
        material_en = {"title": "Session outline", "alt": "Outline of the session's steps"}
        meta = {
            "id": item.id, "code": f"M{self.free_codes[item.number - 1]:02d}",
            "title": title[0], "summary": summary[0],
            "audiences": rng.sample(self.audiences, 2),
            "duration_minutes": sum(s[1] for s in sessions),
            "level": rng.choice(["co-ban", "trung-cap", "nang-cao"]),
            "objectives": [o[0] for o in objectives],
            "prerequisites": prerequisites,
            "materials": [{"file": MODULE_MATERIAL, "type": "document", "licence": "CC BY 4.0",
                           **material_vi}],
            "facilitator_notes": notes[0],
            "sessions": [{"id": s[0], "minutes": s[1], "title": s[2][0], "activity": s[3][0]}
                         for s in sessions],
            "last_reviewed": self._date(rng), "review_every_months": 12, "version": "1.0",
        }
        _write(self._docs("vi", item.doc_src()), f"---\n{_dump(meta)}---\n\n{body[0]}")
        if item.translated:
            en = {
                "title": title[1], "summary": summary[1],
                "objectives": [o[1] for o in objectives], "facilitator_notes": notes[1],
                "materials": [{"file": MODULE_MATERIAL, **material_en}],
                "sessions": [{"id": s[0], "title": s[2][1], "activity": s[3][1]}
                             for s in sessions],
            }
            _write(self._docs("en", item.doc_src()), f"---\n{_dump(en)}---\n\n{body[1]}")

    def _campaign(self, item: Item, rng: random.Random) -> None:
        start = self._date(rng)
        end = start + dt.timedelta(days=rng.choice([14, 30, 31]))
        districts = [d.id for d in self.registries.entries("districts")
                     if d.id != "toan-tinh" and d.valid_on(end)]
        areas = rng.sample(districts, min(2, len(districts))) if districts else ["toan-tinh"]
        units = self._units_on(start)
        lead = rng.choice(units)
        partners = rng.sample([u for u in units if u != lead], min(2, len(units) - 1))
        meta = {
            "id": item.id, "start_date": start, "end_date": end, "lead_unit": lead,
            "partner_units": partners,
            "topics": rng.sample(self.topics, 2),
            "audiences": rng.sample(self.audiences, 2),
            "areas": areas,
            "hashtags": [f"#GiaDinhNinhBinh{item.number}"],
            "hotline": "111",
            "modules": rng.sample(self.modules, min(2, len(self.modules))),
            "materials": [{"file": "poster.svg", "type": "poster", "licence": "CC BY 4.0",
                           "holder": "so-van-hoa-the-thao", "shows_children": False}],
        }
        folder = self.root / "campaigns" / item.id
        _write(folder / "campaign.yml", _dump(meta))
        _write(folder / "poster.svg", SVG)
        title = text.title(rng, item.number)
        summary = text.sentence(rng)
        messages = [text.pick(rng, text.STATEMENTS) for _ in range(3)]
        body = self._body(rng, item, sections=4, more=False)
        texts = {
            "vi": (title[0], summary[0], [m[0] for m in messages],
                   {"title": "Áp phích chiến dịch", "alt": "Áp phích với hình một gia đình"},
                   body[0]),
            "en": (title[1], summary[1], [m[1] for m in messages],
                   {"title": "Campaign poster", "alt": "Poster showing a family"}, body[1]),
        }
        for lang, (t, s, keys, material, b) in texts.items():
            if lang == "en" and not item.translated:
                continue
            # Campaign bodies link nowhere: their page path is the campaign generator's choice.
            b = b.split("\n\n## Xem thêm")[0].split("\n\n## See also")[0]
            b = b.replace(f"]({os.path.relpath(IMAGE, 'chien-dich')})", "](poster.svg)")
            doc = {"title": t, "summary": s, "key_messages": keys,
                   "materials": [{"file": "poster.svg", **material}]}
            _write(folder / f"{lang}.md", frontmatter.render(doc, b + "\n"))

    def _page(self, item: Item, rng: random.Random) -> None:
        title = text.title(rng, item.number)
        summary = text.sentence(rng)
        body = self._body(rng, item, sections=4, more=False)
        for lang, t, s, b in (("vi", title[0], summary[0], body[0]),
                              ("en", title[1], summary[1], body[1])):
            if lang == "en" and not item.translated:
                continue
            meta = {"title": t, "description": s}
            _write(self._docs(lang, item.doc_src()), f"---\n{_dump(meta)}---\n\n{b}")
