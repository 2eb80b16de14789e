"""(being written)"""

from xerohelper.sandbox.responses import not_found


def __getattr__(name):
    return lambda *a, **k: not_found()
