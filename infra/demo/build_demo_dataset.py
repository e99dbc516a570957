#!/usr/bin/env python3
"""Builds the demo dataset (NDJSON of commands) from the seed article.

Run from the repository root:

    python3 infra/demo/build_demo_dataset.py [path/to/cameo-goldstein.tsv]

It reads the stored article text (infra/demo/nos-2025-02-13-navo-defensieministers.nl.txt) and the
CAMEO/Goldstein table, and writes
services/standalone/src/main/resources/demo/nato-defence-ministers-2025-02.ndjson.

Excerpts are given below by their exact words; this script finds them in the text and computes
their offsets as Unicode code-point offsets (Python string indices), so no offset is ever typed by
hand. A quote that does not occur exactly once, an unknown CAMEO code or an actor that is not
registered stops the script. The Java test DemoDatasetTest checks the written file independently.
"""

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "infra/demo/nos-2025-02-13-navo-defensieministers.nl.txt"
OUTPUT = ROOT / "services/standalone/src/main/resources/demo/nato-defence-ministers-2025-02.ndjson"
# The recorder's codebook, the same table its rules check weights against.
CAMEO_TABLE = ROOT / "services/recorder/src/main/resources/cameo/cameo-goldstein.tsv"

GOLDSTEIN = "goldstein"
GOLDSTEIN_VERSION = "cameo-1.1b3"
SOURCE_ID = "nos-2025-02-13-navo-defensieministers"

NATO_FOUNDED = "1949-08-24"

# (actor id, English name, Dutch name, Wikidata id, NATO accession date or None, EU accession date
# or None). EU dates are accession to the European Communities, which the EU continues.
STATES = [
    ("belgium", "Belgium", "België", "Q31", NATO_FOUNDED, "1958-01-01"),
    ("canada", "Canada", None, "Q16", NATO_FOUNDED, None),
    ("denmark", "Denmark", "Denemarken", "Q35", NATO_FOUNDED, "1973-01-01"),
    ("france", "France", "Frankrijk", "Q142", NATO_FOUNDED, "1958-01-01"),
    ("iceland", "Iceland", "IJsland", "Q189", NATO_FOUNDED, None),
    ("italy", "Italy", "Italië", "Q38", NATO_FOUNDED, "1958-01-01"),
    ("luxembourg", "Luxembourg", "Luxemburg", "Q32", NATO_FOUNDED, "1958-01-01"),
    ("netherlands", "Netherlands", "Nederland", "Q55", NATO_FOUNDED, "1958-01-01"),
    ("norway", "Norway", "Noorwegen", "Q20", NATO_FOUNDED, None),
    ("portugal", "Portugal", None, "Q45", NATO_FOUNDED, "1986-01-01"),
    ("united-kingdom", "United Kingdom", "Verenigd Koninkrijk", "Q145", NATO_FOUNDED, None),
    ("united-states", "United States", "Verenigde Staten", "Q30", NATO_FOUNDED, None),
    ("greece", "Greece", "Griekenland", "Q41", "1952-02-18", "1981-01-01"),
    ("turkey", "Turkey", "Turkije", "Q43", "1952-02-18", None),
    ("germany", "Germany", "Duitsland", "Q183", "1955-05-06", "1958-01-01"),
    ("spain", "Spain", "Spanje", "Q29", "1982-05-30", "1986-01-01"),
    ("czech-republic", "Czech Republic", "Tsjechië", "Q213", "1999-03-12", "2004-05-01"),
    ("hungary", "Hungary", "Hongarije", "Q28", "1999-03-12", "2004-05-01"),
    ("poland", "Poland", "Polen", "Q36", "1999-03-12", "2004-05-01"),
    ("bulgaria", "Bulgaria", "Bulgarije", "Q219", "2004-03-29", "2007-01-01"),
    ("estonia", "Estonia", "Estland", "Q191", "2004-03-29", "2004-05-01"),
    ("latvia", "Latvia", "Letland", "Q211", "2004-03-29", "2004-05-01"),
    ("lithuania", "Lithuania", "Litouwen", "Q37", "2004-03-29", "2004-05-01"),
    ("romania", "Romania", "Roemenië", "Q218", "2004-03-29", "2007-01-01"),
    ("slovakia", "Slovakia", "Slowakije", "Q214", "2004-03-29", "2004-05-01"),
    ("slovenia", "Slovenia", "Slovenië", "Q215", "2004-03-29", "2004-05-01"),
    ("albania", "Albania", "Albanië", "Q222", "2009-04-01", None),
    ("croatia", "Croatia", "Kroatië", "Q224", "2009-04-01", "2013-07-01"),
    ("montenegro", "Montenegro", None, "Q236", "2017-06-05", None),
    ("north-macedonia", "North Macedonia", "Noord-Macedonië", "Q221", "2020-03-27", None),
    ("finland", "Finland", None, "Q33", "2023-04-04", "1995-01-01"),
    ("sweden", "Sweden", "Zweden", "Q34", "2024-03-07", "1995-01-01"),
    # EU members outside NATO
    ("austria", "Austria", "Oostenrijk", "Q40", None, "1995-01-01"),
    ("cyprus", "Cyprus", None, "Q229", None, "2004-05-01"),
    ("ireland", "Ireland", "Ierland", "Q27", None, "1973-01-01"),
    ("malta", "Malta", None, "Q233", None, "2004-05-01"),
]
# Extra aliases the article or common usage needs beyond the Dutch name.
STATE_ALIASES = {
    "united-states": ["Amerika", "VS", "USA", "United States of America"],
    "united-kingdom": ["UK", "Groot-Brittannië"],
    "czech-republic": ["Czechia"],
    "turkey": ["Türkiye"],
}
# Memberships that ended: the United Kingdom left the EU on 2020-01-31.
FORMER_EU_MEMBERS = [("united-kingdom", "1973-01-01", "2020-01-31")]

