"""`python -m scripts.benchmark`: see scripts/benchmark/runner.py."""

import sys

from .runner import main

sys.exit(main())
