#!/usr/bin/env python3
"""Generate the labelled redaction corpus (English and Arabic).

    python tests/data/redaction/generate_corpus.py            # write + validate
    python tests/data/redaction/generate_corpus.py --check    # validate the files on disk, and that
                                                              # they (and README's counts) are current
    python tests/data/redaction/generate_corpus.py --markdown # also print the counts as Markdown

Everything in the corpus is fictional and synthetic: every person is invented (common given
names combined with invented family names), every home village, neighbourhood, farm, street and
building that is registered as private is invented, every phone number, e-mail address, ID
number, handle, URL, plate and coordinate is made up.  Real public places (Syrian towns,
districts, governorates, countries of refuge) and real public organisations appear on purpose:
they are what a redaction engine must keep.

Pure standard library, deterministic (seeded), and it validates its own output: it exits
non-zero, printing every problem, if a check fails.  See README.md beside this file for the
label format.
"""

# This module is mostly data: sentence pools in English and Arabic, whose lines are long and whose
# Arabic letters, primes and quotes are the point.
# ruff: noqa: E501, E741, RUF001

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict
from itertools import pairwise

SEED = 5_2025
N_PER_LANG = 32
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = {"en": os.path.join(HERE, "corpus_en.jsonl"), "ar": os.path.join(HERE, "corpus_ar.jsonl")}
MIN_WORDS, MAX_WORDS = 150, 600

# Minimum counts per language that the validator enforces.
MIN_PII = 25  # each of the pattern kinds below
PII_KINDS = (
    "phone",
    "email",
    "id_number",
    "handle",
    "url",
    "coordinates",
    "date_of_birth",
    "vehicle_plate",
)
MIN_PUBLIC_PLACE = 150
MIN_PUBLIC_ORG = 40
MIN_COMMON_WORD = 40
MIN_CW_TESTIMONIES = 15  # testimonies where the name is registered as a PERSON and used as a word

# ---------------------------------------------------------------------------------------------
# Script helpers
# ---------------------------------------------------------------------------------------------

AR_LETTER = "\u0621-\u064a\u0671-\u06d3"
AR_TASHKEEL = re.compile("[\u064b-\u0652\u0670]")
TATWEEL = "\u0640"
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
ALL_DIGITS = "0-9" + ARABIC_INDIC + PERSIAN
NON_CONNECTORS = set("اأإآدذرزوؤةى")


def to_arabic_digits(s: str) -> str:
    return s.translate(str.maketrans("0123456789", ARABIC_INDIC))


def to_persian_digits(s: str) -> str:
    return s.translate(str.maketrans("0123456789", PERSIAN))


def ascii_digits(s: str) -> str:
    return s.translate(str.maketrans(ARABIC_INDIC + PERSIAN, "0123456789" * 2))


def ar_norm(s: str) -> str:
    """The normalisation the corpus assumes an engine applies (only used by the validator)."""
    s = AR_TASHKEEL.sub("", s).replace(TATWEEL, "")
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ة", "ه").replace("ى", "ي").replace("ئ", "ي").replace("ؤ", "و")
    return ascii_digits(s).lower()


AR_PREFIXES = sorted(
    {
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "ال",
        "وال",
        "فال",
        "بال",
        "كال",
        "لل",
        "ولل",
        "فلل",
        "وبال",
        "فبال",
        "وكال",
        "وب",
        "ول",
        "فب",
        "فل",
        "وك",
        "فك",
    },
    key=len,
    reverse=True,
)


def ar_stems(token: str) -> set[str]:
    """Normalised token plus every clitic-stripped stem (without the article)."""
    t = ar_norm(token)
    out = {t}
    for p in AR_PREFIXES:
        if t.startswith(p) and len(t) - len(p) >= 2:
            out.add(t[len(p) :])
    more = set()
    for x in out:
        if x.startswith("ال") and len(x) > 3:
            more.add(x[2:])
        if x.endswith("ا") and len(x) > 3:  # tanween alef: جميلاً
            more.add(x[:-1])
    return out | more


def ar_core(word: str) -> str:
    w = ar_norm(word)
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def ar_attach(prefix: str, word: str) -> str:
    """Attach proclitics: ل + القصور -> للقصور, و + أيهم -> وأيهم."""
    if prefix.endswith("ل") and word.startswith("ال"):
        return prefix + word[1:]
    return prefix + word


def ar_spelling(word: str, rng: random.Random) -> str | None:
    """A common orthographic variant (hamza/alef, ta marbuta, alef maqsura, yeh)."""
    subs = []
    if re.search("[أإآ]", word):
        subs.append(lambda w: re.sub("[أإآ]", "ا", w))
    if "ة" in word:
        subs.append(lambda w: w.replace("ة", "ه"))
    if "ى" in word:
        subs.append(lambda w: w.replace("ى", "ي"))
    if "ئ" in word:
        subs.append(lambda w: w.replace("ئ", "ي"))
    if re.search("ي(?=\\s|$)", word):
        subs.append(lambda w: re.sub("ي(?=\\s|$)", "ى", w))
    if not subs:
        return None
    rng.shuffle(subs)
    k = rng.randint(1, len(subs))
    for f in subs[:k]:
        word = f(word)
    return word


def ar_tatweel(word: str, rng: random.Random) -> str | None:
    spots = [
        i
        for i in range(len(word) - 1)
        if "\u0621" <= word[i] <= "\u064a"
        and word[i] not in NON_CONNECTORS
        and "\u0621" <= word[i + 1] <= "\u064a"
        and word[i] != "ء"
    ]
    if not spots:
        return None
    i = rng.choice(spots)
    return word[: i + 1] + TATWEEL * rng.randint(1, 4) + word[i + 1 :]


def en_case_variants(s: str) -> list[str]:
    """Latin case / hyphen / spacing variants of a transliteration."""
    out = []
    if re.search(r"\b[Aa]l-", s):
        out += [
            re.sub(r"\bAl-", "al-", s),
            re.sub(r"\b[Aa]l-", "Al ", s),
            re.sub(r"\b[Aa]l-", "al", s),
            re.sub(r"\b[Aa]l-(\w)", lambda m: "Al" + m.group(1).lower(), s),
            s.upper(),
        ]
    if " " in s and not re.search(r"\b[Aa]l-", s):
        out += [s.replace(" ", "-"), s.upper()]
    if "-" in s and not re.search(r"\b[Aa]l-", s):
        out += [s.replace("-", " "), s.replace("-", "")]
    if not out:
        out = [s.upper(), s.lower()]
    return [x for x in dict.fromkeys(out) if x != s]


# ---------------------------------------------------------------------------------------------
# Text with labels
# ---------------------------------------------------------------------------------------------


class Frag:
    def __init__(self):
        self.parts: list[str] = []
        self.n = 0
        self.labels: list[dict] = []
        self.tpl = None

    def add(self, s: str):
        self.parts.append(s)
        self.n += len(s)

    def lab(self, s: str, expect: str, kind: str, form: str, **extra):
        d = {
            "start": self.n,
            "end": self.n + len(s),
            "text": s,
            "expect": expect,
            "kind": kind,
            "form": form,
        }
        d.update({k: v for k, v in extra.items() if v is not None})
        self.labels.append(d)
        self.add(s)

    def text(self) -> str:
        return "".join(self.parts)

    def extend(self, other: Frag):
        off = self.n
        for lab in other.labels:
            d = dict(lab)
            d["start"] += off
            d["end"] += off
            self.labels.append(d)
        self.add(other.text())

    def words(self) -> int:
        return len(self.text().split())

    def replace_label(self, lab: dict, new: str, form: str):
        t = self.text()
        s, e = lab["start"], lab["end"]
        delta = len(new) - (e - s)
        for other in self.labels:
            if other["start"] >= e:
                other["start"] += delta
                other["end"] += delta
        lab.update(end=s + len(new), text=new, form=form)
        self.parts = [t[:s] + new + t[e:]]
        self.n += delta

    def capitalise(self):
        t = self.text()
        m = re.match(r"[\s\"'“‘(]*", t)
        i = m.end()
        if (
            i < len(t)
            and t[i].islower()
            and not any(l["start"] <= i < l["end"] for l in self.labels)
        ):
            self.parts = [t[:i] + t[i].upper() + t[i + 1 :]]


# ---------------------------------------------------------------------------------------------
# Invented people and places (fictional), real public places and organisations
# ---------------------------------------------------------------------------------------------

# (English, Arabic, gender, English variant, Arabic with tashkeel)
GIVEN = [
    ("Ayham", "أيهم", "m", "Aiham", "أَيْهَم"),
    ("Hamza", "حمزة", "m", "Hamzeh", "حَمْزَة"),
    ("Mustafa", "مصطفى", "m", "Moustafa", "مُصْطَفى"),
    ("Ibrahim", "إبراهيم", "m", "Ebrahim", "إِبْراهِيم"),
    ("Osama", "أسامة", "m", "Usama", "أُسامَة"),
    ("Yahya", "يحيى", "m", "Yehia", "يَحْيى"),
    ("Issa", "عيسى", "m", "Eissa", "عِيسى"),
    ("Musa", "موسى", "m", "Moussa", "مُوسى"),
    ("Fadi", "فادي", "m", "Fady", "فادِي"),
    ("Sami", "سامي", "m", "Samy", "سامِي"),
    ("Hani", "هاني", "m", "Hany", "هانِي"),
    ("Iyad", "إياد", "m", "Eyad", "إِياد"),
    ("Anas", "أنس", "m", "Anass", "أَنَس"),
    ("Ahmad", "أحمد", "m", "Ahmed", "أَحْمَد"),
    ("Mahmoud", "محمود", "m", "Mahmud", "مَحْمُود"),
    ("Bilal", "بلال", "m", "Belal", "بِلال"),
    ("Tareq", "طارق", "m", "Tarek", "طارِق"),
    ("Wael", "وائل", "m", "Wa'el", "وائِل"),
    ("Ammar", "عمار", "m", "Amar", "عَمّار"),
    ("Yaser", "ياسر", "m", "Yasser", "ياسِر"),
    ("Rami", "رامي", "m", "Ramy", "رامِي"),
    ("Khaled", "خالد", "m", "Khalid", "خالِد"),
    ("Basel", "باسل", "m", "Bassel", "باسِل"),
    ("Ghaith", "غيث", "m", "Ghayth", "غَيْث"),
    ("Obeida", "عبيدة", "m", "Ubaida", "عُبَيْدَة"),
    ("Mouaz", "معاذ", "m", "Muath", "مُعاذ"),
    ("Hussam", "حسام", "m", "Houssam", "حُسام"),
    ("Nizar", "نزار", "m", "Nezar", "نِزار"),
    ("Raed", "رائد", "m", "Ra'ed", "رائِد"),
    ("Hilal", "هلال", "m", "Helal", "هِلال"),
    ("Abdul Rahman", "عبد الرحمن", "m", "Abdel Rahman", "عَبْد الرَّحْمن"),
    ("Abdul Qader", "عبد القادر", "m", "Abdel Kader", "عَبْد القادِر"),
    ("Fatima", "فاطمة", "f", "Fatma", "فاطِمَة"),
    ("Khawla", "خولة", "f", "Khaoula", "خَوْلَة"),
    ("Rana", "رنا", "f", None, "رَنا"),
    ("Salma", "سلمى", "f", "Selma", "سَلْمى"),
    ("Aya", "آية", "f", "Ayah", "آيَة"),
    ("Asmaa", "أسماء", "f", "Asma", "أَسْماء"),
    ("Israa", "إسراء", "f", "Esraa", "إِسْراء"),
    ("Aisha", "عائشة", "f", "Aysha", "عائِشَة"),
    ("Zeinab", "زينب", "f", "Zainab", "زَيْنَب"),
    ("Ghada", "غادة", "f", "Ghadah", "غادَة"),
    ("Maysaa", "ميساء", "f", "Maysa", "مَيْساء"),
    ("Nisreen", "نسرين", "f", "Nesrine", "نِسْرِين"),
    ("Rahaf", "رهف", "f", None, "رَهَف"),
    ("Samira", "سميرة", "f", "Samirah", "سَمِيرَة"),
    ("Sham", "شام", "f", "Cham", "شَام"),
    ("Dima", "ديما", "f", "Deema", "دِيما"),
    ("Lina", "لينا", "f", "Leena", "لِينا"),
    ("Ruqaya", "رقية", "f", "Ruqayya", "رُقَيَّة"),
]
# Given names that are also ordinary words.  key = the word's canonical form per language.
CW_GIVEN = [
    # en, ar, gender, en variant, ar diacritised, languages where it is a common word
    ("Amal", "أمل", "f", "Amel", "أَمَل", "en ar"),
    ("Karim", "كريم", "m", "Kareem", "كَرِيم", "en ar"),
    ("Nour", "نور", "f", "Noor", "نُور", "en ar"),
    ("Salam", "سلام", "f", "Salaam", "سَلام", "en ar"),
    ("Jamil", "جميل", "m", "Jameel", "جَمِيل", "en ar"),
    ("Hayat", "حياة", "f", "Hayyat", "حَياة", "en ar"),
    ("Sabah", "صباح", "f", "Sabbah", "صَباح", "en ar"),
    ("Farah", "فرح", "f", "Farrah", "فَرَح", "en ar"),
    ("Amin", "أمين", "m", "Ameen", "أَمِين", "en ar"),
    ("Said", "سعيد", "m", "Saeed", "سَعِيد", "ar"),
    ("Huda", "هدى", "f", "Houda", "هُدى", "ar"),
    ("Omar", "عمر", "m", "Umar", "عُمَر", "ar"),
    ("Rajaa", "رجاء", "f", "Raja", "رَجاء", "ar"),
    ("Wafaa", "وفاء", "f", "Wafa", "وَفاء", "ar"),
]
CW_WORDS = {"en": [g[0] for g in CW_GIVEN if "en" in g[5]], "ar": [g[1] for g in CW_GIVEN]}

# (English, Arabic, English variant, Arabic with tashkeel, Arabic variant spelling)
FAMILY = [
    ("Khadour", "خضور", "Khaddour", "خَضّور", "خدور"),
    ("Qatramez", "قطرمز", "Katramiz", "قَطْرَمِز", None),
    ("Sarraweh", "سراوة", "Sarrawa", "سَرّاوَة", None),
    ("Barhoum", "برهوم", "Barhum", "بَرْهُوم", None),
    ("Kanjo", "كنجو", "Kanjou", "كَنْجُو", None),
    ("Haddouj", "حدوج", "Hadduj", "حَدّوج", None),
    ("Shalhoub", "شلهوب", "Chalhoub", "شَلْهُوب", None),
    ("Dabbour", "دبور", "Dabbur", "دَبّور", None),
    ("Qaddah", "قداح", "Kaddah", "قَدّاح", None),
    ("Mannaa", "مناع", "Manna", "مَنّاع", None),
    ("Zarzour", "زرزور", "Zarzur", "زَرْزُور", None),
    ("Fattouh", "فتوح", "Fattuh", "فَتّوح", None),
    ("Shaddoud", "شدود", "Chaddoud", "شَدّود", None),
    ("Hamdoush", "حمدوش", "Hamdouche", "حَمْدُوش", None),
    ("Bakkour", "بكور", "Bakour", "بَكّور", None),
    ("Sawwah", "سواح", "Sawah", "سَوّاح", None),
    ("Qanbar", "قنبر", "Kanbar", "قَنْبَر", None),
    ("Dalloul", "دلول", "Dalul", "دَلّول", None),
    ("Jabbour", "جبور", "Jabour", "جَبّور", None),
    ("Shammout", "شموط", "Chammout", "شَمّوط", None),
    ("Kharrat", "خراط", "Kharat", "خَرّاط", None),
    ("Tabbaa", "طباع", "Tabbah", "طَبّاع", None),
    ("Rihawi", "ريحاوي", "Reehawi", "رِيحاوِي", "ريحاوى"),
    ("Qaddour", "قدور", "Kaddour", "قَدّور", None),
    ("Haffar", "حفار", "Hafar", "حَفّار", None),
    ("Sabbouh", "سبوح", "Sabbuh", "سَبّوح", None),
    ("Dakkak", "دكاك", "Dakak", "دَكّاك", None),
    ("Fallouh", "فلوح", "Falluh", "فَلّوح", None),
    ("Karrouma", "كرومة", "Karroumeh", "كَرّومَة", "كرومه"),
    ("Azzouz", "عزوز", "Azzuz", "عَزّوز", None),
    ("Shakkour", "شكور", "Chakour", "شَكّور", None),
    ("Al-Zaydouni", "الزيدوني", "Al-Zeidouni", "الزَّيْدُوني", "الزيدونى"),
    ("Al-Hasrouni", "الحسروني", "Al-Hasruni", "الحَسْرُوني", None),
    ("Al-Tarrouni", "الطروني", "Al-Taruni", "الطَّرُّوني", None),
    ("Al-Hamdouni", "الحمدوني", "Al-Hamduni", "الحَمْدُوني", None),
    ("Al-Fakhrani", "الفخراني", "Al-Fakhrany", "الفَخْراني", None),
    ("Al-Khalloufi", "الخلوفي", "Al-Khaloufi", "الخَلّوفي", None),
    ("Al-Marrouk", "المروك", "Al-Marouk", "المَرّوك", None),
    ("Al-Shannouri", "الشنوري", "Al-Chanouri", "الشَّنُّوري", None),
    ("Al-Battikhi", "البطيخي", "Al-Batikhi", "البَطّيخي", None),
    ("Al-Nahlawi", "النحلاوي", "Al-Nahlaoui", "النَّحْلاوي", None),
    ("Al-Kharboutli", "الخربوطلي", "Al-Kharbotly", "الخَرْبُوطْلي", None),
]

# Invented private places: (English, Arabic, type, English variant)
PRIVATE = [
    ("Al-Qusour", "القصور", "farm", "Al-Qsour"),
    ("Al-Safsafa", "الصفصافة", "farm", "Al-Safsafeh"),
    ("Al-Tawahin", "الطواحين", "street", "Al-Tawaheen"),
    ("Al-Sindiyan", "السنديان", "orchard", "Al-Sendyan"),
    ("Al-Kharrouba", "الخروبة", "farm", "Al-Kharroubeh"),
    ("Al-Hakoura", "الحاكورة", "orchard", "Al-Hakoureh"),
    ("Al-Bayyara", "البيارة", "orchard", "Al-Bayyareh"),
    ("Al-Rummaneh", "الرمانة", "building", "Al-Rummana"),
    ("Al-Jawzeh", "الجوزة", "building", "Al-Jawza"),
    ("Al-Mashatel", "المشاتل", "street", "Al-Mashatil"),
    ("Al-Dawali", "الدوالي", "farm", "Al-Dawaly"),
    ("Al-Ballouta", "البلوطة", "farm", "Al-Balloutah"),
    ("Al-Sawaqi", "السواقي", "alley", "Al-Sawaky"),
    ("Al-Karma", "الكرمة", "building", "Al-Karmeh"),
]
PRIV_WRAP = {
    "en": {
        "farm": "the {} farm",
        "orchard": "the {} orchard",
        "street": "{} Street",
        "building": "the {} building",
        "alley": "{} Alley",
    },
    "ar": {
        "farm": "مزرعة {}",
        "orchard": "بستان {}",
        "street": "شارع {}",
        "building": "بناية {}",
        "alley": "زقاق {}",
    },
}
# Invented home villages: (English, Arabic, English variant)
VILLAGES = [
    ("Tell Arnous", "تل عرنوس", "Tal Arnous"),
    ("Kafr Daboul", "كفر دبول", "Kfar Daboul"),
    ("Deir Shamis", "دير شميس", "Deir Shmeis"),
    ("Umm Zaytouna", "أم زيتونة", "Um Zaytouneh"),
    ("Kafr Azzoun", "كفر عزون", "Kfar Azzoun"),
    ("Ain Tarfa", "عين طرفا", "Ein Tarfa"),
    ("Tell Sfouk", "تل صفوك", "Tal Sfouk"),
    ("Marj al-Sawwan", "مرج الصوان", "Marj al-Sawan"),
    ("Deir Maarin", "دير معرين", "Deir Ma'rin"),
    ("Khirbet Sallat", "خربة سلاط", "Kherbet Sallat"),
    ("Hosh Qattina", "حوش قطينة", "Housh Qattina"),
    ("Tell Dahshan", "تل دهشان", "Tal Dahshan"),
    ("Umm al-Sarrouj", "أم السروج", "Um al-Srouj"),
    ("Abu Tuwayrat", "أبو طويرات", "Abou Tweirat"),
    ("Kafr Hanoun", "كفر حنون", "Kfar Hanoun"),
    ("Ain Jidla", "عين جدلة", "Ein Jedleh"),
    ("Mazraat al-Zaghloul", "مزرعة الزغلول", "Mazraet al-Zaghloul"),
    ("Tell Shammas", "تل شماس", "Tal Chammas"),
]
# Invented neighbourhoods: (English, Arabic, English variant)
HOODS = [
    ("Harat al-Fawwar", "حارة الفوار", "Haret al-Fawar"),
    ("Hay al-Ballan", "حي البلان", "Hay al-Balan"),
    ("Jourat al-Arayes", "جورة العرايس", "Jouret al-Arayis"),
    ("Harat al-Shammasneh", "حارة الشماسنة", "Haret al-Shamasna"),
    ("Hay al-Ajjan", "حي العجان", "Hay al-Ajan"),
    ("Harat al-Dabbagha", "حارة الدباغة", "Haret al-Dabagha"),
    ("Hay al-Mahalej", "حي المحالج", "Hay al-Mahalij"),
    ("Harat al-Kawwa", "حارة الكوا", "Haret al-Kawa"),
    ("Harat al-Tahhan", "حارة الطحان", "Haret al-Tahan"),
    ("Hay Jabal al-Rayhan", "حي جبل الريحان", "Hay Jabal al-Raihan"),
    ("Harat al-Qabban", "حارة القبان", "Haret al-Kabban"),
]
# Words that are generic in a place name and not a name part.
GENERIC = {
    "tell",
    "tal",
    "kafr",
    "kfar",
    "deir",
    "umm",
    "um",
    "abu",
    "abou",
    "ain",
    "ein",
    "marj",
    "khirbet",
    "kherbet",
    "hosh",
    "housh",
    "mazraat",
    "mazraet",
    "harat",
    "haret",
    "hay",
    "jourat",
    "jouret",
    "jabal",
    "al",
    "el",
    "abdul",
    "abdel",
    "abd",
    "تل",
    "كفر",
    "دير",
    "ام",
    "ابو",
    "عين",
    "مرج",
    "خربه",
    "حوش",
    "مزرعه",
    "حاره",
    "حي",
    "جوره",
    "جبل",
    "عبد",
}

