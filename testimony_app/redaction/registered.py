"""Finding what the researcher registered — entities and the witness's identity — in any form.

A registered thing is compiled into *forms*, each a string of normalised letters without the
spaces, hyphens and apostrophes between its words ("Al-Qusour", "al Qusour" and "alqusour" are
one form). A text is cut into normalised tokens and every run of up to a few tokens joined by
soft gaps is looked up, first token also without an Arabic clitic prefix (و ف ب ل ك ال and
their combinations, لل for ل + ال). Names of people also give their parts ("Ayham Khadour" →
"Ayham", "Khadour"; "Abd al-Rahman" stays one part), and a part after a kunya marker takes the
marker with it ("Abu Ayham"). Honorifics and particles are never parts. A part that is also a
common word (lexicon.json: "Amal", "نور") is left where its context says it is the word.

Numbers (phones, ID numbers, dates of birth, plates) match by their letters and digits alone,
whatever separators and digit shapes the text uses. Emails match whole, without case.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import phonenumbers

from testimony_app.domain.normalise import normalise
from testimony_app.domain.records import Entity, Identity
from testimony_app.redaction.lexicon import Lexicon, spelling
from testimony_app.redaction.skeleton import skeleton
from testimony_app.redaction.spans import KIND_OF_ENTITY_TYPE, Kind, Source, Span
from testimony_app.redaction.tokens import _WORD, TokenisedText, clitic_candidates

MAX_NAME_TOKENS = 8
# Loose keys shorter than this meet too many other words ("Amin" and "Amman" are both a-m-n).
MIN_LOOSE = 4
_HAMZA_FOLD = str.maketrans({"ئ": "ي", "ؤ": "و", "ء": None})
# "House of": بيت شكور is the Shakour family, never a place to leave alone.
_HOUSEHOLD_WORDS = frozenset({"بيت", "دار", "beit", "bayt", "bait", "dar"})
_ALNUM_SEPARATORS = r"[\s\u00a0\-./()\[\]]{0,3}"
_ARTICLE_TOKENS = frozenset({"al", "el", "ال"})
_COMPACT_KINDS = frozenset({Kind.PERSON, Kind.PLACE, Kind.OTHER})
_SHAPE_KINDS = frozenset({Kind.PHONE, Kind.ID, Kind.DATE_OF_BIRTH, Kind.PLATE, Kind.HANDLE})

IDENTITY_KINDS = {
    "full_name": Kind.PERSON,
    "nickname": Kind.PERSON,
    "phone": Kind.PHONE,
    "home_village": Kind.PLACE,
    "neighbourhood": Kind.PLACE,
    "national_id": Kind.ID,
    "email": Kind.EMAIL,
}


@dataclass(frozen=True)
class Registration:
    """One registered thing: its text as typed, the spellings given with it, what it is."""

    text: str
    variants: tuple[str, ...]
    kind: Kind
    origin: str  # "entity" or "identity.<field>", for the redaction report

    def __repr__(self) -> str:
        return f"Registration({self.kind.value}, {self.origin}, <text hidden>)"


def registrations_of(entities: Iterable[Entity], identity: Identity | None) -> list[Registration]:
    found = [
        Registration(entity.text, entity.variants, KIND_OF_ENTITY_TYPE[entity.type], "entity")
        for entity in entities
    ]
    if identity is not None:
        for name, kind in IDENTITY_KINDS.items():
            value = getattr(identity, name)
            if value:
                found.append(Registration(value, (), kind, f"identity.{name}"))
    return found


def thing_key(kind: Kind, text: str) -> str:
    """What makes two registrations the same thing (one placeholder): kind and letters."""
    if kind in _SHAPE_KINDS or kind is Kind.EMAIL:
        return f"{kind.value}:{_phone_key(text) if kind is Kind.PHONE else _alnum(text)}"
    return f"{kind.value}:{''.join(_WORD.findall(normalise(text)))}"


def _alnum(text: str) -> str:
    return "".join(_WORD.findall(normalise(text)))


def _phone_key(text: str) -> str:
    number = _parse_phone(text)
    if number is None:
        return _alnum(text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parse_phone(text: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(normalise(text), "SY")
    except phonenumbers.NumberParseException:
        return None


def _phone_body(text: str) -> tuple[str, str] | None:
    """A pattern for a phone number however it is written: any separators, with or without
    the trunk 0, the country code, a + or 00 (even a stray extra 0) in front. With it, the
    digits that every match holds, one after the other: the national number."""
    number = _parse_phone(text)
    if number is None or not number.national_number:
        digits = "".join(char for char in normalise(text) if char.isdigit())
        if len(digits) < 5:
            return None
        return _ALNUM_SEPARATORS.join(digits), digits
    digits = str(number.national_number)
    national = _ALNUM_SEPARATORS.join(digits)
    country = _ALNUM_SEPARATORS.join(str(number.country_code))
    body = (
        rf"(?:\+|0{{1,4}})?{_ALNUM_SEPARATORS}(?:{country}{_ALNUM_SEPARATORS})?"
        rf"0?{_ALNUM_SEPARATORS}{national}"
    )
    return body, digits


class CompileCache:
    """What compiling works out from a registered text alone, for the testimonies of one export.

    A witness's name and phone number are registered again with each of their testimonies,
    and parsing a phone number takes `phonenumbers` longer than matching it in a text. The
    cache belongs to one `Redactor` (one export) and goes with it: nothing derived from a
    registration outlives the export in a module-level cache. It holds at most `size` texts
    of each sort, the least recently used going first.
    """

    def __init__(self, size: int = 2048) -> None:
        self.thing_key = functools.lru_cache(maxsize=size)(thing_key)
        self.phone_body = functools.lru_cache(maxsize=size)(_phone_body)
        self.skeleton = functools.lru_cache(maxsize=size)(skeleton)
        self.shape_pattern = functools.lru_cache(maxsize=size)(_shape_pattern)


def _shape_pattern(body: str) -> re.Pattern[str]:
    """A registered shape (phone number, ID) as a whole word of its own in a text."""
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])")


def _beginnings(keys: Iterable[str]) -> frozenset[str]:
    """Every non-empty prefix of every key."""
    return frozenset(key[:end] for key in keys for end in range(1, len(key) + 1))


@dataclass
class _Form:
    key: str
    kind: Kind
    rule: str
    tokens: int  # how many name units the form has (1: a single word, maybe a common one)
    given: bool = False  # a person's given name alone: it never takes the Arabic article


@dataclass(frozen=True)
class _Match:
    first: int  # token indices, inclusive
    last: int
    skip: int  # normalised characters of a clitic prefix left outside the span
    stem: str  # the first token without that prefix
    form: _Form


class RegisteredMatcher:
    """Compiled registrations; `find(text)` gives their spans in a text."""

    def __init__(
        self,
        registrations: Sequence[Registration],
        lexicon: Lexicon,
        cache: CompileCache | None = None,
    ) -> None:
        self.lexicon = lexicon
        self._cache = cache or CompileCache()
        self._forms: dict[str, list[_Form]] = defaultdict(list)
        self._part_keys: dict[str, set[str]] = defaultdict(set)
        # (what every match holds, letters and digits only; pattern; key; kind; rule)
        self._shapes: list[tuple[str, str, str, Kind, str]] = []
        self._emails: list[tuple[str, str, str]] = []
        # skeleton → (form, letters of the registered words, whether they were Arabic)
        self._loose: dict[str, list[tuple[_Form, int, bool]]] = defaultdict(list)
        self._longest = 1
        for registration in registrations:
            self._compile(registration)
        # A part shared by two registered people ("Khadour" of two brothers) is its own thing.
        for compact, keys in self._part_keys.items():
            if len(keys) > 1:
                for form in self._forms[compact]:
                    if form.rule.endswith(".part"):
                        form.key = f"{Kind.PERSON.value}:part:{compact}"
        # Every beginning of a form and of a loose key: a run of tokens whose letters are not
        # one of these cannot grow into a match, so `find` stops extending it there. Most
        # words of a text are no beginning at all and cost one set lookup.
        self._beginnings = _beginnings(self._forms)
        self._loose_beginnings = _beginnings(self._loose)

    # --- compiling -----------------------------------------------------------------------

    def _compile(self, registration: Registration) -> None:
        key = self._cache.thing_key(registration.kind, registration.text)
        origin = registration.origin
        kind = registration.kind
        spellings = [registration.text, *registration.variants]
        if kind is Kind.EMAIL:
            for spelling in spellings:
                self._emails.append((normalise(spelling).strip(), key, f"{origin}.full"))
            return
        if kind in _SHAPE_KINDS:
            for spelling in spellings:
                self._add_shape(spelling, key, kind, origin)
            # An ID or a plate may also be written as words ("Idlib 12345"): fall through.
            if kind is Kind.PHONE:
                return
        for number, spelling in enumerate(spellings):
            rule = f"{origin}.{'full' if number == 0 else 'variant'}"
            tokens = _WORD.findall(normalise(spelling))
            if not tokens:
                continue
            self._add(tokens, key, kind, rule, units=len(tokens))
            if len(tokens) > 1 and tokens[0] in _ARTICLE_TOKENS:
                self._add(tokens[1:], key, kind, rule, units=len(tokens) - 1)
            if kind is Kind.PERSON:
                units = self._name_units(tokens)
                for position, unit in enumerate(units):
                    # The first of several names is a given name; a name alone may be either.
                    given = position == 0 and len(units) > 1
                    if self._add(unit, key, kind, f"{origin}.part", units=1, given=given):
                        self._part_keys["".join(unit)].add(key)
            elif kind in _COMPACT_KINDS:
                core = self._place_core(tokens)
                if core and core != tokens:
                    self._add(core, key, kind, f"{origin}.part", units=len(core))

    def _add(
        self,
        tokens: Sequence[str],
        key: str,
        kind: Kind,
        rule: str,
        *,
        units: int,
        given: bool = False,
    ) -> bool:
        compact = "".join(tokens)
        if len(compact) < 2 or (units == 1 and self.lexicon.not_a_name_part(compact)):
            return False
        existing = self._forms[compact]
        if any(form.key == key for form in existing):
            return False
        form = _Form(key, kind, rule, units, given)
        existing.append(form)
        self._longest = max(self._longest, min(len(tokens), MAX_NAME_TOKENS))
        # The loose key, for Latin spellings and transliterations of the same name.
        named = [token for token in tokens if token not in _ARTICLE_TOKENS]
        words = [self._cache.skeleton(token) for token in named]
        loose = "".join(words)
        if len(loose) >= MIN_LOOSE and all(words) and not compact.isdigit():
            arabic = any("\u0600" <= token[0] <= "\u06ff" for token in named)
            self._loose[loose].append((form, sum(map(len, named)), arabic))
        # عايشه for عائشة: hamza on yeh or waw is often written without the hamza.
        folded = compact.translate(_HAMZA_FOLD)
        if folded != compact and not any(f.key == key for f in self._forms[folded]):
            self._forms[folded].append(form)
        return True

    def _place_core(self, tokens: Sequence[str]) -> list[str]:
        """A place's own name: without "street", "Kafr", "Harat", "حي" or a leading article."""
        lexicon = self.lexicon
        core = [
            t
            for t in tokens
            if t not in lexicon.place_generic_words and t not in lexicon.place_prefix_words
        ]
        while core and (core[0] in _ARTICLE_TOKENS or core[0] in lexicon.particles):
            core = core[1:]  # "Abu Tuwayrat" is also "Tuwayrat"
        return core

    def _name_units(self, tokens: Sequence[str]) -> list[list[str]]:
        """Name parts: single names, with "Abd" compounds kept whole; no honorific or particle."""
        units: list[list[str]] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token in self.lexicon.compound_heads and index + 1 < len(tokens):
                step = 3 if tokens[index + 1] in _ARTICLE_TOKENS and index + 2 < len(tokens) else 2
                units.append(list(tokens[index : index + step]))
                index += step
                continue
            if not self.lexicon.not_a_name_part(token):
                units.append([token])
            index += 1
        return units

    def _add_shape(self, spelling: str, key: str, kind: Kind, origin: str) -> None:
        if kind is Kind.PHONE:
            found = self._cache.phone_body(spelling)
            if found is None:
                return
            body, core = found
        else:
            core = _alnum(spelling)
            if len(core) < 4:
                return
            body = _ALNUM_SEPARATORS.join(re.escape(char) for char in core)
        # Compiled only for a text that holds `core`: most texts do not, and compiling the
        # pattern of every witness's phone number costs more than all the rest of its finding.
        self._shapes.append((core, body, key, kind, f"{origin}.full"))

    # --- finding -------------------------------------------------------------------------

    def find(self, text: TokenisedText) -> list[Span]:
        spans = [self._span(text, match) for match in self._token_matches(text)]
        spans.extend(self._shape_spans(text))
        return [span for span in spans if span.start < span.end]

    def _latin_article_match(self, text: TokenisedText, index: int) -> _Match | None:
        """ "alHasrouni", "elQusour": the article written onto a registered name."""
        token = text.tokens[index]
        if token.arabic or token.text[:2] not in ("al", "el") or len(token.text) < 6:
            return None
        stem = token.text[2:]
        for form in self._forms.get(stem, ()):
            if form.tokens == 1 and not form.given:
                return _Match(index, index, 0, stem, form)
        return None

    def _token_matches(self, text: TokenisedText) -> list[_Match]:
        tokens = text.tokens
        count = len(tokens)
        forms_of = self._forms
        beginnings = self._beginnings
        prefixes = self.lexicon.arabic_prefixes
        longest = self._longest
        folds: dict[str, str] = {}  # Arabic runs with the hamza folded, for this text only

        def folded(compact: str) -> str:
            found = folds.get(compact)
            if found is None:
                found = folds[compact] = compact.translate(_HAMZA_FOLD)
            return found

        # Most words start no match: they begin no form (nor, in Arabic, does the word without a
        # clitic prefix or with the hamza folded), are not "al…" in Latin letters and, for the
        # loose keys, not capitalised. Only the other words are looked at below, in order.
        by_word = {token.text: token for token in tokens}
        begins = {
            word
            for word, token in by_word.items()
            if any(
                stem in beginnings or (token.arabic and folded(stem) in beginnings)
                for _, stem in text.clitics(token, prefixes)
            )
            or (not token.arabic and word[:2] in ("al", "el"))
        }
        original, offsets, loose = text.original, text.offsets, bool(self._loose)
        starts = [
            index
            for index, token in enumerate(tokens)
            if token.text in begins
            or (loose and not token.arabic and original[offsets[token.start]].isupper())
        ]
        matches: list[_Match] = []
        free = 0  # the first token not inside a match already
        for index in starts:
            if index < free:
                continue
            best: _Match | None = None
            token = tokens[index]
            arabic = token.arabic
            # Every run of up to `longest` tokens from `index` joined by soft gaps, its first
            # token with each of its clitic candidates; `compact` is the run's letters. A run
            # stops growing once they (or, in Arabic, they with the hamza folded) begin no form.
            for skip, stem in text.candidates(index, prefixes):
                compact = stem
                last = index
                while True:
                    forms = forms_of.get(compact, ())
                    if not forms and arabic:
                        if compact not in beginnings and folded(compact) not in beginnings:
                            break
                        forms = forms_of.get(folded(compact), ())
                    elif compact not in beginnings:
                        break
                    for form in forms:
                        if (
                            best is None
                            or last > best.last
                            or (last == best.last and skip < best.skip)
                        ):
                            best = _Match(index, last, skip, stem, form)
                    last += 1
                    if last >= count or last - index >= longest or not tokens[last].soft_before:
                        break
                    compact += tokens[last].text
            if best is None and not arabic:
                best = self._latin_article_match(text, index)
                if best is None and loose:
                    best = self._loose_match(text, index)
            if best is not None and not self._common_word(text, best):
                matches.append(best)
                free = best.last + 1
        return matches

    def _loose_match(self, text: TokenisedText, index: int) -> _Match | None:
        """A capitalised Latin run whose consonant skeleton is a registered name's.

        The lengths must fit too: Latin spells the vowels Arabic leaves out, so it may be up to
        twice an Arabic name's length, but only two letters off a Latin one ("Khalidiya" is a
        district of Homs, not a spelling of "Khaled").
        """
        tokens = text.tokens
        best: _Match | None = None
        loose = ""
        letters = 0
        for last in range(index, min(len(tokens), index + self._longest)):
            token = tokens[last]
            if last > index and not token.soft_before:
                break
            if token.arabic or not text.original_initial(token).isupper():
                break
            if token.text in _ARTICLE_TOKENS:
                continue
            loose += self._cache.skeleton(token.text)
            if loose and loose not in self._loose_beginnings:
                break  # no registered skeleton begins so: longer runs cannot match either
            letters += len(token.text)
            if len(token.text) < 4 and last == index:
                continue
            for form, registered, arabic in self._loose.get(loose, ()):
                fits = letters <= 2 * registered if arabic else abs(letters - registered) <= 2
                if fits and (best is None or last > best.last):
                    best = _Match(index, last, 0, token.text, form)
        return best

    def _kunya_marker_before(self, text: TokenisedText, index: int) -> int | None:
        """The skip of a kunya marker (Abu, Umm, أبو, أم) right before token `index`, if any."""
        if index == 0 or not text.tokens[index].soft_before:
            return None
        for skip, stem in clitic_candidates(text.tokens[index - 1], self.lexicon.arabic_prefixes):
            if stem in self.lexicon.kunya_markers:
                return skip
        return None

    def _span(self, text: TokenisedText, match: _Match) -> Span:
        tokens = text.tokens
        first = match.first
        start = tokens[first].start + match.skip
        rule = match.form.rule
        if match.form.kind is Kind.PERSON:
            marker_skip = self._kunya_marker_before(text, first)
            if marker_skip is not None:
                start = tokens[first - 1].start + marker_skip
                rule = rule.rsplit(".", 1)[0] + ".kunya"
            elif match.skip == 0 and self._article_before(text, first):
                start = tokens[first - 1].start  # "Al-" of "Al-Hamdouni", آل of آل خضور
        elif match.form.kind is Kind.PLACE and match.skip == 0:
            # "Kfar Azzoun", "Harat al-Fawwar", "حي القصور": the words before belong to it.
            while (
                first > 0
                and tokens[first].soft_before
                and (
                    tokens[first - 1].text in _ARTICLE_TOKENS
                    or tokens[first - 1].text in self.lexicon.place_prefix_words
                )
            ):
                first -= 1
            start = tokens[first].start
        begin, end = text.original_span(start, tokens[match.last].end)
        return Span(begin, end, match.form.kind, Source.REGISTERED, rule, match.form.key)

    @staticmethod
    def _article_before(text: TokenisedText, index: int) -> bool:
        return (
            index > 0
            and text.tokens[index].soft_before
            and text.tokens[index - 1].text in _ARTICLE_TOKENS
        )

    def _common_word(self, text: TokenisedText, match: _Match) -> bool:
        """Whether a one-word match is a common word here ("Allah karim"), not the person."""
        if match.form.tokens != 1 or match.first != match.last:
            return False
        tokens = text.tokens
        token = tokens[match.first]
        prefix = token.text[: match.skip]
        if (
            match.form.given
            and match.first > 0
            and token.soft_before
            and tokens[match.first - 1].text in self.lexicon.place_prefix_words
            and tokens[match.first - 1].text not in _HOUSEHOLD_WORDS
        ):
            return True  # وادي خالد, Bab Amr: a place named after someone, not the person
        if (
            token.arabic
            and match.form.given
            and prefix in self.lexicon.article_prefixes
            and not match.stem.startswith("ال")
        ):
            return True  # a given name never takes the article: العمر is not Omar
        if match.form.given and match.skip == 0 and self._article_before(text, match.first):
            return True  # nor in Latin letters: "al-Sham" is Damascus, not Sham
        word = self.lexicon.ambiguous.get(match.stem)
        if word is None:
            return False
        if self._kunya_marker_before(text, match.first) is not None:
            return False
        previous = tokens[match.first - 1].text if match.first else ""
        if previous in self.lexicon.person_cues:
            return False  # "my sister Amal", "قالت أمل"
        original = text.original_of(token)
        if spelling(original)[len(prefix) :] in word.keep_spellings:
            return True  # آمين (amen) is spelled apart from أمين (Amin)
        if self._in_phrase(text, match.first, word.keep_phrases):
            return True
        after = tokens[match.first + 1].text if match.first + 1 < len(tokens) else ""
        if not token.arabic:
            # Latin script has case: a name is capitalised, the word usually is not.
            return original.islower()
        if prefix in self.lexicon.article_prefixes or prefix in word.keep_prefixes:
            return True  # given names do not take the article: الأمل, النور; بسلام: in peace
        if any("\u064b" <= char <= "\u064d" for char in original):
            return True  # tanween marks an indefinite noun or an adverb: رجاءً, وفاءً
        return previous in word.keep_before or after in word.keep_after

    @staticmethod
    def _in_phrase(text: TokenisedText, index: int, phrases: Sequence[Sequence[str]]) -> bool:
        words = [token.text for token in text.tokens]
        for phrase in phrases:
            for offset in range(len(phrase)):
                start = index - offset
                if start >= 0 and words[start : start + len(phrase)] == list(phrase):
                    return True
        return False

    def _shape_spans(self, text: TokenisedText) -> list[Span]:
        found = []
        normalised = text.normalised
        letters_and_digits: str | None = None
        for core, body, key, kind, rule in self._shapes:
            # A match is `core`'s characters with only separators between them, so `core`
            # stands whole in the text's letters and digits wherever the pattern matches.
            if letters_and_digits is None:
                letters_and_digits = "".join(_WORD.findall(normalised))
            if core not in letters_and_digits:
                continue
            for match in self._cache.shape_pattern(body).finditer(normalised):
                begin, end = text.original_span(*match.span())
                found.append(Span(begin, end, kind, Source.REGISTERED, rule, key))
        for email, key, rule in self._emails:
            if not email:
                continue
            start = normalised.find(email)
            while start >= 0:
                begin, end = text.original_span(start, start + len(email))
                found.append(Span(begin, end, Kind.EMAIL, Source.REGISTERED, rule, key))
                start = normalised.find(email, start + 1)
        return found