# (actor id, name, aliases, external ids)
PERSONS = [
    ("mark-rutte", "Mark Rutte", ["Rutte"], {"wikidata": "Q57792"}),
    ("pete-hegseth", "Pete Hegseth", ["Hegseth", "Peter Hegseth"], {}),
    ("boris-pistorius", "Boris Pistorius", ["Pistorius"], {}),
    ("kaja-kallas", "Kaja Kallas", ["Kallas"], {}),
    ("donald-trump", "Donald Trump", ["Trump", "Donald J. Trump"], {"wikidata": "Q22686"}),
]

# (person, title, at actor, from, to)
ROLES = [
    ("mark-rutte", "Secretary General", "nato", "2024-10-01", None),
    ("pete-hegseth", "Secretary of Defense", "united-states", "2025-01-25", None),
    ("boris-pistorius", "Federal Minister of Defence", "germany", "2023-01-19", None),
    (
        "kaja-kallas",
        "High Representative of the Union for Foreign Affairs and Security Policy",
        "eu",
        "2024-12-01",
        None,
    ),
    ("donald-trump", "President", "united-states", "2017-01-20", "2021-01-20"),
    ("donald-trump", "President", "united-states", "2025-01-20", None),
]

NATO_MEMBERS = [s[0] for s in STATES if s[4]]
ALLIES_GROUP = "european-allies-and-canada"