# Real public places: key -> (English forms, Arabic form, level, lat, lon)
PLACES = {
    "homs": (["Homs"], "حمص", "city", 34.7308, 36.7090),
    "rastan": (["al-Rastan", "Rastan"], "الرستن", "town", 34.9270, 36.7330),
    "talbiseh": (["Talbiseh"], "تلبيسة", "town", 34.8420, 36.7300),
    "houla": (["al-Houla", "Houla"], "الحولة", "town", 34.8800, 36.5300),
    "qusayr": (["al-Qusayr", "Qusayr"], "القصير", "town", 34.5090, 36.5800),
    "talkalakh": (["Tal Kalakh"], "تلكلخ", "town", 34.6700, 36.2500),
    "babaamr": (["Baba Amr"], "بابا عمرو", "district", 34.7160, 36.6900),
    "khalidiya": (["al-Khalidiya", "Khalidiya"], "الخالدية", "district", 34.7480, 36.7080),
    "waer": (["al-Waer"], "الوعر", "district", 34.7420, 36.6620),
    "babsebaa": (["Bab al-Sebaa"], "باب السباع", "district", 34.7270, 36.7200),
    "babhood": (["Bab Hood"], "باب هود", "district", 34.7310, 36.7180),
    "deirbaalba": (["Deir Baalba"], "دير بعلبة", "district", 34.7550, 36.7250),
    "hama": (["Hama"], "حماة", "city", 35.1318, 36.7578),
    "kafrzita": (["Kafr Zita"], "كفرزيتا", "town", 35.3750, 36.6000),
    "latamneh": (["al-Latamneh", "Latamneh"], "اللطامنة", "town", 35.3200, 36.6200),
    "halfaya": (["Halfaya"], "حلفايا", "town", 35.2600, 36.6100),
    "souran": (["Souran"], "صوران", "town", 35.2900, 36.7400),
    "morek": (["Morek"], "مورك", "town", 35.3700, 36.6900),
    "idlib": (["Idlib"], "إدلب", "city", 35.9306, 36.6339),
    "saraqib": (["Saraqib"], "سراقب", "town", 35.8650, 36.8000),
    "maarat": (["Maarat al-Numan"], "معرة النعمان", "town", 35.6480, 36.6720),
    "jisr": (["Jisr al-Shughour"], "جسر الشغور", "town", 35.8120, 36.3170),
    "khanshaykhun": (["Khan Shaykhun"], "خان شيخون", "town", 35.4410, 36.6480),
    "kafrnabl": (["Kafr Nabl"], "كفرنبل", "town", 35.6140, 36.5610),
    "ariha": (["Ariha"], "أريحا", "town", 35.8130, 36.6070),
    "zawiya": (["Jabal al-Zawiya"], "جبل الزاوية", "district", 35.7200, 36.5500),
    "aleppo": (["Aleppo"], "حلب", "city", 36.2021, 37.1343),
    "azaz": (["Azaz"], "أعزاز", "town", 36.5860, 37.0460),
    "manbij": (["Manbij"], "منبج", "town", 36.5280, 37.9550),
    "anadan": (["Anadan"], "عندان", "town", 36.2950, 37.0450),
    "haritan": (["Haritan"], "حريتان", "town", 36.2850, 37.0900),
    "talrifaat": (["Tal Rifaat"], "تل رفعت", "town", 36.4700, 37.1000),
    "daraa": (["Daraa"], "درعا", "city", 32.6189, 36.1021),
    "busra": (["Busra al-Sham"], "بصرى الشام", "town", 32.5170, 36.4810),
    "nawa": (["Nawa"], "نوى", "town", 32.8900, 36.0400),
    "inkhil": (["Inkhil"], "إنخل", "town", 33.0160, 36.1270),
    "tafas": (["Tafas"], "طفس", "town", 32.7400, 36.0700),
    "dael": (["Da'el"], "داعل", "town", 32.7570, 36.1300),
    "damascus": (["Damascus"], "دمشق", "city", 33.5138, 36.2765),
    "sham": (["al-Sham"], "الشام", "city", 33.5138, 36.2765),
    "douma": (["Douma"], "دوما", "town", 33.5710, 36.4020),
    "darayya": (["Darayya"], "داريا", "town", 33.4580, 36.2360),
    "zabadani": (["Zabadani"], "الزبداني", "town", 33.7250, 36.1000),
    "madaya": (["Madaya"], "مضايا", "town", 33.6890, 36.0960),
    "ghouta": (["Eastern Ghouta"], "الغوطة الشرقية", "district", 33.5500, 36.4500),
    "yarmouk": (["Yarmouk camp"], "مخيم اليرموك", "district", 33.4750, 36.3030),
    "latakia": (["Latakia"], "اللاذقية", "city", 35.5317, 35.7901),
    "syria": (["Syria"], "سوريا", "country", 35.0, 38.0),
    "lebanon": (["Lebanon"], "لبنان", "country", 33.9, 35.8),
    "arsal": (["Arsal"], "عرسال", "town", 34.1790, 36.4200),
    "tripoli": (["Tripoli"], "طرابلس", "city", 34.4367, 35.8497),
    "beirut": (["Beirut"], "بيروت", "city", 33.8938, 35.5018),
    "bekaa": (["the Bekaa"], "البقاع", "governorate", 33.85, 35.9),
    "iraq": (["Iraq"], "العراق", "country", 33.0, 44.0),
    "wadikhaled": (["Wadi Khaled"], "وادي خالد", "district", 34.6000, 36.2000),
    "akkar": (["Akkar"], "عكار", "governorate", 34.5500, 36.1000),
    "turkey": (["Turkey"], "تركيا", "country", 39.0, 35.0),
    "gaziantep": (["Gaziantep"], "غازي عنتاب", "city", 37.0662, 37.3833),
    "antakya": (["Antakya"], "أنطاكيا", "city", 36.2021, 36.1600),
    "reyhanli": (["Reyhanli"], "الريحانية", "town", 36.2690, 36.5670),
    "kilis": (["Kilis"], "كلس", "town", 36.7184, 37.1212),
    "istanbul": (["Istanbul"], "إسطنبول", "city", 41.0082, 28.9784),
    "urfa": (["Urfa"], "أورفة", "city", 37.1591, 38.7969),
    "jordan": (["Jordan"], "الأردن", "country", 31.0, 36.0),
    "zaatari": (["Zaatari camp"], "مخيم الزعتري", "camp", 32.2950, 36.3250),
    "amman": (["Amman"], "عمّان", "city", 31.9539, 35.9106),
    "irbid": (["Irbid"], "إربد", "city", 32.5556, 35.8500),
    "ramtha": (["Ramtha"], "الرمثا", "town", 32.5600, 36.0000),
    "germany": (["Germany"], "ألمانيا", "country", 51.0, 10.0),
    "berlin": (["Berlin"], "برلين", "city", 52.5200, 13.4050),
    "hamburg": (["Hamburg"], "هامبورغ", "city", 53.5511, 9.9937),
    "babhawa": (["Bab al-Hawa"], "باب الهوى", "crossing", 36.2300, 36.6700),
    "babsalama": (["Bab al-Salama"], "باب السلامة", "crossing", 36.6400, 37.0700),
    "erbil": (["Erbil"], "أربيل", "city", 36.1911, 44.0092),
}
GOVERNORATE = {
    "homs_city": "homs",
    "homs_rural": "homs",
    "hama": "hama",
    "idlib": "idlib",
    "aleppo": "aleppo",
    "daraa": "daraa",
    "damascus": "damascus",
}
REGIONS = {
    "homs_city": ["babaamr", "khalidiya", "waer", "babsebaa", "babhood", "deirbaalba"],
    "homs_rural": ["rastan", "talbiseh", "houla", "qusayr", "talkalakh"],
    "hama": ["hama", "kafrzita", "latamneh", "halfaya", "souran", "morek"],
    "idlib": ["idlib", "saraqib", "maarat", "jisr", "khanshaykhun", "kafrnabl", "ariha", "zawiya"],
    "aleppo": ["aleppo", "azaz", "manbij", "anadan", "haritan", "talrifaat"],
    "daraa": ["daraa", "busra", "nawa", "inkhil", "tafas", "dael"],
    "damascus": ["douma", "darayya", "zabadani", "madaya", "ghouta", "yarmouk"],
}
REFUGE = {  # region -> [(country, [cities]), ...]
    "homs_city": [
        ("lebanon", ["tripoli", "beirut", "bekaa", "akkar"]),
        ("turkey", ["gaziantep", "istanbul"]),
    ],
    "homs_rural": [
        ("lebanon", ["arsal", "tripoli", "akkar", "bekaa"]),
        ("turkey", ["antakya", "gaziantep"]),
    ],
    "hama": [("turkey", ["antakya", "reyhanli", "gaziantep", "urfa"])],
    "idlib": [("turkey", ["reyhanli", "antakya", "kilis", "gaziantep"])],
    "aleppo": [("turkey", ["kilis", "gaziantep", "urfa", "istanbul"]), ("iraq", ["erbil"])],
    "daraa": [("jordan", ["zaatari", "amman", "irbid", "ramtha"])],
    "damascus": [("lebanon", ["beirut", "bekaa", "arsal"]), ("jordan", ["amman", "zaatari"])],
}
CROSSING = {
    "lebanon": ["wadikhaled", "arsal"],
    "turkey": ["babhawa", "babsalama"],
    "jordan": ["ramtha"],
    "iraq": [],
}

# Real public organisations: key -> (English forms, Arabic forms)
ORGS = {
    "unhcr": (
        ["UNHCR", "the UN refugee agency"],
        ["المفوضية", "مفوضية اللاجئين", "المفوضية السامية للأمم المتحدة لشؤون اللاجئين"],
    ),
    "icrc": (
        ["the ICRC", "the International Committee of the Red Cross", "the Red Cross"],
        ["اللجنة الدولية للصليب الأحمر", "الصليب الأحمر"],
    ),
    "sarc": (
        ["the Syrian Arab Red Crescent", "the Red Crescent", "SARC"],
        ["الهلال الأحمر العربي السوري", "الهلال الأحمر"],
    ),
    "unicef": (["UNICEF"], ["اليونيسف", "منظمة اليونيسف"]),
    "who": (["WHO", "the World Health Organization"], ["منظمة الصحة العالمية"]),
    "council": (["the local council"], ["المجلس المحلي"]),
    "civil": (["the White Helmets", "Syria Civil Defence"], ["الدفاع المدني", "الخوذ البيضاء"]),
    "msf": (["MSF", "Médecins Sans Frontières"], ["أطباء بلا حدود"]),
    "wfp": (["the World Food Programme", "WFP"], ["برنامج الأغذية العالمي"]),
    "un": (["the United Nations"], ["الأمم المتحدة"]),
    "iom": (["IOM"], ["منظمة الهجرة الدولية"]),
}

OCCUPATIONS = {
    "en": {
        "m": [
            "a teacher",
            "a farmer",
            "a nurse",
            "a taxi driver",
            "a tailor",
            "a baker",
            "a carpenter",
            "a pharmacist",
            "a student",
            "a mechanic",
            "a shopkeeper",
            "a civil servant",
            "a builder",
        ],
        "f": [
            "a teacher",
            "a farmer",
            "a nurse",
            "a seamstress",
            "a pharmacist",
            "a student",
            "a hairdresser",
            "a civil servant",
            "a midwife",
        ],
    },
    "ar": {
        "m": [
            "معلماً",
            "مزارعاً",
            "ممرضاً",
            "سائق تكسي",
            "خياطاً",
            "فراناً",
            "نجاراً",
            "صيدلانياً",
            "طالباً في الجامعة",
            "ميكانيكياً",
            "صاحب دكان",
            "موظفاً في البلدية",
            "عامل بناء",
        ],
        "f": [
            "معلمة",
            "مزارعة",
            "ممرضة",
            "خياطة",
            "صيدلانية",
            "طالبة في الجامعة",
            "مصففة شعر",
            "موظفة في البلدية",
            "قابلة قانونية",
        ],
    },
}

# Perpetrators as a witness would describe them, by incident type.
PERPS = {
    "en": {
        "shelling": [
            "army artillery on the hill",
            "government aircraft",
            "a helicopter",
            "tanks stationed at the silos",
            "rocket launchers in the military base",
        ],
        "raid": [
            "men in military uniform",
            "a local militia",
            "masked gunmen",
            "soldiers and plain-clothes men",
            "members of a pro-government militia",
        ],
        "detention": [
            "security forces",
            "men from Air Force Intelligence",
            "soldiers at the checkpoint",
            "men in military uniform",
            "an armed group that controlled the area",
        ],
        "looting": [
            "members of a local militia",
            "soldiers",
            "armed men from outside the town",
            "men in military uniform",
        ],
        "arson": ["men in military uniform", "a local militia", "masked gunmen", "soldiers"],
    },
    "ar": {
        "shelling": [
            "مدفعية الجيش المتمركزة على التلة",
            "الطيران الحربي",
            "طائرة مروحية",
            "الدبابات المتمركزة عند الصوامع",
            "راجمات الصواريخ في الثكنة",
        ],
        "raid": [
            "رجال بلباس عسكري",
            "ميليشيا محلية",
            "مسلحون ملثمون",
            "عسكريون ومعهم رجال بلباس مدني",
            "عناصر من الشبيحة",
        ],
        "detention": [
            "عناصر الأمن",
            "عناصر من المخابرات الجوية",
            "عناصر الحاجز",
            "رجال بلباس عسكري",
            "فصيل مسلح كان يسيطر على المنطقة",
        ],
        "looting": ["عناصر من ميليشيا محلية", "عساكر", "مسلحون من خارج البلدة", "رجال بلباس عسكري"],
        "arson": ["رجال بلباس عسكري", "ميليشيا محلية", "مسلحون ملثمون", "عساكر"],
    },
}
VIOLATIONS = {
    "shelling": [
        ["indiscriminate_attack", "killing"],
        ["indiscriminate_attack", "injury"],
        ["indiscriminate_attack", "destruction_of_property"],
        ["indiscriminate_attack"],
    ],
    "raid": [
        ["killing", "summary_execution"],
        ["killing"],
        ["summary_execution", "threats_intimidation"],
    ],
    "detention": [
        ["arbitrary_detention", "enforced_disappearance"],
        ["arbitrary_detention", "torture"],
        ["arbitrary_detention"],
        ["kidnapping", "enforced_disappearance"],
    ],
    "looting": [
        ["looting"],
        ["looting", "property_seizure"],
        ["looting", "destruction_of_property"],
    ],
    "arson": [["arson", "destruction_of_property"], ["arson"], ["arson", "forced_displacement"]],
}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "ar": [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
}


# ---------------------------------------------------------------------------------------------
# Registered things (entities and the witness's identity) and how they are mentioned
# ---------------------------------------------------------------------------------------------


class Reg:
    def __init__(self, t: Testimony, ref: str, value: str, variants: list[str]):
        self.t, self.ref, self.value = t, ref, value
        self.variants = [v for v in variants if v and v != value]
        self.pending = list(self.variants)
        self.n = 0
        self.forms = Counter()

    @property
    def rng(self):
        return self.t.rng

    @property
    def lang(self):
        return self.t.lang

    def lab(self, frag: Frag, text: str, form: str, variant: str | None = None):
        frag.lab(text, "redact", "registered", form, ref=self.ref, variant=variant)
        self.t.form_have[form] += 1
        self.n += 1
        self.forms[form] += 1
        if variant in self.pending:
            self.pending.remove(variant)

    def want(self) -> int:
        """How much a template mentioning this thing helps (for template choice)."""
        return (4 if self.n == 0 else 0) + (2 if self.pending else 0)


class PersonReg(Reg):
    def __init__(self, t, ref, grow, frow, role, rel):
        lang = t.lang
        self.gender = grow[2]
        self.role, self.rel = role, rel
        self.cw = grow[0] if len(grow) > 5 and lang in grow[5] else None
        if lang == "en":
            self.given, self.family = grow[0], frow[0]
            self.given_alt, self.family_alt = grow[3], frow[2]
            self.diac = None
        else:
            self.given, self.family = grow[1], frow[1]
            self.given_alt, self.family_alt = None, frow[4]
            self.diac = (grow[4], frow[3])
        self.latin = grow[0] + " " + frow[0]
        full = self.given + " " + self.family
        variants = []
        r = t.rng.random()
        if lang == "en":
            if r < 0.35 and self.given_alt:
                variants.append(self.given_alt + " " + self.family)
            elif r < 0.7:
                variants.append(self.given + " " + self.family_alt)
        else:
            if r < 0.3:
                variants.append(self.latin)
            elif r < 0.5 and self.family_alt:
                variants.append(self.given + " " + self.family_alt)
        super().__init__(t, ref, full, variants)
        hons = {
            "en": {"m": ["Hajj", "Sheikh", "Dr.", "Ustaz"], "f": ["Hajja", "Dr.", "Ustaza"]},
            "ar": {
                "m": ["الحاج", "الشيخ", "الدكتور", "الأستاذ"],
                "f": ["الحاجة", "الدكتورة", "الأستاذة"],
            },
        }
        self.honorific = t.rng.choice(hons[lang][self.gender])

    # -- the surface forms
    def parts(self):
        return {"given": self.given, "family": self.family}

    def generic(self, frag: Frag, first_full=True):
        rng = self.rng
        if self.n == 0 and first_full:
            return self.lab(frag, self.value, "full")
        if self.pending and rng.random() < 0.55:
            v = self.pending[0]
            if self.lang == "ar" and re.search("[A-Za-z]", v):
                return self.render(frag, rng.choice(["given", "spelling", "diacritised"]))
            if rng.random() < 0.7:
                return self.lab(frag, v, "variant", variant=v)
            return self.lab(
                frag,
                v.split(" ")[0] if v.split(" ")[0] != self.given else v.split(" ", 1)[1],
                "variant",
                variant=v,
            )
        for f in ("spelling", "diacritised", "case_spacing"):
            if f in self.t.form_quota and not self.t.form_have[f] and rng.random() < 0.7:
                if (
                    f == "spelling"
                    and self.lang == "ar"
                    and (
                        ar_spelling(self.given, random.Random(0))
                        or ar_spelling(self.family, random.Random(0))
                    )
                ):
                    return self.render(frag, "spelling")
                if f == "diacritised" and self.lang == "ar":
                    return self.render(frag, "diacritised")
                if f == "case_spacing" and self.lang == "en":
                    return self.render(frag, "case_soft")
        opts = [("given", 45), ("family", 12), ("full", 10)]
        if self.lang == "ar":
            if ar_spelling(self.given, random.Random(0)) or ar_spelling(
                self.family, random.Random(0)
            ):
                opts.append(("spelling", 16))
            opts.append(("diacritised", 12))
        elif re.search(r"\bAl-| ", self.family) or " " in self.given:
            opts.append(("case_soft", 14))
        form = rng.choices([o[0] for o in opts], [o[1] for o in opts])[0]
        return self.render(frag, form)

    def render(self, frag, form):
        rng = self.rng
        if form == "given":
            return self.lab(frag, self.given, "part")
        if form == "family":
            return self.lab(frag, self.family, "part")
        if form == "full":
            return self.lab(frag, self.value, "full")
        if form == "spelling":
            cands = []
            for w in (self.given, self.family, self.value):
                v = ar_spelling(w, rng)
                if v and v != w:
                    cands.append(v)
            if not cands:
                return self.render(frag, "given")
            return self.lab(frag, rng.choice(cands), "spelling")
        if form == "diacritised":
            r = rng.random()
            if r < 0.45:
                s = self.diac[0]
            elif r < 0.6:
                s = self.diac[0] + " " + self.diac[1]
            elif r < 0.75:
                s = self.diac[1]
            else:
                s = ar_tatweel(rng.choice([self.given, self.family]), rng) or self.diac[0]
            return self.lab(frag, s, "diacritised")
        if form in ("case", "case_soft"):
            base = rng.choice(
                [self.value, self.family] if (" " not in self.given) else [self.value, self.given]
            )
            cands = [c for c in en_case_variants(base) if c != base.lower()] or en_case_variants(
                base
            )
            soft = [c for c in cands if c not in (base.upper(), base.lower())]
            if form == "case_soft":
                if not soft:
                    return self.render(frag, "given")
                cands = soft
            return self.lab(frag, rng.choice(cands), "case_spacing")
        raise ValueError(form)

    def mention(self, frag: Frag, arg: str | None):
        rng, lang = self.rng, self.lang
        if arg is None:
            return self.generic(frag)
        if arg == "full":
            return self.render(frag, "full")
        if arg == "given":
            if lang == "ar" and self.n > 0:
                r = rng.random()
                sp = ar_spelling(self.given, rng)
                if r < 0.16 and sp:
                    return self.lab(frag, sp, "spelling")
                if r < 0.28:
                    return self.lab(
                        frag,
                        self.diac[0]
                        if rng.random() < 0.6
                        else (ar_tatweel(self.given, rng) or self.diac[0]),
                        "diacritised",
                    )
            return self.render(frag, "given")
        if arg == "family":
            return self.render(frag, "family")
        if arg in ("fam", "Fam"):
            if lang == "en":
                frag.add("The " if arg == "Fam" else "the ")
                self.lab(frag, self.family, "family")
                frag.add(" family")
            else:
                frag.add(rng.choice(["عائلة ", "آل ", "بيت ", "دار ", "عائلة "]))
                self.lab(frag, self.family, "family")
            return
        if arg == "famname":
            return self.lab(frag, self.family, "family")
        if arg in ("abu", "umm"):
            if lang == "en":
                word = (
                    rng.choice(["Abu", "Abu", "Abou"])
                    if arg == "abu"
                    else rng.choice(["Umm", "Umm", "Um"])
                )
            else:
                word = (
                    rng.choice(["أبو", "أبو", "ابو"])
                    if arg == "abu"
                    else rng.choice(["أم", "أم", "ام"])
                )
            return self.lab(frag, word + " " + self.given, "kunya")
        if arg == "case":
            if lang == "ar":
                return self.generic(frag)
            return self.render(frag, "case")
        if arg == "hon":
            frag.add(self.honorific + " ")
            if self.n == 0 or rng.random() < 0.3:
                return self.render(frag, "full")
            return self.render(frag, "given")
        if arg == "var":
            if self.pending or self.variants:
                v = self.pending[0] if self.pending else rng.choice(self.variants)
                return self.lab(frag, v, "variant", variant=v)
            return self.generic(frag)
        if arg.startswith("cl="):
            pre = arg[3:]
            base = rng.choices([self.given, self.value, self.family], [6, 3, 1])[0]
            return self.lab(frag, ar_attach(pre, base), "clitic")
        raise ValueError(arg)


class PlaceReg(Reg):
    """A registered private place (farm, street, building) or the witness's village/neighbourhood."""

    def __init__(self, t, ref, value, variants, ptype=None, part=None):
        super().__init__(t, ref, value, variants)
        self.ptype, self.part = ptype, part

    def generic(self, frag):
        rng = self.rng
        if self.n == 0:
            return self.lab(frag, self.value, "full")
        if self.pending and rng.random() < 0.5:
            v = self.pending[0]
            return self.lab(frag, v, "variant", variant=v)
        opts = [("full", 30)]
        if self.part:
            opts.append(("part", 25))
        if self.lang == "en":
            opts.append(("case", 25))
        else:
            if ar_spelling(self.value, random.Random(0)):
                opts.append(("spelling", 20))
            opts.append(("diacritised", 15))
        form = rng.choices([o[0] for o in opts], [o[1] for o in opts])[0]
        if form == "full":
            return self.lab(frag, self.value, "full")
        if form == "part":
            return self.lab(frag, self.part, "part")
        if form == "case":
            return self.lab(frag, rng.choice(en_case_variants(self.value)), "case_spacing")
        if form == "spelling":
            return self.lab(frag, ar_spelling(self.value, rng), "spelling")
        words = self.value.split(" ")
        i = max(range(len(words)), key=lambda k: len(words[k]))
        tw = ar_tatweel(words[i], rng)
        if tw is None:
            return self.lab(frag, self.value, "full")
        words[i] = tw
        return self.lab(frag, " ".join(words), "diacritised")

    def mention(self, frag, arg):
        if arg in (None, "wrap") and self.ptype:
            wrap = PRIV_WRAP[self.lang][self.ptype]
            pre, post = wrap.split("{}")
            frag.add(pre)
            self.generic(frag)
            frag.add(post)
            return
        if arg in (None, "bare"):
            return self.generic(frag)
        if arg == "full":
            return self.lab(frag, self.value, "full")
        if arg == "part" and self.part:
            return self.lab(frag, self.part, "part")
        if arg == "case":
            if self.lang == "en":
                return self.lab(frag, self.rng.choice(en_case_variants(self.value)), "case_spacing")
            return self.generic(frag)
        if arg == "var":
            if self.variants:
                v = self.pending[0] if self.pending else self.rng.choice(self.variants)
                return self.lab(frag, v, "variant", variant=v)
            return self.generic(frag)
        if arg.startswith("cl="):
            return self.lab(frag, ar_attach(arg[3:], self.value), "clitic")
        return self.generic(frag)


