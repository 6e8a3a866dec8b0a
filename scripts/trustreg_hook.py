"""Run trustreg from this checkout without installing it (used by the local pre-commit hooks).

Python puts this file's folder first on sys.path, so `import trustreg` finds scripts/trustreg.
"""

import sys

from trustreg.cli import main

if __name__ == "__main__":
    sys.exit(main())
