import sys

from noidung.cli import main

sys.exit(main())
