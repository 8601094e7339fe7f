"""A course's participants as a download: the same XLSX and CSV files the chat's export sends,
made and audited by the same service method."""

from __future__ import annotations

from urllib.parse import quote

from aiohttp import web

from bot.web.context import ID, dashboard, viewer

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def setup(app: web.Application) -> None:
    # No HEAD: building a file audits an export, and a HEAD request reads nothing.
    app.router.add_get(
        f"/courses/{{course_id:{ID}}}/export.{{ext:xlsx|csv}}", export, allow_head=False
    )


async def export(request: web.Request) -> web.StreamResponse:
    who = viewer(request)
    ext = request.match_info["ext"]
    file = await dashboard(request).services.course_service.export_participants(
        int(request.match_info["course_id"]), as_xlsx=ext == "xlsx", t=who.t, actor=who.user_id
    )
    return web.Response(
        body=file.data,
        headers={
            "Content-Type": CONTENT_TYPES[ext],
            # filename* as well, should a file name ever hold more than ASCII.
            "Content-Disposition": (
                f'attachment; filename="{file.filename}"; '
                f"filename*=UTF-8''{quote(file.filename)}"
            ),
        },
    )
