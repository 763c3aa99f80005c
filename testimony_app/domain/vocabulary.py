"""Controlled vocabularies (violation types, …): codes with English and Arabic labels, from JSON."""

from __future__ import annotations

import json
import os
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from testimony_app.errors import AppError
from testimony_app.resources_path import resource_path

VIOLATION_TYPES = "violation-types"
CODE_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
REQUIRED_LANGUAGES = ("en", "ar")
# Other label keys a team may add (e.g. "ku", "fr"); anything else is more likely a typo.
_LANGUAGE_KEY = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")

# A vocabulary is a small hand-edited file; these bounds only stop a wrong file being loaded.
MAX_VOCABULARY_BYTES = 1024 * 1024
MAX_TERMS = 10_000
MAX_CODE_CHARS = 64
MAX_LABEL_CHARS = 200
_MAX_PROBLEMS = 50


class VocabularyError(AppError):
    """A vocabulary file is missing or malformed; `problems` lists every defect found."""

    default_message = "the vocabulary file is not valid"

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        # Vocabulary contents are team-written codes and labels, not testimony: safe to show.
        super().__init__("the vocabulary file is not valid:\n  " + "\n  ".join(self.problems))


@dataclass(frozen=True)
class Term:
    code: str
    labels: tuple[tuple[str, str], ...]  # (language, label); "en" and "ar" always present

    def label(self, lang: str) -> str:
        by_lang = dict(self.labels)
        primary = lang.split("-", 1)[0].lower()
        return by_lang.get(lang) or by_lang.get(primary) or by_lang["en"]


@dataclass(frozen=True)
class Vocabulary:
    name: str
    version: int
    terms: tuple[Term, ...]
    _by_code: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code = {term.code: term for term in self.terms}
        if len(by_code) != len(self.terms):
            raise ValueError("duplicate codes in a vocabulary")
        object.__setattr__(self, "_by_code", by_code)

    def codes(self) -> tuple[str, ...]:
        """Every code, in the order of the file (the order a picker shows them in)."""
        return tuple(term.code for term in self.terms)

    def is_known(self, code: str) -> bool:
        return code in self._by_code

    def label(self, code: str, lang: str = "en") -> str:
        """The label in `lang` ("ar", "ar-SY", "en"…), falling back to English.

        An unknown code comes back unchanged rather than raising: a stored record may hold a
        code that a team has since removed from the file, and it must still be displayable.
        """
        term = self._by_code.get(code)
        return term.label(lang) if term is not None else code


def parse_vocabulary(data: bytes, *, expected_name: str | None = None) -> Vocabulary:
    """Check a vocabulary document and build it, or raise VocabularyError listing every defect."""
    if len(data) > MAX_VOCABULARY_BYTES:
        raise VocabularyError([f"the file is larger than {MAX_VOCABULARY_BYTES:,} bytes"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise VocabularyError([f"not valid UTF-8 (at byte offset {error.start})"]) from None
    if not _nesting_fits(text):
        raise VocabularyError(["nested deeper than a vocabulary allows"])
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKey as error:
        raise VocabularyError([f'duplicate key "{error.key}"']) from None
    except RecursionError:
        raise VocabularyError(["nested far too deep"]) from None
    except ValueError as error:
        where = ""
        if isinstance(error, json.JSONDecodeError):
            where = f" at line {error.lineno}, column {error.colno}"
        raise VocabularyError([f"not valid JSON{where}"]) from None
    return _build(document, expected_name)


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)', re.DOTALL)
_DEPTH = 3  # document → terms → term
_UNCLOSED_TOLERATED = 64  # json recurses this deep at most before it finds the syntax error
_PARENS = bytes.maketrans(b"[{]}", b"(())")
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")


def _nesting_fits(text: str) -> bool:
    """No more than _DEPTH levels, checked before json.loads, which recurses once per level."""
    structure = _STRING.sub("", text).encode("utf-8", "ignore")
    brackets = structure.translate(_PARENS, _NOT_BRACKETS)
    for _ in range(_DEPTH):
        brackets = brackets.replace(b"()", b"")
    # Left over: unmatched brackets (a syntax error json finds first) or a pair nested deeper.
    return b"()" not in brackets and brackets.count(b"(") <= _UNCLOSED_TOLERATED


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__("duplicate key")


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _build(document: object, expected_name: str | None) -> Vocabulary:
    problems: list[str] = []
    if not isinstance(document, dict):
        raise VocabularyError(["the document must be a JSON object"])
    for key in document:
        if key not in ("vocabulary", "version", "terms"):
            problems.append(f'unexpected key "{key}"')
    name = document.get("vocabulary")
    if not isinstance(name, str) or not name.strip():
        problems.append("vocabulary: must be a non-empty name")
        name = ""
    elif expected_name is not None and name != expected_name:
        problems.append(f'vocabulary: expected "{expected_name}"')
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.append("version: must be a whole number, 1 or more")
        version = 0
    raw_terms = document.get("terms")
    terms: list[Term] = []
    if not isinstance(raw_terms, list) or not raw_terms:
        problems.append("terms: must be a non-empty array")
    elif len(raw_terms) > MAX_TERMS:
        problems.append(f"terms: too many (at most {MAX_TERMS:,})")
    else:
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_terms):
            term = _term(raw, f"terms[{index}]", problems)
            if term is None:
                continue
            if term.code in seen:
                problems.append(
                    f'terms[{index}].code: duplicate code "{term.code}" '
                    f"(first at terms[{seen[term.code]}])"
                )
                continue
            seen[term.code] = index
            terms.append(term)
    if problems:
        raise VocabularyError(problems[:_MAX_PROBLEMS])
    assert isinstance(name, str) and isinstance(version, int)
    return Vocabulary(name=name, version=version, terms=tuple(terms))


