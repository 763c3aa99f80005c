"""What a redaction replaced, counted by kind and rule: never the replaced values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from testimony_app.redaction.engine import FieldResult


@dataclass(frozen=True)
class RedactionReport:
    replaced: tuple[tuple[str, str, int], ...]  # (kind, rule, count), sorted
    kept_by_reviewer: int
    fields_dropped: tuple[str, ...]
    coarsened: tuple[tuple[str, int], ...]  # ("place" | "date" | "age", count)

    @classmethod
    def of(
        cls, results: Iterable[FieldResult], dropped: Iterable[str], coarsened: Counter[str]
    ) -> RedactionReport:
        counts: Counter[tuple[str, str]] = Counter()
        kept = 0
        more = Counter(coarsened)
        for result in results:
            for span in result.spans:
                counts[(span.kind.value, span.rule)] += 1
            kept += len(result.kept)
            for rewrite in result.rewrites:
                more[rewrite.what] += 1
        return cls(
            replaced=tuple(sorted((kind, rule, n) for (kind, rule), n in counts.items())),
            kept_by_reviewer=kept,
            fields_dropped=tuple(sorted(set(dropped))),
            coarsened=tuple(sorted(more.items())),
        )

    @property
    def total(self) -> int:
        return sum(count for _, _, count in self.replaced)

    def by_kind(self) -> dict[str, int]:
        totals: Counter[str] = Counter()
        for kind, _, count in self.replaced:
            totals[kind] += count
        return dict(sorted(totals.items()))

    def to_json(self) -> dict[str, object]:
        return {
            "replaced": [
                {"kind": kind, "rule": rule, "count": count} for kind, rule, count in self.replaced
            ],
            "replaced_by_kind": self.by_kind(),
            "kept_by_reviewer": self.kept_by_reviewer,
            "fields_dropped": list(self.fields_dropped),
            "coarsened": dict(self.coarsened),
        }
