"""Word lists the parser relies on: titles and ranks, speech verbs, given names, non-names."""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and ranks that come before a name, longest forms first where they overlap.
TITLES: Final = frozenset(
    [
        "HM Chief Inspector of Constabulary",
        "HM Inspector of Constabulary",
        "Her Majesty's Inspector of Constabulary",
        "His Majesty's Inspector of Constabulary",
        "Her Majesty’s Inspector of Constabulary",
        "His Majesty’s Inspector of Constabulary",
        "HM Inspector",
        "Chief Inspector of Constabulary",
        "Inspector of Constabulary",
        "Police and Crime Commissioner",
        "Police, Fire and Crime Commissioner",
        "Deputy Police and Crime Commissioner",
        "Chief Constable",
        "Deputy Chief Constable",
        "Assistant Chief Constable",
        "Temporary Chief Constable",
        "Acting Chief Constable",
        "Temporary Deputy Chief Constable",
        "Temporary Assistant Chief Constable",
        "Commissioner",
        "Deputy Commissioner",
        "Assistant Commissioner",
        "Deputy Assistant Commissioner",
        "Commander",
        "Detective Chief Superintendent",
        "Chief Superintendent",
        "Detective Superintendent",
        "Superintendent",
        "Chief Inspector",
        "Detective Chief Inspector",
        "Detective Inspector",
        "Inspector",
        "Detective Sergeant",
        "Sergeant",
        "Detective Constable",
        "Police Constable",
        "Constable",
        "Det Ch Supt",
        "Det Supt",
        "Ch Supt",
        "Chief Supt",
        "Supt",
        "Det Ch Insp",
        "Det Insp",
        "Ch Insp",
        "Insp",
        "Det Sgt",
        "Sgt",
        "Det Con",
        "DCS",
        "DSupt",
        "DCI",
        "DI",
        "DS",
        "DC",
        "PC",
        "WPC",
        "PCSO",
        "ACC",
        "DCC",
        "HMI",
        "HMCIC",
        "Dr",
        "Prof",
        "Professor",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Baroness",
        "Baron",
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Mx",
        "Cllr",
        "Councillor",
        "Alderman",
        "Alderwoman",
        "Judge",
        "Recorder",
        "Rev",
        "Reverend",
        "Rt Hon",
        "Home Secretary",
        "Policing Minister",
        "Minister",
        "Prime Minister",
        "Mayor",
        "Detective",
        "Prosecutor",
        "Prosecuting",
        "Defending",
        "Crown Prosecutor",
        "Sheriff",
        "Sheriff Principal",
        "Coroner",
        "Barrister",
        "Solicitor",
        "Director",
        "Director of Operations",
        "Deputy Director",
        "Regional Director",
        "Chief Executive",
        "Chair",
        "Chairman",
        "Chairwoman",
        "Deputy Mayor",
        "Ombudsman",
        "Police Ombudsman",
        "Lawyer",
        "Counsel",
    ]
)

# Capitalised words that are never part of a person's name.
NOT_NAME_WORDS: Final = _words(
    """
    police constabulary service services inspectorate her his majesty majesty's majesty’s hm office
    commission council standards professional department force forces crime crimes commissioner
    commissioners independent national home england wales scotland northern ireland britain
    british kingdom united government ministry court courts crown university college federation
    association union report reports inspection legitimacy peel code ethics unit team branch
    directorate agency trust nhs fire rescue conduct complaints prosecution panel board authority
    centre center group party labour conservative news monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october november
    december the a an in it this that these those but however although when following data
    inspectors inspector superintendent constable chief sergeant detective commander officer
    officers staff mr mrs ms miss dr sir dame lord lady he she they we i you our their its his
    hers after before during since while where what which who why how if as at by for from of on
    to with and or nor so yet also just only even still there here then now today yesterday
    tomorrow last next new old many most some any every each all both few more less other such
    no not one two three four five six seven eight nine ten first second third street road
    county city borough district metropolitan royal academy institute society network charity
    campaign foundation women's women’s victims victim justice secretary minister ministers
    parliament commons lords mp mps act bill law guidance policy plan plans review inquiry
    investigation investigations operation image images photo picture credit getty pa reuters
    read more share sign hide ad advertisement newsletter published updated editor reporter
    correspondent press release statement spokesman spokeswoman spokesperson general deputy
    assistant acting temporary interim senior junior principal director executive chair
    chairman chairwoman head leader lead manager sex sexual abuse misconduct gross vetting
    professor counter corruption anti unit’s force’s police’s chief’s summit conference
    operations prosecutor prosecuting defending sheriff coroner barrister solicitor lawyer
    counsel judge recorder magistrate ombudsman international alliance partnership helpline
    """
)

ROLE_NOUNS: Final = [
    "commissioner",
    "secretary",
    "minister",
    "director",
    "chief executive",
    "chair",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "leader",
    "lead",
    "officer",
    "lawyer",
    "solicitor",
    "barrister",
    "campaigner",
    "founder",
    "president",
    "inspector",
    "constable",
    "superintendent",
    "councillor",
    "MP",
    "manager",
    "coordinator",
    "adviser",
    "advisor",
    "researcher",
    "professor",
    "analyst",
    "editor",
    "reporter",
    "correspondent",
]

