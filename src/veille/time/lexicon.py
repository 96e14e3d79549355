"""Word tables for French and English temporal expressions, kept as data so rules stay language-neutral.

Each language gives month and weekday names, the prepositions that can stand before a time expression with the
role they give it (point, start, end, from, to, before, after), part-of-period modifiers (début/early…),
relative expressions, tense markers and the words that make a 4-digit number a quantity rather than a year.
"""

from __future__ import annotations

from dataclasses import dataclass

APOS = "['’]"


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]  # Monday = 0
    # prepositions (regex fragments, longest first) -> role
    prefixes: list[tuple[str, str]]
    # part-of-period modifier (regex fragment) -> mod
    modifiers: list[tuple[str, str]]
    seasons: dict[str, tuple[int, int]]  # name -> (first month, last month); winter wraps to next year
    halves: list[tuple[str, int, int]]  # regex fragment -> first/last month
    # relative expressions: regex fragment -> (unit, offset)
    relatives: list[tuple[str, str, int]]
    numbers: dict[str, int]
    units: dict[str, str]  # word (regex fragment) -> unit for "il y a N ans" / "N years ago"
    # "N units later": regex fragment after the unit -> sign (+1 later, -1 earlier), counted from the date told before
    later: list[tuple[str, int]]
    # « le lendemain », "the following year": regex fragment -> (unit, offset) from the date told before
    next_to: list[tuple[str, str, int]]
    future: str  # regex fragment matching a future-tense verb
    past: str  # regex fragment matching a past-tense verb
    year_followers: frozenset[str]  # words that may follow a bare year (verbs, articles, conjunctions…)
    quantity_before: str  # regex fragment: words making the next number a quantity
    verb_endings: str  # a word after a bare number that reads as a verb makes the number a year


