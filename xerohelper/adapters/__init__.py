"""Adapters: the one place each outside thing (Xero, the keyring, files, SQLite, POS exports) is touched."""
