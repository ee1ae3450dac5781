"""Deterministic generator of synthetic news articles for benchmarking forcewatch at scale.

Every article is built from its own seeded random source (the corpus seed and the
article's number), so article i is the same whatever N is and whichever process builds
it; nothing depends on the clock. The stories, people and outlets are invented; the
police forces are the real UK forces of the parser's gazetteer.

    python tests/bench/corpus.py DIR --articles N [--seed S]
"""

from __future__ import annotations

import argparse
import calendar
import os
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from forcewatch.store.parse.forces import all_forces, force_info

GENERATOR_VERSION = 1
DEFAULT_SEED = 2017
FIRST_DAY = date(2008, 1, 1)
LAST_DAY = date(2026, 12, 31)
PER_FOLDER = 1000
TARGET_BYTES = (2700, 3500)

# ---- people ------------------------------------------------------------------------------

GIVEN_F = """Abigail Aisha Alison Amanda Amara Angela Anita Bethan Bridget Caroline Catriona
Charlotte Chloe Claire Deborah Eilidh Eleanor Elspeth Emma Fiona Freya Gemma Georgina Gillian
Hannah Harriet Helen Imogen Isla Jacqueline Janet Jennifer Joanne Judith Julia Karen Katherine
Kirsty Laura Leanne Lorna Lucy Mairead Margaret Maya Megan Michelle Morag Nadia Naomi Nicola
Niamh Olivia Pauline Priya Rachel Rebecca Rhiannon Ruth Samantha Sarah Shona Siobhan Sophie
Stephanie Susan Tamsin Valerie Victoria Yasmin Zainab Zoë""".split()

GIVEN_M = """Adam Aled Alasdair Alistair Andrew Anthony Arjun Ben Bilal Callum Ciaran Colin
Conor Craig Daniel Darren David Declan Dominic Duncan Edward Euan Farhan Fraser Gareth Gavin
Graham Gregor Hamish Harry Iain Imran Jack James Jamie Jason Jonathan Joseph Kevin Kieran Liam
Malcolm Mark Martin Matthew Michael Neil Nigel Oliver Owen Patrick Paul Peter Rhys Richard
Robert Ryan Sajid Sean Simon Stephen Stuart Thomas Tomasz Vikram Warren William""".split()

SURNAMES = """Abbott Acheson Adebayo Ahmed Ainsworth Akhtar Aldridge Ashdown Atherton Bailey
Bancroft Barnes Beattie Bell Benton-Hale Bhatti Blackwood Bowen Bradshaw Brennan Brookes
Buchanan Burgess Cairns Calloway Campbell Carmichael Chadwick Chaudhry Clough Cochrane Connolly
Crawford Cunliffe Dalgleish Davies Dewhurst Docherty Donnelly Drummond Dunmore Eastwood
Ellison Evans Fairbairn Farrell Fenwick Ferguson Fitzgerald Fletcher Forsyth Gallagher Garside
Gill Gilmour Goddard Gormley Greaves Griffiths Hale Halliday Hargreaves Haworth Hegarty
Henderson Hollis Hughes Hussain Iqbal Jardine Jenkins Kaur Kavanagh Kennedy Kershaw Khan
Kinnaird Lacey Lambert Lennox Llewellyn Lockhart Lowther MacAulay MacLeod Maddox Malik Marsden
McAllister McBride McCormack McGinley McKenna Metcalfe Moffat Morrow Mukherjee Murray Nairn
Naylor Nolan Nowak O'Brien O'Connell O'Hara Okafor Oldroyd Osei Padley Parekh Pennington Potts
Prentice Pritchard Quigley Quinn Rafferty Rahman Rees Ritchie Rowntree Sandhu Sattar Sewell
Shah Sheridan Singh Stoddart Sturrock Sutherland Tennant Thornton Trevelyan Tulloch Underwood
Vaughan Wadsworth Walsh Warburton Whitaker Whittle Winstanley Yates Yeomans""".split()

