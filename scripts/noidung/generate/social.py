"""Open Graph and Twitter card metadata, so a shared link previews well (Zalo, Facebook).

`page_meta` is a pure function of what MkDocs knows about a page; the partial
scripts/noidung/theme/partials/social-meta.html only prints it. The default preview
image is a committed PNG (1200x630, the size Facebook and Zalo expect); run
`python -m noidung.generate.social` to draw it again after changing the design.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from noidung.content.layout import THEME_DIR

#: Open Graph locale of each site language.
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
#: Path of the default image under each language's site root (copied with the theme).
DEFAULT_IMAGE = "assets/images/og-default.png"
IMAGE_SIZE = (1200, 630)
IMAGE_ALT = {
    "vi": "Gia đình và Trẻ em Ninh Bình: gọi 111 để bảo vệ trẻ em",
    "en": "Family and Children, Ninh Bình: call 111 to protect children",
}


def page_meta(
    *, lang: str, languages: list[str], site_name: str, site_url: str, title: str,
    description: str, page_url: str | None, is_homepage: bool = False,
    published: dt.date | None = None, image: str | None = None, image_alt: str | None = None,
) -> dict[str, Any]:
    """What the partial prints as og:* and twitter:* tags for one page.

    `site_url` is the language's root address; `page_url` the page under it
    (None for the 404 page, which is shown at any address and gets no og:url).
    """
    url = urljoin(site_url, page_url) if page_url is not None else None
    page_title = site_name if is_homepage or not title else f"{title} – {site_name}"
    return {
        "type": "article" if published else "website",
        "site_name": site_name,
        "title": page_title,
        "description": description,
        "url": url,
        "locale": OG_LOCALES.get(lang, lang),
        "locale_alternates": [OG_LOCALES.get(x, x) for x in languages if x != lang],
        "image": urljoin(site_url, image or DEFAULT_IMAGE),
        "image_alt": image_alt or IMAGE_ALT.get(lang, ""),
        "image_width": None if image else IMAGE_SIZE[0],
        "image_height": None if image else IMAGE_SIZE[1],
        "published": published.isoformat() if published else None,
        "card": "summary_large_image",
    }


def draw_default_image(path: Path) -> None:
    """Draw the default preview image: the site's name, its topics and the hotline."""
    from PIL import Image, ImageDraw, ImageFont

    fonts = Path("/usr/share/fonts/truetype/dejavu")
    bold = ImageFont.truetype(str(fonts / "DejaVuSans-Bold.ttf"), 64)
    regular = ImageFont.truetype(str(fonts / "DejaVuSans.ttf"), 34)
    hotline = ImageFont.truetype(str(fonts / "DejaVuSans-Bold.ttf"), 120)
    image = Image.new("RGB", IMAGE_SIZE, (0, 121, 107))  # Material's teal, our primary colour
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 560, 1200, 630), fill=(255, 112, 67))  # the deep orange accent
    draw.text((70, 80), "Gia đình và Trẻ em", font=bold, fill="white")
    draw.text((70, 160), "Ninh Bình", font=bold, fill="white")
    draw.text((70, 270), "Công tác gia đình · Phòng, chống bạo lực gia đình", font=regular,
              fill="white")
    draw.text((70, 320), "Bảo vệ trẻ em · Family and child protection", font=regular,
              fill="white")
    draw.text((860, 380), "111", font=hotline, fill="white")
    draw.text((70, 575), "Tổng đài quốc gia bảo vệ trẻ em: 111 · miễn phí, 24/7", font=regular,
              fill="white")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", optimize=True)


if __name__ == "__main__":
    draw_default_image(THEME_DIR / DEFAULT_IMAGE)