def _term(raw: object, path: str, problems: list[str]) -> Term | None:
    if not isinstance(raw, dict):
        problems.append(f"{path}: must be an object")
        return None
    ok = True
    code = raw.get("code")
    if not isinstance(code, str) or len(code) > MAX_CODE_CHARS or not CODE_PATTERN.fullmatch(code):
        problems.append(f"{path}.code: must be a lower_snake_case ASCII code")
        ok = False
    labels: list[tuple[str, str]] = []
    for lang in REQUIRED_LANGUAGES:
        if lang not in raw:
            problems.append(f"{path}.{lang}: missing label")
            ok = False
    for key, value in raw.items():
        if key == "code":
            continue
        if not _LANGUAGE_KEY.fullmatch(key):
            problems.append(f'{path}: unexpected key "{key}"')
            ok = False
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{path}.{key}: the label must be non-empty text")
            ok = False
        elif len(value) > MAX_LABEL_CHARS:
            problems.append(f"{path}.{key}: the label is too long (at most {MAX_LABEL_CHARS})")
            ok = False
        else:
            labels.append((key, unicodedata.normalize("NFC", value)))
    if not ok or not isinstance(code, str):
        return None
    # English then Arabic first, so the stored order does not depend on how the file is written.
    labels.sort(key=lambda pair: (pair[0] not in REQUIRED_LANGUAGES, pair[0] != "en", pair[0]))
    return Term(code=code, labels=tuple(labels))


_cache: dict[Path, tuple[tuple[int, int, int], Vocabulary]] = {}
_cache_lock = threading.Lock()


def load_vocabulary(
    path: Path | str, *, expected_name: str | None = None, cache: bool = True
) -> Vocabulary:
    """Read and check a vocabulary file; cached per path until the file changes on disk."""
    resolved = Path(path).resolve()
    try:
        stat = os.stat(resolved)
        signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        if cache:
            with _cache_lock:
                hit = _cache.get(resolved)
            if (
                hit is not None
                and hit[0] == signature
                and hit[1].name == (expected_name or hit[1].name)
            ):
                return hit[1]
        if stat.st_size > MAX_VOCABULARY_BYTES:
            raise VocabularyError([f"the file is larger than {MAX_VOCABULARY_BYTES:,} bytes"])
        with open(resolved, "rb") as handle:
            data = handle.read(MAX_VOCABULARY_BYTES + 1)
    except OSError as error:
        # strerror only: never the path, which the caller already knows.
        reason = error.strerror or type(error).__name__
        raise VocabularyError([f"the file cannot be read ({reason})"]) from None
    vocabulary = parse_vocabulary(data, expected_name=expected_name)
    if cache:
        with _cache_lock:
            _cache[resolved] = (signature, vocabulary)
    return vocabulary


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def default_vocabulary_path() -> Path:
    return resource_path("vocabularies", "violation_types.json")


def load_violation_types() -> Vocabulary:
    """The violation-type vocabulary shipped in resources/ (cached)."""
    return load_vocabulary(default_vocabulary_path(), expected_name=VIOLATION_TYPES)
