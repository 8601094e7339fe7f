# Sourced by run.sh and test.sh: makes .venv and installs the locked dependencies once.
# Re-running is quick: nothing is installed again until a lock file or pyproject.toml changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

ensure_venv() {
    local profile="$1" lock="$2" stamp digest
    stamp="$VENV/.installed-$profile"
    digest="$(cat "$ROOT/requirements-build.lock" "$ROOT/requirements.lock" "$ROOT/$lock" \
        "$ROOT/pyproject.toml" | cksum)"
    if [[ -x "$VENV/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$digest" ]]; then
        return 0
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "Python 3.11 or newer is needed as '$PYTHON' (set PYTHON=/path/to/python3.11)." >&2
        exit 1
    fi
    [[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV"
    echo "Installing dependencies into .venv (first run only) ..." >&2
    (
        cd "$ROOT"
        # shellcheck disable=SC1091
        source "$VENV/bin/activate"
        # The same three install steps as the Dockerfile (tests/unit/test_packaging.py checks
        # it): a pinned pip and build backend, the locked dependencies, then this project. Every
        # file is checked against the hashes in the lock files; nothing unpinned is fetched.
        python -m pip install --quiet --disable-pip-version-check --no-cache-dir \
            --require-hashes -r requirements-build.lock &&
            pip install --quiet --disable-pip-version-check --no-cache-dir \
                --require-hashes -r "$lock" &&
            pip install --quiet --disable-pip-version-check --no-cache-dir \
                --no-deps --no-build-isolation -e .
    ) >&2
    echo "$digest" >"$stamp"
}
