"""An example exposure-scan provider: a fictional staff directory with a JSON API.

Declare what the provider sends (`sends`), ask through `ctx` (the shared fetcher: rate
limits, the query ledger, the network policy), return what the source shows unfiltered:
the matcher decides what is about the person.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from exposure_scan import (
    Observation,
    ParseError,
    Provider,
    ProviderContext,
    ProviderOptions,
    Query,
    QueryField,
    SourceKind,
)


class ExampleDirectoryOptions(ProviderOptions):
    """[providers.example_directory] keys in the config."""

    max_results: int = Field(default=20, ge=1, le=100, description="people read per name")


class ExampleDirectoryProvider(Provider[ExampleDirectoryOptions]):
    name = "example_directory"
    title = "Example staff directory"
    jurisdiction = "global"
    source_kind = SourceKind.DIRECTORY
    sends: ClassVar[frozenset[QueryField]] = frozenset({QueryField.NAME})
    default_base_url = "https://directory.example/api"
    enabled_by_default = False  # a plugin someone installed on purpose may still default off
    docs_url = "https://directory.example/docs"
    Options = ExampleDirectoryOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        found: list[Observation] = []
        for person in query.names:
            full = person.full or f"{person.given} {person.surname}"
            status, payload = await ctx.get_json(
                self.url("people"), params={"name": full}, fields=[QueryField.NAME]
            )
            if status == 404:
                continue
            found += parse_people(payload, self.name)[: self.options.max_results]
        return found


def parse_people(payload: Any, provider: str) -> list[Observation]:
    """Pure: the directory's answer -> one observation per person listed."""
    if not isinstance(payload, dict) or not isinstance(payload.get("people"), list):
        raise ParseError("directory answer has no `people` list")
    out = []
    for item in payload["people"]:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ParseError("directory entry without a `name`")
        out.append(
            Observation(
                provider=provider,
                url=str(item.get("url") or ""),
                title=item["name"],
                source_kind=SourceKind.DIRECTORY,
                names=[item["name"]],
                addresses=[str(item["city"])] if item.get("city") else [],
                phones=[str(item["phone"])] if item.get("phone") else [],
            )
        )
    return out