# Verbs that introduce or follow reported speech, in the forms news copy uses.
SPEECH_VERBS: Final = _words(
    """
    said says say saying added adds adding continued continues explained explains stated states
    told tells warned warns commented comments remarked noted notes acknowledged acknowledges
    admitted admits insisted insists claimed claims argued argues concluded concludes wrote writes
    revealed reveals found finds urged urges confirmed confirms announced announces reported
    reports recommended recommends stressed stresses emphasised emphasises emphasized highlighted
    highlights asked asks replied replies responded responds declared declares described describes
    called calls branded brands labelled labels suggested suggests believes believed
    accepted accepts denied denies conceded concedes agreed agrees maintained maintains
    apologised apologises posted wrote tweeted
    observed observes added: stated: concluded: recalled recalls vowed vows pledged pledges promised
    promises welcomed welcomes criticised criticises condemned condemns demanded demands
    stating explaining warning noting concluding writing arguing insisting claiming
    asking telling texted texting messaged messaging
    """
)

# Speech verbs of two words, written with one space ("She went on: …").
SPEECH_PHRASES: Final = ("went on", "goes on")

SPEAKER_NOUNS: Final = _words(
    """
    report reports watchdog inspectors inspector inspectorate inspection spokesman spokeswoman
    spokesperson spokespeople force police constabulary service statement document review study
    commission office council federation union charity campaigners campaigner officers officer
    chief constable commissioner government department ministry minister secretary findings
    survey panel board authority agency audit analysis letter paper guidance committee court
    judge jury tribunal hearing prosecutors prosecution lawyers lawyer solicitor barrister
    family families victims victim woman man source sources insiders insider organisation
    organisations group groups researchers data figures investigators investigation inquiry
    branch unit team department division directorate section representatives representative
    ombudsman coroner judge magistrate magistrates sheriff regulator chairman chairwoman chair
    girl girls boy boys woman women man men mother father daughter son wife husband sister
    brother complainant complainants survivor survivors prosecutor prosecutors defence
    barrister student students teenager teenagers pupil pupils neighbour neighbours friend
    friends colleague colleagues"""
)

PRONOUNS: Final = {"he": "m", "she": "f", "they": None, "it": None}

FEMALE_NAMES: Final = _words(
    """
    abigail ada agnes aisha alex alexandra alice alison amanda amber amelia amy andrea angela anita
    ann anna anne annie antonia barbara beatrice becky belinda beth bethan bethany beverley brenda
    bridget caitlin carol caroline carolyn cassie catherine cathy charlotte chloe christine claire
    clare deborah debbie denise diane donna dorothy elaine eleanor elizabeth ella ellen ellie emily
    emma erin esther eve fiona frances gemma georgia gillian gina grace hannah harriet hayley heather
    helen holly imogen irene isabel isabella isla jackie jacqueline jade jane janet janice jasmine
    jayne jean jennifer jenny jess jessica jill jo joan joanna joanne jodie josephine joy judith julia
    julie karen kate katherine kathryn katie kay kelly kerry kim kirsty laura lauren leanne lesley
    linda lindsey lisa liz lorna louise lucy lydia lynn lynne maggie mandy margaret maria marie
    marion martha mary maureen megan melanie michelle mollie molly monica nadia nancy naomi natalie
    natasha nicola nicole nina nora olivia paula pauline penny philippa priti rachel rebecca rhian
    cerys sian siân nia ffion angharad eleri rhian seren morag eilidh ishbel kirsty catriona
    niamh aoife orla roisin róisín ciara sinead sinéad grainne gráinne
    rita rose rosie ruth sabrina sally samantha sandra sara sarah sasha shabana sharon sheila shirley
    siobhan sonia sophie stella stephanie sue susan suzanne tanya teresa theresa tina tracey tracy
    valerie vanessa vera victoria wendy yasmin yvette yvonne zara zoe zoë cressida lynne-marie
    suella kemi helena
    """
)

MALE_NAMES: Final = _words(
    """
    aaron adam adrian aidan alan alastair albert alexander alfie alistair andrew andy angus anthony
    arthur barry ben benjamin bernard bill billy bob brian bruce callum calum cameron carl charles
    charlie chris christopher ciaran colin connor craig dale damian daniel danny darren dave david
    dean declan dennis derek dominic donald douglas duncan dylan ed eddie edward elliot eric euan
    ewan frank fraser fred freddie gareth gary gavin geoff geoffrey george gerald gordon graham
    grant greg gregory harry harvey henry hugh iain ian isaac jack jacob jake james jamie jason jeff
    jeremy jim jimmy joe joel john jon jonathan jordan joseph josh joshua julian justin keith kenneth
    kevin kieran kit lee leo leon lewis liam luke malcolm marcus mark martin matt matthew michael
    mick mike nathan neil nicholas nick nigel noel oliver owen patrick paul peter phil philip rob
    robert robin roger ronald ross roy russell ryan sam samuel scott sean shaun simon stephen steve
    steven stewart stuart terry thomas tim timothy toby tom tony trevor vincent wayne will william
    rhodri dafydd gwyn iwan emyr huw ieuan owain gethin hamish ruaridh eoin cian oisin padraig
    seamus darragh aled rhys gareth dewi
    rishi keir boris sadiq yvan mohammed muhammad ali omar tariq imran hassan rashid
    """
)
