"""Sub-commands of `xerohelper`, one module each (see xerohelper/cli.py for the contract)."""
