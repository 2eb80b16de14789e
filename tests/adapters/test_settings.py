"""The settings file: named sections, atomic writes, and no clobbering of sections written by others."""

from __future__ import annotations

import json
import os

import pytest

from xerohelper.adapters import damaged_files
from xerohelper.adapters.settings import (
    DEFAULT_CALLBACK_PORT,
    SETTINGS_FILE_NAME,
    ConnectionSettings,
    Settings,
    SettingsFileDamaged,
)


def test_a_missing_file_is_empty_settings_with_the_default_port(tmp_path):
    settings = Settings.load(tmp_path / "nowhere")
    assert settings.section_names() == []
    assert settings.get_section("mapping") == {}
    assert settings.connection() == ConnectionSettings()
    assert settings.callback_port == DEFAULT_CALLBACK_PORT == 8742
    assert settings.client_id == ""


def test_sections_round_trip_through_the_file(tmp_path):
    settings = Settings.load(tmp_path)
    settings.set_section("mapping", {"tenders": {"Cash": "090"}})
    settings.set_connection(ConnectionSettings(client_id="CID", tenant_id="T1", organisation_name="Shop"))
    settings.save()

    again = Settings.load(tmp_path)
    assert again.get_section("mapping") == {"tenders": {"Cash": "090"}}
    assert again.connection().tenant_id == "T1"
    assert again.client_id == "CID"
    on_disk = json.loads((tmp_path / SETTINGS_FILE_NAME).read_text())
    assert set(on_disk) == {"mapping", "xero"}


def test_get_section_is_a_copy_the_caller_can_change_freely(tmp_path):
    settings = Settings.load(tmp_path)
    settings.set_section("mapping", {"tenders": {"Cash": "090"}})
    copy = settings.get_section("mapping")
    copy["tenders"]["Cash"] = "999"
    assert settings.get_section("mapping") == {"tenders": {"Cash": "090"}}


def test_saving_keeps_sections_another_part_of_the_app_wrote_meanwhile(tmp_path):
    mine = Settings.load(tmp_path)
    theirs = Settings.load(tmp_path)
    theirs.set_section("mapping", {"customer_contact": "POS Sales"})
    theirs.save()
    mine.set_connection(ConnectionSettings(tenant_id="T1"))
    mine.save()

    final = Settings.load(tmp_path)
    assert final.get_section("mapping") == {"customer_contact": "POS Sales"}
    assert final.connection().tenant_id == "T1"


def test_the_sandbox_and_xero_connections_are_separate_sections(tmp_path):
    settings = Settings.load(tmp_path)
    settings.set_connection(ConnectionSettings(tenant_id="real"), "xero")
    settings.set_connection(ConnectionSettings(tenant_id="demo"), "sandbox")
    settings.save()
    again = Settings.load(tmp_path)
    assert again.connection("xero").tenant_id == "real"
    assert again.connection("sandbox").tenant_id == "demo"


def test_keys_a_newer_version_added_to_the_section_survive(tmp_path):
    (tmp_path / SETTINGS_FILE_NAME).write_text(json.dumps({"xero": {"tenant_id": "T", "future_key": [1, 2]}}))
    settings = Settings.load(tmp_path)
    assert settings.connection().tenant_id == "T"
    settings.set_connection(ConnectionSettings(tenant_id="T2"))
    settings.save()
    assert Settings.load(tmp_path).get_section("xero")["future_key"] == [1, 2]


def test_wrong_types_in_the_file_fall_back_to_defaults(tmp_path):
    (tmp_path / SETTINGS_FILE_NAME).write_text(json.dumps({"xero": {"callback_port": "abc", "tenant_id": 5}}))
    assert Settings.load(tmp_path).connection() == ConnectionSettings()


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(tmp_path, monkeypatch):
    tmp_path = tmp_path / "settings"
    settings = Settings.load(tmp_path)
    settings.set_section("a", {"x": 1})
    settings.save()
    before = (tmp_path / SETTINGS_FILE_NAME).read_text()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    settings.set_section("a", {"x": 2})
    with pytest.raises(OSError):
        settings.save()
    assert (tmp_path / SETTINGS_FILE_NAME).read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == [SETTINGS_FILE_NAME]


def test_a_damaged_file_that_cannot_be_moved_aside_is_refused_on_save_with_what_to_do(tmp_path, monkeypatch):
    path = tmp_path / SETTINGS_FILE_NAME
    path.write_text("{not json")
    heard: list[str] = []
    damaged_files.listen(heard.append)
    try:
        os.chmod(tmp_path, 0o500)  # the folder can't be written: the file can't be renamed
        if os.access(tmp_path, os.W_OK):  # root renames in a read-only folder: refuse the rename here
            monkeypatch.setattr(os, "rename", _refuse_rename)
        settings = Settings.load(tmp_path)
        assert settings.section_names() == []  # the default settings, for now
        Settings.load(tmp_path)
        assert len(heard) == 1 and str(path) in heard[0] and "couldn't move it aside" in heard[0]
        settings.set_section("mapping", {})
        with pytest.raises(SettingsFileDamaged) as caught:
            settings.save()
        assert str(path) in str(caught.value) and "Rename or delete it" in str(caught.value)
    finally:
        os.chmod(tmp_path, 0o700)
        damaged_files.stop_listening(heard.append)


def _refuse_rename(source, target):
    raise PermissionError(13, "Permission denied", str(source))


def test_values_that_cannot_be_saved_are_refused_at_once(tmp_path):
    settings = Settings.load(tmp_path)
    with pytest.raises(TypeError):
        settings.set_section("mapping", {"when": object()})
    with pytest.raises(TypeError):
        settings.set_section("mapping", ["not", "a", "dict"])  # type: ignore[arg-type]
    assert settings.get_section("mapping") == {}
