"""Training modules: from the staff's two Markdown files to module pages and short links.

A module is written once in Vietnamese (`docs/vi/tap-huan/<id>.md`, which holds
every language-neutral field: code, duration, level, audiences, prerequisites,
materials, session ids and minutes, review dates) and translated into English
(`docs/en/tap-huan/<id>.md`, text only). `load_module` merges the two, and the
generator `pages` turns each module into a generated page at `tap-huan/<id>/`
that replaces the source file of the same path, plus:

- the training overview `tap-huan/`: the hand-written intro and a table of modules;
- a short link `m/<code>/` per module (a redirect page, also printed as a QR code);
- a redirect page for every old URL in `docs/registries/redirects.yml`.

Anchors are fixed ids, the same in both languages (`#muc-tieu`, `#tai-lieu`,
`#<session id>`), so a shared link to "the objectives of M03" keeps working.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import posixpath
from functools import lru_cache
from typing import Any

import segno

from noidung.content import frontmatter
from noidung.content.layout import ContentLayout
from noidung.content.registries import Registries
from noidung.generate.context import BuildContext, GeneratedPage
from noidung.i18n import strings
from noidung.i18n.languages import absolute_url, format_date, url_to_src
from noidung.training.model import (
    ANCHORS,
    INDEX_FILE,
    MATERIALS_DIR,
    TRAINING_DIR,
    Module,
    format_duration,
    label,
    load_modules,
)
from noidung.training.redirects import Redirect, load_redirects, redirect_markdown


# Cached: the preview (scripts/noidung/preview/server.py) runs this generator again after each edit.
@lru_cache(maxsize=4096)
def qr_svg(url: str, title: str) -> str:
    """An inline SVG QR code of `url` (segno; scaled, with the standard quiet zone)."""
    qr = segno.make(url, error="m", micro=False)
    # viewBox (omitsize) lets print.css scale the code to 30 mm without cutting it off;
    # width and height keep its size on screen.
    svg = qr.svg_inline(scale=4, title=title, svgclass="training-qr__code", lineclass=None,
                        omitsize=True)
    width, height = qr.symbol_size(scale=4)
    return svg.replace("<svg ", f'<svg role="img" width="{width}" height="{height}" ', 1)


def _audience_names(module: Module, registries: Registries, lang: str) -> list[str]:
    names = []
    for audience in module.meta.get("audiences", []):
        entry = registries.get("audiences", audience)
        names.append(entry.label(lang) if entry else str(audience))
    return names


def _one_line(text: Any) -> str:
    return " ".join(str(text or "").split())


def module_markdown(
    module: Module,
    modules: dict[str, Module],
    registries: Registries,
    short_link: str,
    today: dt.date,
) -> str:
    """The whole generated page of a module (front matter and Markdown) in its language.

    `modules` are the modules of the same language by id (to link prerequisites);
    `short_link` is the absolute URL printed and encoded in the QR code.
    """
    lang = module.lang
    meta = module.meta
    esc = html.escape
    audiences = _audience_names(module, registries, lang)
    level = str(meta.get("level", ""))
    facts = [
        (label(lang, "code"), f'<strong class="training-card__code">{esc(module.code)}</strong>'),
        (label(lang, "duration"), esc(format_duration(module.duration, lang))),
        (label(lang, "level"),
         esc(label(lang, level) if level in strings.section(lang, "training") else level)),
        (label(lang, "audiences"), esc(", ".join(audiences))),
    ]
    if module.last_reviewed:
        reviewed = module.last_reviewed
        facts.append((
            label(lang, "last_reviewed"),
            f'<time datetime="{reviewed.isoformat()}">{esc(format_date(reviewed, lang))}</time>',
        ))
    facts.append((label(lang, "version"), esc(str(meta.get("version", "1.0")))))
    rows = "\n".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in facts)
    qr = qr_svg(short_link, label(lang, "qr_title", url=short_link))
    card = (
        f'<div class="training-card" data-module-code="{esc(module.code)}">\n'
        f'<dl class="training-card__facts">\n{rows}\n</dl>\n'
        f'<div class="training-card__link">\n'
        f'<p class="training-short-link"><span class="training-short-link__label">'
        f"{esc(label(lang, 'short_link'))}:</span> "
        f'<a href="{esc(short_link)}" class="training-short-link__url" data-short-link>'
        f"{esc(short_link)}</a> "
        f'<button type="button" class="md-button training-copy" data-copy="{esc(short_link)}" '
        f'data-copied="{esc(label(lang, "copied"))}" hidden>'
        f'{esc(label(lang, "copy"))}</button></p>\n'
        f'<div class="training-qr">{qr}</div>\n'
        f"</div>\n</div>"
    )
    parts: list[str] = [f"# {module.title}", "", card, ""]
    if module.is_due_for_review(today) and module.last_reviewed:
        parts += [
            '!!! warning "' + label(lang, "due_short").capitalize() + '"',
            "",
            "    " + label(lang, "due", date=format_date(module.last_reviewed, lang),
                          months=module.review_every_months),
            "",
        ]
    elif module.is_due_for_review(today):
        parts += ['!!! warning "' + label(lang, "due_short").capitalize() + '"', ""]
    if meta.get("summary"):
        parts += [_one_line(meta["summary"]), ""]
    parts += [f"## {label(lang, 'objectives')} {{#{ANCHORS['objectives']}}}", "",
              label(lang, "objectives_intro"), ""]
    parts += [f"- {_one_line(item)}" for item in meta.get("objectives", [])] + [""]
    parts += [f"## {label(lang, 'prerequisites')} {{#{ANCHORS['prerequisites']}}}", ""]
    prerequisites = list(meta.get("prerequisites") or [])
    if not prerequisites:
        parts += [label(lang, "no_prerequisites"), ""]
    for prerequisite in prerequisites:
        other = modules.get(prerequisite)
        if other is None:  # untranslated: the stand-in page is at tap-huan/<id>/
            parts.append(f"- [{prerequisite}]({prerequisite}/index.md)")
        else:
            parts.append(f"- [{other.code} · {other.title}]({other.id}.md)")
    parts.append("")
    parts += [_session_plan(module), ""]
    parts += [f"## {label(lang, 'materials')} {{#{ANCHORS['materials']}}}", ""]
    for material in meta.get("materials", []):
        file = str(material["file"])
        kind = str(file.rsplit(".", 1)[-1]).upper()
        parts.append(
            f"- [{_one_line(material.get('title', file))}](tai-lieu/{file})"
            f'{{ download="{posixpath.basename(file)}" }} ({kind}, {label(lang, "download")})'
        )
    parts.append("")
    if meta.get("facilitator_notes"):
        notes = str(meta["facilitator_notes"]).strip()
        parts += [
            f"## {label(lang, 'notes')} {{#{ANCHORS['notes']}}}",
            "",
            '<div class="admonition note training-notes" markdown>',
            f'<p class="admonition-title">{esc(label(lang, "notes_only"))}</p>',
            "",
            notes,
            "",
            "</div>",
            "",
        ]
    body = module.body.strip()
    if body:
        parts += [f"## {label(lang, 'content')} {{#{ANCHORS['content']}}}", "", body, ""]
    front = {
        "title": f"{module.code} · {module.title}",
        "description": _one_line(meta.get("summary", "")),
        "training_module": module.code,
        "printable": True,
    }
    return frontmatter.render(front, "\n".join(parts))


def _session_plan(module: Module) -> str:
    lang = module.lang
    lines = [f"## {label(lang, 'plan')} {{#{ANCHORS['plan']}}}", ""]
    total = 0
    for n, session in enumerate(module.meta.get("sessions", []), start=1):
        minutes = int(session.get("minutes") or 0)
        total += minutes
        heading = (f"{label(lang, 'step', n=n)}. {_one_line(session.get('title'))} "
                   f"({format_duration(minutes, lang)})")
        activity = str(session.get("activity", "")).strip()
        lines += [f"### {heading} {{#{session['id']}}}", "", activity, ""]
    lines.append(f"**{label(lang, 'total')}:** {format_duration(total, lang)}")
    return "\n".join(lines)


def index_table(modules: list[Module], registries: Registries, today: dt.date) -> str:
    """The overview table: code, title (linked), audiences, duration, level."""
    if not modules:
        return ""
    lang = modules[0].lang
    head = [label(lang, "code"), label(lang, "title"), label(lang, "audiences"),
            label(lang, "duration"), label(lang, "level")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for module in modules:
        title = f"[{module.title}]({module.id}.md)"
        if module.is_due_for_review(today):
            title += f" ({label(lang, 'due_short')})"
        level = str(module.meta.get("level", ""))
        cells = [
            module.code,
            title,
            ", ".join(_audience_names(module, registries, lang)),
            format_duration(module.duration, lang),
            label(lang, level) if level in strings.section(lang, "training") else level,
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def index_markdown(intro_text: str, modules: list[Module], registries: Registries,
                   today: dt.date) -> str:
    """The hand-written overview intro followed by the generated table of modules."""
    intro = frontmatter.parse(intro_text)
    meta = dict(intro.meta)
    meta.setdefault("training_index", True)
    body = intro.body.rstrip() + "\n\n" + index_table(modules, registries, today)
    return frontmatter.render(meta, body)


def _page_title(layout: ContentLayout, lang: str, url: str, modules: dict[str, Module]) -> str:
    for module in modules.values():
        if module.url == url:
            return f"{module.code} · {module.title}"
    path = layout.language_docs(lang) / url_to_src(url)
    if not path.exists() and url:
        path = layout.language_docs(lang) / (url.rstrip("/") + ".md")
    if path.exists():
        try:
            return str(frontmatter.read(path).meta.get("title") or url)
        except Exception:  # a broken file is the validator's business
            return url
    return url


# -- the generator -----------------------------------------------------------------


def pages(context: BuildContext) -> list[GeneratedPage]:
    """Module pages, the overview, short links and redirects of one language."""
    layout, lang, original = context.layout, context.lang, context.original_lang
    language = next(x for x in context.languages if x.code == lang)
    root_url = context.site_url
    modules = load_modules(layout, lang, original)
    by_id = {m.id: m for m in modules}
    materials = layout.language_docs(original) / MATERIALS_DIR
    result: list[GeneratedPage] = []
    for module in modules:
        link = absolute_url(root_url, language.root, module.short_url)
        assets = {
            f"{MATERIALS_DIR}/{m['file']}": str(materials / str(m["file"]))
            for m in module.meta.get("materials", [])
            if (materials / str(m["file"])).is_file()
        }
        result.append(GeneratedPage(
            module.src_uri,
            functools.partial(module_markdown, module, by_id, context.registries, link,
                              context.today),
            f"{module.code} · {module.title}",
            assets,
        ))
    intro = layout.language_docs(lang) / TRAINING_DIR / INDEX_FILE
    if intro.exists() and modules:
        text = index_markdown(intro.read_text("utf-8"), modules, context.registries, context.today)
        result.append(GeneratedPage(f"{TRAINING_DIR}/{INDEX_FILE}", text,
                                    frontmatter.parse(text).meta.get("title", "")))
    # Short links and redirects exist in every language, so that a link shared in one
    # language never 404s in the other (the target may be a "not yet translated" stand-in).
    all_modules = load_modules(layout, original, original)
    links = [Redirect(m.short_url, m.url) for m in all_modules] + load_redirects(layout)
    for r in links:
        title = _page_title(layout, lang, r.target, by_id)
        target_url = absolute_url(root_url, language.root, r.target)
        result.append(GeneratedPage(
            url_to_src(r.source),
            redirect_markdown(r.source, r.target, title, target_url, lang),
            label(lang, "redirect_title"),
        ))
    return result
