"""``python -m server serve ...``: the serve command without the rest of the CLI."""

import sys

from server.cli import main

sys.exit(main())
