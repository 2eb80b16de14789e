"""The bundle's entry point (PyInstaller freezes this file): the same `xerohelper` command as the wheel's."""

import sys

from xerohelper.cli import main

if __name__ == "__main__":
    sys.exit(main())
