"""xerohelper: posts a small shop's daily till takings into Xero."""

__version__ = "0.1.0"
APP_NAME = "xerohelper"
