# An exact Python release on an exact Debian release (not a moving tag).
FROM python:3.11.14-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATABASE_PATH=/data/bot.sqlite3 \
    MPLBACKEND=Agg

RUN useradd --create-home --uid 10001 bot \
    && mkdir -p /data \
    && chown bot:bot /data

WORKDIR /app
COPY requirements-build.lock requirements.lock pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY locales ./locales

# The same three install steps as scripts/setup.sh (tests/unit/test_packaging.py checks it):
# pinned pip and setuptools, then the locked dependencies, every file checked by its hash.
RUN python -m pip install --quiet --disable-pip-version-check --no-cache-dir \
        --require-hashes -r requirements-build.lock \
    && pip install --quiet --disable-pip-version-check --no-cache-dir \
        --require-hashes -r requirements.lock \
    && pip install --quiet --disable-pip-version-check --no-cache-dir \
        --no-deps --no-build-isolation -e .

USER bot
# matplotlib's font cache, built once here instead of on the first survey chart.
RUN python -c "import matplotlib.font_manager"
VOLUME ["/data"]
# Configuration, database (opened, migrated, quick_check) and Telegram (getMe): one line each.
HEALTHCHECK --interval=5m --timeout=40s --start-period=30s --retries=2 \
    CMD ["python", "-m", "bot", "check"]
CMD ["python", "-m", "bot"]
