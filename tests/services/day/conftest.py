"""Fixtures for the tests of services/day/: a shop connected to the sandbox, or the journal alone."""

from __future__ import annotations

import pytest

from tests.services.connected_shop import connected_shop
from tests.services.day.day_parts import OfflineDays
from xerohelper.adapters.journal import Journal


@pytest.fixture
def shop(tmp_path):
    with connected_shop(tmp_path) as connected:
        yield connected


@pytest.fixture
def offline(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    try:
        yield OfflineDays(journal, tmp_path / "till")
    finally:
        journal.close()