RANKS = (
    ("Chief Constable", "Chief Constable", "chief constable"),
    ("Deputy Chief Constable", "DCC", "deputy chief constable"),
    ("Assistant Chief Constable", "ACC", "assistant chief constable"),
    ("Chief Superintendent", "Ch Supt", None),
    ("Detective Chief Superintendent", "Det Ch Supt", None),
    ("Superintendent", "Supt", None),
    ("Detective Superintendent", "Det Supt", None),
    ("Chief Inspector", "Ch Insp", None),
    ("Detective Chief Inspector", "DCI", None),
    ("Detective Inspector", "DI", None),
)
POLICE_ROLES = (
    "head of professional standards",
    "head of the force's professional standards department",
    "the force's lead for counter-corruption",
    "who leads the anti-corruption unit",
    "head of the counter-corruption unit",
    "the force's lead for violence against women and girls",
    "head of vetting",
    "who oversees misconduct investigations",
    "the force's lead for standards and ethics",
)
OTHER_ROLES = (
    (
        "IOPC",
        "IOPC regional director",
        "regional director at the Independent Office for Police Conduct",
    ),
    ("IOPC", "IOPC director", "director of operations at the IOPC"),
    ("HMICFRS", "HM Inspector of Constabulary", "one of His Majesty's Inspectors of Constabulary"),
    ("HMICFRS", "HMI", "who led the inspection"),
    ("Federation", "Police Federation chair", "chair of the local Police Federation"),
    ("charity", "chief executive", "chief executive of the charity Safe to Speak"),
    ("charity", "director", "director of the Centre for Women's Justice Reform"),
    ("charity", "founder", "founder of the campaign group Reclaim Trust"),
    ("academic", "Professor", "a criminologist at the University of Wessex"),
    ("academic", "Dr", "who researches police misconduct at Northfield University"),
    ("union", "Unison branch secretary", "branch secretary for police staff at Unison"),
    ("politics", "MP", "chair of the Home Affairs Committee"),
)
ORG_SPEAKERS = (
    "an IOPC spokesperson",
    "a spokesperson for the force",
    "a force spokesman",
    "a force spokeswoman",
    "the report",
    "Inspectors",
    "the inspectorate",
    "a Home Office spokesperson",
    "the College of Policing",
)


@dataclass(frozen=True)
class Speaker:
    """An invented person who speaks in articles."""

    given: str
    surname: str
    female: bool
    title: str  # rank or title used at first mention, possibly ""
    short: str  # the short form used later ("Det Supt", "Ms", "Mr", "")
    role: str  # appositive role text
    kind: str  # police, IOPC, HMICFRS, Federation, charity, academic, union, politics, pcc
    force: str | None

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def pronoun(self) -> str:
        return "she" if self.female else "he"

    @property
    def later(self) -> str:
        """How the article names them after the first mention."""
        return f"{self.short} {self.surname}" if self.short else self.surname


@dataclass(frozen=True)
class Article:
    """One generated article with what the generator put in it."""

    number: int
    filename: str  # relative path inside the corpus folder
    text: str
    encoding: str
    title: str
    force: str  # the force the story is about
    published: date | None
    precision: str  # day, month or unknown: what the text gives
    speakers: tuple[str, ...]  # full names of people quoted


def _territorial() -> list[str]:
    return [n for n in all_forces() if (f := force_info(n)) is not None and f.kind == "territorial"]


