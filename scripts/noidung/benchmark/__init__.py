"""Build-cost benchmark: a synthetic bilingual corpus and a runner that measures building it.

`python -m noidung.benchmark` (or `noidung benchmark`) generates corpora of 200,
1,000 and 2,000 pages with `corpus.generate` and prints one JSON line of
figures per size (see `runner`).
"""
