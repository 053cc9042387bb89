"""A progress bar on stderr for terminals; silent otherwise. Implements ScanObserver."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exposure_scan.messages import say, say_n
from exposure_scan.models import ProviderRun, RunStatus

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress

# How a source ended, in the report's words (templates/_labels.j2, the same msgids).
STATUS = {"unchecked": "NOT checked", "skipped": "skipped", "disabled": "switched off",
          "not_configured": "not configured", "interrupted": "INTERRUPTED"}


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class Progress:
    def __init__(self, *, enabled: bool, lang: str = "en") -> None:
        self.enabled = enabled
        self.lang = lang  # the user's language (exposure_scan.messages)
        self._bar: RichProgress | None = None
        self._task: object = None
        self.running: list[str] = []  # asked now, in the order they started

    def on_start(self, total: int) -> None:
        if not self.enabled:
            return
        # rich is imported for a terminal only: a quiet or cron run never draws a bar
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            TextColumn(f"[bold]{say(self.lang, 'Scanning')}[/bold] {{task.description}}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(self.description(), total=total)

    def description(self) -> str:
        """What is running now: `searxng, rdap` (or `sources` between two)."""
        return ", ".join(self.running) or say(self.lang, "sources")

    def on_provider_start(self, provider: str) -> None:
        self.running.append(provider)
        if self._bar is not None:
            self._bar.update(self._task, description=self.description())  # type: ignore[arg-type]

    def on_provider_done(self, run: ProviderRun) -> None:
        if run.provider in self.running:
            self.running.remove(run.provider)
        if self._bar is None:
            return
        status = STATUS.get(run.status.value, run.status.value)
        mark = "" if run.status is RunStatus.CHECKED else f" ({say(self.lang, status)})"
        found = say_n(self.lang, "%(n)s result", "%(n)s results", run.observations)
        self._bar.console.print(f"  {run.provider}: {found}{mark}")
        self._bar.update(
            self._task, advance=1, description=self.description()  # type: ignore[arg-type]
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
