"""Seeded synthetic testimonies in interchange shape, for benchmarks: fictional from end to end.

`SyntheticTestimonies(seed).records(n)` yields `n` dicts in interchange format v1, alternately
English and Arabic. Narratives are about 2 KB of UTF-8, assembled from a pool of sentences that
are themselves built from word lists, so texts differ but share a realistic vocabulary: common
words (in most testimonies), words of middling frequency, and per-record rare words invented
from syllables (a few testimonies each). Arabic text carries some tashkeel, some tatweel and
Arabic-Indic digits. Every record has incidents with violation codes from the vocabulary file,
places, tags and entities; about half carry witness identity details.

Nothing here names a real person: people's names, places and rare words are syllable
compositions, and phone numbers use the unassigned +000 prefix. The same seed gives the same
records. The pools are built once (a few tens of milliseconds); each record then costs a few
random choices and joins, so 100,000 records take seconds.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from testimony_app.domain.vocabulary import load_violation_types

NARRATIVE_BYTES = 2048
SENTENCE_POOL = 3000  # per language
RARE_WORDS = 5000  # per language; each record carries two of them
PLACES = 400  # per language
NAMES = 2000  # per language
COMBINATIONS = 500  # sets of violation codes and of tags to pick from

T = TypeVar("T")

# --- English ---------------------------------------------------------------------------------

EN_SUBJECTS = (
    "the soldiers", "armed men", "the militia", "the patrol", "masked gunmen",
    "the security forces", "my neighbour", "my brother", "the family", "the children",
    "our cousin", "the old man", "a woman from the village", "the shopkeeper", "the teacher",
    "the driver", "the doctor", "the farmers", "two young men", "the men at the checkpoint",
    "the fighters", "the officer", "my mother", "my uncle", "the elders", "the nurses",
)  # fmt: skip
EN_VERBS = (
    "entered", "searched", "surrounded", "burned", "looted", "shelled", "detained", "beat",
    "questioned", "took", "fled from", "returned to", "hid in", "left", "destroyed", "closed",
    "guarded", "raided", "emptied", "photographed", "occupied", "blocked", "reached",
    "crossed", "watched", "abandoned", "repaired", "buried the dead near",
)  # fmt: skip
EN_OBJECTS = (
    "the house", "the mosque", "the school", "the market", "the bakery", "the clinic",
    "the checkpoint", "the olive grove", "the warehouse", "our car", "the water tank",
    "the bridge", "the pharmacy", "the main road", "the well", "the hospital", "the church",
    "the cemetery", "the mill", "the courtyard", "the orchard", "the garage", "the square",
    "the shelter", "the basement", "the fields", "the power station", "the roadblock",
)  # fmt: skip
EN_TIMES = (
    "at dawn", "in the early morning", "after the evening prayer", "around noon",
    "on the second day", "that night", "before sunrise", "late in the afternoon",
    "during the curfew", "a week later", "the next morning", "in the middle of the night",
)  # fmt: skip
EN_CLAUSES = (
    "while we were asleep", "without any warning", "and nobody was allowed to leave",
    "as the shelling continued", "and the electricity was cut", "and we heard shots from the north",
    "although the children were crying", "and the phones stopped working",
    "and smoke rose over the rooftops", "and the road to the city was closed",
    "while the neighbours watched from their windows", "and we could not bury them for days",
    "and the water was cut for a week", "and they took our identity papers",
)  # fmt: skip
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
EN_OCCUPATIONS = (
    "baker", "teacher", "farmer", "nurse", "driver", "student", "carpenter", "tailor",
    "shopkeeper", "mechanic", "pharmacist", "fisherman", "engineer", "housewife", "labourer",
)  # fmt: skip
EN_DISPLACEMENT = (
    "displaced", "returned", "never left", "displaced twice", "in a camp", "with relatives",
)  # fmt: skip
EN_PERPETRATORS = (
    "armed men in mixed uniforms", "a checkpoint unit", "masked gunmen", "an unidentified group",
    "the local militia", "soldiers in two trucks", "unknown attackers",
)  # fmt: skip
EN_TAGS = (
    "coast", "north", "south", "detention", "shelling", "displacement", "checkpoint",
    "follow-up", "medical", "corroborated", "needs-translation", "night-raid", "2024", "2025",
)  # fmt: skip

# --- Arabic ----------------------------------------------------------------------------------

AR_SUBJECTS = (
    "الجنود", "المسلحون", "عناصر الدورية", "رجال ملثمون", "قوات الأمن", "جارنا", "أخي",
    "العائلة", "الأطفال", "ابن عمي", "الرجل العجوز", "امرأة من القرية", "صاحب المحل", "المعلم",
    "السائق", "الطبيب", "المزارعون", "شابان", "عناصر الحاجز", "المقاتلون", "الضابط", "أمي",
    "عمي", "كبار السن", "الممرضات",
)  # fmt: skip
AR_VERBS = (
    "دخلوا", "فتشوا", "حاصروا", "أحرقوا", "نهبوا", "قصفوا", "اعتقلوا", "ضربوا", "استجوبوا",
    "أخذوا", "هربوا من", "عادوا إلى", "اختبأوا في", "غادروا", "دمروا", "أغلقوا", "حرسوا",
    "داهموا", "أفرغوا", "صوروا", "احتلوا", "قطعوا", "وصلوا إلى", "عبروا", "راقبوا", "تركوا",
)  # fmt: skip
AR_OBJECTS = (
    "البيت", "المسجد", "المدرسة", "السوق", "المخبز", "العيادة", "الحاجز", "بستان الزيتون",
    "المستودع", "سيارتنا", "خزان الماء", "الجسر", "الصيدلية", "الطريق الرئيسي", "البئر",
    "المستشفى", "الكنيسة", "المقبرة", "المطحنة", "الساحة", "البستان", "المرآب", "الملجأ",
    "القبو", "الحقول", "محطة الكهرباء", "مدخل الحارة",
)  # fmt: skip
AR_TIMES = (
    "عند الفجر", "في الصباح الباكر", "بعد صلاة العشاء", "قرابة الظهر", "في اليوم الثاني",
    "في تلك الليلة", "قبل شروق الشمس", "في آخر النهار", "أثناء حظر التجول", "بعد أسبوع",
    "في صباح اليوم التالي", "في منتصف الليل",
)  # fmt: skip
AR_CLAUSES = (
    "بينما كنا نائمين", "دون أي إنذار", "ولم يسمح لأحد بالخروج", "واستمر القصف",
    "وانقطعت الكهرباء", "وسمعنا إطلاق نار من الشمال", "وكان الأطفال يبكون",
    "وتوقفت الهواتف عن العمل", "وارتفع الدخان فوق الأسطح", "وأغلقت الطريق إلى المدينة",
    "والجيران يراقبون من النوافذ", "ولم نستطع دفن الموتى لأيام", "وانقطعت المياه أسبوعا",
    "وأخذوا بطاقاتنا الشخصية", "وكانت الطائرات فوقنا",
)  # fmt: skip
AR_MONTHS = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
    "تشرين الأول", "تشرين الثاني", "كانون الأول",
)  # fmt: skip
AR_OCCUPATIONS = (
    "خباز", "معلم", "مزارع", "ممرضة", "سائق", "طالب", "نجار", "خياط", "صاحب محل", "ميكانيكي",
    "صيدلاني", "صياد", "مهندس", "ربة منزل", "عامل",
)  # fmt: skip
AR_DISPLACEMENT = ("نازح", "عائد", "لم يغادر", "نزح مرتين", "في مخيم", "عند أقارب")
AR_PERPETRATORS = (
    "مسلحون بلباس مختلط", "عناصر حاجز", "رجال ملثمون", "مجموعة مجهولة", "ميليشيا محلية",
    "جنود في شاحنتين", "مهاجمون مجهولون",
)  # fmt: skip
AR_TAGS = ("الساحل", "الشمال", "اعتقال", "قصف", "تهجير", "حاجز", "متابعة", "طبي", "مؤكد")

# Syllables for invented words and names (Latin and Arabic script), never real names.
LATIN_SYLLABLES = (
    "zel", "mor", "ath", "kav", "rin", "tol", "vesh", "qua", "dro", "lim", "sar", "bek", "nul",
    "fi", "gar", "osh", "pel", "tu", "yam", "wex", "hon", "ced", "ura", "ilk",
)  # fmt: skip
ARABIC_SYLLABLES = (
    "زل", "مور", "ثا", "كاف", "رين", "طول", "فش", "قو", "درو", "ليم", "صار", "بيك", "نول",
    "في", "غار", "وش", "بل", "طو", "يام", "وكس", "هون", "سد", "ورا", "لك",
)  # fmt: skip
EN_PLACE_PREFIXES = ("Tell", "Kafr", "Ain", "Deir", "Beit", "Khirbet", "Jisr", "Wadi")
AR_PLACE_PREFIXES = ("تل", "كفر", "عين", "دير", "بيت", "خربة", "جسر", "وادي")

# Tashkeel (fatha, damma, kasra, sukun, shadda, tanween fath) and the tatweel.
HARAKAT = ("\u064e", "\u064f", "\u0650", "\u0652", "\u0651", "\u064b")
TATWEEL = "\u0640"
# Letters that do not join the next one: a tatweel after them would be out of place.
NON_JOINING = frozenset("اأإآدذرزوؤةء")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


class SyntheticTestimonies:
    """A seeded source of synthetic interchange records; see the module docstring."""

    def __init__(self, seed: int = 20250307, *, narrative_bytes: int = NARRATIVE_BYTES) -> None:
        self.seed = seed
        self.narrative_bytes = narrative_bytes
        self._rng = random.Random(seed)
        self.violation_codes = load_violation_types().codes()
        rng = self._rng
        self.en_rare = _invented_words(rng, LATIN_SYLLABLES, RARE_WORDS, "")
        self.ar_rare = _invented_words(rng, ARABIC_SYLLABLES, RARE_WORDS, "")
        en_roots = _invented_words(rng, LATIN_SYLLABLES, PLACES, "")
        ar_roots = _invented_words(rng, ARABIC_SYLLABLES, PLACES, "")
        self.en_places = [f"{rng.choice(EN_PLACE_PREFIXES)} {root.title()}" for root in en_roots]
        self.ar_places = [f"{rng.choice(AR_PLACE_PREFIXES)} {root}" for root in ar_roots]
        self.en_names = [_person_name(rng, arabic=False) for _ in range(NAMES)]
        self.ar_names = [_person_name(rng, arabic=True) for _ in range(NAMES)]
        codes = self.violation_codes
        self._code_sets = [rng.sample(codes, rng.randint(1, 3)) for _ in range(COMBINATIONS)]
        self._en_tag_sets = [rng.sample(EN_TAGS, rng.randint(1, 3)) for _ in range(COMBINATIONS)]
        self._ar_tag_sets = [rng.sample(AR_TAGS, rng.randint(1, 3)) for _ in range(COMBINATIONS)]
        self._en_pool = [self._en_sentence() for _ in range(SENTENCE_POOL)]
        self._ar_pool = [self._ar_sentence() for _ in range(SENTENCE_POOL)]
        self._en_sizes = [len(s.encode("utf-8")) + 1 for s in self._en_pool]
        self._ar_sizes = [len(s.encode("utf-8")) + 1 for s in self._ar_pool]
        self.generated = 0
        # Rare words of the first records, by language: queries that are known to match.
        self.rare_in_use: dict[str, list[str]] = {"en": [], "ar": []}

    # --- sentences -----------------------------------------------------------------------

    def _en_sentence(self) -> str:
        rng = self._rng
        subject = rng.choice(EN_SUBJECTS)
        parts = [subject[0].upper() + subject[1:], rng.choice(EN_VERBS), rng.choice(EN_OBJECTS)]
        shape = rng.random()
        if shape < 0.3:
            parts.append(rng.choice(EN_TIMES))
        elif shape < 0.5:
            day, month = rng.randint(1, 28), rng.choice(EN_MONTHS)
            parts.append(f"on {day} {month} {rng.choice((2023, 2024, 2025))}")
        elif shape < 0.65:
            parts.append(f"in {rng.choice(self.en_places)}")
        elif shape < 0.8:
            parts.append(f"with about {rng.randint(2, 60)} people inside")
        if rng.random() < 0.5:
            parts.append(rng.choice(EN_CLAUSES))
        if rng.random() < 0.15:
            parts.append(f"near house number {rng.randint(1, 300)}")
        return " ".join(parts) + rng.choice((".", ".", ".", "!", "?"))

    def _ar_sentence(self) -> str:
        rng = self._rng
        parts = [rng.choice(AR_SUBJECTS), rng.choice(AR_VERBS), rng.choice(AR_OBJECTS)]
        shape = rng.random()
        if shape < 0.3:
            parts.append(rng.choice(AR_TIMES))
        elif shape < 0.5:
            date = f"{rng.randint(1, 28)} {rng.choice(AR_MONTHS)} {rng.choice((2023, 2024, 2025))}"
            parts.append("في " + _arabic_digits(rng, date))
        elif shape < 0.65:
            parts.append(f"في {rng.choice(self.ar_places)}")
        elif shape < 0.8:
            parts.append(f"وكان في الداخل نحو {_arabic_digits(rng, str(rng.randint(2, 60)))} شخصا")
        if rng.random() < 0.5:
            parts.append(rng.choice(AR_CLAUSES))
        if rng.random() < 0.15:
            parts.append(f"قرب البيت رقم {_arabic_digits(rng, str(rng.randint(1, 300)))}")
        words = " ".join(parts).split(" ")
        if rng.random() < 0.4:  # some writers add tashkeel to a few words
            for _ in range(rng.randint(1, 3)):
                index = rng.randrange(len(words))
                words[index] = _with_tashkeel(rng, words[index])
        if rng.random() < 0.15:  # and some stretch a word with tatweel
            index = rng.randrange(len(words))
            words[index] = _with_tatweel(rng, words[index])
        return " ".join(words) + rng.choice(("،", ".", ".", "."))

    def _narrative(self, pool: list[str], sizes: list[int], unique: str) -> str:
        """Pool sentences until about `narrative_bytes`, with the record's own sentence inside."""
        r = self._rng.random
        count = len(pool)
        target = self.narrative_bytes + int(r() * 400) - 200 - len(unique.encode("utf-8"))
        picked: list[str] = []
        total = 0
        while total < target:
            index = int(r() * count)
            picked.append(pool[index])
            total += sizes[index]
        picked.insert(int(r() * (len(picked) + 1)), unique)
        # Paragraphs of four sentences, as typed.
        return "\n".join(" ".join(picked[i : i + 4]) for i in range(0, len(picked), 4))

    # --- records -------------------------------------------------------------------------

    def record(self) -> dict[str, Any]:
        """The next record (English and Arabic alternate). Each call builds fresh dicts."""
        arabic = self.generated % 2 == 1
        self.generated += 1
        r = self._rng.random

        def pick(options: Sequence[T]) -> T:
            return options[int(r() * len(options))]

        def between(low: int, high: int) -> int:
            return low + int(r() * (high - low + 1))

        if arabic:
            places, rare, occupations = self.ar_places, self.ar_rare, AR_OCCUPATIONS
            place, rare1, rare2 = pick(places), pick(rare), pick(rare)
            unique = f"ما زال كبار {place} يتحدثون عن {rare1} وعن حارة {rare2}."
            self._remember("ar", rare1)
            narrative = self._narrative(self._ar_pool, self._ar_sizes, unique)
            lane = f"حارة {rare2}"
            perpetrators, tag_sets, displacement = (
                AR_PERPETRATORS,
                self._ar_tag_sets,
                AR_DISPLACEMENT,
            )
        else:
            places, rare, occupations = self.en_places, self.en_rare, EN_OCCUPATIONS
            place, rare1, rare2 = pick(places), pick(rare), pick(rare)
            unique = f"The elders of {place} still speak of {rare1} and of the {rare2} lane."
            self._remember("en", rare1)
            narrative = self._narrative(self._en_pool, self._en_sizes, unique)
            lane = f"the {rare2} lane"
            perpetrators, tag_sets, displacement = (
                EN_PERPETRATORS,
                self._en_tag_sets,
                EN_DISPLACEMENT,
            )
        year = between(2023, 2025)
        month = between(1, 12)
        day = between(1, 28)
        interview_date = f"{min(year + 1, 2025)}-{between(1, 12):02d}-{between(1, 28):02d}"
        incidents = []
        for number in range(pick((1, 1, 2, 2, 3))):
            precision = "day" if number == 0 else pick(("day", "month", "year"))
            if precision == "day":
                date = f"{year}-{month:02d}-{day:02d}"
            elif precision == "month":
                date = f"{year}-{month:02d}"
            else:
                date = str(year)
            incidents.append(
                {
                    "date": date,
                    "date_precision": precision,
                    "place": place if number == 0 else pick(places),
                    "violation_types": list(pick(self._code_sets)),
                    "perpetrator": pick(perpetrators) if r() < 0.7 else None,
                    "victims_count": between(1, 40) if r() < 0.6 else None,
                }
            )
        name = self._person_name(arabic)
        entities: list[dict[str, Any]] = [
            {"text": name, "type": "PERSON", "variants": [name.split(" ")[0]]},
            {"text": lane, "type": "LOCATION_PRIVATE", "variants": []},
        ]
        if r() < 0.5:
            phone = f"+000 5{between(10, 99)} {between(100, 999)} {between(100, 999)}"
            entities.append({"text": phone, "type": "PHONE", "variants": []})
        age = between(18, 85)
        witness: dict[str, Any] = {
            "age": age,
            "age_band": f"{age // 10 * 10}-{age // 10 * 10 + 9}",
            "gender": pick(("m", "f", "x")),
            "occupation": pick(occupations),
            "displacement_status": pick(displacement),
        }
        if r() < 0.5:
            witness["identity"] = {
                "full_name": self._person_name(arabic),
                "phone": f"+000 9{between(10, 99)} {between(100000, 999999)}",
                "home_village": pick(places),
            }
        return {
            "witness": witness,
            "interview": {
                "date": interview_date,
                "place": pick(places),
                "interviewer": f"researcher R-{between(1, 40)}",
                "language": "ar" if arabic else "en",
                "interpreter": None,
            },
            "consent": {
                "recorded": True,
                "share_with_editors": r() < 0.8,
                "publish_anonymised": r() < 0.6,
                "quote_verbatim": r() < 0.3,
                "date": interview_date,
            },
            "narrative": narrative,
            "entities": entities,
            "incidents": incidents,
            "tags": list(pick(tag_sets)),
            "status": pick(("draft", "complete", "complete", "reviewed")),
        }

    def _remember(self, language: str, word: str) -> None:
        if len(self.rare_in_use[language]) < 100:
            self.rare_in_use[language].append(word)

    def _person_name(self, arabic: bool) -> str:
        names = self.ar_names if arabic else self.en_names
        return names[int(self._rng.random() * len(names))]

    def records(self, count: int) -> Iterator[dict[str, Any]]:
        for _ in range(count):
            yield self.record()

    def narrative(self, arabic: bool) -> str:
        """A fresh narrative alone (for edits), in the language asked for."""
        rng = self._rng
        if arabic:
            unique = f"وأضاف الشاهد أن {rng.choice(self.ar_rare)} قد تغير."
            return self._narrative(self._ar_pool, self._ar_sizes, unique)
        unique = f"The witness added that {rng.choice(self.en_rare)} had changed."
        return self._narrative(self._en_pool, self._en_sizes, unique)


