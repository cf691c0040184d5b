"""What every live channel shares: the query, a token bucket per platform, and retries
that honour Retry-After, all over the safe client."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import ClassVar, Literal, Protocol

from hallmark.channels.base import Channel
from hallmark.channels.fetch import Fetched, SafeClient, redact
from hallmark.errors import FetchRefused, HallmarkError

QueryKind = Literal["keyword", "seller", "url"]


class CredentialsRefused(HallmarkError):
    """The platform refused the credentials (401/403); the message names the setting."""


@dataclass(frozen=True, slots=True)
class Query:
    """What to look for: a keyword or hashtag, a seller or account, or one listing url."""

    kind: QueryKind
    value: str
    limit: int = 200


class LiveChannel(Channel, Protocol):
    """A channel that can also fetch from the platform's API."""

    setting: ClassVar[str]
    """The HALLMARK_* setting that holds its credentials."""

    terms: ClassVar[str]
    """What the platform's terms allow, in one sentence, shown when it is enabled."""

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """The platform's responses to `query`, page by page, each ready for `parse`."""
        ...


def page_json(page: Fetched) -> dict[str, object]:
    """The page's body as a JSON object, or {} when it is not one."""
    try:
        document = json.loads(page.body)
    except ValueError:
        return {}
    return document if isinstance(document, dict) else {}


class TokenBucket:
    """At most `rate` requests a second on average, in bursts of up to `burst`."""

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.rate = rate
        self.burst = burst
        self._tokens = float(burst)
        self._clock = clock
        self._sleep = sleep
        self._last = clock()

    def take(self) -> None:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if self._tokens < 1:
            wait = (1 - self._tokens) / self.rate
            self._sleep(wait)
            self._last = self._clock()
            self._tokens = 1.0
        self._tokens -= 1


@dataclass
class Retrying:
    """Retries on 429, 5xx and timeouts with exponential backoff, honouring Retry-After."""

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    def get(
        self,
        http: SafeClient,
        url: str,
        *,
        headers: dict[str, str],
        bucket: TokenBucket,
        setting: str,
        content: bytes | None = None,
    ) -> Fetched:
        """The first successful response; CredentialsRefused on 401/403; FetchRefused when
        the retries run out, saying what the last attempt got."""
        last = ""
        for attempt in range(self.attempts):
            bucket.take()
            try:
                if content is None:
                    fetched = http.get(url, headers=headers)
                else:
                    fetched = http.post(url, headers=headers, content=content)
            except FetchRefused as exc:
                if not str(exc).startswith("timed out"):
                    raise
                last = str(exc)
                self.sleep(self._backoff(attempt))
                continue
            if fetched.status in (401, 403):
                raise CredentialsRefused(f"{redact(url)}: HTTP {fetched.status}; check {setting}")
            if fetched.status == 429 or fetched.status >= 500:
                last = f"HTTP {fetched.status}"
                self.sleep(self._delay(fetched, attempt))
                continue
            return fetched
        raise FetchRefused(f"gave up on {redact(url)} after {self.attempts} attempts: {last}")

    def _delay(self, fetched: Fetched, attempt: int) -> float:
        header = fetched.headers.get("retry-after") or fetched.headers.get("Retry-After")
        if header:
            header = header.strip()
            if header.isdigit():
                return min(float(header), self.max_delay)
            try:
                when = parsedate_to_datetime(header)
            except (TypeError, ValueError):
                pass
            else:
                wait = float((when - self.clock()).total_seconds())
                return min(max(0.0, wait), self.max_delay)
        return self._backoff(attempt)

    def _backoff(self, attempt: int) -> float:
        return float(min(self.base_delay * 2**attempt, self.max_delay))
