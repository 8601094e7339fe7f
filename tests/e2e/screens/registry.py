"""Every flow the screens show, in the order they are played (each after the ones before)."""

from __future__ import annotations

from tests.e2e.screens.after_course import AFTER_COURSE_FLOWS
from tests.e2e.screens.flows import FLOWS as COURSE_FLOWS
from tests.e2e.screens.flows import Flow

FLOWS: dict[str, tuple[str, Flow]] = {**COURSE_FLOWS, **AFTER_COURSE_FLOWS}