@cache
def force_weights() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Every force, weighted so big territorial forces get most coverage."""
    names: list[str] = []
    weights: list[float] = []
    big = {
        "Metropolitan Police Service": 14.0,
        "Police Scotland": 5.0,
        "Greater Manchester Police": 5.0,
        "West Midlands Police": 4.0,
        "West Yorkshire Police": 3.5,
        "Thames Valley Police": 3.0,
        "Police Service of Northern Ireland": 3.0,
        "Merseyside Police": 3.0,
        "Kent Police": 2.5,
        "Hampshire and Isle of Wight Constabulary": 2.5,
    }
    for name in all_forces():
        info = force_info(name)
        kind = info.kind if info else "other"
        weight = big.get(
            name, 1.6 if kind == "territorial" else 0.35 if kind == "special" else 0.08
        )
        names.append(name)
        weights.append(weight)
    return tuple(names), tuple(weights)


def _area(force: str) -> str:
    info = force_info(force)
    if info and info.areas:
        return info.areas[0]
    return force.replace(" Police", "").replace(" Constabulary", "")


def _town(force: str) -> str:
    info = force_info(force)
    if info and info.towns:
        return info.towns[0]
    return _area(force)


def _force_names(force: str) -> tuple[str, ...]:
    """Ways an article names the force after its first full mention."""
    info = force_info(force)
    names = [force]
    if info:
        names.extend(a for a in info.aliases if not a.startswith("the "))
        names.extend(f"{a} Police" for a in info.areas[:2] if f"{a} Police" != force)
    return tuple(dict.fromkeys(names))


@cache
def speaker_pool(seed: int = DEFAULT_SEED) -> tuple[Speaker, ...]:
    """Hundreds of invented speakers: officers of every force, PCCs, and people outside."""
    rng = random.Random(f"speakers:{seed}")
    people: list[Speaker] = []
    used: set[str] = set()

    def person() -> tuple[str, str, bool]:
        while True:
            female = rng.random() < 0.5
            given = rng.choice(GIVEN_F if female else GIVEN_M)
            surname = rng.choice(SURNAMES)
            if f"{given} {surname}" not in used:
                used.add(f"{given} {surname}")
                return given, surname, female

    for force in all_forces():
        info = force_info(force)
        count = 9 if info and info.kind == "territorial" else 3
        for _ in range(count):
            given, surname, female = person()
            rank, short, role = rng.choice(RANKS)
            people.append(
                Speaker(
                    given,
                    surname,
                    female,
                    rank,
                    short,
                    role or rng.choice(POLICE_ROLES),
                    "police",
                    force,
                )
            )
        if info and info.kind == "territorial":
            given, surname, female = person()
            if force == "Metropolitan Police Service":
                role = "the Mayor of London's deputy for policing"
            elif info.nation in ("scotland", "northern_ireland"):
                role = f"chair of the {'Scottish Police Authority' if info.nation == 'scotland' else 'Policing Board'}"
            else:
                role = f"the Police and Crime Commissioner for {_area(force)}"
            people.append(
                Speaker(given, surname, female, "", "Ms" if female else "Mr", role, "pcc", force)
            )
            given, surname, female = person()
            people.append(
                Speaker(
                    given,
                    surname,
                    female,
                    "",
                    "Ms" if female else "Mr",
                    f"chair of {_area(force)} Police Federation",
                    "Federation",
                    force,
                )
            )
    for _ in range(220):
        given, surname, female = person()
        kind, title, role = rng.choice(OTHER_ROLES)
        if title in ("Professor", "Dr"):
            short = title
        elif title == "HMI":
            short = "HMI"
        else:
            short = "Ms" if female else "Mr"
        lead = title if title in ("Professor", "Dr", "HMI") else ""
        people.append(Speaker(given, surname, female, lead, short, role, kind, None))
    return tuple(people)


@cache
def _speakers_by_force(seed: int) -> dict[str | None, tuple[Speaker, ...]]:
    out: dict[str | None, list[Speaker]] = {}
    for sp in speaker_pool(seed):
        out.setdefault(sp.force, []).append(sp)
    return {k: tuple(v) for k, v in out.items()}


# ---- outlets -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    """An invented outlet: its name, web host and house style."""

    name: str
    host: str
    quotes: str  # "straight", "curly" or "single" (single curly marks, the UK house style)
    kind: str  # "txt-dateline", "txt-plain", "md"


OUTLETS = (
    Outlet("The Wessex Courier", "www.wessexcourier.co.uk", "curly", "txt-dateline"),
    Outlet("Northfield Evening Post", "www.northfieldpost.co.uk", "straight", "txt-dateline"),
    Outlet("The Daily Ledger", "www.dailyledger.co.uk", "single", "txt-dateline"),
    Outlet("The Sentinel Herald", "www.sentinelherald.com", "single", "txt-plain"),
    Outlet("Midshire Gazette", "www.midshiregazette.co.uk", "straight", "txt-dateline"),
    Outlet("Coastline News", "news.coastline.co.uk", "curly", "md"),
    Outlet("The Morning Chronicle", "www.morningchronicle.co.uk", "single", "md"),
    Outlet("Valley Echo", "www.valleyecho.co.uk", "straight", "txt-plain"),
    Outlet("Borders Record", "www.bordersrecord.co.uk", "curly", "txt-dateline"),
    Outlet("Harbour Times", "www.harbourtimes.co.uk", "straight", "md"),
    Outlet("The Capital Standard", "www.capitalstandard.co.uk", "curly", "txt-dateline"),
    Outlet("Lakeside Argus", "www.lakesideargus.co.uk", "straight", "txt-dateline"),
    Outlet("Policing Review", "www.policingreview.org.uk", "curly", "md"),
    Outlet("The Northern Mercury", "www.northernmercury.co.uk", "single", "txt-dateline"),
    Outlet("Fenland Observer", "www.fenlandobserver.co.uk", "straight", "txt-plain"),
    Outlet("Wireline", "www.wireline.news", "curly", "md"),
)

# ---- text banks --------------------------------------------------------------------------

OFFENCES = (
    (
        "pursued a sexual relationship with a vulnerable victim of crime",
        "relationship with vulnerable victim",
    ),
    (
        "sent sexual messages to a woman he met while responding to a domestic abuse call",
        "messages to domestic abuse victim",
    ),
    (
        "used police systems to find the address of a woman he had met on duty",
        "searching for woman's address",
    ),
    (
        "abused his position to pursue relationships with women he met through his work",
        "pursuing women met on duty",
    ),
    ("groomed a vulnerable woman he was supposed to be protecting", "grooming vulnerable woman"),
    (
        "made repeated unwanted advances towards a witness in a case he was investigating",
        "advances towards witness",
    ),
    ("visited a domestic abuse victim at home with no policing purpose", "visits to abuse victim"),
    (
        "exchanged hundreds of messages with a woman who had reported a burglary",
        "messages to burglary victim",
    ),
)
OUTCOMES = (
    ("dismissed without notice", "{who} dismissed over {short}"),
    ("barred from policing", "Former {who} barred over {short}"),
    ("jailed for misconduct in public office", "{who} jailed for misconduct after {short}"),
    ("given a final written warning", "Final warning for {who} over {short}"),
    (
        "told he would have been sacked had he not resigned",
        "{who} would have been sacked over {short}",
    ),
)
STORY_KINDS = ("hearing", "court", "inspection", "unit", "iopc", "data")

QUOTES_POLICE = (
    "{offender}'s behaviour was a fundamental betrayal of the trust the public place in us, and he has no place in policing.",
    "We will not tolerate officers who abuse their position for a sexual purpose, and we will root them out.",
    "I want to thank the woman who came forward. It took real courage, and she was believed from the start.",
    "Our counter-corruption unit acted on the intelligence as soon as it came in, and colleagues raised their concerns quickly.",
    "If anyone has been approached by an officer in this way, please tell us. You will be listened to and we will act.",
    "It's clear that opportunities were missed, and I want to apologise to the women who were let down.",
    "We've changed how every complaint of this kind is assessed, so that nobody's concerns are dismissed because an officer's colleagues vouch for him.",
    "The vast majority of our officers and staff do an outstanding job, which is why conduct like this is so damaging.",
    "We have invested in new software that monitors the use of force systems, and we're checking searches that have no policing purpose.",
    "Vetting is only the start. We have to keep checking, year after year, that the people we employ deserve the public's trust.",
    "Abuse of position for a sexual purpose is the most serious form of corruption, and it is treated that way at {force}.",
    "We accept the inspectorate's findings in full and have already begun work on every one of its recommendations.",
)
QUOTES_IOPC = (
    "Police officers are trusted to protect vulnerable people, not to exploit them for their own sexual gratification.",
    "This officer's actions were a gross betrayal of the trust placed in him, and the outcome sends a clear message.",
    "Our investigation found evidence that he used his role to target women who were at their most vulnerable.",
    "Forces must ensure that warning signs are spotted early and that every referral is taken seriously.",
    "We have now concluded our investigation and shared our findings with the force and the Crown Prosecution Service.",
)
QUOTES_HMI = (
    "Too many forces still do not have the capability to monitor their IT systems, which means they cannot be sure they are finding the officers who abuse their position.",
    "We found that vetting decisions were not always recorded, and that concerns raised by colleagues were sometimes not acted on.",
    "Forces have made progress, but it has been too slow, and the public have a right to expect better.",
    "It's worrying that some forces still don't treat abuse of position for a sexual purpose as serious corruption.",
    "We will return to check on each force's progress within the next year.",
)
QUOTES_OTHER = (
    "Women who come to the police for help must be able to trust that they will be protected, not preyed on.",
    "These cases are not isolated. They point to a culture in which warning signs have been ignored for years.",
    "Victims tell us they were afraid to report because the person who abused them was the person they were told to call.",
    "Every force needs independent scrutiny of these cases, because the public's confidence depends on it.",
    "The vast majority of officers are appalled by this behaviour, and they want it rooted out as much as anyone.",
    "We welcome the report, but words must now be matched by action in every force.",
    "It's not enough to dismiss officers after the event. Forces have to stop them getting in and spot them early.",
    "The public's confidence in policing has been badly shaken, and it won't be restored by statements alone.",
)
PARTIALS = (
    "wholly unacceptable",
    "a betrayal of everything policing stands for",
    "deeply troubling",
    "a clear message",
    "nowhere near good enough",
    "at the centre of every misconduct case",
    "a warning sign that should never have been missed",
    "a stain on the service",
)
BACKGROUND = (
    "The hearing was told that a colleague raised concerns after noticing that {offender} had repeatedly looked up the woman's address on force systems.",
    "The case was referred to the Independent Office for Police Conduct, which returned it to the force to be investigated locally.",
    "In {month_year}, {force} said it had set up a dedicated team to investigate abuse of position, with {n} officers and staff.",
    "Figures obtained by the {outlet_short} show that {n} allegations of abuse of position for a sexual purpose were recorded by {force} between {y1} and {y2}.",
    "Nationally, {pct} per cent of such allegations involved victims of domestic abuse, according to the inspectorate.",
    "Two-thirds of forces had not fully implemented the recommendations made in the previous inspection, the report found.",
    "By {deadline}, every force must show how it will monitor the use of its computer systems, the Home Office said.",
    "{offender}, who had served for {years} years, will be added to the barred list, which prevents him from working in policing again.",
    "The panel heard that he sent the woman more than {n} messages over three months, many of them late at night.",
    "He denied the allegations, but the panel found them proven and ruled that his actions amounted to gross misconduct.",
    "The woman, who cannot be named for legal reasons, told the hearing she had felt unable to refuse his visits.",
    "Last year the force dismissed {small} officers for similar behaviour and has {small2} more investigations ongoing.",
    "The report, published this week, made {small} recommendations, including closer work with organisations that support vulnerable people.",
    "Officers and staff are now told to report any colleague whose behaviour gives them cause for concern, and can do so anonymously.",
    "The inspection looked at the handling of {n} cases and found that a quarter had not been referred to the counter-corruption unit.",
    "Next year the force plans to repeat the vetting checks of all {n2} of its officers and staff.",
)
FURNITURE = (
    "Hide Ad",
    "Advertisement\nHide Ad",
    "Read More",
    "Sign up to our daily newsletter for the latest news from your area",
    "Sign up to our free newsletter and get the best of {outlet} straight to your inbox",
    "Read more: {other}",
    "READ MORE: {other}",
    "Image caption,\n{force} said the officer had been dismissed",
    "(Image: {outlet})",
    "Comments have been closed on this article",
)
OTHER_HEADLINES = (
    "Police chief apologises to victims of officer",
    "Inspectors warn forces over vetting failures",
    "Watchdog to review handling of complaints",
    "Former PC jailed for stalking",
    "Commissioner promises review of standards",
    "Hundreds of officers facing misconduct cases",
)
CLOSERS = (
    "Anyone with concerns about the conduct of an officer can contact {force}'s professional standards department or report anonymously through Crimestoppers.",
    "Abuse of position for a sexual purpose is treated as serious corruption. Concerns can be reported anonymously.",
    "The force said it would continue to work with the IOPC and local support services.",
    "Ends",
)
RANK_WORDS = ("PC", "PC", "Sgt", "DC", "PC", "DS", "Insp")
MONTHS = list(calendar.month_name)[1:]


# ---- building one article ----------------------------------------------------------------


class _Writer:
    """Paragraph assembly with one outlet's quote marks and apostrophes."""

    def __init__(self, rng: random.Random, outlet: Outlet) -> None:
        self.rng = rng
        self.outlet = outlet
        self.paragraphs: list[str] = []
        if outlet.quotes == "straight":
            self.open, self.close, self.apos = '"', '"', "'"
        elif outlet.quotes == "curly":
            self.open, self.close, self.apos = "\u201c", "\u201d", "\u2019"
        else:
            self.open, self.close, self.apos = "\u2018", "\u2019", "\u2019"

    def text(self, value: str) -> str:
        return value.replace("'", self.apos)

    def add(self, value: str) -> None:
        self.paragraphs.append(self.text(value))

    def quoted(self, words: str) -> str:
        return f"{self.open}{self.text(words)}{self.close}"

    @property
    def size(self) -> int:
        return sum(len(p) + 2 for p in self.paragraphs)