# Diplomatic events. Times: DAY and MONTH precision are the start of the day/month in UTC.
# Participants: states take part as parties (through their defence minister); named persons are
# listed as well, so both the state's and the person's timeline show the event.
EVENTS = [
    {
        "id": "nato-defence-ministers-2025-02",
        "kind": "MEETING",
        "title": "Meeting of NATO Ministers of Defence, Brussels, 12-13 February 2025",
        "time": ("2025-02-12T00:00:00Z", "DAY"),
        "location": "NATO headquarters, Brussels",
        "participants": [("nato", "HOST"), ("mark-rutte", "HOST")]
        + [(s, "ATTENDEE") for s in NATO_MEMBERS]
        + [("pete-hegseth", "ATTENDEE"), ("boris-pistorius", "ATTENDEE")],
        "status": "TOOK_PLACE",
        "quotes": ["De NAVO-top in Brussel is afgelopen."],
    },
    {
        "id": "hegseth-speech-2025-02-12",
        "kind": "SPEECH",
        "title": "Pete Hegseth addresses his 31 fellow NATO defence ministers",
        "time": ("2025-02-12T00:00:00Z", "DAY"),
        "location": "NATO headquarters, Brussels",
        "participants": [("pete-hegseth", "SPEAKER"), ("united-states", "SPEAKER")]
        + [(s, "ATTENDEE") for s in NATO_MEMBERS if s != "united-states"],
        "status": "TOOK_PLACE",
        "quotes": [
            "De uitspraken van de Amerikaanse minister van Defensie vielen de Europese"
            " bondgenoten gisteren rauw op hun dak. Ze hadden dit kunnen verwachten, maar toch"
            " werden velen overvallen, ook door de toon waarop Hegseth zijn 31 collega's"
            " toesprak."
        ],
    },
    {
        "id": "rutte-hegseth-dinner-2025-02-12",
        "kind": "DINNER",
        "title": "Dinner of Mark Rutte and Pete Hegseth",
        "time": ("2025-02-12T00:00:00Z", "DAY"),
        "location": None,
        "participants": [("mark-rutte", "ATTENDEE"), ("pete-hegseth", "ATTENDEE")],
        "status": "TOOK_PLACE",
        "quotes": ["Gisteravond dineerden Rutte en Hegseth samen."],
    },
    {
        "id": "nato-defence-ministers-2025-02-family-photo",
        "kind": "CEREMONY",
        "title": "Family photo of the NATO defence ministers with Secretary General Mark Rutte",
        "time": ("2025-02-13T00:00:00Z", "DAY"),
        "location": "NATO headquarters, Brussels",
        "participants": [("nato", "HOST"), ("mark-rutte", "HOST")]
        + [(s, "ATTENDEE") for s in NATO_MEMBERS]
        + [("pete-hegseth", "ATTENDEE"), ("boris-pistorius", "ATTENDEE")],
        "status": "TOOK_PLACE",
        "quotes": [
            "Op de familiefoto staan de 32 ministers van Defensie gezellig naast elkaar, met in"
            " het midden NAVO-baas Mark Rutte."
        ],
    },
    {
        "id": "pistorius-statement-2025-02-13",
        "kind": "STATEMENT",
        "title": "Boris Pistorius speaks to the press before the NATO ministers' meeting",
        "time": ("2025-02-13T00:00:00Z", "DAY"),
        "location": "Brussels",
        "participants": [("boris-pistorius", "SPEAKER"), ("germany", "SPEAKER")],
        "status": "TOOK_PLACE",
        "quotes": [
            "De Duitse minister van Defensie, Pistorius, zei het vanmorgen hardop voor hij naar"
            " de vergadering van de NAVO-ministers ging"
        ],
    },
    {
        "id": "kallas-statement-2025-02-13",
        "kind": "STATEMENT",
        "title": "Kaja Kallas on negotiations over Ukraine without Europe",
        "time": ("2025-02-13T00:00:00Z", "DAY"),
        "location": None,
        "participants": [("kaja-kallas", "SPEAKER"), ("eu", "SPEAKER")],
        "status": "TOOK_PLACE",
        "quotes": ["EU-buitenlandchef Kaja Kallas gaat nog een stap verder."],
    },
    {
        "id": "nato-summit-2025-06-the-hague",
        "kind": "SUMMIT",
        "title": "NATO summit in The Hague, June 2025",
        "time": ("2025-06-01T00:00:00Z", "MONTH"),
        "location": "The Hague",
        "participants": [("nato", "HOST"), ("netherlands", "HOST")]
        + [(s, "ATTENDEE") for s in NATO_MEMBERS if s != "netherlands"],
        "status": "SCHEDULED",
        "quotes": [
            "Op de NAVO-top van juni in Den Haag moeten knopen worden doorgehakt over een"
            " verhoging van dat percentage en de periode waarin dat moet gebeuren"
        ],
    },
]

