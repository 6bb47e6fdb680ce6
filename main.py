"""Moscow 1939: start the game or one of its tools (python main.py --help)."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
