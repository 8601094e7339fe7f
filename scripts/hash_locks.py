"""Writes every file hash PyPI lists for each pinned `name==version` into the lock files.

Run after changing a pin: `python3 scripts/hash_locks.py requirements*.lock`. Each pin gets the
sha256 of all its published files (every platform's wheel and the sdist), so
`pip install --require-hashes` works on any machine and refuses anything else.
"""

from __future__ import annotations

import json
import re
import sys
import urllib.request
from pathlib import Path

INDEX = "https://pypi.org/simple/{name}/"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\;]+)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def file_version(filename: str, name: str) -> str | None:
    """The version part of a wheel or sdist file name of `name`."""
    stem = re.sub(r"\.(whl|tar\.gz|zip)$", "", filename)
    prefix = re.sub(r"[-_.]+", "[-_.]+", re.escape(normalise(name)).replace("\\-", "-"))
    match = re.match(rf"(?i){prefix}-([^-]+)", stem)
    return match[1] if match else None


def hashes(name: str, version: str) -> list[str]:
    request = urllib.request.Request(
        INDEX.format(name=normalise(name)),
        headers={"Accept": "application/vnd.pypi.simple.v1+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        files = json.load(answer)["files"]
    found = sorted(
        {
            f["hashes"]["sha256"]
            for f in files
            if not f.get("yanked") and file_version(f["filename"], name) == version
        }
    )
    if not found:
        raise SystemExit(f"PyPI lists no files for {name}=={version}")
    return found


def rewrite(path: Path) -> None:
    out: list[str] = []
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("--hash") or not stripped:
            continue  # old hash lines are rebuilt below; blank lines dropped
        match = PIN.match(stripped)
        if not match:
            out.append(line)
            continue
        name, version = match[1], match[2]
        lines = [f"{name}=={version} \\"]
        digests = hashes(name, version)
        lines += [
            f"    --hash=sha256:{digest}" + (" \\" if i < len(digests) - 1 else "")
            for i, digest in enumerate(digests)
        ]
        out.extend(lines)
        print(f"{path.name}: {name}=={version}: {len(digests)} file(s)")
    path.write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        rewrite(Path(argument))
