"""Core: pure Python, no Qt, no SDK. The shop's day, its checklist, mappings and explanations."""
