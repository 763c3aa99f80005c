"""`report.html`: the bundle's testimonies as one readable page, for editors without the app.

Self-contained (no script, no external resource, a Content-Security-Policy that forbids both),
every value escaped, and right-to-left where the text is: each paragraph and cell carries
dir="auto", so an Arabic account reads right to left and an English one left to right, in the
same page, whatever the page's own direction.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

_STYLE = """
body { font-family: "DejaVu Sans", "Noto Naskh Arabic", "Amiri", sans-serif; margin: 2em;
       color: #1c2a33; line-height: 1.6; max-width: 60em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-top: 1px solid #ccd;
     padding-top: 1em; }
table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ccd;
     padding: .2em .6em; text-align: start; vertical-align: top; }
.meta { color: #55636d; } .narrative p { white-space: pre-wrap; margin: .4em 0; }
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _cell(value: object) -> str:
    return f'<td dir="auto">{_e(value)}</td>'


def render_report(
    testimonies: Sequence[Mapping[str, object]],
    *,
    created: str,
    profile: str,
    sender_fingerprint: str,
    labels: Mapping[str, str],
) -> bytes:
    """The page for redacted records (interchange shape, with "id" and "witness"."id" aliases).

    `labels` maps violation type codes to readable labels (the vocabulary, in English).
    """
    parts = [
        "<!doctype html>",
        '<html lang="mul"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        '<meta name="referrer" content="no-referrer">',
        f"<title>Testimony bundle of {_e(created)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Testimony bundle · تقرير الشهادات</h1>"
        f'<p class="meta">Made {_e(created)} · profile {_e(profile)} · sender key '
        f"{_e(sender_fingerprint)} · {len(testimonies)} testimonies</p>",
    ]
    for record in testimonies:
        witness = record.get("witness") or {}
        interview = record.get("interview") or {}
        assert isinstance(witness, Mapping) and isinstance(interview, Mapping)
        parts.append(f'<h2 dir="ltr">{_e(record.get("id"))}</h2>')
        parts.append("<table>")
        rows = [
            ("Witness", witness.get("id")),
            (
                "Age",
                witness.get("age") if witness.get("age") is not None else witness.get("age_band"),
            ),
            ("Gender", witness.get("gender")),
            ("Interview date", interview.get("date")),
            ("Interview place", interview.get("place")),
            ("Language", interview.get("language")),
            ("Status", record.get("status")),
        ]
        for label, value in rows:
            if value not in (None, ""):
                parts.append(f"<tr><th>{_e(label)}</th>{_cell(value)}</tr>")
        parts.append("</table>")
        incidents = record.get("incidents") or []
        assert isinstance(incidents, Sequence)
        if incidents:
            parts.append(
                "<table><tr><th>Date</th><th>Place</th><th>Violations</th>"
                "<th>Perpetrator</th><th>Victims</th></tr>"
            )
            for incident in incidents:
                assert isinstance(incident, Mapping)
                types = incident.get("violation_types") or []
                assert isinstance(types, Sequence)
                violations = ", ".join(labels.get(str(code), str(code)) for code in types)
                parts.append(
                    "<tr>"
                    + _cell(incident.get("date"))
                    + _cell(incident.get("place"))
                    + _cell(violations)
                    + _cell(incident.get("perpetrator"))
                    + _cell(incident.get("victims_count"))
                    + "</tr>"
                )
            parts.append("</table>")
        narrative = str(record.get("narrative") or "")
        parts.append('<div class="narrative">')
        for paragraph in narrative.split("\n"):
            if paragraph.strip():
                parts.append(f'<p dir="auto">{_e(paragraph)}</p>')
        parts.append("</div>")
        attachments = record.get("attachments") or []
        assert isinstance(attachments, Sequence)
        if attachments:
            parts.append(
                '<p class="meta">Attachments: '
                + ", ".join(
                    _e(item.get("path")) for item in attachments if isinstance(item, Mapping)
                )
                + "</p>"
            )
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")