def _pick_date(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _dateline(rng: random.Random, day: date) -> str:
    hour, minute = rng.randrange(6, 23), rng.randrange(60)
    weekday = calendar.day_name[day.weekday()]
    month = MONTHS[day.month - 1]
    style = rng.randrange(4)
    if style == 0:
        h12 = hour % 12 or 12
        return f"{weekday}, {_ordinal(day.day)} {month} {day.year}, {h12}:{minute:02d} {'am' if hour < 12 else 'pm'}"
    if style == 1:
        return f"{day.day} {month} {day.year} \u2022 {hour % 12 or 12}:{minute:02d}{'am' if hour < 12 else 'pm'}"
    if style == 2:
        return f"Published: {hour:02d}:{minute:02d}, {day.day} {month} {day.year}"
    return f"{weekday} {day.day} {month} {day.year}"


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:70]


def _sentences(rng: random.Random, bank: Sequence[str], k: int) -> list[str]:
    return rng.sample(list(bank), min(k, len(bank)))


def _quote_bank(sp: Speaker) -> Sequence[str]:
    if sp.kind == "police":
        return QUOTES_POLICE
    if sp.kind == "IOPC":
        return QUOTES_IOPC
    if sp.kind == "HMICFRS":
        return QUOTES_HMI
    return QUOTES_OTHER


