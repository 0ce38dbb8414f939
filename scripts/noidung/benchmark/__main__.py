"""`python -m noidung.benchmark`: see scripts/noidung/benchmark/runner.py."""

import sys

from .runner import main

sys.exit(main())
