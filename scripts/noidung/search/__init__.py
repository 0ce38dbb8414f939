"""Search over the built site, per language, for readers who type without diacritics.

- `folding`: the one folding rule (tone marks, ă â ê ô ơ ư, đ/Đ) shared with the
  browser code (scripts/noidung/theme/assets/javascripts/search.js has its twin).
- `stemmer`: English stems, the twin of the browser's (javascripts/stemmer.js).
- `records`: what of a built page goes into the index.
- `index`: the index format and its writer (terms, buckets, pages).
- `indexer`: indexes each language of the joined site, in parallel.
"""

from .folding import fold, has_diacritics
from .indexer import SearchIndexReport, index_site

__all__ = ["SearchIndexReport", "fold", "has_diacritics", "index_site"]
