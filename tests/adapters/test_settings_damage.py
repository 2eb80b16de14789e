"""A settings file that can't be read is set aside (renamed, kept as it was), the owner is told once in
words, and the default settings are used — through the adapter and through the real command line."""

from __future__ import annotations

import json
import os
import re

import pytest

from xerohelper.adapters import damaged_files
from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.settings import SETTINGS_FILE_NAME, ConnectionSettings, Settings
from xerohelper.cli import main

SETTINGS_WORDS = "xerohelper's settings file couldn't be read: "
DEFAULTS_WORDS = "xerohelper carries on with its default settings: connect to Xero again"


def _random_bytes(path):
    path.write_bytes(bytes(range(256)) * 8)  # not UTF-8


def _bad_json(path):
    path.write_text('{"xero": {"tenant_id": "T1"')  # cut short


def _wrong_shape(path):
    path.write_text(json.dumps({"xero": "not a section"}))


def _a_list(path):
    path.write_text(json.dumps(["xero"]))


def _folder_in_place(path):
    path.mkdir()


def _link_to_itself(path):
    os.symlink(path.name, path)  # unreadable for anyone, root included


def _unreadable(path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file whatever its permissions")
    path.write_text(json.dumps({"xero": {"tenant_id": "T1"}}))
    os.chmod(path, 0)


DAMAGE = {
    "random bytes": (_random_bytes, "it isn't readable text any more"),
    "bad JSON": (_bad_json, "its contents are garbled"),
    "a section that isn't one": (_wrong_shape, "its contents aren't laid out the way xerohelper writes them"),
    "a list": (_a_list, "its contents aren't laid out the way xerohelper writes them"),
    "folder in its place": (_folder_in_place, "a folder is where the file should be"),
    "link to itself": (_link_to_itself, "the computer couldn't read it (Too many levels of symbolic links)"),
    "unreadable": (_unreadable, "this computer doesn't let xerohelper read it"),
}


@pytest.fixture
def heard():
    words: list[str] = []
    damaged_files.listen(words.append)
    yield words
    damaged_files.stop_listening(words.append)


def _kept_path(words: str) -> str:
    return re.search(r"kept, as it was, at (.+?\.json)\. ", words).group(1)


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_an_unreadable_settings_file_is_set_aside_and_defaults_used(tmp_path, heard, kind):
    damage, why = DAMAGE[kind]
    path = tmp_path / SETTINGS_FILE_NAME
    damage(path)
    before = sorted(p.name for p in tmp_path.iterdir())

    settings = Settings.load(tmp_path)
    assert settings.section_names() == [] and settings.connection() == ConnectionSettings()
    assert len(heard) == 1 and heard[0].startswith(SETTINGS_WORDS + why)
    assert DEFAULTS_WORDS in heard[0]
    kept = _kept_path(heard[0])
    assert os.path.lexists(kept) and not os.path.lexists(path)
    assert sorted(p.name for p in tmp_path.iterdir()) != before

    Settings.load(tmp_path)  # read again: nothing more to say
    settings.set_section("mapping", {"customer_contact": "POS Sales"})
    settings.save()
    assert len(heard) == 1
    assert Settings.load(tmp_path).get_section("mapping") == {"customer_contact": "POS Sales"}


def test_the_kept_file_is_unchanged_and_named_after_the_original(tmp_path, heard):
    path = tmp_path / SETTINGS_FILE_NAME
    _random_bytes(path)
    original = path.read_bytes()
    Settings.load(tmp_path)
    kept = _kept_path(heard[0])
    assert re.fullmatch(r"settings\.damaged-\d{4}-\d\d-\d\d-\d{6}\.json", os.path.basename(kept))
    with open(kept, "rb") as file:
        assert file.read() == original


def test_a_second_damaged_file_in_the_same_second_gets_its_own_name(tmp_path, heard):
    for _ in range(2):
        _bad_json(tmp_path / SETTINGS_FILE_NAME)
        Settings.load(tmp_path)
    kept = {_kept_path(words) for words in heard}
    assert len(kept) == 2 and all(os.path.exists(k) for k in kept)


def _settings_file():
    folder = AppFolders.for_this_user().settings
    folder.mkdir(parents=True, exist_ok=True)
    return folder / SETTINGS_FILE_NAME


@pytest.mark.parametrize(
    "command",
    [["status"], ["status", "--offline", "--json"], ["day", "status", "--date", "2026-11-21"]],
    ids=" ".join,
)
@pytest.mark.parametrize("kind", ["random bytes", "bad JSON", "folder in its place"])
def test_commands_say_it_once_on_stderr_and_carry_on(capsys, command, kind):
    damage, why = DAMAGE[kind]
    damage(_settings_file())
    code = main(command)
    out, err = capsys.readouterr()
    assert err.count(SETTINGS_WORDS) == 1 and why in err and DEFAULTS_WORDS in err
    assert "Traceback" not in err and "Error" not in err
    assert os.path.lexists(_kept_path(err))
    if command[0] == "status":
        assert code == 0 and ("Not connected" in out or '"connected": false' in out)
    else:
        assert code == 3 and "isn't connected to Xero yet" in err

    main(command)  # the next command finds no damaged file: nothing to say
    assert SETTINGS_WORDS not in capsys.readouterr().err


def test_day_run_with_a_damaged_settings_file_says_so_and_asks_to_connect(tmp_path, capsys):
    _random_bytes(_settings_file())
    code = main(["day", "run", "--date", "2026-11-21"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.count(SETTINGS_WORDS) == 1
    assert "Run 'xerohelper connect' first." in err


def test_a_saved_shop_set_up_that_cannot_be_read_starts_shop_setup_again(tmp_path, heard):
    from xerohelper.services.shop_mapping import load_mapping

    broken = {"format": "xerohelper-mapping", "version": 1, "sales": {"Hardware": "200"}}
    (tmp_path / SETTINGS_FILE_NAME).write_text(json.dumps({"mapping": {"T1": broken}}))
    assert load_mapping(tmp_path, "T1") is None
    assert load_mapping(tmp_path, "T1") is None
    assert heard == [
        "The shop's set-up saved in xerohelper's settings file couldn't be read. xerohelper carries on as if "
        "the shop wasn't set up yet: open Shop setup to choose the accounts again (or import the mapping "
        "file you exported, if you have one)."
    ]
    assert (tmp_path / SETTINGS_FILE_NAME).exists()  # the rest of the settings stay as they are


def test_threads_reading_a_damaged_file_at_once_set_it_aside_once(tmp_path, heard):
    import threading

    _bad_json(tmp_path / SETTINGS_FILE_NAME)
    start = threading.Barrier(8)
    loaded = []

    def load():
        start.wait()
        loaded.append(Settings.load(tmp_path).section_names())

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loaded == [[]] * 8
    assert len(heard) == 1 and heard[0].startswith(SETTINGS_WORDS) and "couldn't move it" not in heard[0]
