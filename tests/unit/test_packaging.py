"""The Dockerfile installs exactly what the README's commands install."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _pip_installs(text: str) -> list[str]:
    joined = re.sub(r"\\\n\s*", " ", text)  # shell line continuations
    return [" ".join(m.split()) for m in re.findall(r"pip install ([^\n&]+)", joined)]


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


def _declared(requirements: list[str]) -> list[str]:
    """The package names of pyproject.toml requirements ("fpdf2>=2.8,<3" -> "fpdf2")."""
    return [re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0] for requirement in requirements]


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pinned(*locks: str) -> set[str]:
    text = "\n".join((ROOT / lock).read_text() for lock in locks)
    return {_normalised(name) for name in re.findall(r"^([A-Za-z0-9._-]+)==", text, re.M)}


def test_runtime_lock_pins_every_declared_dependency():
    """A fresh machine installs only from the locks: a dependency added to pyproject.toml
    (fpdf2 and segno for certificates, issue 15) must be pinned there too."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = _pinned("requirements.lock")
    for name in _declared(project["dependencies"]):
        assert _normalised(name) in runtime, name
    development = _pinned("requirements.lock", "requirements-dev.lock")
    for name in _declared(project["optional-dependencies"]["dev"]):
        assert _normalised(name) in development, name


def _pins(lock: str) -> list[str]:
    """Each requirement of a lock file with its hash lines joined onto it."""
    joined = re.sub(r"\\\n\s*", " ", (ROOT / lock).read_text())
    return [
        line for line in joined.splitlines() if line.strip() and not line.startswith(("#", "-r"))
    ]


def test_every_pin_carries_hashes_and_every_install_requires_them():
    """Issue 11: a tampered or re-uploaded file is refused, on a laptop and in the image."""
    for lock in ("requirements-build.lock", "requirements.lock", "requirements-dev.lock"):
        pins = _pins(lock)
        assert pins, lock
        for pin in pins:
            assert re.match(r"^[A-Za-z0-9._-]+==\S+( +--hash=sha256:[0-9a-f]{64})+$", pin), pin
    build = " ".join(_pins("requirements-build.lock"))
    assert "pip==" in build and "setuptools==" in build
    for script in ("scripts/setup.sh", "Dockerfile"):
        steps = _pip_installs((ROOT / script).read_text())
        assert len(steps) == 3, script
        assert all("--require-hashes" in step for step in steps[:2]), script
        # The project itself is built with the pinned setuptools, not a fresh unpinned one.
        assert "--no-build-isolation" in steps[2], script


def test_the_docker_base_image_is_an_exact_release():
    """Issue 11: not a moving tag such as python:3.11-slim."""
    docker = (ROOT / "Dockerfile").read_text()
    base = re.search(r"^FROM (\S+)", docker, re.M)
    assert base is not None
    assert re.fullmatch(r"python:3\.\d+\.\d+-slim-[a-z]+(@sha256:[0-9a-f]{64})?", base[1])
