"""How long the installed (frozen) xerohelper takes from launch to its window, against a bare PySide6
window frozen the same way (PyInstaller one-folder, windowed, stripped). A benchmark, not a test.

    .venv/bin/python packaging/measure_start.py [--runs 15] [--app dist/xerohelper/xerohelper]
        [--platform offscreen|xcb]

Each launch is timed from spawning the process to the "shown ok" line both print once their window is up
and the event loop answers (xerohelper: XEROHELPER_SMOKE=1). Launches alternate between the two, in a
fresh HOME each time; the medians and their ratio are printed. The bare window is built once into
build/bare/ (PyInstaller from the package extra). --platform xcb runs under Xvfb (must be installed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = ROOT / "build" / "bare" / "dist" / "bare_window" / "bare_window"


def build_bare() -> None:
    if BARE.exists():
        return
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir", "--windowed", "--strip",
            "--log-level", "WARN", "--exclude-module", "tkinter",
            "--distpath", str(BARE.parent.parent), "--workpath", str(ROOT / "build" / "bare" / "work"),
            "--specpath", str(ROOT / "build" / "bare"), str(ROOT / "packaging" / "bare_window.py"),
        ],
        check=True,
    )  # fmt: skip


def launch(command: list[str], env: dict) -> float:
    home = tempfile.mkdtemp(prefix="xh-measure-")
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env={**env, "HOME": home, "XDG_RUNTIME_DIR": home}, stdout=subprocess.PIPE, text=True
    )
    line = process.stdout.readline()
    took = time.perf_counter() - started
    process.wait(30)
    process.stdout.close()
    shutil.rmtree(home, ignore_errors=True)
    if not line.startswith("shown ok"):
        raise SystemExit(f"{command[0]} did not show its window: {line!r}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--app", default=str(ROOT / "dist" / "xerohelper" / "xerohelper"))
    parser.add_argument("--platform", choices=("offscreen", "xcb"), default="offscreen")
    args = parser.parse_args()
    build_bare()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "XEROHELPER_SMOKE": "1"}
    xvfb = None
    if args.platform == "xcb":
        display = ":93"
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
        time.sleep(1.0)
        env["DISPLAY"] = display
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        timings: dict[str, list[float]] = {"xerohelper": [], "bare window": []}
        for command in ([args.app], [str(BARE)]) * 2:  # warm the disk cache for both
            launch(command, env)
        for _ in range(args.runs):
            timings["xerohelper"].append(launch([args.app], env))
            timings["bare window"].append(launch([str(BARE)], env))
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, values in timings.items():
        print(f"{name:12} median {medians[name] * 1000:6.0f} ms  (min {min(values) * 1000:.0f}, "
              f"max {max(values) * 1000:.0f}, {len(values)} runs, {args.platform})")  # fmt: skip
    print(f"ratio xerohelper / bare window: {medians['xerohelper'] / medians['bare window']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
