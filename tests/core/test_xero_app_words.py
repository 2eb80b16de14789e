"""A pasted client id is checked for shape before it is kept; the password store's help fits the desktop."""

from __future__ import annotations

import pytest

from xerohelper.core.connection import client_id_problem
from xerohelper.core.password_store_help import password_store_advice


@pytest.mark.parametrize(
    ("pasted", "words"),
    [
        ("A1B2C3D4E5F60718293A4B5C6D7E8F90", ""),
        ("  a1b2c3d4e5f60718293a4b5c6d7e8f90\n", ""),  # spaces around and lower case are fine
        ("", "Paste your Xero app's client id first."),
        ("A1B2C3D4E5F60718293A4B5C6D7E8F9", "That has 31 characters"),
        ("6f1c0d6e-8a7b-4c2d-9e0f-112233445566", "only the digits 0–9 and the letters A–F"),  # a tenant id
        ("http://localhost:8742/callback", "only the digits 0–9"),
    ],
)
def test_a_client_id_has_32_hexadecimal_characters(pasted, words):
    problem = client_id_problem(pasted)
    assert words in problem if words else problem == ""
    if words:
        assert "client id" in problem


@pytest.mark.parametrize(
    ("platform", "desktop", "says"),
    [
        ("linux", "KDE", "KDE Wallet"),
        ("linux", "ubuntu:GNOME", "gnome-keyring"),
        ("linux", "XFCE", "gnome-keyring"),
        ("linux", "", "KeePassXC"),
        ("win32", "", "Credential Manager"),
        ("darwin", "", "Keychain"),
    ],
)
def test_what_to_install_depends_on_the_desktop(platform, desktop, says):
    assert says in password_store_advice(platform, desktop)
