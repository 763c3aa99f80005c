"""Synthetic, fictional interchange records for tests (no real person is named)."""

from __future__ import annotations

import json
from typing import Any


def full_record(canary: str = "") -> dict[str, Any]:
    """A record with every field of interchange format v1 filled in."""
    mark = f" {canary}" if canary else ""
    return {
        "witness": {
            "identity": {
                "full_name": f"Rami Haddoun{mark}",
                "nickname": f"Abu Samer{mark}",
                "phone": f"+963 944 000 111{mark}",
                "home_village": f"Tell Warda{mark}",
                "neighbourhood": f"Hay al-Nour{mark}",
                "national_id": f"01020304050{mark}",
                "email": f"rami.h{canary.lower()}@example.org",
            },
            "age": 57,
            "age_band": "50-59",
            "gender": "m",
            "occupation": f"baker{mark}",
            "displacement_status": f"displaced to the hills{mark}",
        },
        "interview": {
            "date": "2025-03-12",
            "place": f"a school in Qasr al-Ward{mark}",
            "interviewer": f"researcher R-7{mark}",
            "language": "ar",
            "interpreter": f"Lina{mark}",
        },
        "consent": {
            "recorded": True,
            "share_with_editors": True,
            "publish_anonymised": True,
            "quote_verbatim": False,
            "date": "2025-03-12",
        },
        "narrative": (
            f"دخل المسلحون الحي صباحاً. قُتل جارنا أمام بيته{mark}.\n"
            f"The gunmen went from house to house in Baniyas; we fled to the hills.{mark}"
        ),
        "entities": [
            {"text": f"Samer Haddoun{mark}", "type": "PERSON", "variants": [f"سامر{mark}"]},
            {"text": f"0944 000 111{mark}", "type": "PHONE", "variants": []},
            {"text": f"the olive press lane{mark}", "type": "LOCATION_PRIVATE", "variants": []},
        ],
        "incidents": [
            {
                "date": "2025-03-07",
                "date_precision": "day",
                "place": f"Baniyas, al-Qusour{mark}",
                "violation_types": ["killing", "looting"],
                "perpetrator": f"armed men in mixed uniforms{mark}",
                "victims_count": 5,
            },
            {
                "date": "2025-03",
                "date_precision": "month",
                "place": f"the coast road{mark}",
                "violation_types": ["forced_displacement"],
                "perpetrator": None,
                "victims_count": None,
            },
        ],
        "tags": ["coast", f"march-2025{canary.lower()}"],
        "status": "complete",
    }


def as_bytes(*records: dict[str, Any]) -> bytes:
    if len(records) == 1:
        return json.dumps(records[0], ensure_ascii=False).encode("utf-8")
    return json.dumps(list(records), ensure_ascii=False).encode("utf-8")
