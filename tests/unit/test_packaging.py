"""The Dockerfile installs exactly what the README's commands install."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _pip_installs(text: str) -> list[str]:
    return [" ".join(m.split()) for m in re.findall(r"pip install ([^\n&\\]+)", text)]


def test_dockerfile_install_steps_match_the_setup_script():
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    docker = (ROOT / "Dockerfile").read_text()
    expected = [step.replace('"$lock"', "requirements.lock") for step in _pip_installs(setup)]
    assert _pip_installs(docker) == expected
    assert 'CMD ["python", "-m", "bot"]' in docker
    assert "USER bot" in docker and "/data" in docker


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "./scripts/test.sh" in readme and "./scripts/run.sh" in readme
    assert ci.strip().splitlines()[-1] == "exec ./scripts/test.sh"


def test_runtime_lock_pins_every_declared_dependency():
    lock = (ROOT / "requirements.lock").read_text().lower()
    for name in ("aiogram", "aiosqlite", "apscheduler", "pydantic-settings", "fluent.runtime"):
        assert re.search(rf"^{re.escape(name)}==", lock, re.M), name
