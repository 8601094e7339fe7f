"""Bot API methods on files: documents, photos, getFile (and the download it enables)."""

from __future__ import annotations

from tests.e2e.emulator.methods import MethodFamily
from tests.e2e.emulator.methods.compose import Composer, caption, photo_sizes
from tests.e2e.emulator.model import Files, Params, bad
from tests.e2e.emulator.params import chat_id
from tests.e2e.emulator.store import Store


class MediaMethods(MethodFamily):
    METHODS = ("sendDocument", "sendPhoto", "getFile")

    def __init__(self, store: Store, composer: Composer) -> None:
        self.store = store
        self.compose = composer

    async def send_document(self, params: Params, files: Files) -> Params:
        chat = chat_id(params)
        stored = self.compose.input_file("document", params, files)
        message = self.compose.new_message(chat, params)
        message["document"] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": stored.filename,
            "mime_type": stored.mime_type,
            "file_size": len(stored.data),
        }
        text, plain = caption(params, message)
        self.compose.keep(
            message,
            "sendDocument",
            params,
            plain,
            caption=text,
            document=(stored.filename, stored.data),
        )
        return message

    async def send_photo(self, params: Params, files: Files) -> Params:
        chat = chat_id(params)
        stored = self.compose.input_file("photo", params, files)
        message = self.compose.new_message(chat, params)
        message["photo"] = photo_sizes(stored)
        text, plain = caption(params, message)
        self.compose.keep(message, "sendPhoto", params, plain, caption=text, photo=stored.data)
        return message

    async def get_file(self, params: Params, files: Files) -> Params:
        stored = self.store.files.get(str(params.get("file_id") or ""))
        if stored is None:
            raise bad("invalid file_id")
        path = f"documents/{stored.file_unique_id}_{stored.filename}"
        self.store.file_paths[path] = stored.file_id
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": path,
        }

    def download(self, path: str) -> bytes | None:
        """The content behind a file_path that getFile handed out, or None."""
        file_id = self.store.file_paths.get(path)
        return None if file_id is None else self.store.files[file_id].data
