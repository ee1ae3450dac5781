"""Quote extraction follows British news conventions: one named case per convention."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pytest
from forcewatch.store.parse import parse_article
from forcewatch.store.records import ParsedArticle, Quote


@dataclass(frozen=True)
class Want:
    """One quote the parser must report.

    speaker: words that must appear in the reported speaker (a surname, or part of an
    organisation's name); alternatives are separated by "|".
    starts: the first words of the quote. contains: later words that prove the quote was not
    cut short (at an apostrophe, a nested quote or a paragraph break). absent: text that must
    not be inside the quote (furniture, the narrative after it).
    """

    speaker: str
    starts: str
    contains: str = ""
    paragraphs: int | None = None
    partial: bool | None = None
    absent: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """A short article, every quote in it, and quoted text that is not a quote."""

    name: str
    text: str
    quotes: tuple[Want, ...]
    not_quotes: tuple[str, ...] = ()


_MARKS = str.maketrans(dict.fromkeys("\"'`´‘’‚‛“”„‟", " "))


def words(text: str) -> str:
    """Folded words of a text, separated by single spaces, for comparing quote text."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_MARKS)
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def speaker_ok(want: str, got: str) -> bool:
    """Whether any alternative's words appear, in order and whole, in the reported speaker."""
    have = f" {words(got)} "
    return any(f" {words(alt)} " in have for alt in want.split("|") if words(alt))


def find(article: ParsedArticle, start: str) -> Quote | None:
    """The reported quote whose text begins with these words, if any."""
    key = words(start)
    return next((q for q in article.quotes if words(q.text).startswith(key)), None)


def doc(*paragraphs: str) -> str:
    """An article's text: headline first, paragraphs separated by blank lines."""
    return "\n\n".join(paragraphs) + "\n"


CASES = [
    Case(
        "speaker_before_said_colon",
        doc(
            "Force apologises to woman targeted by officer",
            "A woman who was pursued by an officer after reporting a burglary has "
            "received an apology from Cheshire Constabulary.",
            'Ch Supt Amara Okafor, head of professional standards, said: "We failed '
            "her, and I am sorry. Nobody who comes to us for help should be treated "
            'this way."',
        ),
        (
            Want(
                "Okafor",
                "We failed her, and I am sorry",
                contains="treated this way",
                partial=False,
            ),
        ),
    ),
    Case(
        "speaker_before_continued",
        doc(
            "Inspector warns forces over gaps in vetting",
            'HMI Tobias Wren said: "Vetting is the first line of defence, and too '
            'many forces are treating it as a formality."',
            "The inspectorate examined records from 12 forces between 2019 and 2022.",
            'Mr Wren, continued: "Where checks were skipped, people who should never '
            'have joined were allowed in."',
        ),
        (
            Want("Wren", "Vetting is the first line of defence", contains="formality"),
            Want("Wren", "Where checks were skipped", contains="allowed in", partial=False),
        ),
    ),
    Case(
        "speaker_after_the_report_said",
        doc(
            "Watchdog criticises handling of complaints against officers",
            "Inspectors examined 60 complaints made against officers at "
            "Gloucestershire Constabulary.",
            '"In too many cases the officer\'s account was accepted without question,"'
            " the report said.",
        ),
        (Want("report", "In too many cases the officer", contains="without question"),),
    ),
    Case(
        "speaker_after_said_name",
        doc(
            "Officer dismissed over messages to witness",
            "A Leicestershire Police constable has been dismissed after sending "
            "messages to a witness.",
            '"We will not tolerate this behaviour in any part of the force", said Det'
            " Supt Liam Hartigan.",
        ),
        (Want("Hartigan", "We will not tolerate this behaviour", partial=False),),
    ),
    Case(
        "speaker_after_name_with_apposition",
        doc(
            "Unit to search force systems for warning signs",
            '"We will go looking for this behaviour rather than waiting for '
            'complaints," Det Supt Harriet Ogunleye, who leads the new unit, said.',
        ),
        (Want("Ogunleye", "We will go looking for this behaviour", contains="complaints"),),
    ),
    Case(
        "speaker_after_asked",
        doc(
            "Campaigners question force's response",
            '"If the person who hurt you wears a uniform, who do you call?" asked '
            "Rhiannon Pask, who runs a support service for women in Cardiff.",
        ),
        (Want("Pask", "If the person who hurt you wears a uniform", contains="who do you call"),),
    ),
    Case(
        "role_noun_resolves_to_named_person",
        doc(
            "Chief constable vows to rebuild trust",
            "Chief Constable Mark Ellery met the women's families on Monday, alongside "
            "Superintendent Anika Shah.",
            '"Every one of these cases will be looked at again," the chief constable said.',
        ),
        (Want("Ellery", "Every one of these cases will be looked at again"),),
    ),
    Case(
        "according_to_the_report",
        doc(
            "Forces slow to act on intelligence, review finds",
            'Intelligence about officers "was too often left unassessed for months", '
            "according to the report.",
        ),
        (Want("report", "was too often left unassessed for months", partial=True),),
    ),
    Case(
        "said_name_adding",
        doc(
            "Officer suspended within hours of complaint",
            "A Staffordshire Police officer was suspended on the day a woman complained about him.",
            '"We moved as soon as the report came in," said Insp Carys Bevan, adding:'
            ' "Public trust depends on us acting the moment we know."',
        ),
        (
            Want("Bevan", "We moved as soon as the report came in"),
            Want("Bevan", "Public trust depends on us acting", contains="moment we know"),
        ),
    ),
    Case(
        "said_name_adding_after_reported_speech",
        doc(
            "Federation backs force over dismissal",
            "The force had been right to act quickly, said Sgt Neil Fairbairn of the "
            'Police Federation, adding: "Officers want people like this gone."',
        ),
        (Want("Fairbairn", "Officers want people like this gone"),),
    ),
    Case(
        "partial_quote_in_sentence",
        doc(
            "Commissioner promises change after damning review",
            'The commissioner, Dame Olivia Tennant, said the force had been "far too '
            'slow to listen" to women who reported officers, and promised "a complete'
            ' change of approach".',
        ),
        (
            Want("Tennant", "far too slow to listen", partial=True),
            Want("Tennant", "a complete change of approach", partial=True),
        ),
    ),
    Case(
        "double_straight_marks",
        doc(
            "Force reviews officers' use of its systems",
            'Supt Gareth Pryor said: "Every search of our systems leaves a record, '
            'and we are checking them."',
        ),
        (Want("Pryor", "Every search of our systems leaves a record", contains="checking them"),),
    ),
    Case(
        "double_curly_marks",
        doc(
            "Force reviews officers' use of its systems",
            "Supt Gareth Pryor said: “Every search of our systems leaves a record, "
            "and we are checking them.”",
        ),
        (Want("Pryor", "Every search of our systems leaves a record", contains="checking them"),),
    ),
    Case(
        "single_straight_marks",
        doc(
            "Supervisors told to read every complaint",
            "Sgt Ruth Adeyemi said: 'Every report is now read by a supervisor within a day.'",
        ),
        (Want("Adeyemi", "Every report is now read by a supervisor", contains="within a day"),),
    ),
    Case(
        "single_curly_marks",
        doc(
            "Force removes 14 officers in a year",
            "DCC Hamish Boyle said: ‘We have removed 14 officers this year, and there"
            " will be more.’",
        ),
        (Want("Boyle", "We have removed 14 officers this year", contains="there will be more"),),
    ),
    Case(
        "mixed_straight_open_curly_close",
        doc(
            "Chief constable apologises to victims",
            'Chief Constable Ifeoma Rowe said: "We have apologised to each of the '
            "women who came forward.”",
        ),
        (Want("Rowe", "We have apologised to each of the women", contains="came forward"),),
    ),
    Case(
        "apostrophe_its_in_single_curly",
        doc(
            "Officer jailed for misconduct in public office",
            "Ch Insp Femi Adebayo said: ‘It’s a betrayal of the public’s trust, and "
            "the force’s response has to be swift.’",
        ),
        (Want("Adebayo", "It’s a betrayal of the public", contains="response has to be swift"),),
    ),
    Case(
        "apostrophe_plural_possessive_then_space",
        doc(
            "Met commander says victims must come first",
            "Commander Grace Lindqvist said: ‘Our officers’ conduct is under scrutiny"
            " as never before. The victims’ voices must come first.’",
        ),
        (Want("Lindqvist", "Our officers conduct is under scrutiny", contains="must come first"),),
    ),
    Case(
        "apostrophe_straight_in_single_straight",
        doc(
            "Force says it will learn from case",
            "'It's not enough to say sorry. The force's job is to make sure it can't "
            "happen again,' said Supt Dev Chauhan.",
        ),
        (Want("Chauhan", "It's not enough to say sorry", contains="can't happen again"),),
    ),
    Case(
        "nested_single_in_double",
        doc(
            "Campaigners say women are still afraid to report officers",
            "Campaigner Josie Whitlam said: \"One woman told us, 'He said nobody would"
            " believe me', and for three years she was right.\"",
        ),
        (Want("Whitlam", "One woman told us", contains="for three years she was right"),),
        not_quotes=("He said nobody would believe me",),
    ),
    Case(
        "nested_double_in_single",
        doc(
            "Officer told victim to keep contact secret",
            "‘The officer told her “this stays between us”, and she believed him,’ "
            "said Det Insp Omar Siddiqui.",
        ),
        (Want("Siddiqui", "The officer told her", contains="she believed him"),),
        not_quotes=("this stays between us",),
    ),
    Case(
        "multi_paragraph_quote_is_one_quote",
        doc(
            "Officer faces gross misconduct hearing",
            'Det Ch Supt Bryony Caldwell said: "This was a deliberate and sustained '
            "abuse of trust.",
            '"He chose women he knew were vulnerable, and he used his warrant card to reach them.',
            '"I want to thank the colleagues who reported him. They did exactly the right thing.',
            '"Anyone with concerns should contact us in confidence."',
            "The officer will appear before a misconduct panel next month.",
        ),
        (
            Want(
                "Caldwell",
                "This was a deliberate and sustained abuse of trust",
                contains="contact us in confidence",
                paragraphs=4,
                absent=("misconduct panel next month",),
            ),
        ),
    ),
    Case(
        "multi_paragraph_mixed_marks",
        doc(
            "Chief constable apologises to women let down by force",
            'Chief Constable Ifeoma Rowe said: "We have apologised to each of the women.',
            "“We have also changed the way allegations against officers are assessed.",
            '"None of this undoes the harm that was done.”',
            "The force will publish its review in the spring.",
        ),
        (
            Want(
                "Rowe",
                "We have apologised to each of the women",
                contains="harm that was done",
                paragraphs=3,
                absent=("publish its review",),
            ),
        ),
    ),
    Case(
        "quote_interrupted_by_hide_ad",
        doc(
            "Officer who targeted vulnerable woman is sacked",
            'Det Supt Marion Keel said: "The officer targeted a woman at the lowest '
            "point in her life.",
            "Hide Ad\nHide Ad",
            '"He has rightly lost his job and will never work in policing again.',
            "Advertisement",
            '"I would encourage anyone with information to come forward."',
        ),
        (
            Want(
                "Keel",
                "The officer targeted a woman at the lowest point",
                contains="anyone with information to come forward",
                paragraphs=3,
                absent=("Hide Ad", "Advertisement"),
            ),
        ),
        not_quotes=("Hide Ad",),
    ),
    Case(
        "unattributed_follow_on_paragraph",
        doc(
            "Force admits cases took too long",
            '"We have brought in more investigators and cases are moving faster," '
            "said Ch Supt Colin Mayhew.",
            '"But I understand why people have lost patience with us."',
        ),
        (
            Want("Mayhew", "We have brought in more investigators"),
            Want("Mayhew", "But I understand why people have lost patience"),
        ),
    ),
    Case(
        "pronoun_she_skips_the_last_named_man",
        doc(
            "Commissioner demands plan from chief constable",
            "Commissioner Priya Nandra said the findings were stark. She has written "
            "to Chief Constable Mark Ellery asking for a plan within a month.",
            '"I expect to see real change, not another promise," she said.',
        ),
        (Want("Nandra", "I expect to see real change"),),
    ),
    Case(
        "pronoun_he_skips_the_last_named_woman",
        doc(
            "Anti-corruption unit doubled in size",
            "Ch Insp Tom Barraclough said the unit had been doubled in size after a "
            "review by Superintendent Anika Shah.",
            '"We are now finding cases that would once have gone unnoticed," he said.',
        ),
        (Want("Barraclough", "We are now finding cases"),),
    ),
    Case(
        "pronoun_they_for_inspectors",
        doc(
            "Inspectors find intelligence left unassessed",
            "Inspectors from HMICFRS visited Lincolnshire Police in May.",
            '"We found that intelligence about officers was not being assessed '
            'quickly enough," they said.',
        ),
        (Want("hmicfrs|inspectors|inspectorate", "We found that intelligence about officers"),),
    ),
    Case(
        "organisation_spokesperson_before",
        doc(
            "Officer suspended after arrest",
            'A Metropolitan Police spokesperson said: "The officer has been suspended'
            ' while the investigation continues."',
        ),
        (Want("metropolitan|met", "The officer has been suspended", partial=False),),
    ),
    Case(
        "organisation_spokesman_after",
        doc(
            "Watchdog directs force investigation",
            '"We have directed the force to investigate and will oversee its work," '
            "an IOPC spokesman said.",
        ),
        (Want("iopc|independent office for police conduct", "We have directed the force"),),
    ),
    Case(
        "organisation_inspectors_said",
        doc(
            "Force does not understand scale of problem, say inspectors",
            'Inspectors said: "The force does not yet understand the scale of the problem."',
        ),
        (Want("inspectors|inspectorate|hmicfrs", "The force does not yet understand"),),
    ),
    Case(
        "organisation_report_found",
        doc(
            "Review finds warning signs were missed",
            'The report found: "Supervisors did not challenge behaviour that should '
            'have been seen as a warning sign."',
        ),
        (Want("report", "Supervisors did not challenge behaviour"),),
    ),
    Case(
        "organisation_force_partial",
        doc(
            "Force defends its record on corruption",
            'West Mercia Police said it had "acted on every piece of intelligence" it'
            " received about the officer.",
        ),
        (Want("west mercia", "acted on every piece of intelligence", partial=True),),
    ),
    Case(
        "said_colon_without_space",
        doc(
            "Inspectors praise force's progress",
            'An HMICFRS spokeswoman said:"The force has made good progress since our last visit."',
        ),
        (Want("hmicfrs", "The force has made good progress", contains="last visit"),),
    ),
    Case(
        "told_outlet_colon",
        doc(
            "Survivor says she was ignored",
            'Farida Jalil told the Yorkshire Post: "I reported him twice and nobody '
            'called me back."',
        ),
        (Want("Jalil", "I reported him twice", contains="nobody called me back"),),
    ),
    Case(
        "headline_scare_quotes",
        doc(
            "Officer who 'preyed' on women is sacked",
            "A Bedfordshire Police constable who 'preyed' on women he met at work has"
            " been dismissed.",
            'Supt Jean Moffat said: "His behaviour was predatory and calculated."',
        ),
        (Want("Moffat", "His behaviour was predatory and calculated"),),
        not_quotes=("preyed",),
    ),
    Case(
        "report_title_in_quotes",
        doc(
            "Inspectorate publishes vetting review",
            "The inspectorate's report, \"Betrayal of trust: an inspection of vetting "
            'and counter-corruption", was published on Tuesday.',
            'HMI Robert Kingsley said: "Forces have made progress, but not quickly enough."',
        ),
        (Want("Kingsley", "Forces have made progress"),),
        not_quotes=("Betrayal of trust",),
    ),
    Case(
        "one_word_ratings",
        doc(
            "Three forces told to improve",
            'Warwickshire Police was rated "requires improvement" for its handling of'
            ' corruption, while West Mercia Police was rated "good" and Staffordshire'
            ' Police "inadequate". Inspectors praised an "effective" vetting unit.',
            'Ch Con Alan Petrie said: "We accept the findings and we already have a plan."',
        ),
        (Want("Petrie", "We accept the findings"),),
        not_quotes=("requires improvement", "good", "inadequate", "effective"),
    ),
    Case(
        "mojibake_marks",
        doc(
            "Force sets up hotline for reports about officers",
            "Supt Lena Marwick said: â€œItâ€™s vital that people can report an "
            "officer without fear.â€\x9d",
        ),
        (Want("Marwick", "It’s vital that people can report", contains="without fear"),),
    ),
    Case(
        "messages_asking",
        doc(
            "Officer sacked over messages to burglary victim",
            "PC Dean Harlow attended a burglary at the woman's flat in March.",
            "Over nine days he sent her more than 40 messages, asking whether she was "
            '"sleeping OK on your own".',
        ),
        (Want("Harlow", "sleeping OK on your own", partial=True),),
    ),
    Case(
        "went_on_colon",
        doc(
            "Chief constable apologises to women",
            'Chief Constable Maria Tennant said: "We let these women down."',
            'She went on: "Every case he touched is being looked at again."',
        ),
        (
            Want("Tennant", "We let these women down"),
            Want("Tennant", "Every case he touched", partial=False),
        ),
    ),
    Case(
        "one_word_with_its_speaker",
        doc(
            "Sergeant dismissed over messages",
            'Sgt Colin Ferris told the panel he had been "lonely" after his divorce.',
            "His solicitor, Anna Petrakis, said he was “ashamed”.",
        ),
        (
            Want("Ferris", "lonely", partial=True),
            Want("Petrakis", "ashamed", partial=True),
        ),
    ),
    Case(
        "one_word_alone_is_no_quote",
        doc(
            "Officer who sent 'flirty' messages is sacked",
            "Panel told officer called one woman ‘gorgeous’ after a crash",
            'The messages were "flirty" and went on for months, the hearing was told.',
        ),
        (),
        not_quotes=("flirty", "gorgeous"),
    ),
    Case(
        "split_after_one_word",
        doc(
            "Force criticised by inspectors",
            '"That," the inspector added, "is simply not good enough."',
        ),
        (
            Want("inspector", "That", partial=False),
            Want("inspector", "is simply not good enough"),
        ),
    ),
    Case(
        "subheading_echo_is_no_quote",
        doc(
            "Woman tells of ordeal at hands of officer",
            'Supt Owen Pryce said: "We have apologised to every woman involved."',
            "## 'Nobody listened to me'",
            'One woman said: "Nobody listened to me. I called three times."',
        ),
        (
            Want("Pryce", "We have apologised"),
            Want("woman", "Nobody listened to me. I called", contains="three times"),
        ),
    ),
    Case(
        "pull_quote_signed_on_the_line_below",
        doc(
            "Officer jailed for abusing his position",
            "> “Victims must be able to trust the officer who knocks on their door.”",
            "> — Lydia Osei, Police and Crime Commissioner",
            "The sentencing took place at Leeds Crown Court.",
        ),
        (Want("Osei", "Victims must be able to trust"),),
    ),
    Case(
        "statement_introduced_without_a_verb",
        doc(
            "Met officer dismissed",
            "A spokesperson for Scotland Yard has given us this statement:",
            '"His conduct fell far short of what Londoners are entitled to expect."',
        ),
        (Want("Metropolitan", "His conduct fell far short"),),
    ),
    Case(
        "coordinated_verbs_share_a_subject",
        doc(
            "Inspectors criticise counter-corruption unit",
            "Durham Constabulary was inspected by HMICFRS in the spring.",
            'Inspectors reviewed 30 files and found "serious gaps" in how intelligence '
            "was assessed.",
            "PC Gary Linton met the woman at a crash. Over the next month he called at her "
            'house twice, told her he was "looking out for her", and sent her messages.',
        ),
        (
            Want("HMICFRS|inspectors", "serious gaps", partial=True),
            Want("Linton", "looking out for her", partial=True),
        ),
    ),
    Case(
        "he_continued_after_said_name",
        doc(
            "Union calls for independent scrutiny",
            "A colleague raised concerns about the officer in 2021.",
            '"Members are appalled by this behaviour," said Ravi Kothari, branch secretary '
            "at the union.",
            'He continued: "Every force needs independent scrutiny of these cases."',
        ),
        (
            Want("Kothari", "Members are appalled"),
            Want("Kothari", "Every force needs independent scrutiny"),
        ),
    ),
    Case(
        "unnamed_person_named_by_appositive",
        doc(
            "Officer jailed after colleague's warning",
            "The colleague, PC Jessica Moorhouse, told the jury she had raised concerns in 2020.",
            '"I wish I had pushed harder," she said.',
        ),
        (Want("Moorhouse", "I wish I had pushed harder"),),
    ),
    Case(
        "subject_before_who_clause",
        doc(
            "Family say dismissal must be a beginning",
            "A mother and daughter who reported a detective during a harassment inquiry have "
            'said his dismissal must be "only the start" of a review.',
        ),
        (Want("mother", "only the start", partial=True),),
    ),
    Case(
        "he_is_the_man_named_in_the_sentence",
        doc(
            "Officer sacked over welfare visits",
            "PC Thomas Wrenfield, 29, was dismissed.",
            "The panel's chair, Kemi Adeyemo, said PC Wrenfield had exploited the students.",
            'He told the hearing he had been "trying to be supportive" at the time.',
        ),
        (Want("Wrenfield", "trying to be supportive", partial=True),),
    ),
    Case(
        "he_said_after_a_peer",
        doc(
            "Peers press minister",
            "Lord Pennard, a former senior officer, spoke first.",
            '"An officer who abuses that position must be removed," he said.',
        ),
        (Want("Pennard", "An officer who abuses that position"),),
    ),
    Case(
        "pronoun_after_an_opening_phrase",
        doc(
            "Officer dismissed over messages",
            "PC Dominic Fairbrother-Lane, 31, was dismissed without notice.",
            'In a written submission he said he had been "flattered by her attention" and '
            "had misread the situation.",
        ),
        (Want("Fairbrother-Lane", "flattered by her attention", partial=True),),
    ),
    Case(
        "possessive_unnamed_subject_then_he",
        doc(
            "PC jailed for grooming victim",
            "PC Kieran Ashby, 30, was jailed for five years.",
            "The girl's father read a statement on behalf of the family. He told the court: "
            '"We opened our door to a police officer because we had been burgled."',
        ),
        (Want("father", "We opened our door"),),
    ),
    Case(
        "quote_after_reported_speech_is_that_speakers",
        doc(
            "Detectives found the pattern in a day",
            'Lucy Marr said: "I want other women to know they will be believed."',
            "Detective Superintendent Emma Rowntree led the inquiry. She says the evidence "
            "was never hidden.",
            '"When we looked at his phone and his duty records, the pattern was obvious."',
        ),
        (
            Want("Marr", "I want other women to know"),
            Want("Rowntree", "When we looked at his phone"),
        ),
    ),
    Case(
        "subheading_possessive_is_no_speaker",
        doc(
            "Commissioner's blog",
            "## A survivor's view",
            "Last month I met a woman from Plymouth who was targeted by an officer.",
            '"The worst part was the silence," she told me.',
        ),
        (Want("woman", "The worst part was the silence"),),
    ),
    Case(
        "mr_is_the_man_of_two_sharing_a_surname",
        doc(
            "Widow targeted by officer",
            "The officer pursued Meena Patel, 56, whom he met after a burglary.",
            "Her son, Rohan Patel, 27, became suspicious.",
            '"He was calling my mum at midnight," Mr Patel said.',
            '"I had just lost my husband," Mrs Patel said.',
        ),
        (
            Want("Rohan Patel", "He was calling my mum"),
            Want("Meena Patel", "I had just lost my husband"),
        ),
    ),
    Case(
        "she_is_named_in_an_appositive_after_an_opening_phrase",
        doc(
            "Podcast: vetting is a snapshot",
            'Sir Gordon Ashby said: "Tell someone."',
            "Niamh Corrigan asked the last question.",
            "After the recording, Staffordshire Police's Deputy Chief Constable, Helena "
            'Brightwater-Okoro, sent us a statement. "We are glad our approach is noticed," she '
            "said.",
        ),
        (
            Want("Ashby", "Tell someone"),
            Want("Brightwater-Okoro", "We are glad our approach"),
        ),
    ),
    Case(
        "unnamed_student_is_she",
        doc(
            "Officer contacted student he met on duty",
            "PC Ryan Hartley stopped a 19-year-old student for speeding in May.",
            "The student, who was 19 at the time, was upset and her car had broken down.",
            "But within days he had found her online and sent a message telling her she "
            'was "really special".',
        ),
        (Want("Hartley", "really special", partial=True),),
    ),
]

IDS = [case.name for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_expected_quotes_found(case: Case) -> None:
    """Each quote is found whole, with its speaker, paragraph count, kind and provenance."""
    article = parse_article(case.text, f"{case.name}.txt")
    for want in case.quotes:
        quote = find(article, want.starts)
        got = [(q.speaker, q.text[:60]) for q in article.quotes]
        assert quote is not None, f"no quote starting {want.starts!r}; got {got}"
        assert speaker_ok(want.speaker, quote.speaker), (
            f"{want.starts!r}: speaker {quote.speaker!r}, want {want.speaker!r}"
        )
        if want.contains:
            assert words(want.contains) in words(quote.text), f"cut short: {quote.text!r}"
        for text in want.absent:
            assert words(text) not in words(quote.text), f"{text!r} inside {quote.text!r}"
        if want.paragraphs is not None:
            assert len(quote.paragraphs) == want.paragraphs, quote.paragraphs
        if want.partial is not None:
            assert quote.partial is want.partial
        assert quote.paragraphs, "a quote records the paragraphs it came from"
        first = quote.paragraphs[0]
        assert 0 <= first < len(article.paragraphs)
        assert words(want.starts) in words(article.paragraphs[first])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_nothing_else_is_a_quote(case: Case) -> None:
    """The parser reports exactly the expected quotes: no scare quotes, titles or fragments."""
    article = parse_article(case.text, f"{case.name}.txt")
    got = [q.text for q in article.quotes]
    for text in case.not_quotes:
        key = words(text)
        assert not any(words(q) == key or words(q).startswith(key) for q in got), (
            f"{text!r} reported as a quote: {got}"
        )
    extra = [q for q in got if not any(words(q).startswith(words(w.starts)) for w in case.quotes)]
    assert not extra, f"unexpected quotes: {extra}"
    assert len(got) == len(case.quotes), f"want {len(case.quotes)} quotes, got {got}"
