"""Public places and their districts (resources/redaction/places.json), for coarsening places."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from testimony_app.domain.normalise import normalise
from testimony_app.errors import AppError
from testimony_app.redaction.data_files import DataFileUnreadable, read_json
from testimony_app.redaction.tokens import _WORD, TokenisedText
from testimony_app.resources_path import resource_path

GAZETTEER_FORMAT = "testimony-gazetteer/1"
MAX_GAZETTEER_BYTES = 4 * 1024 * 1024
_ARTICLES = frozenset({"al", "el", "ال"})


class GazetteerError(AppError):
    default_message = "the list of places is not valid"


@dataclass(frozen=True)
class District:
    id: str
    labels: dict[str, str]

    def label(self, *, arabic: bool) -> str:
        return self.labels["ar" if arabic else "en"]


@dataclass(frozen=True)
class PlaceMention:
    start: int  # in the original text
    end: int
    district: District


def _compact(name: str) -> str:
    tokens = _WORD.findall(normalise(name))
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    return "".join(tokens)


class Gazetteer:
    def __init__(self, districts: dict[str, District], names: dict[str, str]) -> None:
        self.districts = districts
        self._names = names  # compact name → district id
        self._longest = 4
        # Every beginning of a name: a run of words that is none stops growing there.
        self._beginnings = frozenset(
            name[:end] for name in names for end in range(1, len(name) + 1)
        )

    def district_of(self, place: str) -> District | None:
        """The district of a place name written alone, or None if the place is not known."""
        found = self._names.get(_compact(place))
        return None if found is None else self.districts[found]

    def mentions(self, text: TokenisedText, prefixes: tuple[str, ...]) -> list[PlaceMention]:
        found = []
        index = 0
        tokens = text.tokens
        count = len(tokens)
        names, beginnings, longest = self._names, self._beginnings, self._longest
        while index < count:
            best: tuple[int, int, str] | None = None
            # Every run of up to four tokens from `index` joined by soft gaps, its first token
            # with each of its clitic candidates. A run stops growing once neither its letters
            # nor (after an article) its letters without the article begin a name.
            for skip, stem in text.candidates(index, prefixes):
                article = len(stem) if skip == 0 and stem in _ARTICLES else 0
                compact = stem
                last = index
                while True:
                    bare = compact[article:] if last > index else compact
                    if compact not in beginnings and (
                        not article or (last > index and bare not in beginnings)
                    ):
                        break
                    district = names.get(compact) or names.get(bare)
                    if district and (best is None or last > best[0]):
                        best = (last, skip, district)
                    last += 1
                    if last >= count or last - index >= longest or not tokens[last].soft_before:
                        break
                    compact += tokens[last].text
            if best is None:
                index += 1
                continue
            last, skip, district = best
            start, end = text.original_span(tokens[index].start + skip, tokens[last].end)
            found.append(PlaceMention(start, end, self.districts[district]))
            index = last + 1
        return found


def parse_gazetteer(data: object) -> Gazetteer:
    if not isinstance(data, dict) or data.get("format") != GAZETTEER_FORMAT:
        raise GazetteerError(f"the list of places is not valid: format must be {GAZETTEER_FORMAT}")
    raw_districts = data.get("districts")
    places = data.get("places")
    if not isinstance(raw_districts, dict) or not isinstance(places, list):
        raise GazetteerError("the list of places is not valid: districts and places are needed")
    districts = {}
    for key, labels in raw_districts.items():
        if not (
            isinstance(labels, dict)
            and isinstance(labels.get("en"), str)
            and isinstance(labels.get("ar"), str)
        ):
            raise GazetteerError("the list of places is not valid: a district needs en and ar")
        districts[key] = District(key, {"en": labels["en"], "ar": labels["ar"]})
    names: dict[str, str] = {}
    for place in places:
        if not isinstance(place, dict) or place.get("district") not in districts:
            raise GazetteerError("the list of places is not valid: a place names no district")
        place_names = place.get("names")
        if not isinstance(place_names, list) or not all(isinstance(n, str) for n in place_names):
            raise GazetteerError("the list of places is not valid: names must be a list")
        for name in place_names:
            compact = _compact(name)
            if compact:
                names.setdefault(compact, place["district"])
    for district in districts.values():
        for label in district.labels.values():
            names.setdefault(_compact(label), district.id)
    return Gazetteer(districts, names)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    return _load(str(path or resource_path("redaction", "places.json")))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Gazetteer:
    try:
        data = read_json(path, MAX_GAZETTEER_BYTES)
    except DataFileUnreadable as error:
        raise GazetteerError(f"the list of places {error.problem.value}") from None
    return parse_gazetteer(data)