# Statements. "quote" is the exact excerpt in the article; it is also the statement's original
# (Dutch) text, so what is recorded can always be traced to the words it rests on.
STATEMENTS = [
    {
        "id": "pistorius-us-concessions-to-russia",
        "speaker": "boris-pistorius",
        "event": "pistorius-statement-2025-02-13",
        "targets": ["united-states"],
        "saidAt": ("2025-02-13T00:00:00Z", "DAY"),
        "stance": "CRITICISM",
        "cameo": "111",
        "topics": ["russia-ukraine-negotiations", "us-concessions-to-russia"],
        "quote": "het zou beter zijn geweest als Amerika geen concessies aan Rusland had gedaan"
        " voor het begin van de onderhandelingen.",
        "en": "It would have been better if America had not made concessions to Russia before"
        " the start of the negotiations.",
        "grade": "NAMED_PARAPHRASE",
    },
    {
        "id": "kallas-dirty-deal",
        "speaker": "kaja-kallas",
        "event": "kallas-statement-2025-02-13",
        "targets": ["united-states"],
        "saidAt": ("2025-02-13T00:00:00Z", "DAY"),
        "stance": "CRITICISM",
        "cameo": "111",
        "topics": ["russia-ukraine-negotiations", "europe-at-the-table"],
        "quote": "Je kunt niet alles van de onderhandelingstafel halen, nog vóór de"
        " onderhandelingen moeten beginnen. Een deal maken achter onze rug om is een dirty deal.",
        "en": "You cannot take everything off the negotiating table before the negotiations have"
        " even begun. Making a deal behind our backs is a dirty deal.",
        "grade": "DIRECT_QUOTE",
    },
    {
        "id": "allies-criticism-conveyed-to-hegseth",
        "speaker": ALLIES_GROUP,
        "event": "nato-defence-ministers-2025-02",
        "targets": ["united-states", "pete-hegseth"],
        "saidAt": ("2025-02-13T00:00:00Z", "DAY"),
        "stance": "CRITICISM",
        "cameo": "111",
        "topics": ["tone-of-us-administration", "russia-ukraine-negotiations"],
        "quote": "In de vergadering van de ministers van Defensie is de kritiek overgebracht aan"
        " Hegseth, melden NAVO-bronnen.",
        "en": "In the meeting of the defence ministers the criticism was conveyed to Hegseth,"
        " NATO sources report.",
        "grade": "ANONYMOUS_DESCRIBED",
        # NOS did not attend the meeting: it reports what unnamed NATO sources told it
        "reportedBy": [{"description": "NAVO-bronnen (NATO sources)"}],
    },
    {
        "id": "insiders-deterrence-damaged",
        "speaker": ALLIES_GROUP,
        "event": None,
        "targets": ["united-states", "pete-hegseth"],
        "saidAt": ("2025-02-13T00:00:00Z", "DAY"),
        "stance": "CRITICISM",
        "cameo": "111",
        "topics": ["deterrence", "tone-of-us-administration"],
        "quote": "De harde woorden van Trumps vertrouweling hebben de kracht van het militaire"
        " bondgenootschap aangetast, zeggen ingewijden.",
        "en": "The harsh words of Trump's confidant have damaged the strength of the military"
        " alliance, insiders say.",
        "grade": "ANONYMOUS_UNDESCRIBED",
        "reportedBy": [{"description": "ingewijden (insiders)"}],
    },
    {
        "id": "rutte-addresses-hegseth-tone",
        "speaker": "mark-rutte",
        "event": "rutte-hegseth-dinner-2025-02-12",
        "targets": ["pete-hegseth"],
        "saidAt": ("2025-02-12T00:00:00Z", "DAY"),
        "stance": "CRITICISM",
        "cameo": "110",
        "topics": ["tone-of-us-administration", "alliance-unity"],
        "quote": "Rutte zou de Amerikaan aangesproken hebben op zijn toon, die niet helpt om de"
        " Europese bondgenoten mee te krijgen.",
        "en": "Rutte is said to have taken the American to task over his tone, which does not"
        " help to bring the European allies along.",
        "grade": "ALLEGED_UNCONFIRMED",
    },
    {
        "id": "hegseth-proud-nato-member",
        "speaker": "pete-hegseth",
        "event": None,
        "targets": ["nato"],
        "saidAt": ("2025-02-13T00:00:00Z", "DAY"),
        "stance": "COMMITMENT",
        "cameo": "030",
        "topics": ["alliance-commitment"],
        "quote": "Hegseth herhaalde nog maar eens dat Amerika trots NAVO-lid is en wil blijven.",
        "en": "Hegseth repeated once more that America is a proud NATO member and wants to"
        " remain one.",
        "grade": "NAMED_PARAPHRASE",
    },
    {
        "id": "hegseth-reset",
        "speaker": "pete-hegseth",
        "event": None,
        "targets": [ALLIES_GROUP],
        "saidAt": ("2025-02-13T00:00:00Z", "DAY"),
        "stance": "DEMAND",
        "cameo": "1042",
        "topics": ["burden-sharing", "defence-spending"],
        "quote": "Een 'reset' is nodig, zei Hegseth vanmorgen. Eentje waarbij de Europese leden"
        " en Canada eindelijk voor hun eigen veiligheid gaan zorgen.",
        "en": "A 'reset' is needed, Hegseth said this morning. One in which the European members"
        " and Canada finally take care of their own security.",
        "grade": "NAMED_PARAPHRASE",
    },
    {
        "id": "trump-five-percent",
        "speaker": "donald-trump",
        "event": None,
        "targets": [ALLIES_GROUP],
        "saidAt": ("2025-02-13T00:00:00Z", "DAY"),
        "stance": "DEMAND",
        "cameo": "1042",
        "topics": ["defence-spending", "burden-sharing"],
        "quote": "Trump wil dat de bondgenoten op termijn 5 procent van hun binnenlands product"
        " aan defensie uitgeven.",
        "en": "Trump wants the allies eventually to spend 5 percent of their gross domestic"
        " product on defence.",
        "grade": "NAMED_PARAPHRASE",
    },
]