FR = Lexicon(
    months={
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
        "janv.": 1, "févr.": 2, "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12,
    },
    weekdays={"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6},
    prefixes=[
        (rf"à\s+partir\s+(?:du|de\s+la|de|d{APOS})", "start"),
        (rf"à\s+compter\s+(?:du|de\s+la|de|d{APOS})", "start"),
        (r"depuis\s+(?:le|la)", "start"), (rf"depuis\s+l{APOS}", "start"), (r"depuis", "start"),
        (r"dès\s+(?:le|la)", "start"), (r"dès", "start"),
        (rf"jusqu{APOS}\s*(?:au|à\s+la|à|en)", "end"), (rf"jusqu{APOS}\s*à\s+l{APOS}", "end"),
        (rf"à\s+l{APOS}horizon(?:\s+de)?", "end"), (rf"d{APOS}ici\s+(?:à\s+)?(?:la|le)", "end"), (rf"d{APOS}ici\s+(?:à\s+)?", "end"),
        (r"avant\s+(?:le|la)", "before"), (r"avant", "before"),
        (r"après\s+(?:le|la)", "after"), (r"après", "after"),
        (r"au\s+cours\s+(?:du|des|de\s+la|de)", "point"), (rf"au\s+cours\s+de\s+l{APOS}", "point"),
        (r"dans\s+le\s+courant\s+(?:du|de)", "point"), (r"courant", "point"),
        (r"pendant\s+(?:les|la|le)", "point"), (r"pendant", "point"),
        (r"durant\s+(?:les|la|le)", "point"), (r"durant", "point"),
        (rf"au\s+mois\s+d(?:e|{APOS})", "point"),
        (r"au\s+cours\s+des", "point"), (r"pendant\s+les", "point"), (r"dans\s+les", "point"),
        (r"depuis\s+les", "start"), (r"jusqu['’]aux", "end"), (rf"jusqu{APOS}", "end"),
        (r"vers", "point"), (r"en", "point"), (r"les", "det"), (r"des", "det"), (r"aux", "det"),
        (r"le", "det"), (rf"l{APOS}", "det"), (r"ce", "det"),
        (r"entre\s+(?:le|la)", "from"), (r"entre", "from"), (r"et\s+le", "to?"),
        (r"du", "from?"), (r"de", "from?"), (rf"d{APOS}", "from?"),
        (r"au", "to?"), (r"à", "to?"), (r"et", "to?"),
    ],
    modifiers=[
        (rf"(?:au\s+|en\s+|dès\s+le\s+)?(?:tout\s+)?début\s+(?:de\s+l{APOS}année|d{APOS}année|du\s+mois\s+d(?:e|{APOS})"
         rf"|de\s+l{APOS}an|des|de|d{APOS})?", "early"),
        (rf"(?:à\s+la\s+|la\s+|en\s+)?fin\s+(?:de\s+l{APOS}année|d{APOS}année|du\s+mois\s+d(?:e|{APOS})|de\s+l{APOS}an"
         rf"|des|de|d{APOS})?", "late"),
        (r"(?:à\s+la\s+|la\s+)?mi-?", "mid"),
        (rf"(?:au|le)\s+milieu\s+(?:de\s+l{APOS}année|des|de|d{APOS})", "mid"),
    ],
    seasons={"printemps": (3, 5), "été": (6, 8), "automne": (9, 11), "hiver": (12, 2)},
    halves=[
        (r"premier\s+semestre", 1, 6), (r"second\s+semestre|deuxième\s+semestre", 7, 12),
        (r"premier\s+trimestre", 1, 3), (r"deuxième\s+trimestre|second\s+trimestre", 4, 6),
        (r"troisième\s+trimestre", 7, 9), (r"quatrième\s+trimestre|dernier\s+trimestre", 10, 12),
    ],
    relatives=[
        (r"avant-hier", "day", -2), (r"après-demain", "day", 2), (r"hier", "day", -1),
        (rf"aujourd{APOS}hui", "day", 0), (r"demain", "day", 1),
        (r"cette\s+année", "year", 0), (rf"(?:le\s+)?début\s+de\s+l{APOS}année(?!\s+(?:derni|pass|prochain))", "year", 0),
        (rf"(?:la\s+)?fin\s+de\s+l{APOS}année(?!\s+(?:derni|pass|prochain))", "year", 0), (rf"l{APOS}(?:an|année)\s+(?:derni(?:er|ère)|pass(?:é|ée))", "year", -1),
        (rf"l{APOS}(?:an|année)\s+prochaine?", "year", 1), (r"l['’]année\s+en\s+cours", "year", 0),
        (r"ce\s+mois(?:-ci)?", "month", 0), (r"le\s+mois\s+(?:dernier|passé)", "month", -1),
        (r"le\s+mois\s+prochain", "month", 1),
        (r"cette\s+semaine", "week", 0), (r"la\s+semaine\s+(?:dernière|passée)", "week", -1),
        (r"la\s+semaine\s+prochaine", "week", 1),
    ],
    numbers={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
             "neuf": 9, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30},
    units={"ans?": "year", "années?": "year", "mois": "month", "semaines?": "week", "jours?": "day"},
    later=[(r"plus\s+tard", 1), (r"plus\s+tôt", -1), (r"auparavant", -1)],
    next_to=[(r"le\s+lendemain", "day", 1), (rf"la\s+veille(?!\s+(?:du|de|des|d{APOS}|au))", "day", -1),
             (r"(?:le\s+jour|la\s+journée)\s+suivante?", "day", 1), (r"la\s+semaine\s+suivante", "week", 1),
             (r"le\s+mois\s+suivant", "month", 1), (r"le\s+mois\s+précédent", "month", -1),
             (rf"l{APOS}(?:année|an)\s+(?:suivante?|d{APOS}après)", "year", 1),
             (rf"l{APOS}(?:année|an)\s+précédente?", "year", -1)],
    future=(r"\b(?:sera|seront|serait|aura|auront|fera|feront|ira|iront|pourra|pourront|devra|devront|va|vont"
            r"|viendra|viendront|prendra|prendront)\b|\b(?:doit|doivent|devrait|devraient)\s+(?:se\s+|s'|s’)?"
            r"[a-zéèêàâîôûç]+(?:er|ir|re)\b|\b[a-zéèêàâîôûç]{3,}(?:era|eront|irai|ira|iront|dra|dront)\b"),
    past=(r"\b(?:a|ont|avait|avaient|eut|eurent|fut|furent|était|étaient|est|sont)\s+(?:\w+\s+){0,2}"
          r"[a-zéèêàâîôûç]{2,}(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|erte)\b|\b[a-zéèêàâîôûç]{3,}(?:ait|aient)\b"),
    year_followers=frozenset(
        "le la les l un une et ou à au aux de des du d en dans par pour sur avec sans contre lors a ont avait "
        "avaient est sont était étaient fut furent sera seront a-t-il qui que qu où alors puis déjà encore "
        "ne n se s il ils elle elles on ce cette ces son sa ses leur leurs afin après avant entre selon "
        "jusqu depuis lorsque quand mais car donc".split()),
    quantity_before=(r"(?:environ|plus\s+de|moins\s+de|près\s+de|quelque|quelques|les|des|ces|ses|leurs|nos|vos"
                     r"|p\.|pp\.|page|pages|n°|no\.?|art\.|article|articles|résolution|numéro|chapitre|§|loi"
                     r"|décret|€|\$|£|au\s+moins|jusqu['’]à\s+\d+\s+et|sur)"),
    verb_endings=r"^[a-zéèêç]{2,}(?:ait|aient|èrent|eront|era|ra|ont)$",
)

EN = Lexicon(
    months={
        "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
        "September": 9, "October": 10, "November": 11, "December": 12,
        "Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Aug.": 8, "Sept.": 9, "Sep.": 9, "Oct.": 10, "Nov.": 11,
        "Dec.": 12,
    },
    weekdays={"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6},
    prefixes=[
        (r"starting\s+(?:on|in|from)", "start"), (r"beginning\s+(?:on|in)", "start"), (r"as\s+of", "start"),
        (r"as\s+from", "start"), (r"ever\s+since", "start"), (r"since", "start"),
        (r"up\s+(?:to|until)", "end"), (r"until", "end"), (r"till", "end"), (r"through", "end"), (r"by", "end"),
        (r"no\s+later\s+than", "end"),
        (r"prior\s+to", "before"), (r"before", "before"), (r"after", "after"),
        (r"during\s+the", "point"), (r"during", "point"), (r"throughout", "point"), (r"in\s+the", "point"),
        (r"around", "point"), (r"circa", "point"), (r"in", "point"), (r"on\s+the", "point"), (r"on", "point"),
        (r"between", "from"), (r"from", "from"),
        (r"the", "det"), (r"to", "to?"), (r"and", "to?"), (r"and\s+the", "to?"), (r"to\s+the", "to?"),
        (r"this", "det"), (r"of", "of"),
    ],
    modifiers=[
        (r"(?:the\s+)?(?:beginning|start)\s+of(?:\s+the\s+year)?", "early"),
        (r"(?:the\s+)?end\s+of(?:\s+the\s+year)?", "late"),
        (r"(?:the\s+)?middle\s+of", "mid"),
        (r"early(?:\s+|-)", "early"), (r"late(?:\s+|-)", "late"), (r"mid(?:\s+|-)", "mid"),
    ],
    seasons={"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)},
    halves=[
        (r"first\s+half(?:\s+of)?", 1, 6), (r"second\s+half(?:\s+of)?", 7, 12),
        (r"(?:first\s+quarter(?:\s+of)?|Q1)", 1, 3), (r"(?:second\s+quarter(?:\s+of)?|Q2)", 4, 6),
        (r"(?:third\s+quarter(?:\s+of)?|Q3)", 7, 9), (r"(?:fourth\s+quarter(?:\s+of)?|Q4)", 10, 12),
    ],
    relatives=[
        (r"the\s+day\s+before\s+yesterday", "day", -2), (r"the\s+day\s+after\s+tomorrow", "day", 2),
        (r"yesterday", "day", -1), (r"today", "day", 0), (r"tomorrow", "day", 1),
        (r"this\s+year", "year", 0), (r"(?:the\s+)?(?:start|beginning|end)\s+of\s+the\s+year", "year", 0), (r"last\s+year", "year", -1), (r"next\s+year", "year", 1),
        (r"this\s+month", "month", 0), (r"last\s+month", "month", -1), (r"next\s+month", "month", 1),
        (r"this\s+week", "week", 0), (r"last\s+week", "week", -1), (r"next\s+week", "week", 1),
    ],
    numbers={"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30},
    units={"years?": "year", "months?": "month", "weeks?": "week", "days?": "day"},
    later=[(r"later", 1), (r"earlier", -1)],
    next_to=[(r"the\s+(?:next|following)\s+day", "day", 1), (r"the\s+previous\s+day", "day", -1),
             (r"the\s+(?:next|following)\s+week", "week", 1), (r"the\s+(?:following)\s+month", "month", 1),
             (r"the\s+previous\s+month", "month", -1), (r"the\s+following\s+year", "year", 1),
             (r"the\s+previous\s+year", "year", -1)],
    future=(r"\b(?:will|shall|won['’]t|going\s+to|is\s+to|are\s+to|plans?\s+to|scheduled"
            r"|(?:expected|due|set|slated|poised)\s+to)\b|\w['’]ll\b"),
    past=(r"\b(?:was|were|had|did|said|began|became|took|held|met|made|left|went|came|sent|told|gave|won|lost"
          r"|led|saw|rose|fell|grew|struck|fought|broke|ran|brought|built|chose|drew|hit|kept|knew|paid|put|set|shot|spoke"
          r"|spent|stood|thought|threw|wrote|sought|fled|won|froze|withdrew|oversaw)\b|\b[a-z]{3,}ed\b"),
    year_followers=frozenset(
        "the a an and or to in on at of for by with from as when while after before until since is was were "
        "has have had will would which that who where it he she they we its their this these those but so "
        "then also saw".split()),
    quantity_before=(r"(?:about|approximately|nearly|almost|over|more\s+than|less\s+than|fewer\s+than|some|than"
                     r"|the|these|those|its|their|p\.|pp\.|page|pages|no\.|number|art\.|article|resolution"
                     r"|chapter|section|§|€|\$|£|at\s+least|up\s+to\s+\d+\s+and)"),
    verb_endings=r"^[a-z]{2,}ed$",
)

LEXICONS = {"fr": FR, "en": EN}

# Units after a number that make it a quantity (both languages): "2000 soldats" is handled by the follower rule,
# these also block years after strong prepositions ("en 2000 exemplaires" is rare, "in 2000 tonnes" too).
QUANTITY_UNITS = (
    r"%|‰|pour\s*cent|percent|per\s+cent|€|\$|£|euros?|dollars?|km|m²|m2|kg|t\b|tonnes?|tons?|barils?|barrels?"
    r"|millions?|milliards?|billions?|mds?|mns?|hommes|soldats|soldiers|troops|personnes|people|habitants"
    r"|mètres|meters|metres|kilomètres|kilometers|exemplaires|unités|units|dispositifs|véhicules|vehicles"
)
