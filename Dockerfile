FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATABASE_PATH=/data/bot.sqlite3 \
    MPLBACKEND=Agg

RUN useradd --create-home --uid 10001 bot \
    && mkdir -p /data \
    && chown bot:bot /data

WORKDIR /app
COPY requirements.lock pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY locales ./locales

# The same two install steps as scripts/setup.sh (tests/unit/test_packaging.py checks it).
RUN pip install --quiet --disable-pip-version-check --no-cache-dir -r requirements.lock \
    && pip install --quiet --disable-pip-version-check --no-cache-dir --no-deps -e .

USER bot
# matplotlib's font cache, built once here instead of on the first survey chart.
RUN python -c "import matplotlib.font_manager"
VOLUME ["/data"]
# Configuration, database (opened, migrated, quick_check) and Telegram (getMe): one line each.
HEALTHCHECK --interval=5m --timeout=40s --start-period=30s --retries=2 \
    CMD ["python", "-m", "bot", "check"]
CMD ["python", "-m", "bot"]