SOURCE = {
    "publisher": "NOS",
    # The seed carries no headline: this title was written for the demo.
    "title": "Crisis in de NAVO: Europese bondgenoten geschrokken van toon Hegseth",
    # Only the date is known; DAY-style midnight UTC.
    "publishedAt": "2025-02-13T00:00:00Z",
    "language": "nl",
}


def fail(message):
    sys.exit("build_demo_dataset: " + message)


def load_cameo(table):
    if not table.exists():
        fail(f"no CAMEO/Goldstein table at {table}")
    weights = {}
    for row in table.read_text(encoding="utf-8").splitlines()[1:]:
        code, _name, weight = row.split("\t")
        weights[code] = float(weight)
    return weights


def excerpt(text, quote):
    start = text.find(quote)
    if start < 0:
        fail("quote not in the article: " + quote)
    if text.find(quote, start + 1) >= 0:
        fail("quote occurs more than once: " + quote)
    return {"start": start, "end": start + len(quote), "quote": quote}


def citation(text, quote, grade, reported_by=None):
    cited = {"sourceId": SOURCE_ID, "excerpt": excerpt(text, quote), "grade": grade}
    if reported_by:
        cited["reportedBy"] = reported_by
    return cited


def event_time(at_and_precision):
    at, precision = at_and_precision
    return {"at": at, "precision": precision}


def line(command, key, body):
    return {"command": command, "idempotencyKey": "demo-" + key, "body": body}


def actor(actor_id, kind, name, aliases, external_ids):
    body = {"actorId": actor_id, "kind": kind, "name": name, "aliases": aliases}
    if external_ids:
        body["externalIds"] = external_ids
    return line("RegisterActor", "actor-" + actor_id, body)


def membership(actor_id, group_id, start, end=None):
    body = {"actorId": actor_id, "groupId": group_id, "from": start}
    if end:
        body["to"] = end
    return line("RecordMembership", f"membership-{actor_id}-{group_id}-{start}", body)