class NickReg(Reg):
    def generic(self, frag):
        rng = self.rng
        if self.n == 0:
            return self.lab(frag, self.value, "full")
        if self.pending and rng.random() < 0.6 and self.lang == "en":
            v = self.pending[0]
            return self.lab(frag, v, "variant", variant=v)
        if self.lang == "en":
            if rng.random() < 0.5:
                return self.lab(
                    frag,
                    rng.choice(
                        [self.value.lower(), self.value.replace(" ", "-"), self.value.upper()]
                    ),
                    "case_spacing",
                )
            return self.lab(frag, self.value, "full")
        r = rng.random()
        if r < 0.4:
            return self.lab(
                frag, ar_spelling(self.value, rng) or self.value.replace("أ", "ا"), "spelling"
            )
        if r < 0.6:
            abu, name = self.value.split(" ", 1)
            return self.lab(frag, abu + " " + (ar_tatweel(name, rng) or name), "diacritised")
        return self.lab(frag, self.value, "full")

    def mention(self, frag, arg):
        if arg and arg.startswith("cl="):
            return self.lab(frag, ar_attach(arg[3:], self.value), "clitic")
        if arg == "full":
            return self.lab(frag, self.value, "full")
        if arg == "var" and self.variants:
            v = self.pending[0] if self.pending else self.variants[0]
            return self.lab(frag, v, "variant", variant=v)
        return self.generic(frag)


def phone_digits(nat: str) -> str:
    return re.sub(r"\D", "", ascii_digits(nat))


class NumReg(Reg):
    """Registered phone / ID number / plate / date of birth."""

    def __init__(self, t, ref, value, variants, kind, alts):
        super().__init__(t, ref, value, variants)
        self.kind = kind
        self.alts = [a for a in alts if a != value and a not in self.variants]

    def generic(self, frag):
        rng = self.rng
        if self.n == 0 and rng.random() < 0.75:
            return self.lab(frag, self.value, "full")
        if self.pending:
            v = self.pending[0]
            return self.lab(frag, v, "variant", variant=v)
        s = rng.choice(self.alts)
        if self.lang == "ar" and rng.random() < 0.7:
            s = to_persian_digits(s) if rng.random() < 0.12 else to_arabic_digits(s)
        return self.lab(frag, s, "digits")

    def mention(self, frag, arg):
        if arg == "full":
            return self.lab(frag, self.value, "full")
        return self.generic(frag)


class TextReg(Reg):
    """Registered e-mail or social handle."""

    def __init__(self, t, ref, value, variants, alts=()):
        super().__init__(t, ref, value, variants)
        self.alts = list(alts)

    def generic(self, frag):
        rng = self.rng
        if self.n == 0:
            return self.lab(frag, self.value, "full")
        if self.pending:
            v = self.pending[0]
            return self.lab(frag, v, "variant", variant=v)
        if self.alts and rng.random() < 0.6:
            return self.lab(frag, rng.choice(self.alts), "case_spacing")
        return self.lab(frag, self.value, "full")

    def mention(self, frag, arg):
        return self.generic(frag)


# ---------------------------------------------------------------------------------------------
# Unregistered personal data (patterns): all invented
# ---------------------------------------------------------------------------------------------

HANDLE_WORDS = [
    "jasmine",
    "olive",
    "orontes",
    "dove",
    "falcon",
    "cedar",
    "moonlight",
    "lemon",
    "rose",
    "sunflower",
    "swallow",
    "pomegranate",
    "anemone",
    "almond",
    "mulberry",
    "river",
    "stone",
    "wheat",
    "pine",
    "fig",
    "apricot",
    "sparrow",
    "cypress",
    "vine",
    "morning.star",
    "oak",
    "lantern",
    "violet",
    "basil",
    "quince",
    "nightingale",
    "hawk",
    "meadow",
]
MAIL_DOMAINS = [
    "gmail.com",
    "hotmail.com",
    "yahoo.com",
    "outlook.com",
    "protonmail.com",
    "icloud.com",
]


