"""Sets of instants as sorted, disjoint, closed intervals of whole minutes since the epoch (UTC)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

__all__ = ["EMPTY", "MINUTE", "Domain", "from_minutes", "to_minutes"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Made once: building a timedelta from keywords costs more than the arithmetic done with it.
MINUTE = timedelta(minutes=1)

Interval = tuple[int, int]


def to_minutes(moment: datetime) -> int:
    """Whole minutes since the epoch; a moment inside a minute counts as that minute."""
    return int((moment - _EPOCH) // MINUTE)


def from_minutes(minutes: int) -> datetime:
    return _EPOCH + MINUTE * minutes


class Domain:
    """An immutable union of closed integer intervals."""

    # Domains are hashed over and over as memo keys during propagation: the hash is kept.
    __slots__ = ("_hash", "spans")

    def __init__(self, spans: Iterable[Interval] = ()) -> None:
        merged: list[list[int]] = []
        for low, high in sorted(s for s in spans if s[0] <= s[1]):
            if merged and low <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], high)
            else:
                merged.append([low, high])
        self.spans: tuple[Interval, ...] = tuple((a, b) for a, b in merged)
        self._hash: int | None = None

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, Domain) and self.spans == other.spans)

    def __hash__(self) -> int:
        found = self._hash
        if found is None:
            found = self._hash = hash(self.spans)
        return found

    def __repr__(self) -> str:
        return f"Domain({[(str(from_minutes(a)), str(from_minutes(b))) for a, b in self.spans]})"

    @property
    def low(self) -> int:
        return self.spans[0][0]

    @property
    def high(self) -> int:
        return self.spans[-1][1]

    def width(self) -> int:
        return self.high - self.low if self.spans else -1

    def intersect(self, other: Domain) -> Domain:
        # Fast paths (most propagation steps change nothing): a single interval that holds
        # all of the other domain leaves it as it is.
        if not self.spans or not other.spans:
            return EMPTY if self.spans else self
        if len(other.spans) == 1 and other.spans[0][0] <= self.spans[0][0] and self.spans[-1][1] <= other.spans[0][1]:
            return self
        if len(self.spans) == 1 and self.spans[0][0] <= other.spans[0][0] and other.spans[-1][1] <= self.spans[0][1]:
            return other
        out = []
        i = j = 0
        a, b = self.spans, other.spans
        while i < len(a) and j < len(b):
            low = max(a[i][0], b[j][0])
            high = min(a[i][1], b[j][1])
            if low <= high:
                out.append((low, high))
            if a[i][1] < b[j][1]:
                i += 1
            else:
                j += 1
        return _normal(tuple(out))  # pieces of disjoint, non-adjacent spans stay so

    def union(self, other: Domain) -> Domain:
        if self.spans == other.spans or not other.spans:
            return self
        if not self.spans:
            return other
        if len(self.spans) == 1 and len(other.spans) == 1:
            # Two intervals: one sorted merge, no general normalisation.
            (a, b), (c, d) = sorted((self.spans[0], other.spans[0]))
            return _normal(((a, max(b, d)),) if c <= b + 1 else ((a, b), (c, d)))
        return Domain(self.spans + other.spans)

    def shift(self, low: int, high: int) -> Domain:
        """{x + d : x in self, low <= d <= high} (Minkowski sum with an interval)."""
        if len(self.spans) == 1 and low <= high:
            ((a, b),) = self.spans
            return _normal(((a + low, b + high),))
        if low > high:
            return Domain((a + low, b + high) for a, b in self.spans)
        merged: list[list[int]] = []
        for a, b in self.spans:  # still sorted by their starts: merge in one pass
            a, b = a + low, b + high
            if merged and a <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        return _normal(tuple((a, b) for a, b in merged))

    def covers(self, other: Domain) -> bool:
        return self.intersect(other) == other


def _normal(spans: tuple[Interval, ...]) -> Domain:
    """A domain from spans already sorted, disjoint and not adjacent (no checks)."""
    domain = Domain.__new__(Domain)
    domain.spans = spans
    domain._hash = None
    return domain


EMPTY = Domain()
