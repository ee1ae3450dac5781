"""Gazetteer of UK police forces: official names, former names, aliases and area names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

ForceKind = Literal["territorial", "special", "other", "service", "crown_dependency", "legacy"]
Nation = Literal["england", "wales", "scotland", "northern_ireland", "uk", "crown_dependency"]


@dataclass(frozen=True)
class Force:
    """One police force and every way an article may name it.

    `areas` are places that name the force only when a force word follows them
    ("Kent Police", "Notts police", "Surrey officers", "Essex's police force");
    `towns` are cities that name it only as "{town} police"; `aliases` and
    `former` names are mentions on their own.
    """

    name: str
    kind: ForceKind
    nation: Nation
    areas: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    former: tuple[str, ...] = ()


# Words matched only exactly as written or in capitals ("the Met" but not "they met").
EXACT_WORDS: Final = frozenset(
    {"Met", "MoD", "GMP", "PSNI", "BTP", "RUC", "WMP", "TVP", "RAF", "UKAEA"}
)

# Words whose case never matters; any other capitalised word must keep its capital.
FREE_WORDS: Final = frozenset(
    {
        "police",
        "constabulary",
        "force",
        "service",
        "officers",
        "officer",
        "cops",
        "detectives",
        "policeman",
        "policewoman",
        "policemen",
        "policewomen",
        "and",
        "of",
        "the",
        "for",
        "yard",
        "chief",
        "constable",
        "deputy",
        "assistant",
    }
)

# A force word after an area name makes a mention: "Kent Police", "Kent's police force".
AREA_SUFFIXES: Final[tuple[str, ...]] = (
    "Police",
    "Constabulary",
    "Police Force",
    "Police Service",
    "officers",
    "officer",
    "detectives",
    "cops",
    "force",
    "policeman",
    "policewoman",
    "policemen",
    "policewomen",
    "'s police",
    "'s police force",
    "'s police service",
    "'s force",
    "'s officers",
    "Chief Constable",
    "'s Chief Constable",
    "Deputy Chief Constable",
    "'s Deputy Chief Constable",
    "Assistant Chief Constable",
    "'s Assistant Chief Constable",
)

# Before an area name, these name the force too: "the Chief Constable of Essex".
AREA_PREFIXES: Final[tuple[str, ...]] = (
    "Chief Constable of",
    "police in",
    "police officers in",
    "officers in",
    "detectives in",
)

# A city names its force only with "police": "Manchester police", "Bristol's police force".
TOWN_SUFFIXES: Final[tuple[str, ...]] = ("Police", "police force", "'s police", "'s police force")


def _ew(
    name: str,
    nation: Nation,
    areas: tuple[str, ...],
    towns: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
    former: tuple[str, ...] = (),
) -> Force:
    return Force(name, "territorial", nation, areas, towns, aliases, former)


FORCES: Final[tuple[Force, ...]] = (
    # The 43 territorial forces of England and Wales.
    _ew(
        "Avon and Somerset Police",
        "england",
        ("Avon and Somerset", "Avon & Somerset", "Somerset"),
        ("Bristol", "Bath"),
        aliases=("Avon and Somerset Constabulary", "Avon and Somerset", "Avon & Somerset"),
    ),
    _ew("Bedfordshire Police", "england", ("Bedfordshire", "Beds"), ("Luton", "Bedford")),
    _ew("Cambridgeshire Constabulary", "england", ("Cambridgeshire", "Cambs"), ("Cambridge",)),
    _ew("Cheshire Constabulary", "england", ("Cheshire",), ("Chester", "Warrington")),
    _ew("City of London Police", "england", ("City of London",)),
    _ew("Cleveland Police", "england", ("Cleveland",), ("Middlesbrough", "Hartlepool")),
    _ew("Cumbria Constabulary", "england", ("Cumbria", "Cumbrian"), ("Carlisle",)),
    _ew("Derbyshire Constabulary", "england", ("Derbyshire",), ("Derby",)),
    _ew(
        "Devon and Cornwall Police",
        "england",
        ("Devon and Cornwall", "Devon & Cornwall", "Devon", "Cornwall"),
        ("Plymouth", "Exeter"),
        aliases=("Devon and Cornwall Constabulary", "Devon and Cornwall", "Devon & Cornwall"),
    ),
    _ew("Dorset Police", "england", ("Dorset",), ("Bournemouth", "Poole")),
    _ew("Durham Constabulary", "england", ("Durham", "County Durham"), ("Darlington",)),
    _ew("Essex Police", "england", ("Essex",), ("Chelmsford", "Southend")),
    _ew("Gloucestershire Constabulary", "england", ("Gloucestershire", "Glos"), ("Gloucester",)),
    _ew(
        "Greater Manchester Police",
        "england",
        ("Greater Manchester",),
        ("Manchester", "Salford", "Bolton", "Wigan", "Oldham", "Stockport"),
        aliases=("GMP",),
        former=("Manchester City Police",),
    ),
    _ew(
        "Hampshire and Isle of Wight Constabulary",
        "england",
        (
            "Hampshire and Isle of Wight",
            "Hampshire & Isle of Wight",
            "Hampshire and the Isle of Wight",
            "Hampshire",
            "Hants",
            "Isle of Wight",
        ),
        ("Southampton", "Portsmouth", "Winchester"),
        former=("Hampshire Constabulary",),
    ),
    _ew("Hertfordshire Constabulary", "england", ("Hertfordshire", "Herts"), ("Watford",)),
    _ew(
        "Humberside Police",
        "england",
        ("Humberside", "North East Lincolnshire", "North Lincolnshire", "East Riding"),
        ("Hull", "Grimsby", "Scunthorpe"),
    ),
    _ew("Kent Police", "england", ("Kent",), ("Maidstone", "Canterbury")),
    _ew("Lancashire Constabulary", "england", ("Lancashire", "Lancs"), ("Preston", "Blackpool")),
    _ew("Leicestershire Police", "england", ("Leicestershire", "Leics"), ("Leicester",)),
    _ew("Lincolnshire Police", "england", ("Lincolnshire", "Lincs")),
    _ew("Merseyside Police", "england", ("Merseyside",), ("Liverpool",)),
    Force(
        "Metropolitan Police Service",
        "territorial",
        "england",
        ("Metropolitan", "Met"),
        ("London",),
        aliases=(
            "the Met",
            "the Met Police",
            "the Met Police Service",
            "the Met police force",
            "Met chief",
            "Met chiefs",
            "Met boss",
            "Met Commissioner",
            "Met spokesman",
            "Met spokeswoman",
            "Met spokesperson",
            "Scotland Yard",
            "New Scotland Yard",
        ),
        former=("Metropolitan Police Force",),
    ),
    _ew("Norfolk Constabulary", "england", ("Norfolk",), ("Norwich",)),
    _ew("North Wales Police", "wales", ("North Wales",), ("Wrexham",)),
    _ew("North Yorkshire Police", "england", ("North Yorkshire",), ("Scarborough", "Harrogate")),
    _ew(
        "Northamptonshire Police",
        "england",
        ("Northamptonshire", "Northants"),
        ("Northampton", "Kettering", "Corby"),
    ),
    _ew(
        "Northumbria Police",
        "england",
        ("Northumbria", "Northumberland", "Tyne and Wear"),
        ("Sunderland", "Gateshead"),
    ),
    _ew("Nottinghamshire Police", "england", ("Nottinghamshire", "Notts"), ("Nottingham",)),
    _ew(
        "South Wales Police",
        "wales",
        ("South Wales",),
        ("Cardiff", "Swansea"),
        former=("South Wales Constabulary",),
    ),
    _ew(
        "South Yorkshire Police",
        "england",
        ("South Yorkshire",),
        ("Sheffield", "Rotherham", "Doncaster", "Barnsley"),
    ),
    _ew("Staffordshire Police", "england", ("Staffordshire", "Staffs"), ("Stoke",)),
    _ew("Suffolk Constabulary", "england", ("Suffolk",), ("Ipswich",)),
    _ew("Surrey Police", "england", ("Surrey",), ("Guildford",)),
    _ew(
        "Sussex Police",
        "england",
        ("Sussex", "East Sussex", "West Sussex"),
        ("Brighton", "Crawley", "Hastings"),
    ),
    _ew(
        "Thames Valley Police",
        "england",
        ("Thames Valley",),
        ("Oxford", "Milton Keynes", "Slough"),
        aliases=("TVP", "Thames Valley"),
    ),
    _ew("Warwickshire Police", "england", ("Warwickshire",), ("Nuneaton",)),
    _ew(
        "West Mercia Police",
        "england",
        ("West Mercia",),
        ("Worcester", "Shrewsbury", "Telford", "Hereford"),
        former=("West Mercia Constabulary",),
    ),
    _ew(
        "West Midlands Police",
        "england",
        ("West Midlands", "West Mids"),
        ("Birmingham", "Coventry", "Wolverhampton"),
        aliases=("WMP",),
        former=("Birmingham City Police",),
    ),
    _ew(
        "West Yorkshire Police",
        "england",
        ("West Yorkshire",),
        ("Leeds", "Bradford", "Wakefield", "Huddersfield"),
    ),
    _ew("Wiltshire Police", "england", ("Wiltshire", "Wilts"), ("Swindon", "Salisbury")),
    _ew(
        "Dyfed-Powys Police",
        "wales",
        ("Dyfed-Powys",),
        ("Aberystwyth", "Carmarthen", "Llanelli"),
        aliases=("Dyfed-Powys", "Dyfed Powys"),
        former=("Dyfed-Powys Constabulary",),
    ),
    _ew("Gwent Police", "wales", ("Gwent",), ("Cwmbran",)),
    # Scotland and Northern Ireland.
    Force(
        "Police Scotland",
        "territorial",
        "scotland",
        towns=("Glasgow", "Edinburgh", "Aberdeen", "Dundee", "Inverness"),
        aliases=(
            "Police Service of Scotland",
            "Scotland's police force",
            "Scotland's police service",
            "Scotland's national police force",
            "Scotland's single police force",
        ),
    ),
    # The eight forces that merged into Police Scotland in 2013: forces of their own, which
    # older cases name ("joined Strathclyde Police in 1998").
    *(
        Force(name, "legacy", "scotland")
        for name in (
            "Strathclyde Police",
            "Lothian and Borders Police",
            "Grampian Police",
            "Northern Constabulary",
            "Tayside Police",
            "Fife Constabulary",
            "Central Scotland Police",
            "Dumfries and Galloway Constabulary",
        )
    ),
    Force(
        "Police Service of Northern Ireland",
        "territorial",
        "northern_ireland",
        towns=("Belfast", "Derry", "Londonderry"),
        aliases=(
            "PSNI",
            "Northern Ireland police",
            "Northern Ireland police force",
            "Northern Ireland Police Service",
            "Northern Ireland's police",
            "Northern Ireland's police force",
            "Northern Ireland's police service",
        ),
        former=("Royal Ulster Constabulary", "RUC"),
    ),
    # The three special police forces that work across the UK.
    Force(
        "British Transport Police",
        "special",
        "uk",
        aliases=("British Transport Police Force", "BTP"),
    ),
    Force(
        "Civil Nuclear Constabulary",
        "special",
        "uk",
        aliases=("Civil Nuclear Police",),
        former=("UKAEA Constabulary", "UK Atomic Energy Authority Constabulary"),
    ),
    Force(
        "Ministry of Defence Police",
        "special",
        "uk",
        aliases=("MoD Police",),
    ),
    # Smaller forces: ports, tunnels, airports, parks and universities.
    Force("Port of Dover Police", "other", "england", aliases=("Dover Harbour Board Police",)),
    Force("Port of Liverpool Police", "other", "england", aliases=("Liverpool Port Police",)),
    Force("Port of Tilbury Police", "other", "england", aliases=("Port of Tilbury London Police",)),
    Force("Port of Felixstowe Police", "other", "england", aliases=("Felixstowe Port Police",)),
    Force("Port of Bristol Police", "other", "england"),
    Force("Port of Portland Police", "other", "england"),
    Force("Falmouth Docks Police", "other", "england"),
    Force("Tees and Hartlepool Port Police", "other", "england", aliases=("Teesport Police",)),
    Force("Mersey Tunnels Police", "other", "england"),
    Force("Belfast Harbour Police", "other", "northern_ireland"),
    Force("Larne Harbour Police", "other", "northern_ireland"),
    Force(
        "Belfast International Airport Constabulary",
        "other",
        "northern_ireland",
        aliases=("Belfast International Airport Police",),
    ),
    Force(
        "Cambridge University Constabulary",
        "other",
        "england",
        aliases=("Cambridge University Police",),
    ),
    Force("Hampstead Heath Constabulary", "other", "england", aliases=("Hampstead Heath Police",)),
    Force("Kew Constabulary", "other", "england", aliases=("Royal Botanic Gardens Constabulary",)),
    # Service police of the armed forces.
    Force("Royal Military Police", "service", "uk"),
    Force("Royal Navy Police", "service", "uk", aliases=("Royal Naval Police",)),
    Force("Royal Air Force Police", "service", "uk", aliases=("RAF Police",)),
    # Crown dependencies: not in the UK, but reported alongside its forces.
    Force(
        "States of Jersey Police",
        "crown_dependency",
        "crown_dependency",
        aliases=("Jersey Police",),
    ),
    Force(
        "Guernsey Police",
        "crown_dependency",
        "crown_dependency",
        aliases=("States of Guernsey Police", "Guernsey Police Service"),
    ),
    Force(
        "Isle of Man Constabulary",
        "crown_dependency",
        "crown_dependency",
        aliases=("Isle of Man Police",),
    ),
)

# Bodies often named beside police forces that are not forces themselves.
NOT_FORCES: Final[tuple[str, ...]] = (
    "National Crime Agency",
    "Independent Office for Police Conduct",
    "College of Policing",
    "National Police Chiefs' Council",
    "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
    "Police Federation of England and Wales",
    "Police Ombudsman for Northern Ireland",
    "Scottish Police Authority",
)


def territorial_england_and_wales() -> tuple[Force, ...]:
    """The 43 territorial forces of England and Wales."""
    return tuple(f for f in FORCES if f.kind == "territorial" and f.nation in ("england", "wales"))