def _introduce(sp: Speaker, force: str) -> str:
    """First mention of a speaker, with rank or title and role."""
    name = f"{sp.title} {sp.name}" if sp.title else sp.name
    if sp.kind == "police" and sp.role in (
        "chief constable",
        "deputy chief constable",
        "assistant chief constable",
    ):
        return f"{force}'s {sp.role}, {sp.name},"
    if sp.kind == "police":
        return f"{name}, {sp.role},"
    return f"{name}, {sp.role},"


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def _quote_block(w: _Writer, sp: Speaker, force: str, slots: dict[str, str], first: bool) -> None:
    """One speaker's quotes in one of the British conventions."""
    rng = w.rng
    lines = [_fill(s, slots) for s in _sentences(rng, _quote_bank(sp), rng.randint(2, 4))]
    style = rng.randrange(6)
    intro = _introduce(sp, force) if first else sp.later
    if style == 0 or (style == 5 and len(lines) < 3):
        # Speaker before: X, role, said: "…"
        w.add(f"{intro} said: {w.quoted(' '.join(lines[:2]))}")
        if len(lines) > 2:
            w.add(f"{sp.pronoun.capitalize()} added: {w.quoted(' '.join(lines[2:]))}")
    elif style == 1:
        # Multi-paragraph: each paragraph reopens the quote, only the last one closes.
        w.add(f"{intro} said: {w.open}{w.text(lines[0])}")
        for middle in lines[1:-1]:
            w.add(f"{w.open}{w.text(middle)}")
        w.add(f"{w.open}{w.text(lines[-1])}{w.close}")
    elif style == 2:
        # Speaker after: "…," she said.
        if first:
            w.add(f"{intro} said the force had acted as soon as concerns were raised.")
        body = lines[0].rstrip(".")
        w.add(f"{w.quoted(body + ',')} {sp.pronoun} said. {w.quoted(' '.join(lines[1:]))}")
    elif style == 3:
        # Partial quote inside a sentence, then a full one.
        partial = rng.choice(PARTIALS)
        w.add(
            f"{intro} said the officer's conduct had been {w.quoted(partial)} and that lessons would be learned."
        )
        w.add(f"{w.quoted(lines[0].rstrip('.') + ',')} {sp.pronoun} said.")
    elif style == 4:
        # Inverted attribution: "…," said X.
        body = lines[0].rstrip(".")
        who = intro.rstrip(",") if first else sp.later
        w.add(f"{w.quoted(body + ',')} said {who}.")
        if len(lines) > 1:
            w.add(f"{sp.pronoun.capitalize()} continued: {w.quoted(' '.join(lines[1:]))}")
    else:
        # Speaker before with a colon, three paragraphs closing each time.
        w.add(f"{intro} said: {w.quoted(lines[0])}")
        w.add(w.quoted(lines[1]))
        w.add(f"{sp.pronoun.capitalize()} added: {w.quoted(lines[2])}")


