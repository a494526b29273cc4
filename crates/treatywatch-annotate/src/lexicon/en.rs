//! English.

use super::{Lexicon, Rel, RuleTopic};
use crate::claims::{Qual, Trig};
use crate::lang::Language;

/// English numbers from one to one hundred and ninety-nine, in words.
macro_rules! numw {
    () => {
        r"(?:(?:one|a)\s+hundred(?:\s+and)?\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)|(?:one|a)\s+hundred"
    };
}

pub static LEX: Lexicon = Lexicon {
    language: Language::En,
    treaty_names: &[
        (
            "apmbc",
            &[
                // The names, as news writing uses them.
                r"Ottawa\s+(?:Mine\s+Ban\s+|Anti-?\s?Personnel\s+Mine\s+Ban\s+)?(?:Convention|Treaty|Accord|Agreement)(?:\s+on\s+the\s+Prohibition\s+of\s+Anti-?\s?Personnel\s+(?:Land)?\s?Mines)?",
                r"(?:Anti-?\s?Personnel\s+)?(?:Land\s?|Land-)?Mine\s+Ban\s+(?:Convention|Treaty)",
                r"Anti-?\s?Personnel\s+(?:Land\s?)?Mines?\s+(?:Ban\s+)?(?:Convention|Treaty)",
                r"Convention\s+on\s+the\s+Prohibition\s+of\s+(?:the\s+Use,\s+Stockpiling,\s+Production\s+and\s+Transfer\s+of\s+)?Anti-?\s?Personnel\s+(?:Land\s?)?Mines(?:\s+and\s+on\s+their\s+Destruction)?",
                // The treaty described, not named.
                r"(?:convention|treaty|accord|pact|agreement)\s+(?:that\s+)?(?:banning|bans|prohibiting|prohibits|outlawing|outlaws|forbidding|forbids|against)\s+(?:the\s+use\s+of\s+)?(?:anti-?\s?personnel\s+(?:land\s?)?mines|(?:land\s?|land-)mines)",
                r"(?:international\s+|global\s+)?(?:land\s?|land-)mines?\s+(?:ban\s+)?(?:treaty|convention)",
                r"anti-?\s?personnel\s+mine\s+(?:ban\s+)?(?:treaty|convention)",
                r"APMBC",
            ],
        ),
        (
            "ccm",
            &[
                r"Convention\s+on\s+Cluster\s+Munitions",
                r"Cluster\s+Munitions?\s+(?:Convention|Treaty)",
                r"(?:convention|treaty)\s+(?:banning|prohibiting|against)\s+cluster\s+(?:munitions|bombs)",
                r"CCM",
                r"Oslo\s+Convention",
            ],
        ),
    ],
    anaphors: &[
        r"the\s+(?:convention|treaty|accord|pact)",
        r"this\s+(?:convention|treaty|accord|pact|agreement)",
        r"the\s+(?:ban\s+)?(?:convention|treaty)",
    ],
    stock_words: r"\b(?:stock\w*|(?:anti-?\s?personnel\s+)?(?:land\s?)?mines|arsenal)\b",
    cluster_words: r"\b(?:cluster\s+(?:munitions?|bombs?)|submunitions?|bomblets?)\b",
    mine_words: r"\b(?:anti-?\s?personnel|land\s?mines?|land-mines?|mine\s+ban|minefields?|demining|mine\s+clearance)\b",
    other_treaties: &[
        r"NATO",
        r"North\s+Atlantic\s+Treaty",
        r"European\s+Union",
        r"Dublin\s+Convention",
        r"Chemical\s+Weapons\s+Convention",
        r"Biological\s+Weapons\s+Convention",
        r"Non-Proliferation\s+Treaty",
        r"NPT",
        r"Arms\s+Trade\s+Treaty",
        r"Rome\s+Statute",
        r"International\s+Criminal\s+Court",
        r"Convention\s+on\s+Certain\s+Conventional\s+Weapons",
        r"CCW",
        r"Amended\s+Protocol\s+II",
        r"Geneva\s+Conventions?",
        r"Schengen",
        r"eurozone",
        r"World\s+Trade\s+Organi[sz]ation",
        r"WTO",
        r"OECD",
        r"Council\s+of\s+Europe",
        r"INF\s+Treaty",
        r"New\s+START",
    ],
    // English names come from the dataset; these are the ones it does not hold.
    states: &[],
    state_ending: 0,
    groups: &[
        (
            r"(?:the\s+)?(?:three\s+)?Baltic\s+(?:states|countries|nations|republics|neighbours|neighbors)|the\s+Baltics",
            &["EST", "LVA", "LTU"],
        ),
        (r"North\s+and\s+South\s+Korea", &["PRK", "KOR"]),
        (r"South\s+and\s+North\s+Korea", &["KOR", "PRK"]),
    ],
    capitals: &[
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Vilnius", "LTU"),
        ("Riga", "LVA"),
        ("Tallinn", "EST"),
        ("Helsinki", "FIN"),
        ("Warsaw", "POL"),
        ("Moscow", "RUS"),
        ("Minsk", "BLR"),
        ("Washington", "USA"),
        ("Beijing", "CHN"),
    ],
    place_prepositions: r"(?:in|at|from|to|into|near|via|outside|across|around|visit(?:ed|ing)?)\s+$",
    named_bodies: &[
        // Heads of state and government, by name: bodies of their state.
        (
            r"(?:President\s+)?(?:Volodymyr\s+)?Zelensk(?:y|yy|iy)",
            "president",
            "UKR",
        ),
        (
            r"(?:President\s+)?(?:Gitanas\s+)?Nause?ė?da",
            "president",
            "LTU",
        ),
        (
            r"(?:President\s+)?(?:Edgars\s+)?Rink[eē]vi[cč]s",
            "president",
            "LVA",
        ),
        (r"(?:President\s+)?(?:Alar\s+)?Karis", "president", "EST"),
        (
            r"(?:President\s+)?(?:Alexander\s+)?Stubb",
            "president",
            "FIN",
        ),
        (
            r"(?:President\s+)?(?:Andrzej\s+)?Duda|(?:Karol\s+)?Nawrocki",
            "president",
            "POL",
        ),
        (r"(?:Petteri\s+)?Orpo", "prime minister", "FIN"),
        (r"(?:Donald\s+)?Tusk", "prime minister", "POL"),
        (r"(?:Vladimir\s+)?Putin", "president", "RUS"),
        (r"Verkhovna\s+Rada", "Verkhovna Rada", "UKR"),
        (r"Seimas", "Seimas", "LTU"),
        (r"Saeima", "Saeima", "LVA"),
        (r"Riigikogu", "Riigikogu", "EST"),
        (r"Eduskunta", "Eduskunta", "FIN"),
        (r"Sejm", "Sejm", "POL"),
        (r"Stortinget|Storting", "Storting", "NOR"),
        (r"Riksdag", "Riksdag", "SWE"),
        (r"Folketinget|Folketing", "Folketing", "DNK"),
        (r"Althing", "Althing", "ISL"),
        (r"Bundestag", "Bundestag", "DEU"),
        (r"Nationalrat", "Nationalrat", "AUT"),
        (r"State\s+Duma", "State Duma", "RUS"),
        (r"Knesset", "Knesset", "ISR"),
        (r"Majlis", "Majlis", "IRN"),
        (r"Oireachtas", "Oireachtas", "IRL"),
        (r"Dáil", "Dáil", "IRL"),
        (
            r"National\s+Security\s+and\s+Defen[cs]e\s+Council",
            "National Security and Defence Council",
            "UKR",
        ),
    ],
    generic_bodies: &[
        (
            r"[Pp]arliament|lawmakers|legislators|legislature|MPs|deputies",
            "parliament",
        ),
        (r"[Gg]overnment|[Aa]uthorities", "government"),
        (r"[Cc]abinet|Council\s+of\s+Ministers", "cabinet"),
        (
            r"(?:[Dd]efen[cs]e\s+|[Ff]oreign\s+[Aa]ffairs\s+|[Ff]oreign\s+)?[Cc]ommittee",
            "committee",
        ),
        (r"[Pp]resident", "president"),
        (r"[Pp]rime\s+[Mm]inister|[Pp]remier", "prime minister"),
        (
            r"(?:[Dd]efen[cs]e|[Ff]oreign)\s+[Mm]inist(?:ers?|ry|ries)",
            "minister",
        ),
    ],
    body_gaps_before: &[" ", "'s ", "\u{2019}s ", "' "],
    body_gaps_after: &[" of ", " of the "],
    months: [
        "January|Jan\\.?",
        "February|Feb\\.?",
        "March|Mar\\.?",
        "April|Apr\\.?",
        "May",
        "June|Jun\\.?",
        "July|Jul\\.?",
        "August|Aug\\.?",
        "September|Sept\\.?|Sep\\.?",
        "October|Oct\\.?",
        "November|Nov\\.?",
        "December|Dec\\.?",
    ],
    day_patterns: &[
        // "September 18, 1997", "Sept. 18th 1997", "June 29"
        r"(?P<m>{M})\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:\s*(?:and|-|\u{2013}|to)\s*(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>(?:19|20)\d\d))?",
        // "18 September 1997", "18th of September, 1997", "29 June"
        r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{M})(?:,?\s+(?P<y>(?:19|20)\d\d))?",
        // "3-4 December 1997": the first day
        r"(?P<d>3[01]|[12]\d|0?[1-9])\s*(?:[-\u{2013}]|and|to)\s*(?P<d2>3[01]|[12]\d|0?[1-9])\s+(?P<m>{M}),?\s+(?P<y>(?:19|20)\d\d)",
    ],
    month_patterns: &[r"(?:(?:early|mid|late)[-\s])?(?P<m>{M}),?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)"],
    bare_month: r"(?:in|since|by|until|last|this|early|mid|late|from|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[-\s]+(?:the\s+)?(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+(?P<y>(?:19|20)\d\d))?",
    duration: r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:-|\s)months?",
    since: r"\bsince",
    by: r"\b(?:by|before|no\s+later\s+than)(?:\s+the\s+end\s+of)?",
    relative: &[
        (r"today|this\s+morning|this\s+afternoon|tonight", Rel::Today),
        (r"yesterday", Rel::Yesterday),
        (r"tomorrow", Rel::Tomorrow),
        (r"this\s+week|earlier\s+this\s+week", Rel::ThisWeek),
        (r"last\s+week", Rel::LastWeek),
        (
            r"(?:earlier\s+|late\s+|early\s+)?this\s+month",
            Rel::ThisMonth,
        ),
        (
            r"(?:early\s+|late\s+|earlier\s+)?last\s+month",
            Rel::LastMonth,
        ),
        (
            r"(?:earlier\s+|late\s+|early\s+)?this\s+year",
            Rel::ThisYear,
        ),
        (
            r"(?:early\s+|late\s+|earlier\s+)?last\s+year",
            Rel::LastYear,
        ),
        (r"next\s+year", Rel::NextYear),
        (
            r"(?:in\s+)?the\s+same\s+year|that\s+same\s+year|later\s+that\s+year|that\s+year",
            Rel::SameYear,
        ),
        (
            r"the\s+(?:following|next)\s+year|a\s+year\s+later",
            Rel::FollowingYear,
        ),
        (
            r"(?P<n>\d{1,2}|{N}|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+years?\s+later",
            Rel::YearsLater,
        ),
        (
            r"(?P<n>\d{1,2}|{N}|eleven|twelve)\s+years?\s+earlier|the\s+previous\s+year|the\s+year\s+before\s+that",
            Rel::YearsEarlier,
        ),
        (
            r"(?P<n>\d{1,2}|{N}|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+years?\s+ago",
            Rel::YearsAgo,
        ),
    ],
    weekdays: [
        r"(?:on\s+|last\s+)Monday",
        r"(?:on\s+|last\s+)Tuesday",
        r"(?:on\s+|last\s+)Wednesday",
        r"(?:on\s+|last\s+)Thursday",
        r"(?:on\s+|last\s+)Friday",
        r"(?:on\s+|last\s+)Saturday",
        r"(?:on\s+|last\s+)Sunday",
    ],
    numbers: [
        "one|a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ],
    triggers: &[
        (
            Trig::Follow,
            r"\b(?:did|does|do)\s+(?:so|the\s+same|likewise)\b|\bcompleted\s+the\s+same\s+(?:procedure|step|process)\b|\btook\s+the\s+same\s+step\b|\bfollowed\s+(?:its|their|her|his)\s+(?:lead|example)\b",
        ),
        (
            Trig::NotSigned,
            r"\b(?:none|neither)\s+of\s+(?:which|whom|them|these|those)\s+(?:is|are|was|were)\s+(?:yet\s+)?(?:a\s+)?(?:states?\s+)?(?:part(?:y|ies)|members?)\b|\b(?:none|neither)\s+of\s+(?:which|whom|them|these|those)\s+(?:belongs?|belonged)\s+to\b|\b(?:(?:none|neither)\s+of\s+(?:which|whom|them|these|those)\s+(?:has|have|had)|(?:have|has|had|did|does|do)\s+(?:still\s+)?not|haven['’]t|hasn['’]t|hadn['’]t|didn['’]t|doesn['’]t|don['’]t|never|(?:has|have|had)\s+yet\s+to|refused\s+to|refuses\s+to|refusal\s+to|declined\s+to|declines\s+to|nor|neither)\s+(?:yet\s+|even\s+|formally\s+|officially\s+|ever\s+)?(?P<v>signed|sign|joined|join|ratified|ratify|acceded|accede|become\s+(?:a\s+)?part(?:y|ies))\b|\bnon-?signator(?:y|ies)\b|\bnon-?(?:part(?:y|ies)|members?)\b|\bnot\s+(?:a\s+|yet\s+a\s+|among\s+the\s+)?(?:state\s+)?(?:part(?:y|ies)|members?)\b|\b(?:not|never)\s+(?:been\s+|legally\s+)?bound\s+by\b|\bnever\s+been\s+(?:a\s+)?(?:state\s+)?(?:part(?:y|ies)|members?)\b|\b(?:remain|remains|remained|remaining|stay|stays|stayed|staying|are|is|was|were|kept|keeps|keep|keeping)\s+(?:still\s+|also\s+)?(?:out(?:side)?|away)\b(?:\s+(?:of\s+)?(?:the\s+)?(?:treaty|convention|ban|accord|it))?|\b(?:holdouts?|hold-outs?|absentees|outsiders)\b",
        ),
        (
            Trig::NotIncluded,
            r"\b(?:(?:do|does|did)\s+not|don['’]t|doesn['’]t|didn['’]t)\s+include\b",
        ),
        (
            Trig::WithdrawalNotified,
            r"\bnotif(?:ied|ies|y|ying)\b[^.;\n]{0,60}?\b(?:withdrawal|withdraw|withdrawing|denunciation|exit|decision\s+to\s+(?:leave|withdraw))\b|\b(?:lodged|lodges|filed|files|deposited|deposits|submitted|submits)\s+(?:its|their)\s+(?:withdrawals?|denunciations?|exits?)\b|\b(?:has|have|had)\s+(?:yet\s+|not\s+yet\s+|now\s+|formally\s+|officially\s+)*notified\s+the\s+(?:United\s+Nations|UN|U\.N\.|depositary|Secretary-General)\b|\b(?:formally\s+|officially\s+)?(?:told|informed|tells|informs)\s+the\s+(?:United\s+Nations|UN|U\.N\.|depositary|Secretary-General)\b[^.;\n]{0,40}?\b(?:leaving|withdrawing|withdraw|leave|exit|quit)\b|\b(?:deposited|deposits|deposit|depositing|submitted|submits|submit|presented|presents|present|handed|hands|hand|sent|sends|send|delivered|delivers|lodged|lodges|filed|files|transmitted)\s+(?:over\s+)?(?:its|their|the|an|a|formal|his|her)\s+(?:formal\s+|official\s+|written\s+)?(?:instruments?|notices?|notifications?|notes?|papers|documents?|letters?|declarations?)\s+(?:of|on)\s+(?:its\s+|their\s+)?(?:withdrawal|denunciation)\b|\b(?:deposited|deposits|submitted|submits|presented|presents|sent|delivered|handed\s+over|transmitted)\s+(?:its|their|the)\s+(?:withdrawal|denunciation)\s+(?:instruments?|notices?|notifications?|documents?|papers|letters?|declarations?)\b|\b(?:instruments?|notices?|notifications?|letters?|notes?)\s+of\s+(?:its\s+|their\s+)?(?:withdrawal|denunciation)\b|\b(?:withdrawal|denunciation)\s+(?:instruments?|notices?|notifications?|documents?|papers|letters?|declarations?)\b|\b(?:deposited|submitted|handed(?:\s+over)?|presented|sent|delivered|lodged|transmitted)\s+(?:its|their|an?|the)\s+(?:formal\s+|official\s+|written\s+)?(?:instruments?|notices?|notifications?|documents?)\s+(?:to|with)\s+(?:the\s+)?(?:UN\b|United\s+Nations|Secretary|depositary)|\b(?:instruments?|notices?|notifications?|documents?)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:formally\s+)?(?:deposited|submitted|received|handed\s+over|delivered)\s+(?:to|with|by)\s+(?:the\s+)?(?:UN\b|United\s+Nations|Secretary|depositary)",
        ),
        (
            Trig::WithdrawalEffect,
            r"\b(?:withdrawals?|exits?|departures?|denunciation|decision)\b[^.;\n]{0,80}?\b(?:takes|took|take|will\s+take|would\s+take|comes|came|will\s+come|(?:has|have|had)\s+(?:now\s+|officially\s+|formally\s+)?(?:taken|come\s+into)|(?:has|have|had)\s+not\s+(?:yet\s+)?(?:taken|come\s+into)|does\s+not\s+take|did\s+not\s+take|cannot\s+take|could\s+not\s+take|can\s+only\s+take)\s+(?:into\s+)?(?:full\s+|legal\s+)?(?:effect|force)\b|\b(?:withdrawals?|exits?|departures?)\b[^.;\n]{0,60}?\b(?:became|becomes|become|will\s+become|is|was|becoming)\s+(?:officially\s+|formally\s+|legally\s+)?effective\b|\b(?:has|have|had)\s+(?:now\s+|officially\s+|formally\s+)*(?:taken|come\s+into)\s+(?:legal\s+|full\s+)?effect\b|\b(?:takes|took|will\s+take)\s+(?:legal\s+|full\s+)?effect\b|\bofficially\s+(?:left|withdrew|exited|ceased\s+to\s+be)\b|\bno\s+longer\s+(?:a\s+(?:state\s+)?party|bound|a\s+member)\b|\b(?:ceased|ceases|cease|stopped|stop|stops)\s+(?:on\s+\w+\s+)?(?:to\s+be|being)\s+(?:bound\b|a\s+(?:state\s+)?party\b|(?:states\s+)?parties\b)|\b(?:gained|acquired)\s+legal\s+force\b",
        ),
        (
            Trig::Decree,
            r"\b(?:signed|signs|issued|issues|enacted)\s+(?:a|an|the)\s+(?:presidential\s+)?decree\b|\bdecree\b",
        ),
        (
            Trig::Law,
            r"\b(?:signed|signs|promulgated|proclaimed)\s+(?:a|an|the|this)\s+(?:[\w-]+\s+){0,3}?(?:law|bill|act|legislation)\b|\b(?:signed|signs)\s+(?:it\s+)?into\s+law\b",
        ),
        (
            Trig::Deposited,
            r"\bdeposit(?:ed|s|ing)?\s+(?:its|their|the|an|a|our|my)\s+(?:\w+\s+)?instruments?\s+of\s+(?:ratification|accession|acceptance|approval)\b|\binstruments?\s+of\s+(?:ratification|accession|acceptance|approval)\s+(?:\w+\s+){0,3}?(?:was|were|had\s+been|has\s+been)\s+deposited\b|\bdeposited\s+by\b|\bdeposit(?:ed|s)\s+its\s+instrument\b|\bdeposit(?:ed|s)?\s+(?:theirs|its\s+own|the\s+instruments?)\b",
        ),
        (
            Trig::Opened,
            r"\bopen(?:ed|s)?\s+for\s+signatures?\b|\bsigning\s+(?:ceremony|conference)\b",
        ),
        (
            Trig::Rank,
            r"\bthe\s+(?P<ord>\d{1,3})(?:st|nd|rd|th)\s+(?:(?:country|state|nation|government)\s+(?:worldwide\s+|in\s+the\s+world\s+)?to\b|(?:State\s+Party|state\s+party|States\s+Parties|party|member\s+state)\b)|\b(?:the\s+)?(?:first|last|latest|final|only)\s+(?:EU\s+|NATO\s+|European\s+|Nordic\s+|Baltic\s+|Western\s+)?(?:member(?:\s+states?)?|country|countries|state|states|nation|government)\b(?:\s+(?:ever|of\s+the\s+(?:EU|European\s+Union|bloc|alliance)|in\s+the\s+(?:EU|European\s+Union|world|bloc|alliance)))?\s+to\b",
        ),
        // "announced similar moves": an intention to leave, when the text before is
        // about leaving (see `similar`).
        (
            Trig::Intent,
            r"\b(?:announced|announcing|announce|made|unveiled|declared|taken|took|have|has|had)\s+(?:similar|the\s+same|like)\s+(?:moves?|plans?|intentions?|steps?|decisions?)\b|\bsimilar\s+(?:moves?|plans?|steps?)\b",
        ),
        (
            Trig::Intent,
            r"\b(?:plans?|planned|planning|intends?|intended|intending|intention|intent|decided|decides|decisions?|announced|announces|announce|announcement|announced\s+(?:its|their)\s+(?:own\s+)?decision|wants?|wanted|seeks?|sought|seeking|moving|moves|move|prepares?|prepared|preparing|preparations?|ready|began|begun|started|starts|initiated|initiating|process|proposed|proposes|proposal|recommended|recommends|recommendation|considering|considers|mulling|weighing|pledged|vowed|bid|push(?:ed|ing)?|set\s+out\s+to|set\s+to|expected\s+to|is\s+to|are\s+to|going\s+to)\b[^.;\n]{0,40}?\b(?:withdraw|withdrawing|withdrawal|leave|leaving|exit|exiting|quit|quitting|pull\s+out|pulling\s+out|abandon|abandoning|denounce|denouncing|denunciation|renounce|renouncing)\b|\b(?:will|would|could|(?-i:may|might)|shall)\s+(?:\w+\s+){0,2}?(?:withdraw|pull\s+out|denounce|renounce|(?:leave|quit|exit|abandon)\s+(?:it\b|(?:the\s+|this\s+)(?:[\w-]+\s+){0,3}?(?:treaty|convention|accord|pact|ban|agreement)))|\bturn(?:ed|s|ing)?\s+(?:its|their)\s+backs?\s+on\b|\b(?:is|are|was|were)\s+(?:now\s+)?(?:withdrawing|leaving|exiting|pulling\s+out|quitting)\b",
        ),
        (
            Trig::Count,
            concat!(
                r"\b(?:(?P<q>more\s+than|over|at\s+least|nearly|almost|about|around|some|roughly|approximately|close\s+to|fewer\s+than|less\s+than|under|just\s+over|just\s+under|only|all|another)\s+)?(?P<n>\d{1,3}|",
                numw!(),
                r")(?P<plus>\+|-plus)?\s+(?:other\s+|more\s+|member\s+|UN\s+member\s+|European\s+|EU\s+)?(?P<what>countries|states\s+parties|state\s+parties|states|nations|governments|signatories|parties|signatory\s+states|member\s+states)\b|\b(?:(?P<qv>more\s+than|over|at\s+least|nearly|almost|about|around|some|roughly|approximately|close\s+to|fewer\s+than|less\s+than|under|just\s+over|just\s+under)\s+)?(?P<n2>\d{1,3}|",
                numw!(),
                r")\s+(?:have|had|has)\s+(?:now\s+|already\s+)?(?P<verb>ratified|signed|joined|acceded)\b"
            ),
        ),
        (
            Trig::Stockpile,
            r"\b(?:had|has|have|held|holds|hold|holding|kept|keeps|keeping|possessed|possesses|stockpiled|stockpiles|owned|owns|stores|stored|retained|retains|retaining)\s+(?:an?\s+estimated\s+|a\s+stockpile\s+of\s+|a\s+stock\s+of\s+|stocks\s+of\s+)?(?:(?P<q>over|more\s+than|about|around|nearly|almost|some|roughly|approximately|fewer\s+than|less\s+than|under|up\s+to)\s+)?(?P<n>a|one|\d[\d,.]*)\s*(?P<mult>million|thousand|m\b)?(?:\s+(?:anti-?\s?personnel\s+|antipersonnel\s+|AP\s+|PFM(?:-type)?\s+|stockpiled\s+)?(?:land\s?)?mines\b|\s+for\s+training)|\b(?:stockpiles?|stocks?|arsenal)\s+(?:of|at)\s+(?:(?P<q2>over|more\s+than|about|around|nearly|almost|some|roughly|approximately)\s+)?(?P<n2>a|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*)\s*(?P<mult2>million|thousand)?(?:\s+(?:anti-?\s?personnel\s+|antipersonnel\s+)?(?:land\s?)?mines)?\b|\b(?:once\s+)?stood\s+at\s+(?:(?P<q3>over|more\s+than|about|around|nearly|almost|some)\s+)?(?P<n3>a|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*)\s*(?P<mult3>million|thousand)?(?:\s+(?:land\s?)?mines)?\b|\bdestroyed\s+(?:(?P<q4>over|more\s+than|about|around|nearly|almost|some)\s+)?(?P<n4>a|one|\d[\d,.]*)\s*(?P<mult4>million|thousand)?(?:\s+(?:anti-?\s?personnel\s+)?(?:land\s?)?mines)?\b",
        ),
        (
            Trig::Destroyed,
            r"\b(?:destroyed|destroys|destroying|destroy|(?:completes?|completed|completing)\s+(?:the\s+)?(?:destruction|destroying|clearance|clearing)|(?:finished|finishes|finish)\s+(?:destroying|the\s+destruction|clearing|clearance)|eliminated|scrapped)\b|\bclearance\s+(?:was|has\s+been|had\s+been|is)\s+(?:officially\s+|formally\s+)?(?:completed|finished)\b|\b(?:asked|asking|asks|applied|requested|requesting|won|wins|granted|grants|gave|given|give|gives|got|gets|received|sought|seeking|needs|needed)\s+(?:\w+\s+){0,3}?(?:more|extra|additional|further)\s+(?:time|years)\b|\b(?:granted|gave|given|give|gives|giving)\s+(?:[\w-]+\s+){1,2}?until\b|\b(?:cleared|clearing)\s+(?:all\s+)?(?:its\s+|known\s+)?(?:mined\s+areas|minefields|mines)\b|\b(?:declared|became|was\s+declared)\s+(?:itself\s+)?(?:mine|landmine)-free\b|\b(?:is|was|be|became|now|itself)\s+(?:now\s+)?free\s+(?:of|from)\s+(?:the\s+threat\s+of\s+)?(?:all\s+)?(?:known\s+)?(?:anti-?\s?personnel\s+)?(?:land\s?)?mines\b|\b(?:missed|failed\s+to\s+meet|overdue)\b[^.;\n]{0,40}?\bdeadlines?\b|\b(?:granted|requested|received|given|sought|won|asked\s+for|applied\s+for)\s+(?:it\s+)?(?:an?\s+|another\s+|a\s+further\s+)?(?:\w+[-\s]year\s+)?extension\b|\b(?:deadlines?)\s+(?:now\s+|originally\s+|eventually\s+|then\s+)?(?:of|is|was|were|runs?|ran|expires?|expired|falls?|fell|(?:has\s+been\s+|had\s+been\s+|was\s+|is\s+)?(?:extended|set|moved|pushed\s+back)\s+(?:\w+\s+){0,3}?(?:to|until|for))\b|\b(?:has|have|had|was\s+given|were\s+given|got|gets)\s+until\b|\bmust\s+(?:finish|complete)\s+(?:clearing|destroying|clearance|destruction|its\s+\w+|their\s+\w+|the\s+\w+)\b|\bextended\s+(?:in\s+\d{4}\s+)?(?:to|until)\b|\b(?:submit|hand\s+in|file|deliver|present)\w*\s+(?:its|their|a|an|the)\s+(?:first|initial)\s+(?:transparency\s+|Article\s+7\s+)?report\b",
        ),
        (
            Trig::Arsenal,
            r"\b(?:arsenals?|(?:largest|biggest)\s+(?:stockpiles?|stocks?)|(?:second|third|fourth|fifth|sixth)[-\s]largest)\b",
        ),
        (
            Trig::Use,
            r"\b(?:used|uses|using|use|laid|lay|laying|lays|planted|planting|plants|deployed|scattered|employed)\s+(?:of\s+)?(?:these\s+weapons|the\s+weapons|such\s+weapons|(?:rocket-delivered\s+)?(?:anti-?\s?personnel\s+|antipersonnel\s+|AP\s+)?(?:land\s?)?mines)\b|\b(?:mine|landmine)\s+use\b|\b(?:continued|new|massive|extensive|widespread|repeated|ongoing)\s+use\b",
        ),
        (
            Trig::Ratified,
            r"\b(?:ratified|ratifies|ratifying|ratification|ratify)\b",
        ),
        (
            Trig::Joined,
            r"\b(?:joined|joins|join|joining|acceded|accedes|acceding|accession|adhered|(?:became|become|becomes|becoming)\s+(?:a\s+|the\s+(?:\w+\s+){0,2})?(?:state\s+)?part(?:y|ies)|(?:has|have|had)\s+been\s+(?:a\s+)?(?:full\s+)?(?:state\s+)?part(?:y|ies)|(?:is|are|was|were|remains?|remained)\s+(?:still\s+|also\s+|both\s+|all\s+)?(?:a\s+|among\s+the\s+)?(?:states?\s+)?part(?:y|ies)|a\s+(?:state\s+)?party\s+(?:to\s+(?:the\s+)?(?:treaty|convention|ban|it)\s+)?since|(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:still\s+|also\s+|now\s+|legally\s+|fully\s+|formally\s+|already\s+)?bound\s+by|(?:were|was|is|are)\s+(?:all\s+)?in\s+the\s+(?:treaty|convention)|sign(?:s|ed|ing)?\s+(?:up\s+to|on\s+to)|(?:stay|stays|stayed|staying)\s+in\s+the\s+(?:treaty|convention)|remains?\s+(?:formally\s+|legally\s+|still\s+)?bound\s+by|belonged\s+to|belongs\s+to|remains?\s+a\s+party)\b|\b(?:is|are|was|were)\s+(?:a\s+)?members?(?:\s*[.;]|\s+of\s+(?:the\s+)?(?:treaty|convention|ban|accord|pact)\b)",
        ),
        (
            Trig::Withdrew,
            r"\b(?:left|leave|leaves|quit|quits|exited|exit|exits)\s+(?:on|in)\s+(?:\d{1,2}\s|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s|January|February|March|April|May\s|June|July|August|September|October|November|December|(?:19|20)\d\d)|\b(?:withdrew|withdrawn|pulled\s+out|(?:left|leave|leaves|quit|quits|exited|exits|abandoned|abandons|ditched|ditches|renounced)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:convention|treaty|agreement|accord|pact|ban)|denounced\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:convention|treaty))\b|\b(?:formally|officially)\s+(?:left|exited|quit|leave|leaves|exit|exits)\b|\bleft\s+it(?:\s*[.;,]|\s+(?:on|in)\s+(?:\d|January|February|March|April|May|June|July|August|September|October|November|December)|\s+(?:last|this|formally|officially|after|when|earlier|later)\b)",
        ),
        (
            Trig::Nominal,
            r"\b(?:withdrawals?|exits?|departures?|pull-?outs?)\b",
        ),
        (
            Trig::Suspended,
            r"\b(?:suspended|suspends|suspending|suspend|(?:declared|announced|notified)\s+(?:a|its|the)\s+suspension|suspension\s+of)\b",
        ),
        (
            Trig::InForce,
            r"\b(?:came|comes|come|entered|enters|enter|went|goes|coming|entering)\s+into\s+(?:force|effect)\b|\bin\s+force\s+since\b|\bentry\s+into\s+force\b|\btook\s+effect\s+in\b|\b(?:treaty|convention|ban)\s+(?:takes|took|will\s+take|(?:has|had)\s+taken)\s+effect\b|\b(?:be|is|are|was|were|been)\s+bound\s+(?:by\s+(?:it|the\s+\w+)\s+)?(?:from|since|as\s+of)\b|\bbecomes?\s+binding\b|\bbecame\s+binding\b|\bwill\s+become\s+binding\b",
        ),
        (
            Trig::Decision,
            r"\b(?:decided|decides|approved|approves|approve|endorsed|endorses|backed|backs|recommended|recommends|adopted\s+a\s+(?:decision|resolution)|gave\s+(?:its\s+)?(?:approval|green\s+light|backing|consent)|completed\s+(?:its\s+|their\s+)?(?:parliamentary\s+)?(?:procedures?|process)|introduced|submitted\s+(?:a|the|its)\s+(?:draft\s+)?(?:bill|law)|sent\s+(?:a|the|its)\s+(?:draft\s+)?(?:bill|law))\b|\bfollowed(?:\s+(?:suit|on|in|shortly|soon|later|weeks|days|months)\b|\s*[,.;])|\b(?:joint\s+)?(?:recommendation|proposal)\s+(?:by|of|from)\b",
        ),
        // A tally with no body named: the parliament named before.
        (
            Trig::Tally,
            concat!(
                r"\b(?:\d{1,3}|",
                numw!(),
                r")\s+(?:members|MPs|deputies|lawmakers|legislators|parliamentarians|senators)?\s*(?:of\s+(?:the\s+)?\w+\s+)?voted\s+(?:for|in\s+favou?r|against|to)\b|\bwith\s+\d{1,3}\s+votes?\s+(?:in\s+favou?r|for)\b"
            ),
        ),
        (
            Trig::VoteOrAdopt,
            r"\b(?:voted|votes|vote|passed|passes|adopted|adopts|by\s+a\s+vote\s+of)\b",
        ),
        (Trig::Signed, r"\b(?:signed|signs|signatory)\b"),
        (
            Trig::Production,
            r"\b(?:production|produce|produces|producing|produced|manufacture|manufactures|manufacturing|manufactured|make|makes|making)\b",
        ),
    ],
    offset: r"^[\s,]*(?:just\s+|only\s+|some\s+)?(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:(?P<before>before|ahead\s+of|prior\s+to)|after)\b",
    count_part: r"\b(?:delegations?|delegates|representatives?|officials|observers|diplomats|ministers|envoys|experts|participants|people|soldiers|troops|deminers|survivors|victims|casualties|NGOs|organi[sz]ations)\s+(?:\w+\s+){0,2}?(?:from|of|in)\s+(?:the\s+)?$|\b(?:first|last|initial|earliest)\s+$|\b(?:after|once|until|as\s+soon\s+as|if|unless)\s+(?:at\s+least\s+)?$|\b(?:article|art\.)\s*$",
    count_further: r"\b(?:further|another|other|additional|more)\s+$",
    home: None,
    recent: r"\b(?:new|fresh|recent(?:ly)?|latest|renewed|continu\w+|ongoing|still|currently)\b",
    not_treaty_objects: r"^(?:\s+(?:a|an|the|its|their|into|off|on|up|it|this)){0,2}\s+(?:decree|law|bill|order|act|instrument|memorandum|contract|contracts|deal|letter|statement|declaration|petition|resolution|agreement\s+with|accord\s+with|legislation|document\s+on\s+withdrawal|(?:amended\s+)?protocols?)\b",
    negation: r"\b(?:not|never|no\s+longer|n['’]t|neither|nor|refused\s+to|refuses\s+to|declined\s+to|(?:has|have|had)\s+yet\s+to|failed\s+to|without)\s+(?:\w+\s+){0,2}$",
    future: r"(?:\b(?:will|would|shall|(?-i:may|might)|['’]ll|is\s+to|are\s+to|(?:is|are|was|were)\s+(?:set|due|expected|going|scheduled|poised|likely|about)\s+to|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|hopes?\s+to|wants?\s+to|seeks?\s+to|pledged\s+to|promised\s+to|vowed\s+to|agreed\s+to|could|(?:still\s+)?(?:waiting|waits|wait)\s+for|awaiting|awaits|(?:started|starts|start|began|begun|begins|begin|initiated|launched)(?:\s+(?:work\s+on|preparing|preparations\s+for))?|(?:deadline|timetable|date|timeline|road\s?map)\s+for)\s+(?:\w+\s+){0,2}|\bto\s+(?:formally\s+|officially\s+)?|\b(?:eventual|eventually|possible|planned|proposed|prospective|potential)\s+)$",
    conditional: r"^\W*(?:if|unless|should|once|in\s+case|provided|whether|even\s+if)\b",
    appeal: r"\b(?:urged?|urging|called\s+on|calls\s+on|calling\s+on|asked|asks|demand(?:ed|s)?|appeal(?:ed|s)?\s+to|pressed|pressing|encouraged?|invited?|invites)\b[^.;\n]{0,60}\bto\s+(?:\w+\s+){0,2}$",
    generic_subject: r"\b(?:a|any|each|every|the\s+withdrawing|the\s+acceding|no)\s+(?:state|country|nation|signatory|party|state\s+party|member)\b|\b(?:states|countries|nations|states\s+parties|parties|signatories|members)\s+(?:must|may|can|are\s+(?:required|obliged|bound|allowed|permitted)|have\s+to|shall|undertake|commit|agree)\b",
    rule_cue: r"\b(?:under\s+(?:the\s+)?(?:treaty|convention|accord|its\s+(?:rules|terms|provisions)|(?:the\s+)?(?:treaty|convention)['’]s\s+(?:rules|terms|provisions)|article|art\.)|according\s+to\s+(?:the\s+)?(?:treaty|convention|article)|article\s+\d+|art\.\s*\d+|the\s+(?:treaty|convention)\s+(?:requires|obliges|obligates|bans|prohibits|forbids|allows|permits|provides|stipulates|says|states|commits)|(?:treaty|convention)['’]s\s+(?:rules|terms|provisions|article)|(?:must|shall)\s+(?:destroy|clear|submit|report|notify|give)|six\s+months\s+after|after\s+six\s+months)\b",
    pronoun: r"\b(?:its(?:\s+own)?(?:\s+formal|\s+official)?|it|the\s+country|the\s+state|the\s+nation|the\s+republic|the\s+(?:Nordic|Baltic|Scandinavian|European|Eastern\s+European|Central\s+European|Balkan|Asian|African|Pacific|island)\s+(?:country|state|nation|republic|kingdom)|its\s+government|its\s+parliament)\s+(?:has\s+|had\s+|have\s+|also\s+|then\s+|later\s+|formally\s+|officially\s+|now\s+|finally\s+|eventually\s+|subsequently\s+|only\s+){0,3}$",
    plural_pronoun: r"\b(?P<neg>neither|none)\s+(?:country|state|nation|of\s+them|of\s+the\s+(?:two|three|four|five|six|countries|states))|\b(?:they|both(?:\s+(?:countries|states|nations))?|the\s+(?:two|three|four|five|six|seven)\s+(?:countries|states|nations|governments)|all\s+(?:two|three|four|five|six|seven)(?:\s+(?:countries|states|nations))?|these\s+(?:countries|states)|the\s+(?:countries|states)|none\s+of\s+them|their(?:\s+own)?(?:\s+formal|\s+official)?)\s+(?:have\s+|has\s+|had\s+|also\s+|then\s+|formally\s+|officially\s+|now\s+|all\s+|both\s+|yet\s+|already\s+|jointly\s+|together\s+){0,3}$",
    qualifiers: &[
        (r"more\s+than|over|just\s+over|\+|-plus", Qual::MoreThan),
        (r"at\s+least", Qual::AtLeast),
        (r"nearly|almost|close\s+to|just\s+under", Qual::Nearly),
        (r"fewer\s+than|less\s+than|under", Qual::FewerThan),
        (
            r"about|around|some|roughly|approximately|an\s+estimated|up\s+to",
            Qual::About,
        ),
        (r"only|all", Qual::Exact),
    ],
    count_join_context: r"\b(?:joined|joining|join|ratified|ratifying|acceded|members?|part(?:y|ies)|bound|signed\s+and\s+ratified|adhered|signed\s+up|backed|belong|are\s+in|have\s+ratified|have\s+joined)\b",
    count_sign_context: r"\b(?:signed|signatories|signing|signatures)\b",
    count_withdraw_context: r"\b(?:withdr\w*|left|leaving|leave|exit\w*|quit\w*|pull\w*\s+out|abandon\w*)\b",
    aim_withdraw: r"\b(?:withdraw\w*|leav(?:e|ing)|exit\w*|denounc\w*|denunciation|quit\w*|pull\w*\s+out|abandon\w*)\b",
    aim_suspend: r"\bsuspen\w*",
    // "join", not "joint".
    aim_join: r"\b(?:ratif\w*|accession|accede\w*|join(?:s|ed|ing)?)\b",
    places: &[
        (r"Oslo", "oslo"),
        (r"Ottawa", "ottawa"),
        (r"Dublin", "dublin"),
        (
            r"New\s+York|UN\s+headquarters|United\s+Nations\s+headquarters",
            "new_york",
        ),
    ],
    list_joins: &[
        "and",
        "or",
        "nor",
        "&",
        "as well as",
        "along with",
        "together with",
        "plus",
    ],
    relative_clause: r",\s*(?:which|who|whose|that|where)\b",
    // "yet" only after a comma: "none has yet handed" is no contrast.
    contrast: r"(?:,\s*|\s+)(?:but|while|whereas|although|though)\b|,\s*yet\b|;|\s[\u{2014}\u{2013}]\s",
    exception: r"(?:(?:,\s*|\s+)(?:but\s+not|except(?:\s+for)?|excluding|apart\s+from|other\s+than|with\s+the\s+exception\s+of|save\s+for|not\s+including|unlike)|^\W*unlike|,\s*(?:and\s+|or\s+)?(?:[a-z]+ly,\s*)?(?:not|nor)\s+by)\b",
    // With the elided verb of the clause before: "..., and neither has Ukraine",
    // "..., as have Latvia and Estonia", "..., and so did Finland".
    inclusion: r"(?:,\s*|\s+)(?:including|among\s+them|such\s+as|notably|among\s+which|in\s+particular|(?:and\s+)?(?:neither|nor)\s+(?:have|has|had|did|does|do)|as\s+(?:have|has|had|did|do|does)|(?:and\s+)?so\s+(?:have|has|had|did|do|does))\b",
    first_word: r"\bfirst\b",
    last_word: r"\b(?:last|latest|final)\b",
    rank_groups: &[
        (r"\b(?:EU|European\s+Union|European|bloc)\b", "eu"),
        (r"\b(?:NATO|alliance)\b", "nato"),
        (r"\b(?:Nordic|Scandinavian)\b", "nordic"),
        (r"\bBaltic\b", "baltic"),
        (
            r"\b(?:ever|in\s+the\s+world|country|state|nation)\b",
            "world",
        ),
    ],
    rules: &[
        (
            RuleTopic::ArmedConflict,
            r"\barmed\s+conflict\b|\b(?:engaged|involved)\s+in\s+(?:an?\s+)?(?:armed\s+)?(?:conflict|war)\b|\b(?:during|in\s+(?:a|the)\s+time\s+of)\s+(?:an?\s+)?(?:armed\s+conflict|war)\b",
        ),
        (
            RuleTopic::Prohibitions,
            r"\b(?:bans?|banned|banning|prohibits?|prohibited|prohibiting|outlaws?|outlawed|forbids?|forbade|forbidden)\s+(?:the\s+)?(?:use|stockpiling|production|transfer|development|acquisition|all)\b|\b(?:never\s+to\s+use|not\s+to\s+use|commit(?:ted|s)?\s+never\s+to|undertake\s+never)\b|\bnever,?\s+under\s+any\s+circumstances\b|\b(?:comprehensively|totally|completely|outright)\s+(?:bans?|prohibits?|outlaws?)\b|\b(?:bans?|prohibits?|forbids?|bars?)\s+(?:its\s+|their\s+|all\s+)?(?:members|states\s+parties|parties|states|signatories|countries|governments)\s+(?:from\s+|to\s+)?(?:using|use|stockpiling|stockpile|producing|produce|transferring|transfer|developing|develop)\b|\b(?:may|must|can|shall|will|could)\s+never\s+(?:again\s+)?(?:use|stockpile|produce|develop|transfer)\b|\bban\s+on\s+(?:the\s+)?(?:use|production|stockpiling|transfer)\b",
        ),
        (
            RuleTopic::StockpileDeadline,
            r"\bdestroy\w*\s+(?:all\s+)?(?:their|its|stockpiled|existing|the)?\s*(?:stockpiles?|stocks?|stockpiled\s+mines)\b[^.;\n]{0,60}?\b(?:within|no\s+later\s+than|in)\s+(?P<n>\d+|four|{N})\s+years\b",
        ),
        (
            RuleTopic::ClearanceDeadline,
            r"\b(?:clear|destroy|remove)\w*\s+(?:all\s+|the\s+|its\s+|their\s+)?(?:anti-?\s?personnel\s+)?(?:mines\s+in\s+)?(?:mined\s+areas|mined\s+land|minefields|mines\s+in\s+mined\s+areas|contaminated\s+(?:land|areas))\b[^.;\n]{0,60}?\b(?:within|no\s+later\s+than|in)\s+(?P<n>\d+|ten|{N})\s+years\b",
        ),
        // "ten years to clear mined land", "four years to destroy their stocks".
        (
            RuleTopic::ClearanceDeadline,
            r"\b(?:has|have|had|get|gets|got|given|gives|give|allows?|allowed|allowing|grants?|granted)\s+(?:[\w-]+\s+){0,4}?(?P<n>\d+|ten|{N})[-\s]years?\s+(?:period\s+)?(?:to|for)\s+(?:clear|rid|remove|demine|the\s+clearance)\w*\b",
        ),
        (
            RuleTopic::StockpileDeadline,
            r"\b(?:has|have|had|get|gets|got|given|gives|give|allows?|allowed|allowing|grants?|granted)\s+(?:[\w-]+\s+){0,4}?(?P<n>\d+|four|{N})[-\s]years?\s+(?:period\s+)?(?:to|for)\s+(?:destroy|the\s+destruction)\w*\b",
        ),
        // "its stockpile must be destroyed within four years", "must destroy its
        // remaining stockpile within four years of the treaty taking effect".
        (
            RuleTopic::StockpileDeadline,
            r"\b(?:stockpiles?|stocks?|stockpiled\s+mines)\s+(?:must|will|would|shall|has\s+to|have\s+to|is\s+to|are\s+to)\s+be\s+destroyed\s+(?:within|no\s+later\s+than|in)\s+(?P<n>\d+|four|{N})\s+years\b|\bdestroy\w*\s+(?:all\s+)?(?:of\s+)?(?:their|its|the)\s+(?:\w+\s+){1,2}?(?:stockpiles?|stocks?)\b[^.;\n]{0,60}?\b(?:within|no\s+later\s+than)\s+(?P<n2>\d+|four|{N})\s+years\b",
        ),
        // "will have four years to destroy its stocks and ten years, until 2028, to
        // clear": a period with its verb, after a verb of having or giving.
        (
            RuleTopic::ClearanceDeadline,
            r"\b(?:has|have|had|get|gets|got|given|gives|give|allows?|allowed|grants?|granted)\b[^.;\n]{0,80}?\b(?P<from>and\s+(?P<n>\d+|ten|{N})\s+years,?(?:\s+until\s+[^,.;\n]{3,25},)?\s+to\s+(?:clear|rid|remove|demine)\w*)\b",
        ),
        (
            RuleTopic::StockpileDeadline,
            r"\b(?:has|have|had|get|gets|got|given|gives|give|allows?|allowed|grants?|granted)\s+(?:[\w-]+\s+){0,3}?(?P<n>\d+|four|{N})\s+years,\s+until\s+[^,.;\n]{3,25},\s+to\s+destroy\w*\b",
        ),
        // "its first transparency report is due within 180 days".
        (
            RuleTopic::InitialReport,
            r"\b(?:initial|first)\s+(?:transparency\s+|Article\s+7\s+)?report\b[^.;\n]{0,80}?\b(?:within|no\s+later\s+than|in)\s+(?P<n>\d+|{N})\s+days\b|\b(?:within|no\s+later\s+than)\s+(?P<n2>\d+)\s+days\b[^.;\n]{0,80}?\b(?:initial|first)\s+(?:transparency\s+)?report\b",
        ),
        (
            RuleTopic::Reports,
            r"\b(?:transparency\s+reports?|annual\s+reports?|report\s+annually|Article\s+7\s+reports?)\b|\b(?:must|shall|required\s+to)\s+report\b|\breport\w*\s+(?:\w+\s+){0,4}(?:each|every)\s+year\b",
        ),
        (
            RuleTopic::Retention,
            r"\bretain\w*\s+(?:a\s+(?:minimum|small|limited)\s+number|mines\s+for\s+(?:training|research))\b|\bfor\s+training\s+(?:purposes|in\s+(?:mine\s+)?detection)\b",
        ),
        (RuleTopic::Reservations, r"\breservations?\b"),
        (
            RuleTopic::Depositary,
            r"\bdepositary\s+(?:is|was)\b|\b(?:is|as)\s+(?:the\s+)?depositary\b",
        ),
        (
            RuleTopic::NoSuspension,
            r"\bno\s+(?:clause|provision|mechanism|procedure)\s+(?:\w+\s+){0,4}?suspen\w*|\b(?:no|not\s+(?:contain|have|include|provide\s+for)\s+(?:a|any))\s+(?:suspension\s+clause|clause\s+(?:on|for|allowing)\s+suspen\w*|provisions?\s+(?:on|for|allowing|permitting)\s+suspen\w*)\b|\bnothing\s+in\s+the\s+(?:treaty|convention)\s+(?:provides\s+for|allows|permits)\s+suspen\w*|\bsuspen\w*[^.;]{0,80}\b(?:treaty|convention)\s+(?:itself\s+)?does\s+not\s+provide\s+for\b|\bdoes\s+not\s+(?:allow|permit|provide\s+for)\s+(?:a\s+|any\s+)?suspen\w*",
        ),
        (
            RuleTopic::EntryIntoForce,
            r"\b(?:40|forty|40th|fortieth)\s+(?:instrument|ratification|state)s?\b|\bfirst\s+day\s+of\s+the\s+sixth\s+month\b|\b(?:needed|needs|requires?|required)\s+(?P<n>\d+|thirty|forty|fifty)\s+(?:ratifications|instruments)\b",
        ),
        (
            RuleTopic::Retraction,
            r"\b(?:retract|withdraw|revoke|rescind)\w*\s+(?:it|the\s+notice|its\s+notice|the\s+instrument|its\s+instrument)\s+(?:at\s+any\s+time\s+)?before\b",
        ),
        (
            RuleTopic::Withdrawal,
            r"\b(?:allows?|lets?|permits?|entitles?)\s+(?:a|any|each|every)\s+(?:State\s+Party|state|party|member)\s+(?:to\s+)?(?:withdraw|leave|quit|exit)\b|\bgiv(?:e|es|ing)\s+notice\s+(?:of\s+(?:its\s+)?withdrawal\s+)?to\s+all\s+other\s+States\s+Parties\b",
        ),
        (RuleTopic::Duration, r"\bunlimited\s+duration\b"),
        (
            RuleTopic::Definition,
            r"\bdefines?\s+(?:an?\s+)?anti-?\s?personnel\s+(?:land)?mines?\s+as\b|\bdesigned\s+to\s+be\s+exploded\s+by\s+the\s+presence\b",
        ),
        (
            RuleTopic::Extension,
            r"\bextensions?\s+of\s+up\s+to\s+(?P<n>\d+|ten|{N})\s+years\b",
        ),
        (
            RuleTopic::Accession,
            r"\bsignature\s+(?:was\s+|is\s+)?no\s+longer\s+(?:possible|open)\b|\bno\s+longer\s+(?:be\s+)?(?:open\s+for\s+signature|signed)\b|\bcan\s+(?:only\s+)?(?:join|become\s+a\s+party)\s+(?:only\s+)?by\s+accession\b",
        ),
    ],
    not_banned: r"\b(?:anti-?\s?tank|anti-?\s?vehicle|all\s+(?:types\s+of\s+)?(?:land\s?)?mines|naval\s+mines|sea\s+mines)\b",
    million: r"million|mln|m",
    thousand: r"thousand|k",
    count_parties: r"part(?:y|ies)|members?",
    count_signatories: r"signator(?:y|ies)",
    period_start_wrong: r"^\s+(?:after|from|following)\s+(?:the\s+|this\s+|that\s+|its\s+)?(?:adoption|approval|decision|vote|passage|law|parliament|resolution|signing|signature|publication)\b",
    period_start_right: r"^\s+(?:after|from|following)\s+(?:the\s+|its\s+|each\s+|that\s+)?(?:\w+\s+){0,4}?(?:receiv|receipt|notif|submi|deposit|depositary|secretary|UN\b|United\s+Nations|instrument)",
    period_follow: r"^(?:\s+(?:after|from|following|of\s+(?:notice|receipt))\b|[-\s](?:month\s+)?(?:withdrawal|notice|waiting|exit|countdown|grace)\b|s?\s+(?:notice|period)\b)",
    count_negative: r"\b(?:not|never|neither|nor|outside|non-?\w+|holdouts?|yet\s+to|without)\b",
    count_signed_only: r"\b(?:without\s+ratifying|not\s+(?:yet\s+)?ratified|yet\s+to\s+ratify|but\s+not\s+ratified)\b",
    count_other_verb: r"^\s+(?:[\w-]+\s+){0,5}?(?:(?:are|were|is|have|has|had|will)\s+(?:also\s+|now\s+|already\s+|all\s+|since\s+|been\s+|be\s+){0,2})?(?:attend\w*|destroy\w*|clear\w*|report\w*|submit\w*|vot\w*|met|meet\w*|gather\w*|condemn\w*|call\w*|urg\w*|declar\w*|complet\w*|finish\w*|fund\w*|align\w*|endors\w*|express\w*|warn\w*|welcom\w*|deplor\w*|regrett?\w*|participat\w*|took\s+part|spoke|deliver\w*|co-?sponsor\w*|(?:signed|joined|backed|supported)\s+(?:a|the|joint)\s+(?:joint\s+)?statements?|contribut\w*|us(?:e|ed|ing)|laid|produc\w*|hold\w*|held|stockpil\w*|retain\w*|affected|contaminated|mined)\b",
    plain_past: r"\b(?:never|did\s+not|didn['’]t|had\s+not|hadn['’]t|non-?signator\w*)\b",
    respectively: r"\brespectively\b",
    more_time: r"\b(?:further|more|extra|additional|another|extensions?|extended|new)\b",
    subordinate: r"\b(?:once|if|whenever|unless|should)\s+(?:the\s+|its\s+|their\s+|a\s+|each\s+)?(?:\w+['’]s\s+)?(?:\w+\s+){0,2}$",
    future_after: r"^\s+(?:(?:is|are)\s+(?:expected|due|scheduled|set|likely)|(?:will|would|could|may|might|should|shall)\s+(?:be|follow|come|take|happen|still|only|not|require|need|remain|have|stand|number|total|drop|fall|rise|shrink|grow))\b",
    prepositions: r"\b(?:with|from|to|of|against|on|at|in|into|for|than|like|between|among|towards|toward|about|over|across|near|beside|unlike)\s+(?:the\s+)?$",
    eif_postposition: r"$^",
    eif_preposition: r"$^",
    not_until: r"^\s+(?:\w+\s+){0,5}?(?:until|till)\b",
    reporting: r"\b(?:said|says|told|wrote|added|stated|noted|reported|tweeted|posted)\s+(?:\w+\s+){0,2}$",
    now_words: r"\b(?:since|today|now|currently|so\s+far|to\s+date)\b",
    when_link: r"\b(?:when|at\s+which|on\s+which)\b",
    similar: r"\b(?:similar|same|like)\b",
    about_verb: r"\b(?:denounc\w*|condemn\w*|criticis\w*|criticiz\w*|regrett?\w*|welcom\w*|deplor\w*|protest\w*|over|after|with|following|despite|since)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    future_forms: r"^(?:leave|leaves|exit|exits|quits)\b",
    past_count: r"^\s*(?:(?:then|all|had|also|together|jointly|quickly|promptly)\s+)?(?:signed|ratified|joined|acceded)\b",
    pluperfect: r"\bhad\b",
    apposition_words: &[
        "the",
        "a",
        "an",
        "one",
        "long",
        "once",
        "then",
        "now",
        "itself",
        "formerly",
        "still",
        "historically",
        "traditionally",
        "already",
        "its",
        "whose",
    ],
    law_word: r"\b(?:law|bill|act|legislation|decree)\b",
    vote_figures: r"(?P<for>\d{1,3})\s*(?:to|-|\u{2013}|\u{2014}|:|votes?\s+(?:to|for|in\s+favou?r)(?:\s+(?:and|with|to))?)\s*(?P<against>\d{1,3})\b",
};
