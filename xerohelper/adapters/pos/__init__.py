"""Readers for the till exports a shop owner hands to xerohelper.

`read_export(data, file_name)` (in read_export.py) is the way in: it recognises the export from its
header, reads it with the matching reader (one module per format) and returns the days or the problems.
Every reader produces `core.day.Day` objects; none of them knows about Xero.
"""