def _org_quote(w: _Writer, slots: dict[str, str]) -> None:
    rng = w.rng
    who = rng.choice(ORG_SPEAKERS)
    bank = QUOTES_HMI if who in ("the report", "Inspectors", "the inspectorate") else QUOTES_IOPC
    line = _fill(rng.choice(bank), slots).rstrip(".")
    if rng.random() < 0.5:
        w.add(f"{w.quoted(line + ',')} {who} said.")
    else:
        w.add(f"{who[0].upper() + who[1:]} said: {w.quoted(line + '.')}")


def generate_article(number: int, seed: int = DEFAULT_SEED) -> Article:
    """Article `number` of the corpus with this seed: the same every time."""
    rng = random.Random(f"article:{seed}:{number}")
    names, weights = force_weights()
    force = rng.choices(names, weights)[0]
    outlet = rng.choice(OUTLETS)
    kind = rng.choice(STORY_KINDS)
    day = _pick_date(rng)
    female_offender = rng.random() < 0.08
    offender_given = rng.choice(GIVEN_F if female_offender else GIVEN_M)
    offender_surname = rng.choice(SURNAMES)
    rank_word = rng.choice(RANK_WORDS)
    offence, short = rng.choice(OFFENCES)
    outcome, outcome_head = rng.choice(OUTCOMES)
    if female_offender:
        offence = offence.replace(" he ", " she ").replace(" his ", " her ")
    y1 = rng.randrange(2008, max(2009, day.year))
    slots = {
        "force": force,
        "offender": offender_surname,
        "month_year": f"{rng.choice(MONTHS)} {max(2008, day.year - rng.randrange(1, 4))}",
        "n": str(rng.randrange(12, 480)),
        "n2": f"{rng.randrange(800, 30000):,}",
        "pct": str(rng.randrange(10, 70)),
        "y1": str(y1),
        "y2": str(min(day.year, y1 + rng.randrange(1, 6))),
        "small": rng.choice(("two", "three", "four", "five", "six", "seven")),
        "small2": rng.choice(("two", "three", "four", "five", "nine", "12")),
        "years": str(rng.randrange(2, 25)),
        "deadline": f"{rng.randrange(1, 29)} {rng.choice(MONTHS)} {day.year + 1}",
        "outlet": outlet.name,
        "outlet_short": outlet.name.removeprefix("The "),
        "other": rng.choice(OTHER_HEADLINES),
    }
    area = _area(force)
    names_of_force = _force_names(force)

    if kind in ("hearing", "court"):
        who = rng.choice(
            (f"{area} officer", f"{area} PC", "Police officer", f"{_town(force)} sergeant")
        )
        title = outcome_head.format(who=who, short=short)
        title = title[0].upper() + title[1:]
        lede = (
            f"A {force} officer who {offence} has been {outcome}, "
            f"{'a misconduct panel has ruled' if kind == 'hearing' else 'a court has heard'}."
        )
    elif kind == "inspection":
        title = rng.choice(
            (
                f"{force} 'too slow' to tackle abuse of position, inspectors find",
                f"Inspectors criticise {area} vetting after officers abused their position",
                f"Report finds {force} missed warning signs about predatory officers",
            )
        )
        lede = f"{force} has been criticised by inspectors for failing to act quickly enough on officers who abuse their position for a sexual purpose."
    elif kind == "unit":
        title = f"{force} launches new unit to root out officers who prey on victims"
        lede = f"{force} has launched a dedicated team to identify officers and staff who abuse their position to pursue sexual relationships."
    elif kind == "iopc":
        title = f"Watchdog investigates {area} officer over relationship with vulnerable woman"
        lede = f"The police watchdog has begun an investigation into a {force} officer accused of abusing his position to pursue a relationship with a vulnerable woman."
    else:
        title = f"{slots['n']} allegations against {area} officers in {slots['y2']}, figures show"
        lede = f"Officers and staff at {force} faced {slots['n']} allegations of abuse of position for a sexual purpose in {slots['y2']}, according to figures released under freedom of information laws."
    title = title.replace("  ", " ")

    w = _Writer(rng, outlet)
    standfirst = f"{rank_word} {offender_given} {offender_surname} {offence} over {slots['years']} months, the {('panel' if kind == 'hearing' else 'inquiry')} heard"
    w.add(lede)
    w.add(
        f"{rank_word} {offender_given} {offender_surname}, who was based in {_town(force)}, "
        f"{offence} in {MONTHS[(day.month - 3) % 12]} {day.year - 1 if day.month <= 3 else day.year}."
    )

    local = _speakers_by_force(seed).get(force, ())
    outside = _speakers_by_force(seed).get(None, ())
    quoted: list[Speaker] = []
    count = rng.randint(2, 3)
    pool = list(local) + list(rng.sample(outside, 4))
    for sp in rng.sample(pool, min(count, len(pool))):
        quoted.append(sp)

    furniture_every = rng.randint(2, 4) if outlet.kind != "md" else 99
    background = _sentences(rng, BACKGROUND, len(BACKGROUND))
    low, high = TARGET_BYTES
    target = rng.randint(low, high) - 400  # head and foot add the rest
    turn = 0
    seen: set[Speaker] = set()
    while w.size < target and (background or quoted):
        turn += 1
        if quoted and (turn % 2 == 0 or not background):
            sp = quoted.pop(0)
            _quote_block(w, sp, force, slots, sp not in seen)
            seen.add(sp)
        elif background:
            w.add(_fill(background.pop(), {**slots, "force": rng.choice(names_of_force)}))
        if turn % furniture_every == 0:
            w.paragraphs.append(_fill(rng.choice(FURNITURE), slots))
        if not quoted and rng.random() < 0.3 and w.size < target:
            _org_quote(w, slots)
        if not quoted and not background and w.size < target and seen:
            quoted.append(rng.choice(sorted(seen, key=lambda s: s.name)))
    w.add(_fill(rng.choice(CLOSERS), slots))

    url_path = f"/news/{_slug(area)}/{day.year}/{day.month:02d}/{day.day:02d}/{_slug(title)}"
    url = f"https://{outlet.host}{url_path}"
    precision = "day"
    published: date | None = day
    head: list[str] = []
    style = outlet.kind
    roll = rng.random()
    if style == "md":
        site_title = f"{title} | {outlet.name}"
        front = [
            "---",
            f'title: "{site_title.replace(chr(34), chr(39))}"',
            f"date: {day.isoformat()}T{rng.randrange(6, 23):02d}:{rng.randrange(60):02d}:00+01:00"
            if roll < 0.8
            else f"date: {day.isoformat()}",
            f"url: {url}",
            f"description: {lede}",
            "tags:",
            "  - professional standards",
            f"  - {_slug(area).replace('-', ' ')}",
            "---",
            "",
            f"# {title}",
        ]
        head = ["\n".join(front)]
    else:
        head.append(title)
        if rng.random() < 0.5:
            head.append(standfirst)
            if rng.random() < 0.3:
                head.append(standfirst)  # a repeated standfirst, as scraped pages have
        if style == "txt-dateline" or roll < 0.3:
            byline = rng.choice(GIVEN_F + GIVEN_M) + " " + rng.choice(SURNAMES)
            head.append(
                f"By {byline}, {rng.choice(('Crime Correspondent', 'Home Affairs Editor', 'Reporter'))}"
            )
            head.append(_dateline(rng, day))
            if rng.random() < 0.3:
                later = day + timedelta(days=rng.randrange(1, 40))
                head.append(f"Updated {later.day} {MONTHS[later.month - 1]} {later.year}")
        elif roll < 0.75:
            month_path = f"/news/{day.year}/{day.month:02d}/{_slug(title)}"
            lead = "Source: " if rng.random() < 0.6 else ""
            head.append(f"{lead}https://{outlet.host}{month_path}")
            precision = "month"
        else:
            published, precision = None, "unknown"

    text = "\n\n".join([*head, *w.paragraphs]) + "\n"
    encoding = "utf-8"
    crlf = rng.random() < 0.05
    if rng.random() < 0.03:
        try:
            text.encode("cp1252")
            encoding = "cp1252"
        except UnicodeEncodeError:
            encoding = "utf-8"
    if crlf:
        text = text.replace("\n", "\r\n")
    ext = ".md" if style == "md" else ".txt"
    filename = f"{number // PER_FOLDER:03d}/{number:06d}_{_slug(title)[:40]}{ext}"
    speakers = tuple(dict.fromkeys(sp.name for sp in seen))
    return Article(number, filename, text, encoding, title, force, published, precision, speakers)


