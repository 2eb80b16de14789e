"""When xerohelper can't open its own files at start, the owner reads why and what to do — never Python's
"[Errno 13] Permission denied"."""

from __future__ import annotations

import errno

import pytest

from xerohelper.services.app_files import why_not_opened

FOLDER = "/home/jo/.local/share/xerohelper"


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (PermissionError(errno.EACCES, "Permission denied", FOLDER), "doesn't let"),
        (OSError(errno.ENOSPC, "No space left on device", FOLDER), "disk is full"),
        (OSError(errno.EIO, "Input/output error"), "couldn't read or write"),
        (RuntimeError("boom"), "Something unexpected"),
    ],
)
def test_the_reason_is_in_words_with_a_next_step(error, said):
    words = why_not_opened(error)
    assert said in words
    assert "Errno" not in words and "boom" not in words and "Permission denied" not in words
    assert "start xerohelper again" in words.lower()
    if getattr(error, "filename", None):
        assert error.filename in words


def test_words_already_meant_for_the_owner_are_kept():
    class Told(Exception):
        words = "The settings folder is on a disk that isn't plugged in."

    assert why_not_opened(Told()) == Told.words
