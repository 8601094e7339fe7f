"""The secret key of each anonymous survey, in a file beside the database and never in it.

An anonymous survey's drafts and its finished-but-not-yet-released responses are stored
encrypted (AES-GCM) with a key kept in `<database>.keys/survey-<id>.key`. Backups copy only the
database file, so no backup can read them; the key file is deleted when the survey closes (after
its responses were released as plaintext rows with fresh random ids), so from then on nothing
anywhere can tell whose response is whose (issue 11).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path

KEY_BYTES = 32
NONCE_BYTES = 12
_LENGTH = struct.Struct(">I")
_KEY_FILE = re.compile(r"^survey-(\d+)\.key$")


class SurveyKeys:
    """The key files of one database: `<database path>.keys/`, a 0700 folder of 0600 files."""

    def __init__(self, database_path: Path) -> None:
        self.folder = database_path.with_name(database_path.name + ".keys")

    def path(self, survey_id: int) -> Path:
        return self.folder / f"survey-{survey_id}.key"

    def get(self, survey_id: int) -> bytes | None:
        """The survey's key; None if its file is missing (or not a key)."""
        try:
            key = self.path(survey_id).read_bytes()
        except FileNotFoundError:
            return None
        return key if len(key) == KEY_BYTES else None

    def get_or_create(self, survey_id: int) -> bytes:
        """The survey's key, created (32 random bytes) the first time it is needed."""
        key = self.get(survey_id)
        if key is not None:
            return key
        # mkdir's mode is reduced by the umask, and an existing folder keeps its own: set both.
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        key = secrets.token_bytes(KEY_BYTES)
        # Written aside and renamed, so a crash never leaves a truncated key behind.
        temporary = self.folder / f".survey-{survey_id}.key.new"
        temporary.unlink(missing_ok=True)
        fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            os.write(fd, key)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, self.path(survey_id))
        _sync_folder(self.folder)
        return key

    def delete(self, survey_id: int) -> bool:
        """Destroy the key; True if there was one."""
        path = self.path(survey_id)
        if not path.exists():
            return False
        path.unlink()
        _sync_folder(self.folder)
        return True

    def survey_ids(self) -> list[int]:
        """The surveys that have a key file."""
        if not self.folder.is_dir():
            return []
        found = (_KEY_FILE.match(path.name) for path in self.folder.iterdir())
        return sorted(int(match[1]) for match in found if match)


@dataclass(frozen=True)
class Sealer:
    """Encrypts and decrypts one anonymous survey's records.

    Every plaintext is padded to `size` bytes (the most the survey's questions allow), so the
    length of a ciphertext says nothing about the answers in it.
    """

    keys: SurveyKeys
    survey_id: int
    size: int

    def seal(self, plaintext: bytes, context: str) -> bytes:
        """Nonce + AES-GCM ciphertext; `context` (what the record is, and whose) is bound to it
        as associated data, so a record cannot be moved to another row or survey."""
        if len(plaintext) > self.size:
            raise ValueError(f"record of {len(plaintext)} bytes exceeds {self.size}")
        padded = _LENGTH.pack(len(plaintext)) + plaintext + bytes(self.size - len(plaintext))
        # Imported here: cryptography adds some 6 MB to every process that imports it, and
        # only anonymous surveys need it (issue 16).
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = secrets.token_bytes(NONCE_BYTES)
        key = self.keys.get_or_create(self.survey_id)
        return nonce + AESGCM(key).encrypt(nonce, padded, self._data(context))

    def open(self, sealed: bytes, context: str) -> bytes | None:
        """The plaintext; None if the key is missing or is not the one it was sealed with."""
        key = self.keys.get(self.survey_id)
        if key is None:
            return None
        from cryptography.exceptions import InvalidTag  # imported late: see seal()
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            padded = AESGCM(key).decrypt(
                sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], self._data(context)
            )
        except InvalidTag:
            return None
        (length,) = _LENGTH.unpack_from(padded)
        return padded[_LENGTH.size : _LENGTH.size + length]

    def _data(self, context: str) -> bytes:
        return f"survey {self.survey_id} {context}".encode()


def _sync_folder(folder: Path) -> None:
    """Make a created or deleted file name durable (best effort: not every OS allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
