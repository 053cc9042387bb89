"""The page inspector: reads the pages other providers found, as a stranger would.

`PageInspector` fetches the pages politely (robots.txt, size cap) and turns them into
observations. Reading a page (`page.read_page`, `pdftext.read_pdf`) runs in a worker thread
with a time budget, so a hostile page neither holds up the event loop nor keeps Ctrl-C from
working; a page over its budget is unchecked with that reason. The same worker step hashes
the body, builds the observation and hands it to the scan (`ProviderContext.prepare`, which
matches it there): the loop only fetches.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import hashlib
import os
import time
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ClassVar, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import Field

from exposure_scan import bodies
from exposure_scan.controls import visible_url
from exposure_scan.errors import NoneRead, OverBudget, ProviderError, reason_for
from exposure_scan.http import REDIRECT_CHAIN
from exposure_scan.models import Observation, PartReason, ReasonParams
from exposure_scan.page import PageFacts, read_page, read_text
from exposure_scan.pdftext import read_pdf
from exposure_scan.provider import (
    PAGE_READER_STAGE,
    Provider,
    ProviderContext,
    ProviderOptions,
    Query,
    QueryField,
)

__all__ = ["InspectorOptions", "PageInspector", "read_body", "read_page"]

HTML_TYPES = ("text/html", "application/xhtml")
PDF_TYPES = ("application/pdf", "application/x-pdf")
GRACE_S = 0.5  # past the budget, the worker is given up on (it stops at its next check)
T = TypeVar("T")


@functools.cache
def _readers() -> ThreadPoolExecutor:
    """Threads of their own: a slow page never holds up the loop's default executor, which
    also resolves host names."""
    return ThreadPoolExecutor(os.cpu_count() or 2, thread_name_prefix="page-reader")


# Fetched bodies may wait for a reader in memory up to this many bytes in all; beyond, they
# wait on disk (with a spool). Writing each to disk and back costs the event loop more than
# fetching it; a cap keeps memory flat however many pages arrive ahead of the readers.
WAITING_IN_MEMORY = 8 * 1024 * 1024


class _Queue:
    """The pages waiting for a reader thread, per event loop: one slot per thread, and the
    bytes of the bodies waiting in memory."""

    def __init__(self, threads: int) -> None:
        self.slots = asyncio.Semaphore(threads)
        self.waiting = 0


_QUEUES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Queue] = (
    weakref.WeakKeyDictionary()
)


def _queue() -> _Queue:
    """A page's time budget counts from when a thread takes it, not while it waits behind
    other pages (1,000 pages fetched at loopback speed would otherwise all run out of time
    in the queue)."""
    loop = asyncio.get_running_loop()
    queue = _QUEUES.get(loop)
    if queue is None:
        queue = _QUEUES[loop] = _Queue(_readers()._max_workers)
    return queue


def _hold(body: bytes) -> bytes | bodies.Parked:
    """The body as it waits for a reader: in memory, or on disk when every reader is busy
    and the bodies already waiting fill WAITING_IN_MEMORY (only with a spool in use)."""
    queue = _queue()
    if queue.slots.locked() and queue.waiting + len(body) > WAITING_IN_MEMORY:
        parked = bodies.park(body)
        if parked is not None:
            return parked
    return body


def _reader(content_type: str, body: bytes) -> str:
    """Which reader a response needs: "html", "text", "pdf", or "" for none."""
    if any(t in content_type for t in PDF_TYPES) or (
        body.startswith(b"%PDF-")
        and ("octet-stream" in content_type or not content_type.strip())
    ):
        return "pdf"
    if any(t in content_type for t in HTML_TYPES) or not content_type.strip():
        return "html"
    if "text/plain" in content_type:
        return "text"
    return ""


def read_body(kind: str, body: bytes, content_type: str, budget: float) -> PageFacts:
    """Pure: the facts of one fetched body, by its reader; `OverBudget` after `budget` s."""
    # The clock starts here, in the worker: time queued behind other pages does not count.
    deadline = time.monotonic() + budget
    if kind == "pdf":
        return read_pdf(body, deadline=deadline)
    if kind == "text":
        return read_text(body, content_type)
    return read_page(body, content_type, deadline=deadline)


def _served_url(found: str, response: httpx.Response) -> str:
    """The URL that served the content: the last hop of any redirect, else the one found
    (as found: httpx would show it percent-encoded, with an IDN host in punycode)."""
    if len(response.extensions.get(REDIRECT_CHAIN, ())) == 1:  # the fetcher's: not redirected
        return visible_url(found)
    try:
        if response.url == httpx.URL(found):
            return visible_url(found)
    except (httpx.InvalidURL, RuntimeError):  # RuntimeError: a response built with no request
        return visible_url(found)
    return visible_url(str(response.url))


class InspectorOptions(ProviderOptions):
    page_parse_seconds: float = Field(
        default=5.0, gt=0, le=120, description="seconds to read one page before giving it up"
    )


class PageInspector(Provider):
    """Reads the result pages other providers found. Sends only their URLs."""

    name: ClassVar[str] = "inspector"
    title: ClassVar[str] = "Page inspector (reads the pages found)"
    sends = frozenset({QueryField.FOUND_URL})
    stage: ClassVar[int] = PAGE_READER_STAGE
    default_rate_limit: ClassVar[float] = 1.0
    Options: ClassVar[type[ProviderOptions]] = InspectorOptions

    @property
    def budget(self) -> float:
        options = self.options
        return options.page_parse_seconds if isinstance(options, InspectorOptions) else 5.0

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        titles = query.titles

        async def one(url: str) -> None:
            title = titles.get(url, "")
            shown = visible_url(url)
            try:
                observation = await self.read(url, ctx, title=title)
            except asyncio.CancelledError:
                # The source's time ran out or the scan was stopped mid-read: this page is
                # listed by URL, never left out as if it had shown nothing.
                ctx.note_unchecked(reason=PartReason.INTERRUPTED, url=shown, title=title)
                raise
            except ProviderError as exc:
                ctx.note_unchecked(str(exc), reason=reason_for(exc), url=shown, title=title)
            except Exception as exc:
                ctx.note_unchecked(reason=PartReason.UNREADABLE, url=shown, title=title,
                                   params=ReasonParams(kind=type(exc).__name__))
            else:
                if observation is not None:
                    ctx.keep(observation)

        # Pages on different hosts are read at the same time; the fetcher spaces each host.
        await asyncio.gather(*(one(url) for url in query.urls))
        if query.urls and not ctx.kept and ctx.unchecked_parts:
            raise NoneRead
        return list(ctx.kept)

    async def read(self, url: str, ctx: ProviderContext, title: str = "") -> Observation | None:
        """One page; None (with a note) when it may not or cannot be read."""
        shown = visible_url(url)
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):  # javascript:, file:, data: ... are no web pages
            ctx.note_unchecked(f"{scheme}:", reason=PartReason.NOT_HTML,
                               url=shown, title=title)
            return None
        if not await ctx.robots_allows(url):
            ctx.note_unchecked(reason=PartReason.ROBOTS, url=shown, title=title)
            return None
        response = await ctx.request("GET", url, fields=[QueryField.FOUND_URL])
        if response.status_code != 200:
            ctx.note_unchecked(
                f"HTTP {response.status_code}", reason=PartReason.HTTP_STATUS, url=shown,
                title=title,
            )
            return None
        served = _served_url(url, response)
        content_type = response.headers.get("Content-Type", "").lower()
        body = response.content
        kind = _reader(content_type, body)
        if not kind:
            ctx.note_unchecked(
                content_type.split(";")[0].strip(),
                reason=PartReason.NOT_HTML,
                url=served,
                title=title,
            )
            return None
        del response  # only its body is needed now, and may wait on disk
        held = _hold(body)  # pages may arrive faster than they are read
        del body
        partly: list[bool] = []  # set in the reader's thread

        def observe(facts: PageFacts, body: bytes) -> Observation:
            # In the reader's thread, right after reading: hashing the body, building the
            # observation and what the scan does with it (matching) keep off the event loop.
            bodies.keep(body)  # with --evidence: the bundle holds the body its hash is of
            partly.append(facts.partly_read)
            observation = Observation(
                provider=self.name,
                url=served,
                found_via=shown if served != shown else "",
                title=facts.title,
                source_kind=facts.kind,
                names=facts.names,
                addresses=facts.addresses,
                phones=facts.phones,
                emails=facts.emails,
                snippet=facts.description or facts.text[:280],
                body_sha256=hashlib.sha256(body).hexdigest(),
                extra={"publisher": facts.publisher} if facts.publisher else {},
            )
            # Every reader strips the controls from the text it lays out; validating it
            # again would scan the whole page once more.
            return ctx.prepare(observation.model_copy(update={"text": facts.text}))

        observation = await self.read_off_loop(kind, held, content_type, observe)
        if any(partly):  # what it showed counts; the rest is not "nothing found"
            ctx.note_unchecked(reason=PartReason.PARTLY_READ, url=served, title=title)
        return observation

    async def read_off_loop(
        self,
        kind: str,
        body: bytes | bodies.Parked,
        content_type: str,
        then: Callable[[PageFacts, bytes], T],
    ) -> T:
        """Read in a worker thread, then `then(facts, body)` in the same thread: the loop
        stays free, and the page has `budget` seconds.

        The reader looks at the clock as it goes and stops itself; the wait below is the
        backstop for time spent inside one call of the parser (or of `then`).
        """
        budget = self.budget
        loop = asyncio.get_running_loop()
        queue = _queue()
        waiting = len(body) if isinstance(body, bytes) else 0
        queue.waiting += waiting
        try:
            async with queue.slots:
                queue.waiting -= waiting
                waiting = 0
                # The worker sees this task's context (the spool in use).
                step = functools.partial(
                    contextvars.copy_context().run, _read_then, kind, body, content_type,
                    budget, then,
                )
                del body
                work = loop.run_in_executor(_readers(), step)
                del step
                try:
                    return await asyncio.wait_for(work, 2 * budget + GRACE_S)
                except TimeoutError:
                    raise OverBudget(f"reading it took longer than {budget:g} s") from None
        finally:
            queue.waiting -= waiting  # cancelled while it waited


def _read_then(
    kind: str,
    body: bytes | bodies.Parked,
    content_type: str,
    budget: float,
    then: Callable[[PageFacts, bytes], T],
) -> T:
    data = body.take() if isinstance(body, bodies.Parked) else body
    del body
    return then(read_body(kind, data, content_type, budget), data)
