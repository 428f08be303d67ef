"""Entry point of the frozen bundle (PyInstaller): the same command line as
``minusma-kiosk`` installed with pip, sub-commands included."""

import sys

from minusma_kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
