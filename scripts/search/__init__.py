"""Search over the built site, per language, for readers who type without diacritics.

- `folding`: the one folding rule (tone marks, ă â ê ô ơ ư, đ/Đ) shared with the
  browser code (scripts/theme/assets/javascripts/search.js has its twin).
- `records`: what of a built page goes into the index, plus the folded words
  Pagefind cannot produce itself (it folds tone marks but not đ).
- `indexer`: runs Pagefind over each language's pages after both builds are joined.
"""

from .folding import fold, has_diacritics
from .indexer import SearchIndexReport, index_site

__all__ = ["SearchIndexReport", "fold", "has_diacritics", "index_site"]