def build(text, cameo):
    lines = [
        actor(
            "nato",
            "ALLIANCE",
            "NATO",
            ["NAVO", "North Atlantic Treaty Organization"],
            {"wikidata": "Q7184"},
        ),
        actor("eu", "ORGANISATION", "European Union", ["EU", "Europese Unie"], {"wikidata": "Q458"}),
        actor(
            ALLIES_GROUP,
            "GROUP",
            "European allies and Canada",
            ["Europese bondgenoten en Canada", "NATO allies except the United States"],
            {},
        ),
    ]
    for state_id, name, dutch, wikidata, _nato, _eu in STATES:
        aliases = ([dutch] if dutch else []) + STATE_ALIASES.get(state_id, [])
        lines.append(actor(state_id, "STATE", name, aliases, {"wikidata": wikidata}))
    for person_id, name, aliases, external_ids in PERSONS:
        lines.append(actor(person_id, "PERSON", name, aliases, external_ids))

    for state_id, _name, _dutch, _wikidata, nato, _eu in STATES:
        if nato:
            lines.append(membership(state_id, "nato", nato))
    for state_id, _name, _dutch, _wikidata, _nato, eu in STATES:
        if eu:
            lines.append(membership(state_id, "eu", eu))
    for state_id, start, end in FORMER_EU_MEMBERS:
        lines.append(membership(state_id, "eu", start, end))
    for state_id, _name, _dutch, _wikidata, nato, _eu in STATES:
        if nato and state_id != "united-states":
            lines.append(membership(state_id, ALLIES_GROUP, nato))

    for person_id, title, at_actor, start, end in ROLES:
        body = {"actorId": person_id, "title": title, "atActorId": at_actor, "from": start}
        if end:
            body["to"] = end
        lines.append(line("AssignRole", f"role-{person_id}-{at_actor}-{start}", body))

    lines.append(
        line(
            "RegisterSource",
            "source-" + SOURCE_ID,
            {"sourceId": SOURCE_ID, **SOURCE, "text": text},
        )
    )

    for event in EVENTS:
        body = {
            "eventId": event["id"],
            "kind": event["kind"],
            "title": event["title"],
            "time": event_time(event["time"]),
        }
        if event["location"]:
            body["location"] = event["location"]
        body["participants"] = [{"actorId": a, "part": p} for a, p in event["participants"]]
        body["status"] = event["status"]
        body["sources"] = [citation(text, q, "NAMED_PARAPHRASE") for q in event["quotes"]]
        lines.append(line("RecordDiplomaticEvent", "event-" + event["id"], body))

    for statement in STATEMENTS:
        code = statement["cameo"]
        if code not in cameo:
            fail("unknown CAMEO code " + code)
        body = {"statementId": statement["id"], "speakerId": statement["speaker"]}
        if statement["event"]:
            body["eventId"] = statement["event"]
        body.update(
            {
                "targetIds": statement["targets"],
                "saidAt": event_time(statement["saidAt"]),
                "stance": statement["stance"],
                "cameoCode": code,
                "weight": {
                    "value": cameo[code],
                    "scale": GOLDSTEIN,
                    "scaleVersion": GOLDSTEIN_VERSION,
                },
                "topics": statement["topics"],
                "original": {"language": "nl", "text": statement["quote"]},
                "translations": [{"language": "en", "text": statement["en"]}],
                "citations": [
                    citation(
                        text,
                        statement["quote"],
                        statement["grade"],
                        statement.get("reportedBy"),
                    )
                ],
            }
        )
        lines.append(line("RecordStatement", "statement-" + statement["id"], body))
    return lines


def check_references(lines):
    actors = {l["body"]["actorId"] for l in lines if l["command"] == "RegisterActor"}
    events = {l["body"]["eventId"] for l in lines if l["command"] == "RecordDiplomaticEvent"}
    for l in lines:
        body = l["body"]
        referenced = []
        if l["command"] == "RecordMembership":
            referenced = [body["actorId"], body["groupId"]]
        elif l["command"] == "AssignRole":
            referenced = [body["actorId"], body["atActorId"]]
        elif l["command"] == "RecordDiplomaticEvent":
            referenced = [p["actorId"] for p in body["participants"]]
        elif l["command"] == "RecordStatement":
            referenced = [body["speakerId"], *body["targetIds"]]
            if "eventId" in body and body["eventId"] not in events:
                fail("unknown event " + body["eventId"])
        for actor_id in referenced:
            if actor_id not in actors:
                fail(f"{l['idempotencyKey']} names unknown actor {actor_id}")
    keys = [l["idempotencyKey"] for l in lines]
    if len(keys) != len(set(keys)):
        fail("idempotency keys are not unique")


def main():
    text = ARTICLE.read_text(encoding="utf-8")
    table = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else CAMEO_TABLE
    lines = build(text, load_cameo(table))
    check_references(lines)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as out:
        for l in lines:
            out.write(json.dumps(l, ensure_ascii=False, separators=(",", ":")) + "\n")
    counts = {}
    for l in lines:
        counts[l["command"]] = counts.get(l["command"], 0) + 1
    print(f"wrote {len(lines)} lines to {OUTPUT.relative_to(ROOT)}: {counts}")


if __name__ == "__main__":
    main()
