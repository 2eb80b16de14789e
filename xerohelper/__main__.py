import sys

from xerohelper.cli import main

sys.exit(main())