def iter_articles(n: int, seed: int = DEFAULT_SEED, start: int = 0) -> Iterator[Article]:
    """Articles start..n-1 of the corpus."""
    for i in range(start, n):
        yield generate_article(i, seed)


def _write_range(args: tuple[str, int, int, int]) -> int:
    root, seed, start, stop = args
    written = 0
    for i in range(start, stop):
        art = generate_article(i, seed)
        path = Path(root) / art.filename
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(art.text.encode(art.encoding))
        written += len(art.text)
    return written


def write_corpus(
    directory: str | os.PathLike[str], n: int, seed: int = DEFAULT_SEED, workers: int | None = None
) -> Path:
    """Write articles 0..n-1 under `directory` (1,000 per subfolder); returns the folder."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    cores = workers if workers is not None else (os.cpu_count() or 1)
    step = 2000
    jobs = [(str(root), seed, a, min(n, a + step)) for a in range(0, n, step)]
    if cores <= 1 or n <= step:
        for job in jobs:
            _write_range(job)
        return root
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(cores) as pool:
        for _ in pool.imap_unordered(_write_range, jobs):
            pass
    return root


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write a corpus of N articles to DIR."""
    parser = argparse.ArgumentParser(description="Write a synthetic benchmark corpus.")
    parser.add_argument("directory", metavar="DIR")
    parser.add_argument("--articles", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    root = write_corpus(args.directory, args.articles, args.seed)
    print(f"wrote {args.articles} articles under {root}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