def _d(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def _word(rng):
    return rng.choice(HANDLE_WORDS).replace(".", "_")


def gen_phone(rng, country=None):
    """(text, form) for a valid-looking phone number of the given country."""
    country = (
        country
        or rng.choices(
            ["sy_mob", "sy_land", "tr", "lb", "de", "jo", "iq"], [38, 10, 14, 14, 8, 12, 4]
        )[0]
    )
    if country == "sy_mob":
        n = "9" + rng.choice("345689") + rng.choice("0123456789") + _d(rng, 6)  # 9 digits
        a, b, c = n[:3], n[3:6], n[6:]
        fmts = {
            "intl": f"+963 {a} {b} {c}",
            "intl_dash": f"+963-{a}-{b}-{c}",
            "intl_compact": f"+963{n}",
            "00": f"00963 {a} {b} {c}",
            "national": f"0{a} {b} {c}",
            "national_dash": f"0{a}-{b}-{c}",
            "national_dot": f"0{a}.{b}.{c}",
            "national_compact": f"0{n}",
            "brackets": f"(0{a}) {b}{c}",
        }
        cc = "SY"
    elif country == "sy_land":
        area = rng.choice(["11", "21", "31", "33"])
        n = rng.choice("2345") + _d(rng, 6)
        fmts = {
            "national_brackets": f"(0{area}) {n[:3]} {n[3:]}",
            "national_dash": f"0{area}-{n[:3]}-{n[3:]}",
            "intl": f"+963 {area} {n[:3]} {n[3:]}",
            "national": f"0{area} {n[:3]} {n[3:]}",
        }
        cc = "SY"
    elif country == "tr":
        op = rng.choice(["532", "533", "535", "505", "542", "544", "553", "555"])
        r = _d(rng, 7)
        fmts = {
            "intl": f"+90 {op} {r[:3]} {r[3:5]} {r[5:]}",
            "intl_brackets": f"+90 ({op}) {r[:3]} {r[3:5]} {r[5:]}",
            "00": f"0090 {op} {r[:3]} {r[3:]}",
            "national": f"0{op} {r[:3]} {r[3:5]} {r[5:]}",
            "intl_compact": f"+90{op}{r}",
        }
        cc = "TR"
    elif country == "lb":
        op = rng.choice(["3", "70", "71", "76", "78", "81"])
        r = _d(rng, 6)
        if op in ("76", "78"):  # 76[013-9]x, 78[7-9]x are the allocated mobile ranges
            r = rng.choice("013456789" if op == "76" else "789") + r[1:]
        fmts = {
            "intl": f"+961 {op} {r[:3]} {r[3:]}",
            "intl_dash": f"+961-{op}-{r[:3]}-{r[3:]}",
            "00": f"00961 {op} {r[:3]} {r[3:]}",
            "national": f"0{op} {r[:3]} {r[3:]}" if op == "3" else f"{op} {r[:3]} {r[3:]}",
        }
        cc = "LB"
    elif country == "de":
        op = rng.choice(["151", "152", "157", "160", "170", "176", "178"])
        r = _d(rng, 8 if op in ("151", "152", "157", "176", "178") else 7)
        fmts = {
            "intl": f"+49 {op} {r}",
            "intl_0": f"+49 (0){op} {r[:4]} {r[4:]}",
            "00": f"0049 {op} {r}",
            "national": f"0{op} {r}",
        }
        cc = "DE"
    elif country == "jo":
        op = rng.choice(["77", "78", "79"])
        r = _d(rng, 7)
        if op != "79":  # 7[78][0-25-9]x
            r = rng.choice("0125789") + r[1:]
        fmts = {
            "intl": f"+962 7 {op[1]}{r[:3]} {r[3:]}",
            "intl2": f"+962 {op} {r[:3]} {r[3:]}",
            "00": f"00962 {op} {r[:3]} {r[3:]}",
            "national": f"0{op} {r[:3]} {r[3:]}",
        }
        cc = "JO"
    else:
        op = rng.choice(["750", "751", "770", "780"])
        r = _d(rng, 7)
        fmts = {"intl": f"+964 {op} {r[:3]} {r[3:]}", "00": f"00964 {op} {r}"}
        cc = "IQ"
    k = rng.choice(sorted(fmts))
    return fmts[k], f"{cc}_{k}"


def phone_alts(value: str) -> list[str]:
    """Other ways of writing the same registered number (separators, with or without country code)."""
    d = phone_digits(value)
    if d.startswith("00"):
        d = d[2:]
    elif d.startswith("0") and len(d) == 10 and d[1] == "9":  # Syrian national 09XX XXX XXX
        d = "963" + d[1:]
    elif d.startswith("0") and len(d) == 11 and d[1] == "5":  # Turkish national 05XX
        d = "90" + d[1:]
    elif d.startswith("07") and len(d) == 10:  # Jordanian national 07X
        d = "962" + d[1:]
    elif d.startswith("07") and len(d) == 11:  # Iraqi national 07XX
        d = "964" + d[1:]
    elif d.startswith("01") and len(d) in (11, 12):  # German national 015X / 016X / 017X
        d = "49" + d[1:]
    elif d.startswith("03") and len(d) == 8:  # Lebanese national 03
        d = "961" + d[1:]
    elif len(d) == 8 and d[0] in "78":  # Lebanese national 7X / 81
        d = "961" + d
    cc = next((c for c in ("963", "961", "962", "964", "90", "49") if d.startswith(c)), None)
    if cc is None:
        return [x for x in (d, "+" + d) if x != value]
    n = d[len(cc) :]
    nat = ("0" + n) if (cc != "961" or n.startswith("3")) else n
    out = [f"+{cc}{n}", f"00{cc}{n}", nat, f"+{cc} {n}"]
    if cc == "963" and len(n) == 9:
        out += [
            f"0{n[:3]} {n[3:6]} {n[6:]}",
            f"0{n[:3]}-{n[3:6]}-{n[6:]}",
            f"0{n[:3]}.{n[3:6]}.{n[6:]}",
            f"+963 {n[:3]} {n[3:6]} {n[6:]}",
        ]
    return [x for x in dict.fromkeys(out) if phone_digits(x) != phone_digits(value) or x != value]


def gen_email(rng):
    w = _word(rng)
    style = rng.randrange(4)
    if style == 0:
        local = f"{w}{_d(rng, 2)}"
    elif style == 1:
        local = f"{w}.{_word(rng)}"
    elif style == 2:
        local = f"{w}_{_d(rng, 4)}"
    else:
        local = f"{rng.choice('abcdefghkmnrstwyz')}.{w}{_d(rng, 2)}"
    return f"{local}@{rng.choice(MAIL_DOMAINS)}", "plain"


def gen_national_id(rng):
    return "0" + rng.choice("123456789") + _d(rng, 9)


def gen_id(rng, kind=None):
    kind = kind or rng.choice(["national", "national", "national", "passport", "unhcr", "kimlik"])
    if kind == "national":
        n = gen_national_id(rng)
        r = rng.random()
        if r < 0.2:
            return f"{n[:3]} {n[3:7]} {n[7:]}", "national_spaced"
        return n, "national"
    if kind == "passport":
        return rng.choice("NP") + _d(rng, 9), "passport"
    if kind == "unhcr":
        return (
            f"{_d(rng, 3)}-{rng.choice(['12', '13', '14', '15', '16'])}C{_d(rng, 5)}",
            "unhcr_case",
        )
    return "99" + _d(rng, 9), "kimlik"


def gen_handle(rng, kind=None):
    kind = kind or rng.choice(["tg", "ig", "fb", "x", "tme", "igurl"])
    a, b = _word(rng), _word(rng)
    if kind == "tg":
        return f"@{a}_{b}", "telegram_at"
    if kind == "x":
        return f"@{a}{_d(rng, 2)}", "x_at"
    if kind == "ig":
        return f"@{a}.{b}", "instagram_at"
    if kind == "fb":
        return f"facebook.com/{a}.{b}.{_d(rng, 2)}", "facebook_url"
    if kind == "tme":
        return f"t.me/{a}_{b}", "telegram_url"
    return f"instagram.com/{a}_{_d(rng, 3)}", "instagram_url"


def gen_url(rng):
    kind = rng.choice(["yt", "vk", "tiktok", "sc", "li", "fbid"])
    a, b = _word(rng), _word(rng)
    if kind == "yt":
        s = "UC" + "".join(
            rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789_-")
            for _ in range(22)
        )
        return f"https://www.youtube.com/channel/{s}", "youtube_channel"
    if kind == "vk":
        return f"https://vk.com/id{_d(rng, 9)}", "vk_profile"
    if kind == "tiktok":
        return f"https://www.tiktok.com/@{a}.{b}", "tiktok_profile"
    if kind == "sc":
        return f"https://soundcloud.com/{a}-{b}", "soundcloud_profile"
    if kind == "li":
        return f"https://www.linkedin.com/in/{a}-{b}-{_d(rng, 3)}", "linkedin_profile"
    return f"https://www.facebook.com/profile.php?id=1000{_d(rng, 11)}", "facebook_profile_id"


def gen_coords(rng, lat, lon, lang):
    la = lat + rng.uniform(-0.06, 0.06)
    lo = lon + rng.uniform(-0.06, 0.06)
    kind = rng.choice(["dec", "dec", "dec_compact", "dec_ne", "dms", "dms_prime", "dms_spaced"])

    def dms(v):
        d = int(v)
        m = int((v - d) * 60)
        s = (v - d - m / 60) * 3600
        return d, m, s

    if kind == "dec":
        sep = "، " if lang == "ar" and rng.random() < 0.5 else ", "
        txt = f"{la:.4f}{sep}{lo:.4f}"
    elif kind == "dec_compact":
        txt = f"{la:.5f},{lo:.5f}"
    elif kind == "dec_ne":
        txt = f"N {la:.4f} E {lo:.4f}"
    elif kind == "dms":
        d1, m1, s1 = dms(la)
        d2, m2, s2 = dms(lo)
        txt = f"{d1}°{m1:02d}'{s1:04.1f}\"N {d2}°{m2:02d}'{s2:04.1f}\"E"
    elif kind == "dms_prime":
        d1, m1, s1 = dms(la)
        d2, m2, s2 = dms(lo)
        txt = f"{d1}°{m1:02d}′{int(s1):02d}″N {d2}°{m2:02d}′{int(s2):02d}″E"
    else:
        d1, m1, s1 = dms(la)
        d2, m2, s2 = dms(lo)
        txt = f"{d1}° {m1}' {int(s1)}\" N, {d2}° {m2}' {int(s2)}\" E"
    if lang == "ar" and kind == "dec" and rng.random() < 0.35:
        txt = to_arabic_digits(txt.replace(".", "٫"))
        kind = "dec_arabic_digits"
    return txt, kind


def gen_dob(rng, lang, digits, mode="any"):
    y = rng.randint(1950, 2010)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    if mode == "year":
        txt, form = str(y), "year"
    else:
        opts = (
            ["text", "slash", "iso"]
            if mode == "any"
            else ["text"]
            if mode == "day"
            else ["slash", "iso"]
        )
        k = rng.choice(opts)
        if k == "text":
            if lang == "en":
                txt = rng.choice(
                    [f"{d} {MONTHS['en'][m - 1]} {y}", f"{MONTHS['en'][m - 1]} {d}, {y}"]
                )
            else:
                txt = f"{d} {MONTHS['ar'][m - 1]} {y}"
        elif k == "slash":
            txt = f"{d}/{m}/{y}" if lang == "ar" or rng.random() < 0.5 else f"{d:02d}/{m:02d}/{y}"
        else:
            txt = f"{y}-{m:02d}-{d:02d}" if lang == "en" else f"{y}/{m}/{d}"
        form = k
    if lang == "ar" and digits == "ar":
        txt = to_arabic_digits(txt)
    return txt, form


def gen_plate_number(rng):
    return rng.choice("123456789") + _d(rng, rng.choice([5, 5, 5, 4]))


# ---------------------------------------------------------------------------------------------
# Sentence pools.  Slots: {ROLE} {ROLE:arg} a registered thing; [ROLE:masc|fem] agreement;
# {PLACE:..} {ORG:..} public names; {N:a-b} {NN:a-b:noun} {AGE} {TIME} numbers; {DATE} {IPLACE}
# {PERP} {COUNT:noun} the current incident; {PHONE} {EMAIL} {ID} {HANDLE} {URL} {COORD} {DOB}
# {PLATE} unregistered personal data; {cw:surface=Name} a name used as an ordinary word.
# Roles: W (witness) WNICK WVIL WHOOD WPHONE WEMAIL WID; VIC DET HELP NEI INF (people);
# PRIV (private place); RPHONE RID RDOB RPLATE RHANDLE (+ ...O, their owner); P X O in fallbacks.
# ---------------------------------------------------------------------------------------------

POOLS: dict[str, dict[str, list[str]]] = {"en": {}, "ar": {}}

POOLS["en"]["open_name"] = [
    "My name is {W:full}. I am {AGE} years old and I was {OCC} in {PLACE:home}.",
    "My name is {W:full}, I am {AGE}, and I come from {WVIL}, a village in the countryside of {PLACE:gov}.",
    "I am {W:full}, from {PLACE:home}. I am [W:a father|a mother] of {N:2-7} children.",
    "You can write my name as {W:full}; I was born and raised in {WVIL}.",
    "My name is {W:full}, but in {PLACE:home} everybody calls me {WNICK}.",
    "{W:full} is my name. I lived in {WHOOD}, in {PLACE:home}, for most of my life.",
    "For the record: my name is {W:full}, I am {AGE}, and I worked as {OCC} before the war.",
    "I am {W:full}. My family has lived in {WVIL} for generations, farming olives and wheat.",
    "I was born on {DOB:day,self} in {WVIL}, and my name is {W:full}.",
    "My name is {W:full}. I am {AGE} and I have been displaced three times.",
]
POOLS["en"]["open_more"] = [
    "Our house was in {WHOOD}, two streets from the market of {PLACE:home}.",
    "People in the village know me as {WNICK}, after my eldest son.",
    "My phone number is {WPHONE}; it is the only number I have now.",
    "If you need to reach me, my e-mail is {WEMAIL}.",
    "My national number is {WID}, in case you need it for the file.",
    "I was born in {DOB:year,self} and I have lived through everything since.",
    "{WVIL} is a small place of perhaps {N:200-900} houses, on the road between {PLACE:home} and {PLACE:near}.",
    "We lived in {WHOOD}, where everyone knew everyone's children.",
    "I grew up in {WVIL} and moved to {PLACE:home} when I married.",
    "Before the events I was {OCC}, and we were not rich, but we lived with dignity.",
]
POOLS["en"]["pre"] = [
    "Interview conducted in {PLACE:refuge}. The witness, {W:full}, [W:a man|a woman] of {AGE}, was {OCC} in {PLACE:home} before [W:his|her] displacement.",
    "The witness gave [W:his|her] name as {W:full} and said [W:he|she] is known locally as {WNICK}.",
    "[W:He|She] is originally from {WVIL}, in the countryside of {PLACE:gov}.",
    "[W:He|She] lived in {WHOOD} until the events began.",
    "[W:He|She] asked to be contacted only on {WPHONE}, and only by the interviewer.",
    "Contact address given by the witness: {WEMAIL}.",
    "[W:His|Her] national number, {WID}, was recorded for the file and must not be shared.",
    "The interview lasted about {NN:2-3:hours} and was recorded with the witness's consent.",
    "The witness was calm but stopped several times; [W:he|she] asked that [W:his|her] name never be published.",
]
POOLS["en"]["life"] = [
    "Our house was on the edge of {PLACE:home}, next to the house of {NEI:rel}, {NEI}.",
    "{NEI:Rel}, {NEI}, ran a small grocery at the corner and knew every family in the street.",
    "We grew olives and wheat on a plot next to {PRIV}.",
    "{NEI:Fam} lived in the house opposite ours; for {NN:15-30:years} we shared bread and worries.",
    "{NEI:umm}, [NEI:his|her] mother, used to sit with my mother every evening on the doorstep.",
    "When the protests started in {PLACE:home}, people still believed things would calm down.",
    "My children went to school in {PLACE:home}, and on Fridays we visited my in-laws in {PLACE:near}.",
    "By the spring there were checkpoints at every entrance of {PLACE:home}, and one right at the corner of {PRIV}.",
    "Electricity came for a few hours a day; when there was no {cw:nour=Nour}, no light, we cooked on wood.",
    "We used to say 'Allah {cw:karim=Karim}' and carry on with our work.",
    "My father used to say that {cw:amal=Amal}, hope, is the last thing to die.",
    "The old people greeted each other in the lane with '{cw:sabah=Sabah} al-khair' as if nothing was happening.",
    "We had been at a {cw:farah=Farah}, my cousin's wedding, the week before everything changed.",
    "When the {cw:nour=Nour} came back for an hour, we charged the phones and listened to the news.",
    "{NEI} and I worked together for years at the vegetable market in {PLACE:home}.",
    "Every evening {NEI:given} came by with news from {PLACE:near}, usually bad.",
    "{NEI:hon} was the one everybody went to with problems; [NEI:he|she] settled quarrels between families.",
    "The road to {PLACE:near} was closed first, then the road to {PLACE:gov}, and after that we were cut off.",
    "Bread became scarce; the bakery worked only when {ORG:sarc} could bring in flour.",
    "Food parcels from {ORG:wfp} reached us twice, then the convoys stopped.",
    "{INF} was a man we had known for years; after the events began he started carrying a weapon.",
    "My brother worked in {PLACE:gov} and came home only at weekends, when the road was open.",
    "Prices doubled, then doubled again; a bundle of bread cost {N:100-300} pounds by the end.",
    "Our days were ordinary: work, visits, the olive harvest in autumn.",
    "{NEI:given}'s children and mine grew up together; they were in and out of each other's houses.",
    "The {cw:farah=Farah} of {NEI:given}'s eldest daughter was the last wedding we had in the street.",
    "{ORG:council} tried to organise water deliveries, but the tanks were often shot at.",
    "Everyone knew the house of {NEI:abu} because of the big fig tree in front of it.",
]
POOLS["en"]["inc_shelling_lead"] = [
    "{DATE} the shelling of {IPLACE} began shortly after {TIME} and did not stop until evening.",
    "The heaviest bombardment I saw was {DATE}, when shells fell on {IPLACE} for hours.",
    "{DATE} a barrel bomb was dropped on {IPLACE}, near the bakery.",
    "{DATE}, around {TIME}, the first rockets landed in {IPLACE}.",
    "The shelling that destroyed our street came {DATE}; it hit {IPLACE} from three directions.",
    "I remember {DATE} because that was the day {IPLACE} was shelled from dawn to dusk.",
]
POOLS["en"]["inc_shelling"] = [
    "That day {COUNT:people} were killed, most of them women and children.",
    "A shell hit the house of {VIC:rel}, {VIC}, and [VIC:he|she] died under the rubble.",
    "We pulled {VIC:given} out from under the concrete, but [VIC:he|she] was already dead.",
    "The shells came from {PERP}; we could hear every launch before the impact.",
    "The volunteers of {ORG:sarc} could not reach the wounded for {NN:2-6:hours}.",
    "We counted {NN:20-60:shells} before I stopped counting.",
    "{NEI:hon} treated the wounded in the basement of the mosque with almost nothing.",
    "{VIC:umm}, [VIC:his|her] mother, sat by the body until the evening and would not let anyone take it.",
    "We buried {VIC:given} the same night in the orchard, because the cemetery was under fire.",
    "{VIC:Fam} lost three people in that one strike.",
    "{NEI} and I carried the injured to the field hospital on a wooden door.",
    "The wounded were later taken to {PLACE:near} by the men of {ORG:civil}.",
    "A boy of {N:8-15} lost both legs in front of our building.",
    "For {NN:5-20:days} there was no {cw:nour=Nour} at all in our street.",
    "My grandmother kept whispering 'ya {cw:Karim=Karim}', calling on God, the whole night.",
    "We hid in the basement with {NN:12-40:people} from the building.",
    "{VIC:given}'s children were at school when it happened; they came home to find the house gone.",
    "Even the school that {ORG:unicef} used as a learning centre was hit.",
    "We said 'Allah {cw:karim=Karim}' and waited for the morning.",
]
POOLS["en"]["inc_raid_lead"] = [
    "{DATE}, {PERP} entered {IPLACE} and went from house to house.",
    "The raid on {IPLACE} began at dawn {DATE}.",
    "{DATE} they surrounded {IPLACE}, and nobody was allowed in or out.",
    "It was {TIME} {DATE} when we heard the vehicles entering {IPLACE}.",
    "{DATE} {PERP} came into {IPLACE} with a list of names.",
]
POOLS["en"]["inc_raid"] = [
    "They took the men out of the houses, made them kneel against the wall and shot them; afterwards I counted {COUNT:bodies}.",
    "{VIC:Rel}, {VIC}, was shot at [VIC:his|her] own gate in front of [VIC:his|her] children.",
    "They asked for {VIC:given} by name; someone had given them a list.",
    "{INF}, a man from {PLACE:near}, walked with the soldiers and pointed at the houses.",
    "The soldiers were guided by {INF:hon}, who knew every family in the street.",
    "I hid with my children in the bathroom and heard the shots through the wall.",
    "Afterwards we found {COUNT:bodies} in the school yard, some of them burned.",
    "{VIC:Fam} lost three men that morning.",
    "The officer greeted us with '{cw:sabah=Sabah} al-khair' before they started searching.",
    "The officer did not even answer our {cw:salam=Salam} at the door.",
    "'As-{cw:salamu=Salam} alaykum,' the soldier said, and then he hit my father.",
    "The old men prayed over the bodies and we all said '{cw:amin=Amin}'.",
    "They shot {VIC:given} in the kitchen, then they took the gold and the phones.",
    "{VIC:abu}, [VIC:his|her] father, begged them on his knees; they laughed at him.",
    "Among the dead were {VIC} and two of [VIC:his|her] cousins.",
    "We washed the bodies in the house of {NEI:rel}, {NEI}, because the mosque was full.",
    "One of them asked {INF:given}, 'Is this the house?', and he nodded.",
    "They wore military uniforms; some had their faces covered.",
    "The killing went on for {NN:3-6:hours}; then the vehicles left towards {PLACE:near}.",
    "'{cw:Jamil=Jamil},' the officer said when he saw our house, beautiful, and then they took it for themselves.",
]
POOLS["en"]["inc_detention_lead"] = [
    "{DATE} {DET:rel}, {DET}, was arrested at the checkpoint at the entrance of {IPLACE}.",
    "{PERP} arrested {DET:rel}, {DET}, at our home in {IPLACE} {DATE}.",
    "{DATE}, {PERP} took {DET:rel}, {DET}, from the bus station in {IPLACE}.",
    "They came for {DET} {DATE}, at {TIME}, while we were asleep in {IPLACE}.",
]
POOLS["en"]["inc_detention"] = [
    "They blindfolded [DET:him|her] and put [DET:him|her] in a white van; we never saw [DET:him|her] again.",
    "A man released later told us he had seen {DET:given} in a crowded cell in {PLACE=damascus}.",
    "We paid {NN:500-6000:dollars} to a lawyer who promised to find [DET:him|her]; he found nothing.",
    "{RIDO:given}'s national number is {RID}; we have given it to {ORG:icrc}.",
    "Every month we ask {ORG:icrc} about {DET:given}, and every month they have no information.",
    "{INF} was seen talking to the officer just before they took {DET:given}.",
    "{DET:Fam} sold their land to pay the intermediaries.",
    "{DET:umm}, [DET:his|her] mother, went to the security branch every week for a year.",
    "At the checkpoint they read the name from a list, slowly, as {DET:case}.",
    "The van drove off towards {PLACE:gov}.",
    "An officer told us that {DET:given} had died of a heart attack and that there was no body to collect.",
    "We heard that {NN:10-40:men} from our area were taken the same week.",
    "{RPHONEO:given}'s phone has been switched off since that day; the number was {RPHONE}.",
    "{RHANDLEO:given}'s account, {RHANDLE}, posted nothing after that day.",
    "They drove [DET:him|her] away in a white Hyundai, plate {PLATE}.",
    "The officer did not even answer our {cw:salam=Salam} at the door.",
]
POOLS["en"]["inc_looting_lead"] = [
    "When we came back {DATE}, {IPLACE} had been emptied.",
    "{DATE} {PERP} looted the shops and houses of {IPLACE}.",
    "The looting of {IPLACE} started {DATE} and lasted almost a week.",
]
POOLS["en"]["inc_looting"] = [
    "They loaded fridges, carpets and even the window frames onto trucks.",
    "The trucks left towards {PLACE:near}; one of them had the plate {PLATE}.",
    "Our shop next to {PRIV} was stripped of everything, down to the electric wires.",
    "{NEI} recognised [NEI:his|her] own sofa being sold in the market of {PLACE:near} a week later.",
    "A white pick-up, plate {PLATE}, came back every day for more.",
    "They took the tractor of {NEI:fam} and the sheep too.",
    "They even took the doors off their hinges.",
    "Nothing was left in {NN:30-80:houses} in our quarter.",
    "I saw {INF:given} supervising the loading of the trucks.",
    "One of them drove away the car of {RPLATEO:given}, plate {RPLATE} {PLACE:gov}.",
]
POOLS["en"]["inc_arson_lead"] = [
    "{DATE} they set fire to the houses in {IPLACE}.",
    "{IPLACE} was burned {DATE}; we saw the smoke from the hills.",
    "The fires in {IPLACE} started {DATE}, after the looting.",
]
POOLS["en"]["inc_arson"] = [
    "They poured fuel on the furniture and set it alight; the smell stayed in the street for days.",
    "{NEI:Fam}'s house burned to the ground.",
    "In our street alone, {COUNT:houses} were burned.",
    "The fields around {PRIV} burned as well, and the olive trees never recovered.",
    "We tried to put out the fire with buckets, but they shot at anyone who came close.",
    "{ORG:civil} came the next day, but there was nothing left to save.",
    "Only the walls of the mosque were left standing.",
]
POOLS["en"]["flight"] = [
    "We left at night, on foot, through the orchards towards {PLACE:near}.",
    "{HELP:Rel}, {HELP}, drove us in [HELP:his|her] pick-up as far as {PLACE:near}.",
    "The smuggler's number, which everyone passed around, was {PHONE:sy_mob}.",
    "We paid {NN:100-800:dollars} per person to cross into {PLACE:country}.",
    "At the checkpoint near {PLACE:near} they took our phones and let us go.",
    "We crossed through {PLACE=wadikhaled} into {PLACE=lebanon} in the snow.",
    "My brother had gone ahead of us to {PLACE=sham}, to {PLACE=damascus}, and from there to {PLACE:country}.",
    "It took us {NN:3-14:days} to reach {PLACE:refuge}.",
    "{HELP} knew the back roads; without [HELP:him|her] we would not have made it.",
    "The car was a white Kia with the plate {RPLATE} {PLACE:gov}, and I remember it because we had to push it twice.",
    "{RPHONEO:given}'s number was {RPHONE}; I still have it.",
    "Every time we asked the smuggler about the crossing, he answered 'Allah {cw:karim=Karim}'.",
    "We waited {NN:2-9:days} near {PLACE:crossing} before we were allowed through.",
    "The smuggler, whose number was {PHONE}, left us in the middle of the night.",
    "We crossed at {PLACE:crossing} with nothing but the clothes we wore.",
    "My cousin met us in {PLACE:refuge}; his number is {PHONE:refuge}.",
    "We travelled in a minibus, plate {PLATE}, with {NN:14-25:people} squeezed inside.",
    "{HELP:hon} hid us in [HELP:his|her] house for {NN:2-6:days} until the road was quiet.",
    "{ORG:sarc} gave us blankets on the outskirts of {PLACE:near}.",
    "My youngest, born in {DOB:year,child}, walked the whole way without complaining.",
    "The driver gave us a number to call if we were stopped: {PHONE:sy_mob}.",
    "We sent our location to my brother: {COORD}.",
    "We spent the last night in an olive grove at {COORD}, waiting for the signal.",
    "Another {NN:2-5:families} from our street left with us.",
    "{HELP:given} and I went ahead before dawn to see whether the road was open.",
    "The pick-up that took us to the border had the plate {PLATE}.",
    "The smuggler's car, plate {PLATE}, was waiting behind the mosque.",
    "A volunteer at the border wrote an address on my hand, {EMAIL}, for families who had lost someone.",
    "The smuggler advertised his trips on {URL}.",
    "At the border they wrote down my passport number, {ID:passport}.",
    "We walked without any {cw:nour=Nour}, without a light, so that the snipers would not see us.",
    "We left with a little {cw:amal=Amal}, a little hope, that we would be back within a week.",
    "Before we set off, my father prayed and we all said '{cw:amin=Amin}'.",
    "At the border a soldier returned our {cw:salam=Salam}, and that alone felt like kindness.",
    "On the road my mother kept saying, 'This is our {cw:hayat=Hayat} now', this is our life.",
    "We walked until {cw:sabah=Sabah}, until the morning came, and then we hid in a ditch.",
]
POOLS["en"]["after"] = [
    "We registered with {ORG:unhcr} in {PLACE:refuge}; our file number is {ID:unhcr}.",
    "{ORG:unicef} runs a school in the camp, where my children study now.",
    "I have written to {ORG:icrc} about {DET}, and I gave them [DET:his|her] photograph.",
    "You can reach me at {WEMAIL} or on {WPHONE}.",
    "The video of the funeral is on the page {HANDLE:fb}.",
    "My cousin in {PLACE=germany} keeps the documents; his number is {PHONE:de}.",
    "The place where they buried {VIC:given} is at {COORD}, behind the orchard.",
    "The lawyer who follows the detainees' files can be reached at {EMAIL}.",
    "My brother's national number is {ID:national}; please write it down in case he is found.",
    "{RHANDLEO:given}'s Facebook account, {RHANDLE}, has not been active since the arrest.",
    "There is a Telegram channel, {HANDLE:tg}, where families post the names of detainees.",
    "Some of the photographs are on {URL}.",
    "I was born on {DOB:day,self}, and I had never lived anywhere but {PLACE:home} until then.",
    "[W:My wife's|My husband's] passport, number {ID:passport}, was lost at the border.",
    "In {PLACE:refuge} I was given a temporary protection card; the number is {ID:kimlik}.",
    "{ORG:who} sent a mobile clinic once a month to where we were staying.",
    "The young man who records the names for the local committee is on Instagram as {HANDLE:ig}.",
    "A nurse from the field hospital posted the list of the dead on {URL}.",
    "We learned what had happened to {VIC:given} only from a video on {URL}.",
    "My son was born on {DOB:day,recent} in the camp, in a tent run by {ORG:msf}.",
    "The mass grave is at {COORD}, near the old quarry.",
    "I gave {ORG:unhcr} my mother's date of birth, {DOB:any,old}, because she has no papers left.",
    "My brother in {PLACE:refuge} is on {PHONE:refuge}; he has the photographs too.",
    "The e-mail I use for the missing-persons groups is {EMAIL}.",
    "The account {HANDLE:x} on X posted the names of those arrested with {DET:given}.",
    "{HELP:given} lives in {PLACE:refuge} now and posts as {RHANDLE}.",
    "I still call {RPHONEO:given} on {RPHONE} every Friday.",
    "In the camp there is no {cw:amal=Amal} left, only waiting.",
    "I will never forget the {cw:jamil=Jamil} of the family who took us in, their kindness.",
    "This is not {cw:hayat=Hayat}, as we say; this is only waiting.",
    "We read the names of the dead by the {cw:nour=Nour}, the light, of a phone screen.",
    "After every name the sheikh read out, the women answered '{cw:amin=Amin}'.",
    "The volunteers of {ORG:sarc} told us later that {NN:30-120:people} had been buried in one grave.",
    "We receive food vouchers from {ORG:wfp}, but they do not cover the rent.",
    "{ORG:iom} helped my brother's family to travel on to {PLACE=germany}.",
    "A lawyer in {PLACE:refuge}, reachable on {PHONE:refuge}, took our statements for free.",
    "The local committee keeps a list of the dead; the coordinator's e-mail is {EMAIL}.",
    "My daughter, who was born on {DOB:day,child}, still wakes up screaming at night.",
    "The officer's car, a black jeep with the plate {PLATE}, was parked outside the school the whole time.",
    "The coordinates of the checkpoint where they kept the men are {COORD}.",
    "A relative in {PLACE=jordan} can confirm all this; her number is {PHONE:jo}.",
    "My uncle, born in {DOB:year,old}, refused to leave and we have had no news of him since.",
    "The car that took my brother away, plate {PLATE}, is still seen at the checkpoint.",
    "The doctor who treated my son gave me her e-mail, {EMAIL}, in case we need a medical report.",
    "I sent the photographs to a journalist at {EMAIL}.",
    "The number of my father's identity card, which they kept at the checkpoint, was {ID:national}.",
    "The names of the dead from our street are listed on {URL}.",
    "Those people did us a {cw:jamil=Jamil}, a kindness, that I can never repay.",
    "Here at least there is {cw:salam=Salam}, there is quiet.",
    "Last month there was a small {cw:farah=Farah}, a wedding, in the camp, and the women sang and cried at the same time.",
    "When I ask about my brother, they only say 'Allah {cw:karim=Karim}'.",
]
POOLS["en"]["close"] = [
    "I am telling this so that what happened is written down. Please do not use my name.",
    "If my name is published, my relatives who stayed in {PLACE:home} will pay the price.",
    "All I want is to know whether {DET:given} is alive.",
    "That is all I can say. Allah {cw:karim=Karim}.",
    "All we wanted was to live in {cw:salam=Salam}, in peace.",
    "My mother says there is still {cw:hayat=Hayat}, life, in the children.",
    "There has been no {cw:farah=Farah}, no joy, in our family since then.",
    "'Ma fi {cw:amal=Amal},' my brother keeps saying, there is no hope. I do not agree with him.",
    "I do not want revenge. I want the names of the dead to be written down somewhere.",
    "I will tell the same story to any court, if my family is safe.",
    "We will go back to {PLACE:home} one day, even if only to visit the graves.",
    "Please write down the name of {VIC} among the dead, not mine among the witnesses.",
    "I have told you everything I saw with my own eyes; the rest I heard from others.",
    "May God have mercy on the dead. {cw:Amin=Amin}.",
    "Whoever helped us on the way, may God repay their {cw:jamil=Jamil}.",
    "Every {cw:sabah=Sabah}, every morning, I still read the new lists of names.",
]
POOLS["en"]["fb_person"] = [
    "I have not heard from {P} since we left.",
    "As far as I know, {P} is still in {PLACE:home}.",
    "Later I heard that {P} had reached {PLACE:refuge}.",
    "{P} can confirm what I have said.",
    "{P:Rel}, {P}, was with us for part of the way.",
    "{P:given} was always the first to help anyone in trouble.",
]
POOLS["en"]["fb_person_VIC"] = [
    "May God have mercy on {P}.",
    "Nobody has ever been held responsible for the death of {P}.",
    "I still keep a photograph of {P} on my phone.",
    "{P:given} was buried without a proper funeral.",
    "We never received a death certificate for {P}.",
]
POOLS["en"]["fb_person_INF"] = [
    "As far as I know, {P} still lives in {PLACE:home} as if nothing had happened.",
    "I saw {P} again later, at a checkpoint near {PLACE:near}.",
    "People say {P:given} was paid for every name he gave them.",
]
POOLS["en"]["fb_person_DET"] = [
    "There is still no news of {P}.",
    "Nobody has told us anything about {P} since then.",
    "I keep {P:given}'s photograph with me wherever I go.",
    "Every released detainee we meet, we ask about {P}.",
]
POOLS["en"]["fb_var"] = [
    "On Facebook the name is written {P:var}.",
    "Some papers spell the name {P:var}.",
    "In the registration lists it appears as {P:var}.",
]
POOLS["en"]["fb_kunya"] = [
    "{P:umm}, [P:his|her] mother, still calls me every week from {PLACE:refuge}.",
    "Even {P:abu}, [P:his|her] father, could not recognise the street afterwards.",
    "After the Friday prayer people used to drink coffee at the house of {P:abu}.",
]
POOLS["en"]["fb_family"] = [
    "{P:Fam} had lived next to us for thirty years.",
    "Everyone in {PLACE:home} knew {P:fam}.",
    "{P:Fam} left for {PLACE:refuge} a month after us.",
]
POOLS["en"]["fb_case"] = [
    "At the checkpoint the soldier read the name from his list as {P:case}.",
    "The name {P:case} was sprayed on the wall of the house, with a cross over it.",
]
POOLS["en"]["fb_priv"] = [
    "Nobody goes near {X} any more.",
    "I have not seen {X} since we left.",
    "On the old land papers it is written {X:case}.",
]
POOLS["en"]["fb_priv_var"] = [
    "Some people write the name {X:var}.",
    "On the municipal map it is spelled {X:var}.",
]
POOLS["en"]["fb_w_var"] = ["Some people write it {X:var}.", "It is also written {X:var}."]
POOLS["en"]["fb_RPHONE"] = [
    "{O:given}'s phone number was {X}.",
    "We kept calling {O:given} on {X}, but the line was dead.",
]
POOLS["en"]["fb_RID"] = [
    "{O:given}'s national number is {X}.",
    "The number on {O:given}'s identity card was {X}.",
]
POOLS["en"]["fb_RDOB"] = [
    "{O:given} was born on {X}.",
    "{O:given}'s date of birth, {X}, is on the death certificate we never received.",
]
POOLS["en"]["fb_RPLATE"] = [
    "{O:given}'s car had the plate {X} {PLACE:gov}.",
    "The plate number of {O:given}'s car was {X}; I wrote it on my hand.",
]
POOLS["en"]["fb_RHANDLE"] = [
    "{O:given} used the account {X}.",
    "You can still see {O:given}'s posts at {X}.",
]
POOLS["en"]["fb_WVIL"] = [
    "My village, {WVIL}, is empty now.",
    "I have not been back to {WVIL} since then.",
]
POOLS["en"]["fb_WHOOD"] = [
    "Our street in {WHOOD} was the first to be hit.",
    "Nobody lives in {WHOOD} any more.",
]
POOLS["en"]["fb_WNICK"] = [
    "In the camp, too, they call me {WNICK}.",
    "My neighbours here also call me {WNICK}.",
]
POOLS["en"]["fb_WPHONE"] = [
    "My number is {WPHONE}.",
    "I can be reached on {WPHONE}, but please call only in the evening.",
]
POOLS["en"]["fb_WEMAIL"] = [
    "My e-mail address is {WEMAIL}.",
    "Write to me at {WEMAIL} if you need anything else.",
]
POOLS["en"]["fb_WID"] = ["My national number is {WID}.", "The number on my identity card is {WID}."]
POOLS["en"]["fb_W"] = [
    "My mother still calls me {W:given}, as if I were a child.",
    "On the lists in the camp I am {W}.",
]

POOLS["ar"]["open_name"] = [
    "اسمي {W:full}، أبلغ من {cw:العمر=عمر} {AGE} عاماً، وكنت أعمل {OCC} في {PLACE:home}.",
    "أنا {W:full}، من {WVIL} في ريف {PLACE:gov}.",
    "اسمي {W:full}، وفي {PLACE:home} يعرفني الجميع باسم {WNICK}.",
    "أنا {W:full}، [W:أب|أم] وعندي {N:2-7} أولاد، وكنت أسكن في {WHOOD} بمدينة {PLACE:home}.",
    "اسمي {W:full}. ولدت في {WVIL} وعشت فيها حتى خرجنا.",
    "اسمي الكامل {W:full}، وكنت {OCC} قبل أن تبدأ الأحداث.",
    "أنا {W:full}، من مواليد {DOB:any,self}، ومن أهل {PLACE:home}.",
    "اسمي {W:full}، {WNICK:cl=و} هو الاسم الذي يناديني به الجيران.",
    "أنا {W:full}، نزحت ثلاث مرات منذ بداية الأحداث.",
]
POOLS["ar"]["open_more"] = [
    "كان بيتنا في {WHOOD}، على بعد شارعين من سوق {PLACE:home}.",
    "يناديني الناس في القرية {WNICK} على اسم ابني الكبير.",
    "رقم هاتفي {WPHONE}، وهو الرقم الوحيد الذي بقي معي.",
    "إذا أردتم التواصل معي فبريدي الإلكتروني {WEMAIL}.",
    "رقمي الوطني {WID}، إذا احتجتموه للملف.",
    "أنا من مواليد {DOB:year,self}، وعشت كل ما جرى منذ البداية.",
    "{WVIL} قرية صغيرة فيها نحو {N:200-900} بيت، على الطريق بين {PLACE:home} {PLACE:near/و}.",
    "نشأت في {WVIL} ثم انتقلت إلى {PLACE:home} بعد زواجي.",
    "كنا نسكن {WHOOD:cl=ب}، حيث يعرف الجميع أولاد الجميع.",
    "قبل الأحداث كنت {OCC}، لم نكن أغنياء لكننا كنا نعيش بكرامة.",
]
POOLS["ar"]["pre"] = [
    "أُجريت المقابلة في {PLACE:refuge}. [W:الشاهد|الشاهدة] {W:full}، {AGE} عاماً، [W:كان يعمل|كانت تعمل] {OCC} في {PLACE:home} قبل النزوح.",
    "[W:قال الشاهد إن اسمه|قالت الشاهدة إن اسمها] {W:full}، وإن أهل [W:بلدته|بلدتها] [W:ينادونه|ينادونها] {WNICK}.",
    "[W:هو|هي] في الأصل من {WVIL} في ريف {PLACE:gov}.",
    "[W:كان يسكن|كانت تسكن] في {WHOOD} حتى بداية الأحداث.",
    "[W:طلب|طلبت] ألا يُتصل [W:به|بها] إلا على الرقم {WPHONE}، ومن قبل الباحث وحده.",
    "عنوان البريد الذي [W:تركه|تركته] لنا: {WEMAIL}.",
    "سُجّل [W:رقمه|رقمها] الوطني {WID} في الملف، ولا يجوز نشره.",
    "استمرت المقابلة نحو {NN:2-3:hours}، وسُجّلت بموافقة [W:الشاهد|الشاهدة].",
    "[W:كان الشاهد هادئاً|كانت الشاهدة هادئة] لكن [W:توقف|توقفت] مرات عدة، [W:وطلب|وطلبت] ألا يُنشر [W:اسمه|اسمها] أبداً.",
]
POOLS["ar"]["life"] = [
    "كان بيتنا في طرف {PLACE:home}، وبجانبه بيت {NEI:rel} {NEI}.",
    "[NEI:كان|كانت] {NEI:rel} {NEI} [NEI:يملك|تملك] دكاناً صغيراً على زاوية الشارع، [NEI:ويعرف|وتعرف] كل عائلات الحي.",
    "كنا نزرع الزيتون والقمح في أرض بجانب {PRIV}.",
    "بيننا وبين {NEI:fam} عشرة {NN:15-30:years}، تقاسمنا فيها الخبز والهموم.",
    "كانت {NEI:umm}، [NEI:والدته|والدتها]، تجلس مع أمي كل مساء على عتبة الدار.",
    "حين بدأت المظاهرات في {PLACE:home} كان الناس يظنون أن الأمور ستهدأ.",
    "كان أولادي يذهبون إلى المدرسة في {PLACE:home}، وفي أيام الجمعة نزور [W:أهل زوجتي|أهل زوجي] في {PLACE:near}.",
    "مع الربيع صارت الحواجز على كل مداخل {PLACE:home}، وواحد منها عند زاوية {PRIV}.",
    "كان {cw:النور=نور} ينقطع معظم النهار، فكنا نطبخ على الحطب.",
    "كنا نقول: الله {cw:كريم=كريم}، ونكمل شغلنا.",
    "كان أبي يقول إن {cw:الأمل=أمل} آخر ما يموت.",
    "كان الكبار يتبادلون تحية {cw:الصباح=صباح} في الزقاق كأن شيئاً لا يحدث.",
    "كنا في {cw:فرح=فرح} ابن عمي قبل أسبوع من أن يتغير كل شيء.",
    "اشتغلت أنا {NEI:cl=و} سنوات طويلة في سوق الخضار في {PLACE:home}.",
    "[NEI:كان|كانت] {NEI:given} [NEI:يمرّ|تمرّ] علينا كل مساء بأخبار {PLACE:near}، وغالباً ما كانت سيئة.",
    "[NEI:كان|كانت] {NEI:hon} مرجع الحارة في كل مشكلة، [NEI:يصلح|تصلح] بين العائلات.",
    "أُغلق طريق {PLACE:near} أولاً، ثم طريق {PLACE:gov}، وبعدها صرنا معزولين.",
    "صار الخبز نادراً، ولم يكن الفرن يعمل إلا حين يتمكن {ORG:sarc} من إدخال الطحين.",
    "وصلتنا سلال غذائية من {ORG:wfp} مرتين، ثم توقفت القوافل.",
    "كان {INF} رجلاً نعرفه منذ سنين، ومع بداية الأحداث صار يحمل السلاح.",
    "كان أخي يعمل في {PLACE:gov} ولا يأتي إلا في آخر الأسبوع حين يكون الطريق مفتوحاً.",
    "كانت أيامنا عادية: شغل وزيارات وموسم الزيتون في الخريف.",
    "ارتفعت الأسعار أضعافاً، وصار ثمن ربطة الخبز {N:100-300} ليرة في آخر الأمر.",
    "في تلك الأيام كنا نقول لأنفسنا إن {cw:الأمل=أمل} ما زال موجوداً.",
    "كان حيّنا {cw:جميلاً=جميل}، فيه أشجار توت وياسمين على كل باب.",
    "في {cw:الصباح=صباح} كنا نسمع أصوات الباعة، وفي الليل أصوات الرصاص.",
    "قلت {NEI:cl=ل}: لن نخرج من هنا مهما حصل.",
    "اتصلت {NEI:cl=ب} في تلك الليلة، [NEI:فقال|فقالت] لي إن الطريق مقطوع.",
    "لم يكن في الحي أحد {NEI:cl=ك} يعرف كل الطرق الترابية.",
    "كان {ORG:council} يحاول تنظيم توزيع الماء، لكن الصهاريج كانت تتعرض لإطلاق النار.",
    "كان الجميع يعرف بيت {NEI:abu} بسبب شجرة التين الكبيرة أمامه.",
    "كان عرس ابنة {NEI:given} الكبرى آخر {cw:فرح=فرح} شهده الشارع.",
]
POOLS["ar"]["inc_shelling_lead"] = [
    "{DATE} بدأ القصف على {IPLACE} بعد {TIME} بقليل، واستمر حتى المساء.",
    "أعنف قصف شهدته كان {DATE}، حين سقطت القذائف على {IPLACE} ساعات متواصلة.",
    "{DATE} ألقت طائرة مروحية برميلاً متفجراً على {IPLACE}، قرب الفرن.",
    "{DATE}، نحو {TIME}، سقطت أولى الصواريخ على {IPLACE}.",
    "جاء القصف الذي دمّر شارعنا {DATE}، وضرب {IPLACE} من ثلاث جهات.",
]
POOLS["ar"]["inc_shelling"] = [
    "قُتل في ذلك اليوم {COUNT:people}، معظمهم من النساء والأطفال.",
    "أصابت قذيفة بيت {VIC:rel} {VIC}، [VIC:فمات|فماتت] تحت الركام.",
    "انتشلنا {VIC:given} من تحت الركام، لكن [VIC:كان قد فارق|كانت قد فارقت] {cw:الحياة=حياة}.",
    "كانت القذائف تأتي من {PERP}، وكنا نسمع صوت كل إطلاق قبل أن تسقط.",
    "لم يتمكن متطوعو {ORG:sarc} من الوصول إلى الجرحى إلا بعد {NN:2-6:hours}.",
    "عددت {NN:20-60:shells} ثم توقفت عن العد.",
    "[NEI:كان|كانت] {NEI:hon} [NEI:يعالج|تعالج] الجرحى في قبو الجامع بلا أي شيء تقريباً.",
    "جلست {VIC:umm} عند الجثمان حتى المساء، ولم تسمح لأحد بأن يأخذه.",
    "دفنّا {VIC:given} في الليلة نفسها في البستان، لأن المقبرة كانت تحت النار.",
    "قُتل ثلاثة من {VIC:fam} في تلك الضربة وحدها.",
    "حملت أنا {NEI:cl=و} الجرحى على باب خشبي إلى المشفى الميداني.",
    "نقل عناصر {ORG:civil} الجرحى لاحقاً إلى {PLACE:near}.",
    "فقد طفل ابن {N:8-15} سنة ساقيه أمام بنايتنا.",
    "انقطع {cw:النور=نور} عن شارعنا {NN:5-20:days}.",
    "كانت جدتي تردد طوال الليل: يا {cw:كريم=كريم}، يا {cw:كريم=كريم}.",
    "اختبأنا في القبو مع {NN:12-40:people} من سكان البناية.",
    "كان أولاد {VIC:given} في المدرسة حين حدث ذلك، وعادوا فلم يجدوا البيت.",
    "حتى المدرسة التي كانت {ORG:unicef} تستخدمها مركزاً تعليمياً أصيبت.",
    "في {cw:صباح=صباح} اليوم التالي خرجنا نعدّ البيوت المهدمة.",
]
POOLS["ar"]["inc_raid_lead"] = [
    "{DATE} دخل {PERP} إلى {IPLACE} وبدؤوا يداهمون البيوت بيتاً بيتاً.",
    "بدأت المداهمة على {IPLACE} مع الفجر، {DATE}.",
    "{DATE} طوّقوا {IPLACE} ولم يسمحوا لأحد بالدخول أو الخروج.",
    "كانت {TIME} {DATE} حين سمعنا الآليات تدخل {IPLACE}.",
    "{DATE} جاء {PERP} إلى {IPLACE} ومعهم قائمة بالأسماء.",
]
POOLS["ar"]["inc_raid"] = [
    "أخرجوا الرجال من البيوت، وأوقفوهم على الحائط وأطلقوا عليهم النار، وعددت بعدها {COUNT:bodies}.",
    "[VIC:قُتل|قُتلت] {VIC:rel} {VIC} على باب [VIC:بيته|بيتها] أمام [VIC:أولاده|أولادها].",
    "كانوا يسألون عن {VIC:given} بالاسم، كأن أحداً أعطاهم قائمة.",
    "كان {INF}، وهو رجل من {PLACE:near}، يمشي مع العناصر ويدلّهم على البيوت.",
    "كان العناصر يتبعون {INF:hon} الذي يعرف كل عائلة في الشارع.",
    "اختبأت مع أولادي في الحمّام، وكنت أسمع الرصاص من خلف الجدار.",
    "بعد انسحابهم وجدنا {COUNT:bodies} في باحة المدرسة، بعضها محروق.",
    "قُتل ثلاثة رجال من {VIC:fam} في ذلك {cw:الصباح=صباح}.",
    "قال لنا الضابط: {cw:صباح=صباح} الخير، ثم بدأ التفتيش.",
    "لم يردّ الضابط {cw:السلام=سلام} حين دخل علينا.",
    "دخل وقال: {cw:السلام=سلام} عليكم، ثم ضرب أبي بأخمص البندقية.",
    "صلّى الشيوخ على الجثامين وقلنا كلنا: {cw:آمين=أمين}.",
    "أطلقوا النار على {VIC:given} في المطبخ، ثم أخذوا الذهب والهواتف.",
    "توسّل إليهم {VIC:abu} على ركبتيه، فضحكوا منه.",
    "كان بين القتلى {VIC} واثنان من أبناء [VIC:عمه|عمها].",
    "غسّلنا الجثث في بيت {NEI:rel} {NEI} لأن الجامع كان ممتلئاً.",
    "سأل أحدهم {INF:given}: هذا هو البيت؟ فهزّ رأسه.",
    "كانوا يرتدون بزّات عسكرية، وبعضهم كان ملثماً.",
    "استمر القتل {NN:3-6:hours}، ثم خرجت الآليات باتجاه {PLACE:near}.",
    "قال الضابط حين رأى بيتنا: {cw:جميل=جميل}، ثم أخذوه مقراً لهم.",
    "[VIC:كان|كانت] {VIC:given} [VIC:شاباً|شابة] في مقتبل {cw:العمر=عمر}.",
    "فوجئنا بهم في {cw:الصباح=صباح} الباكر يكسرون الأبواب.",
]
POOLS["ar"]["inc_detention_lead"] = [
    "{DATE} [DET:اعتُقل|اعتُقلت] {DET:rel} {DET} على الحاجز عند مدخل {IPLACE}.",
    "داهم {PERP} بيتنا في {IPLACE} {DATE} واقتادوا {DET:rel} {DET}.",
    "{DATE} أخذ {PERP} {DET:rel} {DET} من موقف الباصات في {IPLACE}.",
    "جاؤوا لأخذ {DET} {DATE}، عند {TIME}، ونحن نائمون في {IPLACE}.",
]
POOLS["ar"]["inc_detention"] = [
    "عصبوا [DET:عينيه|عينيها] [DET:ووضعوه|ووضعوها] في سيارة فان بيضاء، ولم [DET:نره|نرها] بعد ذلك.",
    "أخبرنا رجل أُفرج عنه لاحقاً أنه رأى {DET:given} في زنزانة مكتظة في {PLACE=damascus}.",
    "دفعنا {NN:500-6000:dollars} لمحامٍ وعدنا بأن يعرف أين [DET:هو|هي]، ولم يعرف شيئاً.",
    "رقم {RIDO:given} الوطني {RID}، وقد أعطيناه {ORG:icrc/ل}.",
    "كل شهر نسأل {ORG:icrc} عن {DET:given}، وكل شهر يقولون إنه لا توجد معلومات.",
    "شوهد {INF} يتحدث مع الضابط قبل أن يأخذوا {DET:given} بدقائق.",
    "بيعت أرض {DET:fam} لدفع أجور الوسطاء.",
    "كانت {DET:umm} تذهب إلى الفرع كل أسبوع طوال سنة.",
    "قرأ العنصر على الحاجز اسم {DET:given} من ورقة في يده، ببطء.",
    "مضت السيارة باتجاه {PLACE:gov}.",
    "قال لنا ضابط إن {DET:given} [DET:مات|ماتت] بجلطة قلبية، وإنه لا توجد جثة نستلمها.",
    "وسمعنا أنهم أخذوا {NN:10-40:men} من منطقتنا في الأسبوع نفسه.",
    "أُغلق هاتف {RPHONEO:given} منذ ذلك اليوم، وكان [RPHONEO:رقمه|رقمها] {RPHONE}.",
    "لم ينشر حساب {RHANDLEO:given} {RHANDLE} شيئاً بعد ذلك اليوم.",
    "كنت قد قلت {DET:cl=ل} ألا [DET:يمر|تمر] من ذلك الحاجز.",
    "[DET:أخذوه|أخذوها] في سيارة هيونداي بيضاء لوحتها {PLATE}.",
    "لم يردّ الضابط {cw:السلام=سلام} حين دخل علينا.",
]
POOLS["ar"]["inc_looting_lead"] = [
    "حين رجعنا {DATE} كانت {IPLACE} قد أُفرغت من كل شيء.",
    "{DATE} نهب {PERP} المحلات والبيوت في {IPLACE}.",
    "بدأ نهب {IPLACE} {DATE} واستمر قرابة أسبوع.",
]
POOLS["ar"]["inc_looting"] = [
    "حمّلوا البرادات والسجاد وحتى إطارات الشبابيك على الشاحنات.",
    "خرجت الشاحنات باتجاه {PLACE:near}، وكانت إحداها تحمل لوحة رقم {PLATE}.",
    "أُفرغ دكاننا قرب {PRIV} من كل شيء، حتى أسلاك الكهرباء.",
    "[NEI:رأى|رأت] {NEI} [NEI:كنبته|كنبتها] تباع في سوق {PLACE:near} بعد أسبوع.",
    "كانت سيارة بيك آب بيضاء، نمرتها {PLATE}، تعود كل يوم لتأخذ المزيد.",
    "أخذوا جرار {NEI:fam} والأغنام أيضاً.",
    "حتى الأبواب خلعوها من مفاصلها.",
    "لم يبق شيء في {NN:30-80:houses} في حارتنا.",
    "رأيت {INF:given} يشرف على تحميل الشاحنات.",
    "أخذ أحدهم سيارة {RPLATEO:given}، ولوحتها {RPLATE} {PLACE:gov}.",
]
POOLS["ar"]["inc_arson_lead"] = [
    "{DATE} أحرقوا البيوت في {IPLACE}.",
    "أُحرقت {IPLACE} {DATE}، ورأينا الدخان من التلال.",
    "بدأت الحرائق في {IPLACE} {DATE}، بعد النهب.",
]
POOLS["ar"]["inc_arson"] = [
    "سكبوا البنزين على الأثاث وأشعلوه، وبقيت الرائحة في الشارع أياماً.",
    "احترق بيت {NEI:famname} بالكامل.",
    "أُحرق {COUNT:houses} في شارعنا وحده.",
    "احترقت الحقول حول {PRIV} أيضاً، ولم تعد أشجار الزيتون كما كانت.",
    "حاولنا إطفاء النار بالسطول، لكنهم كانوا يطلقون النار على كل من يقترب.",
    "جاء عناصر {ORG:civil} في اليوم التالي، لكن لم يبق شيء يمكن إنقاذه.",
    "لم يبق من الجامع إلا جدرانه.",
]
POOLS["ar"]["flight"] = [
    "خرجنا في الليل مشياً عبر البساتين باتجاه {PLACE:near}.",
    "[HELP:أخذنا|أخذتنا] {HELP:rel} {HELP} [HELP:بسيارته|بسيارتها] حتى {PLACE:near}.",
    "كان رقم المهرّب الذي يتناقله الجميع {PHONE:sy_mob}.",
    "دفعنا {NN:100-800:dollars} عن كل شخص لنعبر إلى {PLACE:country}.",
    "على الحاجز قرب {PLACE:near} أخذوا هواتفنا وتركونا نمر.",
    "عبرنا من {PLACE=wadikhaled} إلى {PLACE=lebanon} تحت الثلج.",
    "احتجنا {NN:3-14:days} حتى وصلنا إلى {PLACE:refuge}.",
    "[HELP:كان|كانت] {HELP} [HELP:يعرف|تعرف] الطرق الفرعية، [HELP:ولولاه|ولولاها] لما وصلنا.",
    "كانت السيارة كيا بيضاء لوحتها {RPLATE} {PLACE:gov}، وأذكرها لأننا دفعناها مرتين.",
    "رقم {RPHONEO:given} كان {RPHONE}، وما زال عندي.",
    "كلما سألنا المهرّب عن موعد العبور قال: الله {cw:كريم=كريم}.",
    "انتظرنا {NN:2-9:days} قرب {PLACE:crossing} قبل أن يسمحوا لنا بالعبور.",
    "المهرّب، ورقمه {PHONE}، تركنا في منتصف الليل.",
    "عبرنا من {PLACE:crossing} ولا نملك إلا الثياب التي علينا.",
    "استقبلنا ابن عمي في {PLACE:refuge}، ورقمه {PHONE:refuge}.",
    "ركبنا في ميكروباص نمرته {PLATE}، وكنا {NN:14-25:people} محشورين فيه.",
    "[HELP:خبّأنا|خبّأتنا] {HELP:hon} في [HELP:بيته|بيتها] {NN:2-6:days} حتى هدأ الطريق.",
    "أعطانا متطوعو {ORG:sarc} بطانيات على أطراف {PLACE:near}.",
    "ابني الصغير، وهو من مواليد {DOB:year,child}، مشى الطريق كله دون أن يشتكي.",
    "أعطانا السائق رقماً نتصل به إذا أوقفونا: {PHONE:sy_mob}.",
    "أرسلنا موقعنا لأخي: {COORD}.",
    "نمنا الليلة الأخيرة في كرم زيتون عند الإحداثيات {COORD} ننتظر الإشارة.",
    "خرجت معنا {NN:2-5:families} من شارعنا.",
    "مشينا في العتمة على غير {cw:هدى=هدى} حتى وصلنا إلى أول قرية.",
    "خرجنا {cw:بسلام=سلام} والحمد لله، لكن غيرنا لم يخرج.",
    "سافر أخي قبلنا إلى {PLACE=sham}، ومن هناك إلى {PLACE:country}.",
    "في {cw:الصباح=صباح} وصلنا إلى أطراف {PLACE:near}.",
    "لم يكن أحد {cw:سعيداً=سعيد} بالخروج، لكننا لم نملك خياراً.",
    "خرجت أنا {HELP:cl=و} قبل الفجر لنستطلع الطريق.",
    "كانت سيارة المهرّب، ولوحتها {PLATE}، تنتظرنا خلف الجامع.",
    "كتب لنا متطوع على الحدود عنواناً على ورقة، {EMAIL}، للعائلات التي فقدت أحداً.",
    "كان المهرّب يعلن عن رحلاته على {URL}.",
    "على الحدود سجّلوا رقم جواز سفري {ID:passport}.",
    "لم يكن هناك أحد {HELP:cl=ك} يعرف الحواجز واحداً واحداً.",
]
POOLS["ar"]["after"] = [
    "سجّلنا لدى {ORG:unhcr} في {PLACE:refuge}، ورقم ملفنا {ID:unhcr}.",
    "تدير {ORG:unicef} مدرسة في المخيم يدرس فيها أولادي الآن.",
    "كتبت إلى {ORG:icrc} عن {DET} وأعطيتهم [DET:صورته|صورتها].",
    "يمكنكم التواصل معي على {WEMAIL} أو على الرقم {WPHONE}.",
    "فيديو الجنازة موجود على الصفحة {HANDLE:fb}.",
    "ابن عمي في {PLACE=germany} يحتفظ بالأوراق، ورقمه {PHONE:de}.",
    "المكان الذي دفنّا فيه {VIC:given} عند الإحداثيات {COORD}، خلف البستان.",
    "المحامي الذي يتابع ملفات المعتقلين بريده {EMAIL}.",
    "الرقم الوطني لأخي {ID:national}، أرجو أن تكتبوه في حال وُجد.",
    "حساب {RHANDLEO:given} على فيسبوك، {RHANDLE}، متوقف منذ الاعتقال.",
    "هناك قناة على تلغرام، {HANDLE:tg}، تنشر فيها العائلات أسماء المعتقلين.",
    "بعض الصور موجودة على {URL}.",
    "أنا من مواليد {DOB:any,self}، ولم أعش في مكان غير {PLACE:home} حتى خرجنا.",
    "ضاع جواز سفر [W:زوجتي|زوجي]، ورقمه {ID:passport}، على الحدود.",
    "أعطوني في {PLACE:refuge} بطاقة حماية مؤقتة رقمها {ID:kimlik}.",
    "كانت {ORG:who} ترسل عيادة متنقلة مرة في الشهر إلى حيث نسكن.",
    "الشاب الذي يوثق الأسماء للجنة المحلية موجود على إنستغرام باسم {HANDLE:ig}.",
    "نشرت ممرضة من المشفى الميداني قائمة القتلى على {URL}.",
    "عرفنا ما حدث {VIC:cl=ل} من فيديو على {URL}.",
    "وُلد ابني في {DOB:day,recent} في المخيم، في خيمة تديرها {ORG:msf}.",
    "المقبرة الجماعية عند {COORD}، قرب المقلع القديم.",
    "أعطيت {ORG:unhcr} تاريخ ميلاد أمي، {DOB:any,old}، لأنه لم يبق معها أي ورقة.",
    "أخي في {PLACE:refuge} على الرقم {PHONE:refuge}، وعنده الصور أيضاً.",
    "البريد الذي أستخدمه في مجموعات المفقودين هو {EMAIL}.",
    "نشر الحساب {HANDLE:x} على منصة إكس أسماء من اعتُقلوا مع {DET:given}.",
    "[RHANDLEO:يعيش|تعيش] {RHANDLEO:given} الآن في {PLACE:refuge}، [RHANDLEO:وينشر|وتنشر] باسم {RHANDLE}.",
    "ما زلت أتصل {RPHONEO:cl=ب} على الرقم {RPHONE} كل جمعة.",
    "في المخيم لم يبق {cw:أمل=أمل}، بقي الانتظار فقط.",
    "لن ننسى {cw:الجميل=جميل} الذي صنعته معنا العائلة التي استضافتنا.",
    "{cw:الحياة=حياة} في المخيم ليست {cw:حياة=حياة}، إنها انتظار فقط.",
    "كنا نقرأ أسماء الشهداء على {cw:نور=نور} شاشة الهاتف.",
    "بعد كل اسم كان الشيخ يقرؤه كانت النساء يرددن: {cw:آمين=أمين}.",
    "قال لنا متطوعو {ORG:sarc} لاحقاً إن {NN:30-120:people} دُفنوا في قبر واحد.",
    "نحصل على قسيمة غذائية من {ORG:wfp}، لكنها لا تكفي للإيجار.",
    "ساعدت {ORG:iom} عائلة أخي على السفر إلى {PLACE=germany}.",
    "أخذ محامٍ من {PLACE:refuge}، رقمه {PHONE:refuge}، إفاداتنا دون مقابل.",
    "تحتفظ اللجنة المحلية بقائمة بأسماء القتلى، وبريد المنسق {EMAIL}.",
    "ما زال عندي {cw:أملٌ=أمل} صغير بأن {DET:given} على قيد {cw:الحياة=حياة}.",
    "نقلنا الأوراق إلى مكان {cw:أمين=أمين} قبل أن نخرج.",
    "نحن اليوم {cw:بسلام=سلام}، لكن قلوبنا هناك.",
    "ابنتي، وهي من مواليد {DOB:any,child}، ما زالت تستيقظ في الليل وهي تصرخ.",
    "كانت سيارة الضابط، وهي جيب أسود لوحته {PLATE}، متوقفة أمام المدرسة طوال الوقت.",
    "إحداثيات الحاجز الذي احتجزوا فيه الرجال هي {COORD}.",
    "قريبتي في {PLACE=jordan} تستطيع أن تؤكد كل هذا، ورقمها {PHONE:jo}.",
    "عمي، وهو من مواليد {DOB:year,old}، رفض الخروج ولم يصلنا عنه خبر منذ ذلك الحين.",
    "أعطتني الطبيبة التي عالجت ابني بريدها {EMAIL} في حال احتجنا تقريراً طبياً.",
    "أرسلت الصور إلى صحفي على العنوان {EMAIL}.",
    "رقم هوية أبي التي احتجزوها على الحاجز كان {ID:national}.",
    "أسماء قتلى شارعنا منشورة على {URL}.",
]
POOLS["ar"]["close"] = [
    "أروي هذا لكي يُكتب ما حدث. {cw:رجاءً=رجاء} لا تذكروا اسمي.",
    "إذا نُشر اسمي فسيدفع أقاربي الذين بقوا في {PLACE:home} الثمن.",
    "كل ما أريده أن أعرف إن [DET:كان|كانت] {DET:given} على قيد {cw:الحياة=حياة}.",
    "هذا كل ما أستطيع قوله. الله {cw:كريم=كريم}.",
    "كل ما أردناه أن نعيش {cw:بسلام=سلام}.",
    "تقول أمي إن {cw:الحياة=حياة} ما زالت في الأولاد.",
    "لم يدخل {cw:الفرح=فرح} بيتنا منذ ذلك اليوم.",
    "يقول [W:أخي|زوجي]: لم يبق {cw:أمل=أمل}، وأنا لا أوافقه.",
    "لا أريد انتقاماً، أريد أن تُكتب أسماء القتلى في مكان ما.",
    "سأروي القصة نفسها أمام أي محكمة، إذا كانت عائلتي في أمان.",
    "سنعود إلى {PLACE:home} يوماً ما، ولو لزيارة القبور.",
    "اكتبوا اسم {VIC} بين القتلى، لا اسمي بين الشهود.",
    "رويت لكم كل ما رأيته بعيني، والباقي سمعته من الناس.",
    "{cw:وفاءً=وفاء} لمن ماتوا أروي ما حدث.",
    "{cw:رجاءً=رجاء}، لا تنشروا شيئاً يدل على قريتي.",
]
POOLS["ar"]["fb_person"] = [
    "لم أسمع شيئاً عن {P} منذ خرجنا.",
    "على حد علمي [P:ما زال|ما زالت] {P} في {PLACE:home}.",
    "سمعت لاحقاً أن {P} [P:وصل|وصلت] إلى {PLACE:refuge}.",
    "[P:يستطيع|تستطيع] {P} أن [P:يؤكد|تؤكد] ما قلته.",
    "[P:كان|كانت] {P:rel} {P} معنا في جزء من الطريق.",
    "[P:كان|كانت] {P:given} [P:أول|أول] من يساعد أي أحد في ضيق.",
]
POOLS["ar"]["fb_person_VIC"] = [
    "[P:رحمه|رحمها] الله، {P}.",
    "لم يُحاسَب أحد على قتل {P}.",
    "ما زلت أحتفظ بصورة {P} على هاتفي.",
    "[P:دُفن|دُفنت] {P:given} بلا جنازة.",
    "لم نستلم شهادة وفاة {P} حتى اليوم.",
]
POOLS["ar"]["fb_person_INF"] = [
    "على حد علمي ما زال {P} يعيش في {PLACE:home} كأن شيئاً لم يكن.",
    "رأيت {P} بعد ذلك على حاجز قرب {PLACE:near}.",
    "يقول الناس إن {P:given} كان يقبض ثمن كل اسم يعطيهم إياه.",
]
POOLS["ar"]["fb_person_DET"] = [
    "حتى اليوم لا خبر عن {P}.",
    "لم يخبرنا أحد بشيء عن {P} منذ ذلك الحين.",
    "أحمل صورة {P:given} معي أينما ذهبت.",
    "كل معتقل يخرج نسأله عن {P}.",
]
POOLS["ar"]["fb_var"] = [
    "يُكتب الاسم على فيسبوك هكذا: {P:var}.",
    "في بعض الأوراق يُكتب الاسم {P:var}.",
    "في قوائم التسجيل يظهر الاسم {P:var}.",
]
POOLS["ar"]["fb_kunya"] = [
    "ما زالت {P:umm} تتصل بي كل أسبوع من {PLACE:refuge}.",
    "حتى {P:abu} لم يعرف الشارع بعد ما حدث.",
    "كان الناس يشربون القهوة في بيت {P:abu} بعد صلاة الجمعة.",
]
POOLS["ar"]["fb_family"] = [
    "بيننا وبين {P:fam} عشرة ثلاثين سنة.",
    "يعرف أهل {PLACE:home} كلهم {P:fam}.",
    "من بيت {P:famname} لم يبق أحد في الحي.",
]
POOLS["ar"]["fb_clitic"] = [
    "خرجت أنا {P:cl=و} في الليلة نفسها.",
    "قلت {P:cl=ل} ألا [P:يعود|تعود] إلى الحي.",
    "اتصلت {P:cl=ب} حين وصلنا.",
    "{P:cl=ف} [P:كان|كانت] آخر من رأى المعتقلين أحياء.",
    "لم يكن في الحارة أحد {P:cl=ك} في الكرم.",
]
POOLS["ar"]["fb_priv"] = [
    "لم يعد أحد يقترب من {X}.",
    "لم أر {X} منذ خرجنا.",
    "كنا نذهب {X:cl=ل} كل يوم جمعة.",
    "في الحي {X:cl=وب} تحديداً سقطت أولى القذائف.",
    "كانت أرضنا {X:cl=ب}، قرب البئر.",
]
POOLS["ar"]["fb_priv_var"] = ["ويكتب بعضهم الاسم {X:var}."]
POOLS["ar"]["fb_w_var"] = ["وعلى فيسبوك يُكتب بالأحرف اللاتينية {X:var}.", "ويكتبه بعضهم {X:var}."]
POOLS["ar"]["fb_RPHONE"] = [
    "كان رقم {O:given} {X}.",
    "ظللنا نتصل {O:cl=ب} على {X} لكن الخط كان مقطوعاً.",
]
POOLS["ar"]["fb_RID"] = ["رقم {O:given} الوطني {X}.", "الرقم على هوية {O:given} كان {X}."]
POOLS["ar"]["fb_RDOB"] = [
    "{O:given} من مواليد {X}.",
    "تاريخ ميلاد {O:given} {X}، وهو مكتوب على شهادة الوفاة التي لم نستلمها.",
]
POOLS["ar"]["fb_RPLATE"] = [
    "كانت سيارة {O:given} تحمل لوحة {X} {PLACE:gov}.",
    "رقم لوحة سيارة {O:given} {X}، كتبته على يدي.",
]
POOLS["ar"]["fb_RHANDLE"] = [
    "[O:كان|كانت] {O:given} [O:يستخدم|تستخدم] الحساب {X}.",
    "ما زالت منشورات {O:given} على {X}.",
]
POOLS["ar"]["fb_WVIL"] = [
    "قريتي {WVIL} فارغة الآن.",
    "لم أرجع إلى {WVIL} منذ ذلك الوقت.",
    "بين {PLACE:home} {WVIL:cl=و} طريق ترابي طويل.",
]
POOLS["ar"]["fb_WHOOD"] = ["كان شارعنا {WHOOD:cl=ب} أول ما قُصف.", "لم يعد أحد يسكن في {WHOOD}."]
POOLS["ar"]["fb_WNICK"] = [
    "في المخيم أيضاً ينادونني {WNICK}.",
    "جيراني هنا أيضاً ينادونني {WNICK}.",
]
POOLS["ar"]["fb_WPHONE"] = ["رقمي {WPHONE}.", "يمكن الاتصال بي على {WPHONE}، لكن في المساء فقط."]
POOLS["ar"]["fb_WEMAIL"] = [
    "بريدي الإلكتروني {WEMAIL}.",
    "راسلوني على {WEMAIL} إذا احتجتم شيئاً آخر.",
]
POOLS["ar"]["fb_WID"] = ["رقمي الوطني {WID}.", "الرقم المكتوب على هويتي {WID}."]
POOLS["ar"]["fb_W"] = ["ما زالت أمي تناديني {W:given} كأنني طفل.", "في قوائم المخيم اسمي {W}."]


# ---------------------------------------------------------------------------------------------
# One testimony
# ---------------------------------------------------------------------------------------------

TOKEN = re.compile(r"\{([^{}]+)\}|\[([A-Z]+):([^\[\]|]*)\|([^\[\]]*)\]")
PII_SLOT = {
    "PHONE": "phone",
    "EMAIL": "email",
    "ID": "id_number",
    "HANDLE": "handle",
    "URL": "url",
    "COORD": "coordinates",
    "DOB": "date_of_birth",
    "PLATE": "vehicle_plate",
}
SPECIAL_ARGS = {
    "abu": "kunya",
    "umm": "kunya",
    "fam": "family",
    "Fam": "family",
    "famname": "family",
    "case": "case_spacing",
    "var": "variant",
}
NOUNS = {
    "en": {
        "people": "people",
        "bodies": "bodies",
        "days": "days",
        "hours": "hours",
        "houses": "houses",
        "dollars": "dollars",
        "years": "years",
        "shells": "shells",
        "families": "families",
        "men": "men",
    },
    # singular genitive, plural (3-10), singular accusative (11-99)
    "ar": {
        "people": ("شخص", "أشخاص", "شخصاً"),
        "bodies": ("جثة", "جثث", "جثة"),
        "days": ("يوم", "أيام", "يوماً"),
        "hours": ("ساعة", "ساعات", "ساعة"),
        "houses": ("بيت", "بيوت", "بيتاً"),
        "dollars": ("دولار", "دولارات", "دولاراً"),
        "years": ("سنة", "سنوات", "سنة"),
        "shells": ("قذيفة", "قذائف", "قذيفة"),
        "families": ("عائلة", "عائلات", "عائلة"),
        "men": ("رجل", "رجال", "رجلاً"),
    },
}
REL = {
    "en": {
        "VIC": {
            "m": [
                "my cousin",
                "our neighbour",
                "my brother-in-law",
                "my nephew",
                "my uncle",
                "my brother",
            ],
            "f": [
                "my cousin",
                "our neighbour",
                "my sister-in-law",
                "my niece",
                "my aunt",
                "my sister",
            ],
        },
        "DET": {
            "m": ["my brother", "my son", "my cousin", "my nephew"],
            "f": ["my sister", "my daughter", "my cousin"],
        },
        "HELP": {
            "m": ["a driver from our village", "my father's friend", "my cousin"],
            "f": ["a nurse from the village", "my aunt"],
        },
        "NEI": {
            "m": ["our neighbour", "my neighbour", "my friend"],
            "f": ["our neighbour", "my neighbour", "my friend"],
        },
        "INF": {"m": ["a man from the next village"], "f": ["a woman from the next village"]},
    },
    "ar": {
        "VIC": {
            "m": ["ابن عمي", "جارنا", "صهري", "ابن أختي", "عمي", "خالي", "أخي"],
            "f": ["بنت عمي", "جارتنا", "سلفتي", "بنت أختي", "عمتي", "خالتي", "أختي"],
        },
        "DET": {"m": ["أخي", "ابني", "ابن عمي", "ابن أختي"], "f": ["أختي", "ابنتي", "بنت عمي"]},
        "HELP": {
            "m": ["سائق من قريتنا", "صديق أبي", "ابن خالتي"],
            "f": ["ممرضة من القرية", "خالتي"],
        },
        "NEI": {"m": ["جارنا", "جاري", "صديقي"], "f": ["جارتنا", "جارتي", "صديقتي"]},
        "INF": {"m": ["رجل من القرية المجاورة"], "f": ["امرأة من القرية المجاورة"]},
    },
}
SAME_FAMILY = {"my brother", "my sister", "أخي", "أختي", "ابن عمي", "بنت عمي", "عمي", "عمتي"}
QUESTIONS = {
    "en": {
        "open": "Q: Could you tell us who you are and where you lived?",
        "life": "Q: What was life like before?",
        "inc": [
            "Q: What happened then?",
            "Q: What did you see next?",
            "Q: Was there another incident?",
            "Q: Tell us about that day.",
        ],
        "flight": "Q: How did you leave?",
        "after": "Q: Where are you now, and what happened afterwards?",
        "close": "Q: Is there anything you want to add?",
    },
    "ar": {
        "open": "س: هل يمكن أن تعرّفنا بنفسك وبمكان سكنك؟",
        "life": "س: كيف كانت الأحوال قبل ذلك؟",
        "inc": [
            "س: ماذا حدث بعد ذلك؟",
            "س: ماذا رأيت بعدها؟",
            "س: هل حدث شيء آخر؟",
            "س: حدّثنا عن ذلك اليوم.",
        ],
        "flight": "س: كيف خرجتم؟",
        "after": "س: أين أنتم الآن، وماذا جرى بعد ذلك؟",
        "close": "س: هل هناك ما تريد إضافته؟",
    },
}
ANSWER = {"en": "A: ", "ar": "ج: "}
GLOBAL_USE: Counter = Counter()
_INFO: dict = {}


def tpl_info(tpl: str) -> dict:
    if tpl in _INFO:
        return _INFO[tpl]
    roles, pii, cw, specials, places = set(), Counter(), [], [], []
    inc = False
    for m in TOKEN.finditer(tpl):
        if m.group(2):
            roles.add(m.group(2))
            continue
        name, _, arg = m.group(1).partition(":")
        if name == "cw":
            cw.append(arg.split("=")[1])
        elif name in PII_SLOT:
            pii[PII_SLOT[name]] += 1
        elif name in ("DATE", "IPLACE", "PERP", "COUNT"):
            inc = True
        elif name.startswith("PLACE"):
            places.append(m.group(1))
        elif name in ("ORG", "N", "NN", "AGE", "TIME", "OCC"):
            pass
        else:
            roles.add(name)
            if arg in SPECIAL_ARGS:
                specials.append(SPECIAL_ARGS[arg])
            elif arg.startswith("cl="):
                specials.append("clitic")
            if arg == "var":
                specials.append("needs_var")
    _INFO[tpl] = {
        "roles": roles,
        "pii": pii,
        "cw": cw,
        "specials": specials,
        "inc": inc,
        "places": places,
        "kimlik": "ID:kimlik" in tpl,
    }
    return _INFO[tpl]


class Testimony:
    def __init__(self, lang: str, idx: int, plan: dict, attempt: int = 0):
        self.lang, self.idx, self.plan = lang, idx, plan
        self.rng = random.Random(f"{SEED}-{lang}-{idx}-{attempt}")
        self.attempt = attempt
        self.form_have: Counter = Counter()
        self.digits = "ar" if (lang == "ar" and self.rng.random() < 0.65) else "lat"
        self.roles: dict[str, Reg] = {}
        self.persons: list[PersonReg] = []
        self.entities: list[tuple[dict, Reg]] = []
        self.identity: dict = {}
        self.cur_inc = None
        self.used: set[str] = set()
        self.quota = Counter(plan["pii"])
        self.cw_allowed: set[str] = set()
        self.cw_registered: set[str] = set()
        self.cw_count = 0
        self.form_quota: list[str] = []

    # -- small helpers
    def num(self, n) -> str:
        s = str(n)
        return to_arabic_digits(s) if self.digits == "ar" else s

    def dig(self, s: str) -> str:
        return to_arabic_digits(s) if self.digits == "ar" else s

    def place_key(self, arg: str) -> str:
        rng = self.rng
        if arg.startswith("="):
            return arg[1:]
        if arg == "home":
            return self.home
        if arg == "near":
            return rng.choice(self.near)
        if arg == "gov":
            return self.gov
        if arg == "refuge":
            return self.refuge
        if arg == "country":
            return self.country
        if arg == "crossing":
            return rng.choice(CROSSING[self.country])
        raise ValueError(arg)

    def put_place(self, frag: Frag, key: str, prefix: str = ""):
        en_forms, ar_form, level = PLACES[key][0], PLACES[key][1], PLACES[key][2]
        if self.lang == "en":
            f = self.rng.choice(en_forms)
            if f.startswith("the "):
                frag.add("the ")
                f = f[4:]
            frag.lab(f, "keep", "public_place", "plain", ref=key, level=level)
            return
        form = "plain"
        s = ar_form
        if key == "hama" and self.rng.random() < 0.3:
            s, form = "حماه", "spelling"
        if prefix:
            s, form = ar_attach(prefix, s), "clitic"
        frag.lab(s, "keep", "public_place", form, ref=key, level=level)

    def put_org(self, frag: Frag, key: str, prefix: str = ""):
        forms = ORGS[key][0 if self.lang == "en" else 1]
        s = self.rng.choice(forms)
        form = "plain"
        if self.lang == "en" and s.startswith("the "):
            frag.add("the ")
            s = s[4:]
        if prefix:
            s, form = ar_attach(prefix, s), "clitic"
        frag.lab(s, "keep", "public_org", form, ref=key)

    def put_number(self, frag: Frag, n: int, form="count"):
        frag.lab(self.num(n), "keep", "number", form)

    def put_nn(self, frag: Frag, n: int, noun: str):
        if self.lang == "ar" and n < 3:  # a dual is not written with a numeral
            n = 3
        self.put_number(frag, n)
        if self.lang == "en":
            frag.add(" " + NOUNS["en"][noun])
        else:
            gen, pl, acc = NOUNS["ar"][noun]
            r = n % 100
            frag.add(" " + (pl if 3 <= r <= 10 else acc if 11 <= r <= 99 else gen))

    def put_time(self, frag: Frag):
        rng = self.rng
        h = rng.choice([1, 2, 3, 4, 5, 6, 11, 10])
        if self.lang == "en":
            suffix = "p.m." if h in (10, 11) else "a.m."
            txt = f"{h} {suffix}" if rng.random() < 0.7 else f"{h}:30 {suffix}"
            frag.lab(txt, "keep", "number", "time")
            return
        frag.add("الساعة ")
        frag.lab(
            self.num(h) if rng.random() < 0.7 else self.dig(f"{h}:30"), "keep", "number", "time"
        )
        if h in (10, 11):
            frag.add(" ليلاً")
        elif h == 6:
            frag.add(" ")
            frag.lab(
                "صباحاً",
                "keep",
                "common_word",
                "word",
                word="صباح",
                registered_in_testimony="صباح" in self.cw_registered,
            )
            self.cw_count += 1
        else:
            frag.add(" فجراً")

    def put_date(self, frag: Frag):
        inc, rng, lang = self.cur_inc, self.rng, self.lang
        y, m, d, prec = inc["_y"], inc["_m"], inc["_d"], inc["date_precision"]
        mon = MONTHS[lang][m - 1]
        if lang == "en":
            if prec == "day":
                pre, txt = (
                    "on ",
                    rng.choice([f"{d} {mon} {y}", f"{mon} {d}, {y}", f"{d} {mon} {y}"]),
                )
            elif prec == "month":
                pre, txt = "in ", f"{mon} {y}"
            elif prec == "year":
                pre, txt = "in ", str(y)
            else:
                pre, txt = (
                    "around ",
                    rng.choice([f"the end of {y}", f"early {y}", f"the middle of {y}"]),
                )
        else:
            if prec == "day":
                pre, txt = (
                    rng.choice(["في ", "يوم "]),
                    rng.choice([f"{d} {mon} {y}", f"{d}/{m}/{y}", f"{d} {mon} {y}"]),
                )
            elif prec == "month":
                pre, txt = "في ", rng.choice([f"{mon} {y}", f"{mon} من عام {y}"])
            elif prec == "year":
                pre, txt = "في عام ", str(y)
            else:
                pre, txt = "في ", rng.choice([f"أواخر عام {y}", f"أوائل {y}", f"منتصف عام {y}"])
            txt = self.dig(txt)
        frag.add(pre)
        frag.lab(txt, "keep", "event_date", prec)

    def put_iplace(self, frag: Frag):
        inc = self.cur_inc
        if inc["_priv"]:
            self.roles["PRIV"].mention(frag, None)
            frag.add(" near " if self.lang == "en" else " قرب ")
        self.put_place(frag, inc["_place"])

    def put_pii(self, frag: Frag, name: str, arg: str):
        rng, lang = self.rng, self.lang
        kind = PII_SLOT[name]
        self.quota[kind] -= 1
        if name == "PHONE":
            country = {"sy_mob": "sy_mob", "tr": "tr", "de": "de", "jo": "jo", "lb": "lb"}.get(arg)
            if arg == "refuge":
                country = {"lebanon": "lb", "turkey": "tr", "jordan": "jo", "iraq": "iq"}[
                    self.country
                ]
            txt, form = gen_phone(rng, country)
            if lang == "ar" and rng.random() < (0.55 if self.digits == "ar" else 0.15):
                if rng.random() < 0.12:
                    txt, form = to_persian_digits(txt), form + "_persian_digits"
                else:
                    txt, form = to_arabic_digits(txt), form + "_arabic_digits"
        elif name == "EMAIL":
            txt, form = gen_email(rng)
        elif name == "ID":
            txt, form = gen_id(rng, arg or None)
            if lang == "ar" and self.digits == "ar" and rng.random() < 0.6 and form != "unhcr_case":
                txt, form = to_arabic_digits(txt), form + "_arabic_digits"
        elif name == "HANDLE":
            txt, form = gen_handle(rng, arg or None)
        elif name == "URL":
            txt, form = gen_url(rng)
        elif name == "COORD":
            lat, lon = PLACES[self.home][3], PLACES[self.home][4]
            txt, form = gen_coords(rng, lat, lon, lang)
        elif name == "DOB":
            args = (arg or "any").split(",")
            mode = args[0]
            age = args[1] if len(args) > 1 else "adult"
            txt, form = gen_dob(rng, lang, self.digits, mode)
            yr = {
                "adult": (1955, 1995),
                "child": (2000, 2011),
                "recent": (2012, 2018),
                "old": (1930, 1954),
                "self": (2017 - self.age - 1, 2017 - self.age),
            }[age]
            y_old = re.search(r"(19|20)\d\d|[١٢][٩٠][٠-٩][٠-٩]", txt).group(0)
            y_new = str(rng.randint(*yr))
            txt = txt.replace(y_old, to_arabic_digits(y_new) if y_old[0] in ARABIC_INDIC else y_new)
        else:  # PLATE
            n = gen_plate_number(rng)
            style = rng.randrange(3)
            gov = self.gov
            if lang == "ar" and self.digits == "ar":
                n = to_arabic_digits(n)
            if style == 0:
                frag.lab(n, "redact", "vehicle_plate", "number_governorate")
                frag.add(" ")
                self.put_place(frag, gov)
            elif style == 1:
                self.put_place(frag, gov)
                frag.add(" ")
                frag.lab(n, "redact", "vehicle_plate", "governorate_number")
            else:
                frag.lab(n, "redact", "vehicle_plate", "number")
            return
        frag.lab(txt, "redact", kind, form)

    # -- rendering
    def reg_for(self, role: str, bind: dict | None) -> Reg:
        if bind and role in bind:
            return bind[role]
        return self.roles[role]

    def render(self, tpl: str, bind: dict | None = None) -> Frag:
        frag = Frag()
        pos = 0
        for m in TOKEN.finditer(tpl):
            frag.add(tpl[pos : m.start()])
            pos = m.end()
            if m.group(2):
                reg = self.reg_for(m.group(2), bind)
                g = reg.gender if isinstance(reg, PersonReg) else self.wgender
                frag.add(m.group(3) if g == "m" else m.group(4))
                continue
            name, _, arg = m.group(1).partition(":")
            if name == "cw":
                surface, word = arg.split("=")
                frag.lab(
                    surface,
                    "keep",
                    "common_word",
                    "word",
                    word=word,
                    registered_in_testimony=word in self.cw_registered,
                )
                self.cw_count += 1
            elif name.startswith("PLACE"):
                a = name[5:] if name.startswith("PLACE=") else arg
                a, _, pre = a.partition("/")
                self.put_place(frag, self.place_key(a), pre)
            elif name == "ORG":
                key, _, pre = arg.partition("/")
                self.put_org(frag, key, pre)
            elif name == "N":
                lo, hi = map(int, arg.split("-"))
                self.put_number(frag, self.rng.randint(lo, hi))
            elif name == "NN":
                rg, noun = arg.split(":") if ":" in arg else (arg, "people")
                lo, hi = map(int, rg.split("-"))
                self.put_nn(frag, self.rng.randint(lo, hi), noun)
            elif name == "AGE":
                self.put_number(frag, self.age, "age")
            elif name == "TIME":
                self.put_time(frag)
            elif name == "OCC":
                frag.add(self.occupation)
            elif name == "DATE":
                self.put_date(frag)
            elif name == "IPLACE":
                self.put_iplace(frag)
            elif name == "PERP":
                frag.add(self.cur_inc["_perp"])
            elif name == "COUNT":
                noun = arg or "people"
                n = (
                    self.cur_inc["victims_count"]
                    if noun in ("people", "bodies") and self.cur_inc["victims_count"]
                    else self.rng.randint(3, 30)
                )
                self.put_nn(frag, n, noun)
            elif name in PII_SLOT:
                self.put_pii(frag, name, arg)
            else:
                reg = self.reg_for(name, bind)
                if arg in ("rel", "Rel"):
                    r = reg.rel
                    frag.add(r[0].upper() + r[1:] if arg == "Rel" else r)
                else:
                    reg.mention(frag, arg or None)
        frag.add(tpl[pos:])
        if self.lang == "en":
            frag.capitalise()
        return frag

    # -- template choice
    def eligible(self, tpl: str, bind: dict | None = None) -> bool:
        info = tpl_info(tpl)
        have = set(self.roles) | set(bind or ())
        if not info["roles"] <= have:
            return False
        if info["inc"] and self.cur_inc is None:
            return False
        if "{TIME}" in tpl and "{DATE}" in tpl and self.cur_inc["date_precision"] != "day":
            return False
        if any(self.quota[k] < n for k, n in info["pii"].items()):
            return False
        if any(w not in self.cw_allowed for w in info["cw"]):
            return False
        if info["kimlik"] and self.country != "turkey":
            return False
        for p in info["places"]:
            if "crossing" in p and not CROSSING[self.country]:
                return False
            if ("wadikhaled" in p or "lebanon" in p) and self.country != "lebanon":
                return False
            if "=sham" in p and self.region not in (
                "damascus",
                "homs_city",
                "homs_rural",
                "daraa",
                "hama",
            ):
                return False
        if "needs_var" in info["specials"]:
            regs = [self.reg_for(r, bind) for r in info["roles"]]
            if not any(r.variants for r in regs):
                return False
        return True

    def score(self, tpl: str) -> float:
        info = tpl_info(tpl)
        s = 1.0
        for r in info["roles"]:
            if r in self.roles:
                s += self.roles[r].want()
        for _ in info["pii"]:
            s += 6
        for w in info["cw"]:
            s += 6 if (w in self.cw_registered and self.cw_count < 3) else 1
        for f in info["specials"]:
            if f in self.form_quota:
                s += 2
        if "Khaled" in self.first_names and "wadikhaled" in tpl:
            s += 8
        if "Sham" in self.first_names and "=sham" in tpl:
            s += 8
        return s / (1.0 + 0.6 * GLOBAL_USE[(self.lang, tpl)])

    def pick(self, pool: str, k: int, out: list, bind=None, where=None):
        for _ in range(k):
            cands = [
                t
                for t in POOLS[self.lang][pool]
                if (t, id(bind)) not in self.used and t not in self.used and self.eligible(t, bind)
            ]
            if not cands:
                return
            t = self.rng.choices(cands, [self.score(c) for c in cands])[0]
            self.used.add(t)
            GLOBAL_USE[(self.lang, t)] += 1
            frag = self.render(t, bind)
            frag.tpl = t
            if where is None:
                out.append(frag)
            else:
                out.insert(where, frag)

    # -- the testimony's people, places, incidents
    def setup(self):
        rng, lang, plan = self.rng, self.lang, self.plan
        self.region = plan["region"]
        towns = REGIONS[self.region]
        self.home = rng.choice(towns)
        self.near = [t for t in towns if t != self.home] or towns
        self.gov = GOVERNORATE[self.region]
        if self.region == "homs_city":
            self.near = [*self.near, "homs"]
        self.country, cities = rng.choice(REFUGE[self.region])
        if plan.get("trick") == "khaled":
            self.country, cities = next(r for r in REFUGE[self.region] if r[0] == "lebanon")
        self.refuge = rng.choice(cities)
        used_given, used_family = set(), set()

        def pick_given(gender):
            pool = [g for g in GIVEN if g[2] == gender and g[0] not in used_given]
            g = rng.choice(pool)
            used_given.add(g[0])
            return g

        def pick_family():
            f = rng.choice([f for f in FAMILY if f[0] not in used_family])
            used_family.add(f[0])
            return f

        # the witness
        self.wgender = "m" if rng.random() < 0.55 else "f"
        wg, wf = pick_given(self.wgender), pick_family()
        self.wfamily = wf
        w = PersonReg(self, "identity.full_name", wg, wf, "W", "")
        w.variants, w.pending = [], []  # identity fields have no variant list
        self.roles["W"] = w
        self.identity = {
            "full_name": w.value,
            "nickname": None,
            "phone": None,
            "home_village": None,
            "neighbourhood": None,
            "national_id": None,
            "email": None,
        }
        self.age = rng.randint(24, 71)
        self.occupation = rng.choice(OCCUPATIONS[lang][self.wgender])
        idf = plan["identity"]
        if "nickname" in idf:
            son = pick_given("m")
            if lang == "en":
                val = ("Abu " if self.wgender == "m" else "Umm ") + son[0]
                var = []  # identity details carry no variant list
            else:
                val = ("أبو " if self.wgender == "m" else "أم ") + son[1]
                var = []
            self.roles["WNICK"] = NickReg(self, "identity.nickname", val, var)
            self.identity["nickname"] = val
        if "phone" in idf:
            txt, _ = gen_phone(
                rng,
                rng.choice(
                    [
                        "sy_mob",
                        "sy_mob",
                        {"lebanon": "lb", "turkey": "tr", "jordan": "jo", "iraq": "iq"}[
                            self.country
                        ],
                    ]
                ),
            )
            self.roles["WPHONE"] = NumReg(self, "identity.phone", txt, [], "phone", phone_alts(txt))
            self.identity["phone"] = txt
        if "home_village" in idf:
            v = rng.choice(VILLAGES)
            val = v[0] if lang == "en" else v[1]
            words = val.split(" ")
            part = " ".join(words[1:]) if len(words) > 1 else None
            if part and lang == "ar" and part == "زيتونة":
                part = None
            var = []
            self.roles["WVIL"] = PlaceReg(self, "identity.home_village", val, var, None, part)
            self.identity["home_village"] = val
        if "neighbourhood" in idf:
            h = rng.choice(HOODS)
            val = h[0] if lang == "en" else h[1]
            part = val.split(" ", 1)[1]
            var = []
            self.roles["WHOOD"] = PlaceReg(self, "identity.neighbourhood", val, var, None, part)
            self.identity["neighbourhood"] = val
        if "national_id" in idf:
            n = gen_national_id(rng)
            self.roles["WID"] = NumReg(
                self,
                "identity.national_id",
                n,
                [],
                "id",
                [f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:2]}-{n[2:]}", n],
            )
            self.identity["national_id"] = n
        if "email" in idf:
            e, _ = gen_email(rng)
            alts = [
                e[0].upper() + e[1:],
                e.split("@")[0] + "@" + e.split("@")[1].capitalize(),
                e.upper(),
            ]
            self.roles["WEMAIL"] = TextReg(self, "identity.email", e, [], alts)
            self.identity["email"] = e

        # incidents
        types = rng.sample(
            ["shelling", "raid", "detention", "looting", "arson", "raid", "shelling", "detention"],
            8,
        )
        seen = []
        for t in types:
            if t not in seen:
                seen.append(t)
        itypes = seen[: plan["n_inc"]]
        need = set()
        if "raid" in itypes or "shelling" in itypes or "arson" in itypes:
            need.add("VIC")
        if "detention" in itypes:
            need.add("DET")
        optional = ["NEI", "HELP", "INF", "NEI"]
        n_ent = plan["n_ent"]
        others_pool = ["PRIV", "RPHONE", "RID", "RDOB", "RPLATE", "RHANDLE"]
        n_persons = max(len(need), min(4, n_ent - rng.choice([0, 1, 1, 2])))
        if n_ent - n_persons > 2:
            n_persons = n_ent - 2
        person_roles = [r for r in ("VIC", "DET") if r in need]  # fixed order: no set iteration
        for r in optional:
            if len(person_roles) >= n_persons:
                break
            if r not in person_roles:
                person_roles.append(r)
        if plan["cw"]:
            person_roles = person_roles or ["NEI"]
        n_other = n_ent - len(person_roles)
        cw_row = None
        if plan["cw"]:
            cw_row = next(g for g in CW_GIVEN if g[0] == plan["cw"])
            used_given.add(cw_row[0])
        cw_role = None
        if cw_row:
            okroles = [r for r in person_roles if r != "INF"] or person_roles
            cw_role = rng.choice(okroles)
        self.first_names = set()
        trick_row = {"khaled": "Khaled", "sham": "Sham", "hilal": "Hilal"}.get(plan.get("trick"))
        trick_row = next((g for g in GIVEN if g[0] == trick_row), None)
        trick_role = None
        if trick_row:
            cands = [
                r for r in person_roles if r != cw_role and (r != "INF" or trick_row[2] == "m")
            ]
            if not cands:
                person_roles.append("NEI" if "NEI" not in person_roles else "HELP")
                cands = [person_roles[-1]]
            trick_role = rng.choice(cands)
            used_given.add(trick_row[0])
        for role in person_roles:
            if role == "INF":
                gender = "m"
            elif role == cw_role:
                gender = cw_row[2]
            elif role == trick_role:
                gender = trick_row[2]
            else:
                gender = (
                    "m"
                    if rng.random() < {"VIC": 0.7, "DET": 0.8, "HELP": 0.7, "NEI": 0.5}[role]
                    else "f"
                )
            g = (
                cw_row
                if role == cw_role
                else trick_row
                if role == trick_role
                else pick_given(gender)
            )
            rel = rng.choice(REL[lang][role][gender])
            fam = wf if (rel in SAME_FAMILY and rng.random() < 0.8) else pick_family()
            p = PersonReg(self, f"entities[{len(self.entities)}]", g, fam, role, rel)
            self.roles[role] = p
            self.persons.append(p)
            self.first_names.add(g[0])
            self.entities.append(({"text": p.value, "type": "PERSON", "variants": p.variants}, p))
            if role == cw_role:
                self.cw_registered.add(g[0] if lang == "en" else g[1])
        if wg[0] not in self.first_names:
            self.first_names.add(wg[0])
        self.cw_allowed = set(self.cw_registered)
        if plan["stray_cw"]:
            self.cw_allowed.add(plan["stray_cw"])
        # non-person entities
        others = []
        if plan["priv"]:
            others.append("PRIV")
        rest = [o for o in others_pool if o != "PRIV"]
        rng.shuffle(rest)
        others += rest
        owners = {
            "RPHONE": ["HELP", "DET", "NEI", "VIC"],
            "RID": ["DET", "VIC", "NEI"],
            "RDOB": ["VIC", "DET", "NEI"],
            "RPLATE": ["HELP", "NEI", "DET"],
            "RHANDLE": ["DET", "NEI", "HELP", "VIC"],
        }
        for o in others:
            if n_other <= 0:
                break
            idx = len(self.entities)
            if o == "PRIV":
                pr = rng.choice(PRIVATE)
                val = pr[0] if lang == "en" else pr[1]
                var = [pr[3]] if lang == "en" and rng.random() < 0.45 else []
                part = val[3:] if lang == "en" else None
                reg = PlaceReg(self, f"entities[{idx}]", val, var, pr[2], part)
                self.roles["PRIV"] = reg
                self.entities.append(
                    ({"text": val, "type": "LOCATION_PRIVATE", "variants": var}, reg)
                )
                n_other -= 1
                continue
            owner = next((r for r in owners[o] if r in self.roles), None)
            if owner is None:
                continue
            if o == "RPHONE":
                txt, _ = gen_phone(rng, "sy_mob")
                reg, etype = (
                    NumReg(self, f"entities[{idx}]", txt, [], "phone", phone_alts(txt)),
                    "PHONE",
                )
            elif o == "RID":
                n = gen_national_id(rng)
                reg, etype = (
                    NumReg(
                        self,
                        f"entities[{idx}]",
                        n,
                        [],
                        "id",
                        [f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:2]}-{n[2:]}", n],
                    ),
                    "ID_NUMBER",
                )
            elif o == "RDOB":
                y, m, d = rng.randint(1955, 1996), rng.randint(1, 12), rng.randint(1, 28)
                if lang == "en":
                    val = f"{d} {MONTHS['en'][m - 1]} {y}"
                    var = [f"{d:02d}/{m:02d}/{y}"] if rng.random() < 0.4 else []
                    alts = [f"{d}/{m}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d}.{m}.{y}"]
                else:
                    val = f"{d}/{m}/{y}"
                    var = (
                        [
                            to_arabic_digits(f"{d} ")
                            + MONTHS["ar"][m - 1]
                            + to_arabic_digits(f" {y}")
                        ]
                        if rng.random() < 0.4
                        else []
                    )
                    alts = [f"{y}/{m}/{d}", f"{d}-{m}-{y}", f"{d:02d}/{m:02d}/{y}"]
                reg, etype = (
                    NumReg(self, f"entities[{idx}]", val, var, "dob", alts),
                    "DATE_OF_BIRTH",
                )
            elif o == "RPLATE":
                n = gen_plate_number(rng)
                reg, etype = (
                    NumReg(self, f"entities[{idx}]", n, [], "plate", [f"{n[:3]} {n[3:]}", n]),
                    "VEHICLE_PLATE",
                )
            else:
                a, b = _word(rng), _word(rng)
                if rng.random() < 0.5:
                    val = f"@{a}_{b}"
                    var = [f"t.me/{a}_{b}"] if rng.random() < 0.5 else []
                else:
                    val = f"facebook.com/{a}.{b}"
                    var = [f"fb.com/{a}.{b}"] if rng.random() < 0.5 else []
                reg, etype = TextReg(self, f"entities[{idx}]", val, var), "SOCIAL_HANDLE"
            self.roles[o] = reg
            self.roles[o + "O"] = self.roles[owner]
            self.entities.append(
                ({"text": reg.value, "type": etype, "variants": reg.variants}, reg)
            )
            n_other -= 1
        # incidents
        self.incidents = []
        years = sorted(rng.sample(range(2011, 2017), len(itypes)))
        for t, y in zip(itypes, years, strict=True):
            m, d = rng.randint(1, 12), rng.randint(1, 28)
            prec = rng.choices(["day", "month", "year", "approximate"], [55, 25, 10, 10])[0]
            date = {
                "day": f"{y}-{m:02d}-{d:02d}",
                "month": f"{y}-{m:02d}",
                "year": f"{y}",
                "approximate": f"{y}-{m:02d}",
            }[prec]
            priv = (
                "PRIV" in self.roles
                and t in ("raid", "arson", "looting", "shelling")
                and rng.random() < 0.45
                and not any(i["_priv"] for i in self.incidents)
            )
            place = rng.choice([self.home, self.home, rng.choice(self.near)])
            vc = {
                "shelling": rng.randint(3, 60),
                "raid": rng.randint(3, 40),
                "detention": rng.randint(1, 12),
                "looting": rng.choice([None, 0]),
                "arson": rng.choice([None, rng.randint(1, 9)]),
            }[t]
            perp = rng.choice(PERPS[lang][t])
            self.incidents.append(
                {
                    "date": date,
                    "date_precision": prec,
                    "_y": y,
                    "_m": m,
                    "_d": d,
                    "_type": t,
                    "_priv": priv,
                    "_place": place,
                    "_perp": perp,
                    "violation_types": rng.choice(VIOLATIONS[t]),
                    "victims_count": vc,
                }
            )
        self.form_quota = rng.sample(
            ["kunya", "family", "case_spacing", "variant"]
            if lang == "en"
            else ["kunya", "family", "clitic", "diacritised", "spelling", "variant"],
            rng.randint(2, 3) if lang == "en" else rng.randint(2, 4),
        )

    def incident_fields(self, i: int, inc: dict) -> tuple[dict, list]:
        labels = []
        pf = Frag()
        if inc["_priv"]:
            pr = self.roles["PRIV"]
            if self.lang == "ar":
                pf.add(PRIV_WRAP["ar"][pr.ptype].split("{}")[0])
            pf.lab(pr.value, "redact", "registered", "full", ref=pr.ref)
            pf.add(f" {pr.ptype}, near " if self.lang == "en" else "، قرب ")
        key = inc["_place"]
        pl = PLACES[key][0][-1] if self.lang == "en" else PLACES[key][1]
        if pl.startswith("the "):
            pl = pl[4:]
        pf.lab(pl, "keep", "public_place", "plain", ref=key, level=PLACES[key][2])
        perp = Frag()
        perp.add(inc["_perp"])
        if (
            "INF" in self.roles
            and inc["_type"] in ("raid", "detention", "looting")
            and self.rng.random() < 0.5
        ):
            perp.add(" guided by " if self.lang == "en" else " بدلالة ")
            inf = self.roles["INF"]
            perp.lab(inf.value, "redact", "registered", "full", ref=inf.ref)
        out = {
            "date": inc["date"],
            "date_precision": inc["date_precision"],
            "place": pf.text(),
            "violation_types": inc["violation_types"],
            "perpetrator": perp.text(),
            "victims_count": inc["victims_count"],
        }
        if inc["_priv"] or perp.labels:
            for fld, fr in (("place", pf), ("perpetrator", perp)):
                for lab in fr.labels:
                    d = dict(lab)
                    d["field"] = f"incidents[{i}].{fld}"
                    labels.append(d)
        return out, labels

    # -- assembling the narrative
    def build(self) -> dict:
        self.setup()
        rng, lang, plan = self.rng, self.lang, self.plan
        target = plan["target"]
        style = plan["style"]
        size = 0 if target < 260 else 1 if target < 420 else 2
        size = max(0, size - self.attempt // 12)
        secs: dict[str, list] = {}
        order: list[str] = []

        def section(name):
            if name not in secs:
                secs[name] = []
                order.append(name)
            return secs[name]

        def do_open():
            if style == "summary":
                out = section("pre")
                first = [t for t in POOLS[lang]["pre"] if "{W:full}" in t and self.eligible(t)]
                t = rng.choice(first)
                self.used.add(t)
                fr = self.render(t)
                fr.tpl = t
                out.append(fr)
                self.pick("pre", 1 + size, out)
                idx = {t: i for i, t in enumerate(POOLS[lang]["pre"])}
                out.sort(key=lambda fr: idx.get(fr.tpl, 99))
            else:
                out = section("open")
                self.pick("open_name", 1, out)
                self.pick("open_more", rng.randint(0, 1 + (size > 0)), out)

        def do_incident(i, inc):
            self.cur_inc = inc
            out = section(f"inc{i}")
            self.pick(f"inc_{inc['_type']}_lead", 1, out)
            self.pick(f"inc_{inc['_type']}", 1 + rng.randint(0, size + 1), out)
            self.cur_inc = None

        if style == "medias":
            do_incident(0, self.incidents[0])
            do_open()
        else:
            do_open()
        if size > 0 or rng.random() < 0.4:
            self.pick("life", rng.randint(1, 1 + size), section("life"))
        for i, inc in enumerate(self.incidents):
            if style == "medias" and i == 0:
                continue
            do_incident(i, inc)
        self.pick("flight", 1 + rng.randint(0, size), section("flight"))
        self.pick("after", 1 + rng.randint(0, size), section("after"))
        self.pick("close", 1 if size < 2 else rng.randint(1, 2), section("close"))

        # fallbacks: every registered thing mentioned, every variant used, quotas met
        def insert(pool, bind=None, sec=None):
            sec = sec or (pool if pool in ("life", "after", "flight", "close") else "after")
            out = section(sec)
            where = rng.randint(1 if sec in ("open", "pre") else 0, len(out))
            before = len(out)
            self.pick(pool, 1, out, bind, where=where)
            return len(out) > before

        for role, reg in list(self.roles.items()):
            if role.endswith("O") and role[:-1] in self.roles:
                continue
            if isinstance(reg, PersonReg):
                if role == "W":
                    if reg.n == 0:
                        insert("fb_W", sec="after")
                    continue
                fb = {"VIC": "fb_person_VIC", "DET": "fb_person_DET", "INF": "fb_person_INF"}.get(
                    role, "fb_person"
                )
                if reg.n < 2:
                    insert(fb, {"P": reg})
                if reg.n < 2:
                    insert(fb, {"P": reg})
                while reg.pending:
                    if not insert("fb_var", {"P": reg}):
                        break
                continue
            if role == "PRIV":
                if reg.n == 0:
                    insert("fb_priv", {"X": reg})
                if reg.pending:
                    insert("fb_priv_var", {"X": reg})
                continue
            if role.startswith("W"):
                if reg.n == 0 or (role in ("WPHONE", "WID") and reg.n < 2 and size > 0):
                    insert(f"fb_{role}", sec="after")
                if reg.pending:
                    insert("fb_w_var", {"X": reg})
                continue
            owner = self.roles[role + "O"]
            while reg.n < 2 or reg.pending:
                if not insert(f"fb_{role}", {"X": reg, "O": owner}):
                    break
        # the form quota for this testimony
        have = Counter()
        for sec in secs.values():
            for fr in sec:
                for lab in fr.labels:
                    if lab["kind"] == "registered":
                        have[lab["form"]] += 1
        pools = {
            "kunya": "fb_kunya",
            "family": "fb_family",
            "clitic": "fb_clitic",
            "case_spacing": "fb_case",
        }
        for form in self.form_quota:
            if have[form] or form not in pools:
                continue
            people = [p for p in self.persons]
            if people:
                insert(pools[form], {"P": rng.choice(people)})
        # the deliberate collision must actually occur in the text
        trick = plan.get("trick")
        want_tpl = {"khaled": "wadikhaled", "sham": "=sham", "hilal": "ORG:sarc"}.get(trick)
        if want_tpl and not any(
            fr.tpl and want_tpl in fr.tpl for sec in secs.values() for fr in sec
        ):
            for pool in ("flight", "after"):
                cands = [
                    t
                    for t in POOLS[lang][pool]
                    if want_tpl in t and t not in self.used and self.eligible(t)
                ]
                if cands:
                    t = rng.choice(cands)
                    self.used.add(t)
                    fr = self.render(t)
                    fr.tpl = t
                    section(pool).insert(rng.randint(0, len(section(pool))), fr)
                    break
        # a common-word person: make sure the word is used a few times
        if self.cw_registered:
            tries = 0
            while self.cw_count < 2 and tries < 4:
                tries += 1
                insert(rng.choice(["life", "after", "close", "flight"]))
        # unregistered personal data still owed
        for kind in PII_KINDS:
            tries = 0
            while self.quota[kind] > 0 and tries < 6:
                tries += 1
                insert(rng.choice(["after", "flight", "after"]))

        # fillers up to the target length
        def words():
            n = sum(fr.words() for sec in secs.values() for fr in sec)
            if style == "qa":
                n += 10 * sum(1 for sec in secs.values() if sec)
            elif style == "summary":
                n += 4
            return n

        target = min(target, MAX_WORDS - 20)
        tries = 0
        while words() < target and tries < 40:
            tries += 1
            sec = rng.choice([s for s in order if s not in ("close", "pre", "open")])
            if sec.startswith("inc"):
                i = int(sec[3:])
                self.cur_inc = self.incidents[i]
                self.pick(f"inc_{self.incidents[i]['_type']}", 1, secs[sec])
                self.cur_inc = None
            else:
                self.pick(sec, 1, secs[sec], where=rng.randint(0, len(secs[sec])))

        # the first mention of a person in reading order gives the whole name
        people = {p.ref: p for p in self.persons}
        people[self.roles["W"].ref] = self.roles["W"]
        seen = set()
        ordered = (["pre"] if "pre" in order else []) + [n for n in order if n != "pre"]
        for name in ordered:
            for fr in secs[name]:
                for lab in list(fr.labels):
                    ref = lab.get("ref")
                    if lab["kind"] != "registered" or ref not in people or ref in seen:
                        continue
                    seen.add(ref)
                    if lab["form"] in ("part", "spelling", "diacritised", "case_spacing"):
                        fr.replace_label(lab, people[ref].value, "full")

        # assemble
        if style == "summary":
            order.remove("pre")
            order.insert(0, "pre")
        narrative = Frag()
        qa = style == "qa"
        first = True
        for name in order:
            frs = secs[name]
            if not frs:
                continue
            if not first:
                narrative.add("\n\n")
            if qa:
                key = "inc" if name.startswith("inc") else name if name != "pre" else "open"
                q = QUESTIONS[lang][key]
                if isinstance(q, list):
                    q = q[
                        sum(1 for n in order[: order.index(name)] if n.startswith("inc")) % len(q)
                    ]
                narrative.add(q + "\n" + ANSWER[lang])
            chunks = [frs]
            if len(frs) > 4 and not qa:
                cut = rng.randint(2, len(frs) - 2)
                chunks = [frs[:cut], frs[cut:]]
            for ci, chunk in enumerate(chunks):
                if ci:
                    narrative.add("\n\n")
                for j, fr in enumerate(chunk):
                    if j:
                        narrative.add(" ")
                    narrative.extend(fr)
            if name == "pre":
                narrative.add("\n\n")
                narrative.add(
                    {"en": "In [W:his|her] own words:", "ar": "[W:وقال|وقالت]:"}[lang]
                    .replace("[W:his|her]", "his" if self.wgender == "m" else "her")
                    .replace("[W:وقال|وقالت]", "وقال" if self.wgender == "m" else "وقالت")
                )
                narrative.add(" ")
                first = True
                continue
            first = False
        labels = []
        for lab in narrative.labels:
            d = {"field": "narrative"}
            d.update(lab)
            labels.append(d)
        incidents = []
        for i, inc in enumerate(self.incidents):
            out, labs = self.incident_fields(i, inc)
            incidents.append(out)
            labels += labs
        keyorder = ["field", "start", "end", "text", "expect", "kind", "form"]
        labels = [
            {k: d[k] for k in keyorder} | {k: v for k, v in d.items() if k not in keyorder}
            for d in labels
        ]
        return {
            "id": f"{lang}-{self.idx + 1:03d}",
            "language": lang,
            "narrative": narrative.text(),
            "identity": self.identity,
            "entities": [e for e, _ in self.entities],
            "incidents": incidents,
            "labels": labels,
        }


# ---------------------------------------------------------------------------------------------
# The corpus plan (lengths, styles, quotas), then generation
# ---------------------------------------------------------------------------------------------


def plan_corpus(lang: str) -> list[dict]:
    rng = random.Random(f"{SEED}-plan-{lang}")
    n = N_PER_LANG
    targets = [int(160 + k * (585 - 160) / (n - 1)) for k in range(n)]
    rng.shuffle(targets)
    styles = ["narrative"] * 13 + ["medias"] * 6 + ["summary"] * 6 + ["qa"] * 7
    rng.shuffle(styles)
    regions = (list(REGIONS) * 5)[:n]
    rng.shuffle(regions)
    plans = []
    for i in range(n):
        t = targets[i]
        size = 0 if t < 260 else 1 if t < 420 else 2
        idf = {"full_name"}
        probs = {
            "nickname": 0.5,
            "phone": 0.45,
            "home_village": 0.65,
            "neighbourhood": 0.4,
            "national_id": 0.3,
            "email": 0.3,
        }
        for k, p in probs.items():
            if rng.random() < p * (0.55 + 0.3 * size):
                idf.add(k)
        n_ent = max(2, min(6, 2 + (t - 150) // 120 + rng.choice([-1, 0, 0, 1])))
        plans.append(
            {
                "target": t,
                "style": styles[i],
                "region": regions[i],
                "identity": idf,
                "n_inc": 1 if t < 300 else 2 if t < 470 else rng.choice([2, 3]),
                "n_ent": n_ent,
                "priv": rng.random() < 0.55,
                "cw": None,
                "stray_cw": None,
                "pii": Counter(),
                "trick": None,
            }
        )
    # names that are also words: about 20 testimonies register such a person
    words = [g[0] for g in CW_GIVEN if lang in g[5]]
    order = sorted(range(n), key=lambda k: -plans[k]["target"] + rng.randint(0, 200))
    cw_idx = order[:21]
    rng.shuffle(words)
    for j, k in enumerate(cw_idx):
        plans[k]["cw"] = words[j % len(words)]
    for k in order[21:27]:
        plans[k]["stray_cw"] = rng.choice(CW_WORDS[lang])
    # deliberate collisions between a registered given name and a public name:
    # Khaled / Wadi Khaled, Sham / al-Sham (Damascus) and Busra al-Sham, Hilal / the Red Crescent (al-Hilal)
    tricks = ["khaled", "khaled", "khaled", "sham", "sham", "sham"] + (
        ["hilal", "hilal", "hilal"] if lang == "ar" else []
    )
    pool = [k for k in range(n) if plans[k]["target"] >= 260]
    rng.shuffle(pool)
    for k, trick in zip(pool, tricks, strict=False):
        plans[k]["trick"] = trick
        if trick == "khaled":
            plans[k]["region"] = rng.choice(["homs_rural", "homs_city"])
        elif trick == "sham":
            plans[k]["region"] = rng.choice(["damascus", "daraa", "homs_city"])
    # unregistered personal data, spread by length
    cap = [max(1, (p["target"] - 100) // 34) for p in plans]
    for kind in PII_KINDS:
        for _ in range(32):
            cands = [
                k
                for k in range(n)
                if plans[k]["pii"][kind] < 3 and sum(plans[k]["pii"].values()) < cap[k]
            ]
            if not cands:
                cands = [k for k in range(n) if plans[k]["pii"][kind] < 3]
            w = [cap[k] - sum(plans[k]["pii"].values()) + 0.5 for k in cands]
            k = rng.choices(cands, [max(x, 0.2) for x in w])[0]
            plans[k]["pii"][kind] += 1
    return plans


def generate(lang: str) -> list[dict]:
    GLOBAL_USE.clear()
    records = []
    for i, plan in enumerate(plan_corpus(lang)):
        last = None
        for attempt in range(60):
            rec = Testimony(lang, i, plan, attempt).build()
            probs = record_problems(rec)
            if not probs:
                break
            last = probs
        else:
            print(
                f"warning: {lang}-{i + 1:03d} still has problems after 60 attempts: {last[:5]}",
                file=sys.stderr,
            )
        records.append(rec)
    return records


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------

REDACT_KINDS = {"registered", *PII_KINDS}
KEEP_KINDS = {"public_place", "public_org", "common_word", "event_date", "number"}
REG_FORMS = {
    "full",
    "part",
    "kunya",
    "family",
    "clitic",
    "diacritised",
    "spelling",
    "case_spacing",
    "variant",
    "digits",
}
ENTITY_TYPES = {
    "PERSON",
    "LOCATION_PRIVATE",
    "PHONE",
    "EMAIL",
    "ID_NUMBER",
    "DATE_OF_BIRTH",
    "VEHICLE_PLATE",
    "SOCIAL_HANDLE",
    "OTHER",
}
IDENTITY_KEYS = [
    "full_name",
    "nickname",
    "phone",
    "home_village",
    "neighbourhood",
    "national_id",
    "email",
]
WORD_CHAR = re.compile(r"\w")
DIGIT = re.compile(f"[{ALL_DIGITS}]")
AR_TOKEN = re.compile("[\u0621-\u064a\u0640\u064b-\u0652\u0670]+")
LAT_TOKEN = re.compile("[A-Za-z]+")


def field_text(rec: dict, field: str):
    if field == "narrative":
        return rec["narrative"]
    m = re.fullmatch(r"incidents\[(\d+)\]\.(place|perpetrator)", field)
    if not m or int(m.group(1)) >= len(rec["incidents"]):
        return None
    return rec["incidents"][int(m.group(1))][m.group(2)]


def registered_values(rec: dict) -> dict[str, list[str]]:
    out = {}
    for k in IDENTITY_KEYS:
        if rec["identity"].get(k):
            out[f"identity.{k}"] = [rec["identity"][k]]
    for i, e in enumerate(rec["entities"]):
        out[f"entities[{i}]"] = [e["text"], *(e.get("variants") or [])]
    return out


def name_parts(rec: dict) -> tuple[set, set]:
    """Latin (lower-case) and Arabic (normalised, article removed) name parts of registered names."""
    lat, ar = set(), set()
    refs = [
        "identity.full_name",
        "identity.nickname",
        "identity.home_village",
        "identity.neighbourhood",
    ]
    vals = []
    for k in refs:
        v = rec["identity"].get(k.split(".")[1])
        if v:
            vals.append(v)
    for e in rec["entities"]:
        if e["type"] in ("PERSON", "LOCATION_PRIVATE"):
            vals += [e["text"], *(e.get("variants") or [])]
    for v in vals:
        for t in LAT_TOKEN.findall(v):
            if t.lower() not in GENERIC:
                lat.add(t.lower())
        for t in AR_TOKEN.findall(v):
            c = ar_core(t)
            if ar_norm(t) not in GENERIC and c not in GENERIC:
                ar.add(c)
    return lat, ar


def covered(labels, field, start, end) -> bool:
    return any(l["field"] == field and l["start"] <= start and end <= l["end"] for l in labels)


def record_problems(rec: dict) -> list[str]:
    P = []
    rid = rec.get("id", "?")
    lang = rec["language"]
    text = rec["narrative"]
    labels = rec["labels"]
    nw = len(text.split())
    if not MIN_WORDS <= nw <= MAX_WORDS:
        P.append(f"{rid}: {nw} words")
    if not 2 <= len(rec["entities"]) <= 6:
        P.append(f"{rid}: {len(rec['entities'])} entities")
    if not 1 <= len(rec["incidents"]) <= 3:
        P.append(f"{rid}: {len(rec['incidents'])} incidents")
    for e in rec["entities"]:
        if e["type"] not in ENTITY_TYPES:
            P.append(f"{rid}: entity type {e['type']}")
    if set(rec["identity"]) != set(IDENTITY_KEYS):
        P.append(f"{rid}: identity keys")
    if "[PERSON" in text or "[PHONE" in text or "[PLACE" in text:
        P.append(f"{rid}: placeholder in text")
    by_field = defaultdict(list)
    for l in labels:
        f = field_text(rec, l["field"])
        if f is None:
            P.append(f"{rid}: bad field {l['field']}")
            continue
        if f[l["start"] : l["end"]] != l["text"] or not l["text"]:
            P.append(f"{rid}: label text mismatch {l}")
            continue
        if (l["kind"] in REDACT_KINDS and l["expect"] != "redact") or (
            l["kind"] in KEEP_KINDS and l["expect"] != "keep"
        ):
            P.append(f"{rid}: expect/kind {l}")
        if l["kind"] not in REDACT_KINDS | KEEP_KINDS:
            P.append(f"{rid}: unknown kind {l['kind']}")
        if l["kind"] == "registered" and l["form"] not in REG_FORMS:
            P.append(f"{rid}: unknown form {l['form']}")
        if l["kind"] == "common_word" and not l.get("word"):
            P.append(f"{rid}: common word without word")
        if (l["start"] > 0 and WORD_CHAR.match(f[l["start"] - 1])) or (
            l["end"] < len(f) and WORD_CHAR.match(f[l["end"]])
        ):
            P.append(
                f"{rid}: label not on a token boundary: {l['text']!r} in {f[max(0, l['start'] - 10) : l['end'] + 10]!r}"
            )
        by_field[l["field"]].append(l)
    for ls in by_field.values():
        ls = sorted(ls, key=lambda l: l["start"])
        for a, b in pairwise(ls):
            if b["start"] < a["end"]:
                P.append(f"{rid}: overlap {a['text']!r} / {b['text']!r}")
    # every registered value and variant is mentioned
    regs = registered_values(rec)
    for ref, vals in regs.items():
        mine = [l for l in labels if l.get("ref") == ref and l["kind"] == "registered"]
        if not any(l["field"] == "narrative" for l in mine):
            P.append(f"{rid}: {ref} never mentioned")
        for v in vals[1:]:
            if not any(l.get("variant") == v for l in mine):
                P.append(f"{rid}: variant {v!r} of {ref} never mentioned")
    for l in labels:
        if l["kind"] == "registered" and l.get("ref") not in regs:
            P.append(f"{rid}: label refers to unknown {l.get('ref')}")
        if l["kind"] == "registered" and l["form"] in ("digits", "full") and l.get("ref") in regs:
            vals = regs[l["ref"]]
            if re.fullmatch(r"[+\d\s./()-]+", ascii_digits(l["text"])) and not any(
                re.sub(r"\D", "", ascii_digits(l["text"])) in re.sub(r"\D", "", ascii_digits(v))
                or re.sub(r"\D", "", ascii_digits(v)) in re.sub(r"\D", "", ascii_digits(l["text"]))
                for v in vals
            ):
                if not (
                    regs[l["ref"]][0].count("/")
                    or "-" in regs[l["ref"]][0]
                    or " " in regs[l["ref"]][0]
                ):
                    P.append(f"{rid}: digits label {l['text']!r} does not match {vals}")
    nonfull = [
        l
        for l in labels
        if l["kind"] == "registered" and l["form"] != "full" and l["field"] == "narrative"
    ]
    if len(nonfull) < 3:
        P.append(f"{rid}: only {len(nonfull)} non-full registered mentions")
    nl = [l for l in labels if l["field"] == "narrative"]
    # every digit is inside a label
    for m in DIGIT.finditer(text):
        if not covered(nl, "narrative", m.start(), m.end()):
            P.append(f"{rid}: unlabelled digit in {text[max(0, m.start() - 20) : m.end() + 20]!r}")
            break
    # every name part, common word, public place and organisation is inside a label
    lat_parts, ar_parts = name_parts(rec)
    cw_lat = {w.lower() for w in CW_WORDS["en"]}
    cw_ar = {ar_core(w) for w in CW_WORDS["ar"]} | {ar_norm(w) for w in CW_WORDS["ar"]}
    for m in LAT_TOKEN.finditer(text):
        t = m.group(0).lower()
        if (t in lat_parts or t in cw_lat) and not covered(nl, "narrative", m.start(), m.end()):
            P.append(
                f"{rid}: unlabelled name/word {m.group(0)!r} in {text[max(0, m.start() - 25) : m.end() + 25]!r}"
            )
    if lang == "ar":
        for m in AR_TOKEN.finditer(text):
            st = ar_stems(m.group(0))
            if (st & ar_parts or st & cw_ar) and not covered(nl, "narrative", m.start(), m.end()):
                P.append(
                    f"{rid}: unlabelled name/word {m.group(0)!r} in {text[max(0, m.start() - 25) : m.end() + 25]!r}"
                )
    for key, (en_forms, ar_form, *_rest) in PLACES.items():
        for pat in public_patterns(lang, en_forms, [ar_form] + (["حماه"] if key == "hama" else [])):
            for m in pat.finditer(text):
                if not covered(nl, "narrative", m.start(), m.end()):
                    P.append(f"{rid}: unlabelled place {m.group(0)!r}")
    for en_forms, ar_forms in ORGS.values():
        for pat in public_patterns(lang, en_forms, ar_forms):
            for m in pat.finditer(text):
                if not covered(nl, "narrative", m.start(), m.end()):
                    P.append(f"{rid}: unlabelled organisation {m.group(0)!r}")
    return P


_PAT_CACHE: dict = {}


def public_patterns(lang, en_forms, ar_forms):
    key = (lang, tuple(en_forms), tuple(ar_forms))
    if key in _PAT_CACHE:
        return _PAT_CACHE[key]
    pats = []
    if lang == "en":
        for f in en_forms:
            f = f[4:] if f.startswith("the ") else f
            pats.append(re.compile(r"(?<![A-Za-z])" + re.escape(f) + r"(?![A-Za-z])"))
    else:
        for f in ar_forms:
            if f.startswith("ال"):
                core = "ا?ل" + re.escape(f[2:])
            else:
                core = re.escape(f)
            pats.append(re.compile(f"(?<![{AR_LETTER}])[وفبلك]{{0,3}}{core}(?![{AR_LETTER}])"))
    _PAT_CACHE[key] = pats
    return pats


def corpus_problems(records_by_lang: dict) -> list[str]:
    P = []
    for lang, recs in records_by_lang.items():
        if len(recs) < 30:
            P.append(f"{lang}: only {len(recs)} testimonies")
        ids = [r["id"] for r in recs]
        if len(set(ids)) != len(ids):
            P.append(f"{lang}: duplicate ids")
        for r in recs:
            if r["language"] != lang:
                P.append(f"{r['id']}: language {r['language']}")
            P += record_problems(r)
        c = Counter(l["kind"] for r in recs for l in r["labels"])
        for k in PII_KINDS:
            if c[k] < MIN_PII:
                P.append(f"{lang}: only {c[k]} {k} labels (want {MIN_PII})")
        if c["public_place"] < MIN_PUBLIC_PLACE:
            P.append(f"{lang}: only {c['public_place']} public_place labels")
        if c["public_org"] < MIN_PUBLIC_ORG:
            P.append(f"{lang}: only {c['public_org']} public_org labels")
        if c["common_word"] < MIN_COMMON_WORD:
            P.append(f"{lang}: only {c['common_word']} common_word labels")
        n_cw = cw_testimonies(recs)
        if n_cw < MIN_CW_TESTIMONIES:
            P.append(f"{lang}: only {n_cw} testimonies use a registered name as a common word")
        forms = Counter(l["form"] for r in recs for l in r["labels"] if l["kind"] == "registered")
        want = REG_FORMS - (
            {"clitic", "diacritised", "spelling"} if lang == "en" else {"case_spacing"}
        )
        for f in want:
            if forms[f] < 10:
                P.append(f"{lang}: registered form {f} used only {forms[f]} times")
        lengths = [len(r["narrative"].split()) for r in recs]
        if max(lengths) - min(lengths) < 300:
            P.append(f"{lang}: lengths do not vary enough")
        for path in (OUT[lang],):
            if os.path.exists(path) and os.path.getsize(path) > 500_000:
                P.append(f"{path}: larger than 500 KB")
    return P


def cw_testimonies(recs) -> int:
    n = 0
    for r in recs:
        words = {l["word"] for l in r["labels"] if l["kind"] == "common_word"}
        norm = (lambda s: s.lower()) if r["language"] == "en" else ar_norm
        hit = False
        for i, e in enumerate(r["entities"]):
            if e["type"] != "PERSON":
                continue
            given = e["text"].split(" ")[0]
            if any(norm(w) == norm(given) for w in words) and any(
                l.get("ref") == f"entities[{i}]" and l["kind"] == "registered" for l in r["labels"]
            ):
                hit = True
        n += hit
    return n


def summary(records_by_lang: dict, markdown=False) -> str:
    rows = []
    langs = list(records_by_lang)

    def add(name, fn):
        rows.append((name, [fn(records_by_lang[l]) for l in langs]))

    add("testimonies", len)
    add(
        "words (min-max)",
        lambda rs: (
            f"{min(len(r['narrative'].split()) for r in rs)}-{max(len(r['narrative'].split()) for r in rs)}"
        ),
    )
    add("words (mean)", lambda rs: round(sum(len(r["narrative"].split()) for r in rs) / len(rs)))
    add("registered entities", lambda rs: sum(len(r["entities"]) for r in rs))
    add("identity details", lambda rs: sum(sum(1 for v in r["identity"].values() if v) for r in rs))
    add("incidents", lambda rs: sum(len(r["incidents"]) for r in rs))
    add("labels (all)", lambda rs: sum(len(r["labels"]) for r in rs))
    for kind in ["registered"]:
        add(
            f"redact: {kind}",
            lambda rs, k=kind: sum(1 for r in rs for l in r["labels"] if l["kind"] == k),
        )
        for form in [
            "full",
            "part",
            "kunya",
            "family",
            "clitic",
            "diacritised",
            "spelling",
            "case_spacing",
            "variant",
            "digits",
        ]:
            add(
                f"  form {form}",
                lambda rs, f=form: sum(
                    1
                    for r in rs
                    for l in r["labels"]
                    if l["kind"] == "registered" and l["form"] == f
                ),
            )
        add(
            "  in incident fields",
            lambda rs: sum(
                1
                for r in rs
                for l in r["labels"]
                if l["kind"] == "registered" and l["field"] != "narrative"
            ),
        )
    for kind in PII_KINDS:
        add(
            f"redact: {kind}",
            lambda rs, k=kind: sum(1 for r in rs for l in r["labels"] if l["kind"] == k),
        )
    for kind in ["public_place", "public_org", "common_word", "event_date", "number"]:
        add(
            f"keep: {kind}",
            lambda rs, k=kind: sum(1 for r in rs for l in r["labels"] if l["kind"] == k),
        )
    add(
        "  common words, name registered in same testimony",
        lambda rs: sum(
            1
            for r in rs
            for l in r["labels"]
            if l["kind"] == "common_word" and l.get("registered_in_testimony")
        ),
    )
    add("testimonies: registered name used as a word", cw_testimonies)
    w = max(len(r[0]) for r in rows)
    if markdown:
        out = ["| | " + " | ".join(langs) + " |", "|---|" + "---:|" * len(langs)]
        out += [
            f"| {n.strip() if not n.startswith('  ') else '&nbsp;&nbsp;' + n.strip()} | "
            + " | ".join(str(v) for v in vals)
            + " |"
            for n, vals in rows
        ]
        return "\n".join(out)
    out = [f"{'':{w}}  " + "  ".join(f"{l:>8}" for l in langs)]
    out += [f"{n:{w}}  " + "  ".join(f"{v!s:>8}" for v in vals) for n, vals in rows]
    return "\n".join(out)


MARK = "<!-- counts: regenerate with --markdown -->"


def dump(records) -> str:
    return "".join(
        json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) + "\n" for r in records
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--check",
        action="store_true",
        help="validate the files on disk and that they are up to date",
    )
    ap.add_argument(
        "--markdown", action="store_true", help="print the counts table as Markdown too"
    )
    args = ap.parse_args(argv)
    fresh = {lang: generate(lang) for lang in ("en", "ar")}
    problems = []
    if args.check:
        data = {}
        for lang, path in OUT.items():
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
            if raw != dump(fresh[lang]):
                problems.append(f"{path} is not what the generator produces: regenerate it")
            data[lang] = [json.loads(line) for line in raw.splitlines() if line.strip()]
    else:
        for lang, path in OUT.items():
            text = dump(fresh[lang])
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            os.replace(tmp, path)
        data = {}
        for (
            lang,
            path,
        ) in OUT.items():  # read back: the files themselves must be well-formed JSON Lines
            with open(path, encoding="utf-8") as fh:
                data[lang] = [json.loads(line) for line in fh if line.strip()]
    problems += corpus_problems(data)
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):  # the counts table in README.md must be the current one
        with open(readme, encoding="utf-8") as fh:
            text = fh.read()
        if MARK in text and summary(data, markdown=True) not in text:
            problems.append(
                "README.md: the counts table is out of date (paste the --markdown output)"
            )
    print(summary(data))
    if args.markdown:
        print()
        print(summary(data, markdown=True))
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems[:200]:
            print("  " + p, file=sys.stderr)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