def _invented_words(
    rng: random.Random, syllables: tuple[str, ...], count: int, joiner: str
) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add(joiner.join(rng.choices(syllables, k=rng.randint(3, 4))))
    return sorted(words)


def _person_name(rng: random.Random, *, arabic: bool) -> str:
    syllables = ARABIC_SYLLABLES if arabic else LATIN_SYLLABLES
    first = "".join(rng.choices(syllables, k=2))
    last = "".join(rng.choices(syllables, k=3))
    return f"{first} {last}" if arabic else f"{first.title()} {last.title()}"


def _arabic_digits(rng: random.Random, text: str) -> str:
    """Arabic-Indic digits most of the time, ASCII digits otherwise (both are typed)."""
    return text.translate(ARABIC_DIGITS) if rng.random() < 0.7 else text


def _with_tashkeel(rng: random.Random, word: str) -> str:
    return "".join(
        char + rng.choice(HARAKAT) if "\u0621" <= char <= "\u064a" and rng.random() < 0.6 else char
        for char in word
    )


def _with_tatweel(rng: random.Random, word: str) -> str:
    spots = [i for i, char in enumerate(word[:-1]) if "\u0628" <= char <= "\u064a"]
    spots = [i for i in spots if word[i] not in NON_JOINING]
    if not spots:
        return word
    index = rng.choice(spots)
    return word[: index + 1] + TATWEEL * rng.randint(1, 3) + word[index + 1 :]
