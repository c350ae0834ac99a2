#include "extractors/grammar.h"

#include <cstdio>
#include <cstdlib>
#include <iterator>

namespace motiearchief::extractors {
namespace {

// Pieces shared by several rules.
// A list marker before a clause: bullets (also "o" and Symbol bullets made
// "•" by NormalizeText), "1." "1)" "a." "(a)" numbering.
// OCR reads a bullet as a quote or a sign ("•" -> "\" ", "«", "©"): such a
// character followed by a space is a bullet; a quote that opens a title is
// followed by the title itself.
#define BULLET \
  R"((?:[•●◦▪■□►▸➢➤→✓✔*–—‒―-]\s*|o\s+|["“”«»©®°¢·]\s+|_{1,4}\s*|\d{1,2}[.)]\s*|[a-h][.)]\s+|\(\w{1,3}\)\s*)?)"
// "en", "voorts", "tevens" before an opening word: "En verzoekt",
// "Voorts overwegende".
#define LEAD R"((?:(?:en|voorts|tevens|verder|ook|daarnaast)\s+)?)"
// What may follow an opening word before the clause text starts.
#define AFTER_OPENER R"([\s,:;.]*(?:dat\b[\s,:;]*)?)"
// After the short forms ("Overwegend", "Overwegingen"), which are also
// ordinary words, only punctuation, "dat" or the line end may follow.
#define STRICT_END R"((?:\s*[,:;]|\s*$|\s+dat\b))"
// Role words of signatories.
#define ROLE                                                               \
  R"((?:loco-?\s?burgemeester|burgemeester|wethouder|gemeentesecretaris|)" \
  R"(algemeen\s+directeur|secretaris|raadsgriffier|griffier|raadslid|)"    \
  R"(fractievoorzitter|voorzitter|portefeuillehouder|gedeputeerde|)"       \
  R"(directeur|gemeenteraadslid|commissaris\s+van\s+de\s+koning))"
// OCR confuses I, l, 1 and | at the start of a word.
#define I_ "[Il1|]"

struct Spec {
  const char* name;
  const char* pattern;
};

// Every rule. Names are "area.what"; they are stored with extracted values.
// Case-insensitive unless the pattern says (?-i).
constexpr Spec
    kSpecs
        [] =
            {
                // --- Document starts: a page whose top lines match starts a
                // document.
                {"doc.preadvies", R"(^\s*(?:samenvatting\s+en\s+)?pre-?advies\s+)"
                                  R"((?:\S+\s+){0,3}?(?:bij|op|over|inzake|motie|amendement)\b)"},
                {"doc.samenvatting_preadvies", R"(^\s*samenvatting\s+en\s+pre-?advies\b)"},
                {"doc.amendement",
                 R"((?-i)^\s*(?:A(?i:mendement)|AMENDEMENT)(?:\s*:|\s+(?i:van|op|bij|nr\.?|nummer|\d)|\s*"|\s*$))"},
                {"doc.motie",
                 R"((?-i)^\s*(?:M(?i:otie)|MOTIE)(?:\s*:|\s+(?i:van|vreemd|nr\.?|nummer|inzake|\d)|\s*"|\s*$|\s+\p{Lu}))"},
                // A member's motion wherever the heading stands on its line: "nr. 41
                // GEWIJZIGDE MOTIE VAN HET LID VERSPAGET C.S." (kamerstuk, number in the
                // left column), "Motie van het raadslid X inzake ..." (Amsterdam).
                {"doc.motie_van_lid",
                 R"((?:^|\s)(?:gewijzigde\s+)?motie\s+van\s+(?:het\s+(?:raads)?lid|de\s+(?:raads)?leden)\b)"},
                // An amendment that shows itself only by its besluit: "Ontwerpbesluit
                // 01/14B als volgt aan te passen:", "Het besluit als volgt te wijzigen".
                {"doc.amendement_besluit",
                 R"(^\s*(?:\W\s*)?(?:het\s+)?(?:ontwerp|raads|staten)?besluit\S*\s+.{0,60}?\b(?:als\s+volgt\s+)?(?:aan\s+te\s+passen|te\s+wijzigen)\b)"},
                {"doc.motie_header",
                 R"(^\s*(?:titel\s+(?:van\s+de\s+)?motie\s*:|)" I_
                 R"(ndiener(?:s)?\s*:|aan\s*:\s*(?:het\s+)?(?:algemeen\s+)?bestuur\b))"},
                {"doc.in_vergadering_bijeen",
                 R"(\bin\s+(?:\pL+\s+){0,3}?\pL*vergadering\s+bijeen\b)"},
                {"doc.resolutie",
                 R"((?-i)^\s*(?:(?i:definitieve\s+tekst\s+|concept[- ]?)?)(?:R(?i:esolutie)|RESOLUTIE)\b)"},
                {"doc.brief",
                 R"(^\s*(?:geachte\s+(?:leden|dames|heer|mevrouw|voorzitter|college|bestuur|raad|collega)|aan\s+de\s+leden\s*$|ons\s+kenmerk\b|lbr\.\s*\d))"},
                {"doc.brief_letterhead",
                 R"(^\s*(?:datum|onderwerp|uw\s+kenmerk|ons\s+kenmerk|bijlage\(?n?\)?|telefoon|lbr\.)\s*:?\s*$)"},

                // --- Considerations (overwegingen). Group 1: clause text on this
                // line.
                {"clause.constaterende",
                 "^\\s*" BULLET LEAD "c[o0]nstater(?:ende\\b|(?:end|en)" STRICT_END ")" AFTER_OPENER
                 "(.*)$"},
                {"clause.overwegende",
                 "^\\s*" BULLET LEAD
                 "[o0]ve(?:rw|nr|rvv|rv|mr|rn)eg(?:ende\\b|(?:end|ingen)" STRICT_END
                 ")" AFTER_OPENER "(.*)$"},
                {"clause.van_mening",
                 "^\\s*" BULLET LEAD "(?:(?:is|zijn|zijnde)\\s+)?van\\s+mening(?:"
                 "\\s+zijnde)?\\b" AFTER_OPENER "(.*)$"},
                {"clause.van_oordeel",
                 "^\\s*" BULLET LEAD "(?:(?:is|zijn|zijnde)\\s+)?van\\s+oordeel(?:"
                 "\\s+zijnde)?\\b" AFTER_OPENER "(.*)$"},
                {"clause.gelet_op",
                 "^\\s*" BULLET LEAD "(?:gelet|lettende)\\s+op\\b[\\s,:;]*(.*)$"},
                // "gehoord de beraadslaging(en)" / "gehoord de discussie": a preamble
                // formula (parliament, Amsterdam), no consideration: what follows it up
                // to the next opener is not stored.
                {"clause.gehoord",
                 "^\\s*" BULLET LEAD "gehoord\\s+(?:de\\s+)?(?:beraadslaging(?:en)?"
                 "|discussie|bespreking)\\b[\\s,:;]*(.*)$"},
                // An opener inside the preamble sentence or after a clause on the same
                // line: "De Kamer, gehoord de beraadslaging, constaterende dat ...".
                // Group 1: the text before it; group 2: from the opener on.
                {"clause.inline_opener",
                 R"(^(.*?[,;:])\s+((?:(?:en|voorts|tevens)\s+)?(?:gehoord\s+de|constaterende|overwegende|van\s+mening|van\s+oordeel|verzoekt|verzoeken)\b.*)$)"},
                {"clause.kennisnemende",
                 "^\\s*" BULLET LEAD "kennis\\s*(?:genomen\\s+hebbende|nemende)\\s+"
                 "van\\b[\\s,:;]*(.*)$"},
                {"clause.vaststellende",
                 "^\\s*" BULLET LEAD "vaststellende\\b" AFTER_OPENER "(.*)$"},
                {"clause.other_opener",
                 "^\\s*" BULLET LEAD "(erkennende|benadrukkende|concluderende|in\\s+aanmerking\\s+"
                 "nemende|wijzende\\s+op|betreurende|onderschrijvende|memorerende|"
                 "herinnerende\\s+aan|bezorgd\\s+over|tot\\s+de\\s+conclusie\\s+"
                 "komende)\\b" AFTER_OPENER "(.*)$"},
                // A paragraph opening with "Dat ..." is one clause under the last
                // opener.
                {"clause.dat_paragraph", "(?-i)^\\s*" BULLET "D(?i:at)\\s+(.*)$"},

                // --- Requests (verzoeken). Group 1: clause text on this line.
                {"request.verzoekt", "^\\s*" BULLET LEAD "verzoek(?:t|en)\\b\\s*(.*)$"},
                {"request.roept_op",
                 "^\\s*" BULLET LEAD "roep(?:t|en)\\s+(?:.*?\\s)?op\\b(?:\\s+(?:om|"
                 "tot))?[\\s,:;]*(.*)$"},
                {"request.oproep",
                 "^\\s*" BULLET "oproep\\s+aan\\s+(?:[^:]*?)(?:\\s+om)?\\s*(?::|;|$)\\s*(.*)$"},
                // An amendment's besluit block opened by what it changes, the lead-in
                // kept as its first entry: "Te wijzigen tekst bij Voorstel X,",
                // "Te wijzigen in:", "Toe te voegen:", "Als volgt te wijzigen:".
                // Only read in amendments (a motion's clause may wrap onto "te wijzigen").
                {"request.amendment_lead_in",
                 R"(^\s*((?:als\s+volgt\s+)?(?:te\s+wijzigen|toe\s+te\s+voegen|te\s+schrappen|te\s+vervangen|aan\s+te\s+passen)\b.*)$)"},
                // A row of a budget table in an amendment's besluit block ends in
                // its amount ("Dierenasiel Noord/Oostzaan (opvang van katten)
                // 75.000", "... € 1,5 mln", "... 12.500,-"): the next line is the next
                // row, even where its first word would not have fitted.
                {"request.amount_row_end",
                 R"((?:€\s*)?\b\d{1,3}(?:\.\d{3})+(?:,(?:\d{1,2}|-))?\s*(?:mln|miljoen|k)?\.?\s*$|€\s*\d+(?:,(?:\d{1,2}|-))?\s*(?:mln|miljoen)?\.?\s*$)"},
                // "nodigt de regering uit ..." (parliament).
                {"request.nodigt_uit",
                 "^\\s*" BULLET LEAD "nodig(?:t|en)\\s+(?:.*?\\s)?uit\\b(?:\\s+om)?[\\s,:;]*(.*)$"},
                {"request.draagt_op",
                 "^\\s*" BULLET LEAD "dra(?:agt|gen)\\s+(?:.*?\\s)?op\\b(?:\\s+om)?[\\s,:;]*(.*)$"},
                {"request.spreekt_uit",
                 "^\\s*" BULLET LEAD
                 "spre(?:ekt|ken)\\s+(?:(?:als\\s+(?:haar|zijn|hun)\\s+(?:mening|"
                 "oordeel)|zich)\\s+)?uit\\b(?:\\s+dat)?[\\s,:;]*(.*)$"},
                {"request.besluit",
                 "^\\s*" BULLET LEAD "beslui(?:t|ten)\\b(?:\\s+(?:om|dat|tot))?[\\s,:;]*(.*)$"},
                {"request.vraagt",
                 "^\\s*" BULLET LEAD "vra(?:agt|gen)\\s+(?:aan\\s+)?(?:het|de|ons)\\s+(.*)$"},
                {"request.dringt_aan",
                 "^\\s*" BULLET LEAD
                 "dring(?:t|en)\\s+(?:er\\s+)?(?:bij\\s+)?(?:.*?\\s)?(?:op\\s+)?"
                 "aan\\b(?:\\s+om)?[\\s,:;]*(.*)$"},
                {"request.stelt_voor",
                 "^\\s*" BULLET LEAD "stel(?:t|len)\\s+voor\\b(?:\\s+(?:om|dat))?[\\s,:;]*(.*)$"},
                {"request.doet_beroep",
                 "^\\s*" BULLET LEAD "doe(?:t|n)\\s+een\\s+(?:dringend\\s+)?(?:"
                 "beroep|oproep)\\s+(?:op|aan)\\s+(.*)$"},
                {"request.geeft_opdracht",
                 "^\\s*" BULLET LEAD "geeft\\s+(?:.*?\\s)?(?:de\\s+)?opdracht\\b(?:"
                 "\\s+(?:om|aan))?[\\s,:;]*(.*)$"},
                // Who a request addresses, at the start of its text: dropped from
                // it.
                // Group 1: the rest.
                {"request.addressee",
                 R"(^(?:aan\s+)?(?:(?:het|de|ons|haar)\s+(?:\S+\s+){0,3}?(?:vng[- ]?bestuur|bestuur|college|regering|kabinet|minister\S*|staatssecretaris|ledenvergadering|alv|vng|presidium|voorzitter|griffie|gedeputeerde\s+staten|gs|partijen)|gedeputeerde\s+staten|gs)(?:\s+(?:van|der)\s+(?:de\s+)?(?:vng|vereniging(?:\s+van\s+nederlandse\s+gemeenten)?|nederlandse\s+gemeenten|burgemeester\s+en\s+wethouders|b\s*&\s*w|gedeputeerde\s+staten|gs|dijkgraaf\s+en\s+hoogheemraden|d\s*&\s*h))?(?:\s*\([^)]{1,40}\))?(?:\s*\(vng\))?(?:\s+op)?(?:\s+om\b)?[\s,:;]*(.*)$)"},

                // --- Page furniture: page numbers and running headers, not
                // content.
                {"page.furniture",
                 R"(^\s*(?:(?:pagina|blad|page)\s+)?\d{1,3}(?:\s*(?:/|van|of)\s*\d{1,3})?\s*$|^\s*vereniging\s+van\s+nederlandse\s+gemeenten(?:\s+\d{1,3}\s*/\s*\d{1,3})?\s*$|^\s*https?://\S+\s*$|^\s*mailto:\S+\s*$|^\s*[-–]\s*\d{1,3}\s*[-–]\s*$|^\s*(?:tweede|eerste)\s+kamer\s*,\s*vergaderjaar\s+\d{4}\S*\s*,.*$)"},
                // A bullet OCR read as a quote, glued to the item's first word
                // (lower case: a quoted title starts with a capital). Group 1: the item.
                // How OCR reads a bullet it cannot place: a quote or a sign, or
                // underscores ("___de Haagse ...").
                {"bullet.ocr_form", R"(^(?:["“”«»©®°¢·]|_{1,4})$)"},
                // A line that goes on with the sentence above: it starts in lower case.
                {"line.lowercase_start", R"((?-i)^\s*\p{Ll})"},
                // A clause that opens with "dat" (a new clause, not a continuation),
                // and the "dat" a clause repeats after its opener ("overwegende: - dat
                // ...") that record.md drops.
                {"clause.dat_start", R"(^\s*dat\b)"},
                {"clause.repeated_dat", R"(^dat\s+)"},
                {"line.glued_bullet", R"(^\s*["“”«»]_*((?-i:\p{Ll}).*)$)"},
                {"line.bullet",
                 R"(^\s*([•●◦▪■□►▸➢➤→✓✔*–—‒―-]|o(?:\s)|["“”«»©®°¢·](?:\s)|_{1,4}|\d{1,2}[.)]|[a-h][.)]|\(\w{1,3}\))\s*(.*)$)"},

                // --- Where clauses end.
                // The closing formula of a motion: "en gaat over tot de orde van de
                // dag" (parliament, councils), "en gaan over tot ..." (Staten,
                // plural), "... van de vergadering" (some councils and water boards).
                // Group 1: what stands before it on the line (a last clause run into it).
                {"clause.end_orde_van_de_dag",
                 R"(^(.*?)[\s,;]*\b(?:en\s+)?ga(?:at|an)\s+over\s+tot\s+de\s+orde\s+van\s+de\s+(?:dag|vergadering)\b)"},
                {"section.signatures",
                 R"(^\s*(?:namens\b|het\s+college\s+van\s+(?:burgemeester|b\s*(?:&|en)\s*w)|(?:de\s+)?burgemeester\s+en\s+wethouders\s+van|ondertekend\b|ondertekening|handtekening|met\s+vriendelijke\s+groet|hoogachtend))"},
                {"section.toelichting", R"(^\s*toelichting\b\s*:?)"},
                {"section.inleiding", R"(^\s*(?:inleiding|aanleiding|achtergrond)\s*:?\s*$)"},

                // --- Header fields ("label: value"). Group 1: the value.
                {"header.indiener",
                 "^\\s*(?:" I_ "ndiener(?:s)?|" I_ "ndienende\\s+gemeente(?:n|\\s*\\(n\\))?|" I_
                 "ngediend\\s+door)\\s*:\\s*(.*)$"},
                {"header.mede_indiener", "^\\s*" BULLET "(?:mede[- ]?" I_
                                         "ndiener(?:s)?|mede[- ]?ondertekenaar(?:s)?|mede[- "
                                         "]?ondertekend\\s+door)\\s*:?\\s*(.*)$"},
                {"header.van", R"(^\s*van\s*:\s*(.*)$)"},
                {"header.datum",
                 R"(^\s*datum(?:\s+(?:van\s+)?(?:indiening|ingediend|ondertekening))?\s*:?(?:\s+(.*))?$)"},
                {"header.onderwerp", R"(^\s*onderwerp\s*:?\s*(.*)$)"},
                // --- Letters (letter.h). A letter's subject, after its label;
                // group 1 empty when the value stands on the next line.
                {"letter.subject", R"(^\s*(?:onderwerp|betreft)\s*:?(?:\s+(.*))?$)"},
                {"letter.closing",
                 R"(^\s*(?:met\s+(?:vriendelijke|hartelijke|collegiale)\s+groet(?:en)?|hoogachtend|met\s+de\s+meeste\s+hoogachting|met\s+groet)\s*[,.]?\s*$)"},
                // Who sends it, above the person who signs.
                {"letter.sender",
                 R"(^\s*(?:namens\s+)?(?:het\s+|de\s+)?(?:vereniging|bestuur|college|gemeente|gemeenteraad|provincie|gedeputeerde|waterschap|hoogheemraadschap|raad|directie|griffie|burgemeester\s+en\s+wethouders)\b)"},
                {"letter.to_members", R"(^\s*aan\s+de\s+leden\b)"},
                {"header.titel",
                 R"(^\s*(?:titel(?:\s+(?:van\s+(?:de|het)\s+)?(?:motie|amendement))?|onderwerp\s+(?:motie|amendement))\s*:\s*(.*)$)"},
                {"header.agendapunt", R"(^\s*(?:[-•]\s*)?agendapunt\s*(\d+[a-z]?)\b[.:]?\s*(.*)$)"},

                // --- Titles. Group 1: the title.
                {"title.label", R"(^\s*(?:motie|amendement)\s*:\s*(.+)$)"},
                {"title.amendement_label",
                 R"(^\s*(?:titel\s+(?:van\s+het\s+)?amendement|onderwerp\s+amendement)\s*:)"},
                {"title.quoted",
                 R"re((?-i)^\s*(?:M(?i:otie)|MOTIE|A(?i:mendement)|AMENDEMENT)\b[^"]{0,80}?"([^"]+)"?\s*$)re"},
                {"title.preadvies", R"(^\s*(?:samenvatting\s+en\s+)?pre-?advies\s+(?:(?:van\s+het\s+)?(?:vng[- ]?)?bestuur\s+)?(?:bij\s+|op\s+|over\s+|inzake\s+)?(?:de\s+|het\s+)?(?:motie|amendement)\b\s*(.*)$)"},
                {"title.in_quotes", R"re("([^"]{3,})"?)re"},
                {"title.generic_subject",
                 R"(\b(?:alv|algemene\s+leden\s*vergadering|ledenvergadering)\b)"},

                // --- Submitters.
                {"indiener.amendement_van", R"(^\s*amendement\s+van\s+(?:de\s+)?(.+?)\s*$)"},
                {"indiener.motie_van", R"(^\s*motie\s+van\s+(?:de\s+)?(gemeente.+?)\s*$)"},
                {"indiener.dient_in",
                 R"(\b(?:de\s+)?(gemeente(?:n)?\s+.+?)\s+dien(?:t|en)\s+(?:deze|de\s+volgende|onderstaande|hierbij\s+de(?:ze)?)\s+(?:motie|amendement)\s+in\b)"},
                {"indiener.cs", R"((?:\bc\.\s?s\.|\be\.\s?a\.|\bc\.\s?q\.))"},
                {"indiener.met_mede",
                 R"(^(.*?)\s+met\s+(?:als\s+)?mede-?\s*indiener(?:s)?\s+(.*)$)"},
                // "Gemeente", "gemeenten", "Gemeente(n):", "gem.", and the OCR and typing
                // slips "Gemeeente", "Gemeete" before a municipality's name.
                {"gemeente.prefix",
                 R"(^\s*(?:de\s+)?(?:gem(?:e+)n?te(?:n|\s*\(n\))?|gem\.)\s*:?\s+(?:van\s+)?)"},
                {"gemeente.separator", R"(\s*(?:,|;|/|&|\+|•|\s+en\s+|\s+and\s+)\s*)"},

                // Between members named in a heading: "Van der Staaij, Bisschop en Dijkgraaf".
                {"indiener.separator", R"(\s*,\s*|\s+en\s+)"},
                // A label with nothing after it ("Indiener:"), its value on the next line.
                {"header.label_only", R"(^[^:]{2,60}:\s*$)"},

                // --- Supporters.
                // "Lijst volgt, maar in ieder geval Weert, ...": "maar" between names.
                {"support.maar", R"(\bmaar\b)"},
                {"support.heading",
                 R"(^\s*(?:(?:lijst\s+(?:met|van)\s+)?ondersteunende\s+gemeente(?:n|\(n\))?|ondersteund\s+door|ondersteuners|steunbetuigingen)\b\s*:?\s*(.*)$)"},
                {"support.inline",
                 R"(\b(?:wordt|worden|is|zijn)\s+(?:mede\s+)?ondersteund\s+door\s+(?:de\s+)?(?:volgende\s+)?(?:gemeente(?:n)?\b)?\s*:?\s*(.*)$)"},
                {"support.placeholder",
                 R"((?:\blijst\s+volgt|\bpm\s+volgt|\bp\.\s?m\.|\bvolgt\s+(?:nog|later)|\bnog\s+aan\s+te\s+vullen|\bn\.t\.b\.|\bgemeenten\s*(?:…|\.\.\.)|^\s*(?:…|\.\.\.)\s*$|\bin\s+ieder\s+geval\b|\bonder\s+andere\b|\bo\.a\.))"},

                // --- Dates. date.long groups: day, month, year or "a.s."/"j.l.".
                {"date.long",
                 R"(\b(\d{1,2})\s*(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\b\.?(?:\s*(\d{4}|'\d{2}|a\.?\s?s\.|j\.?\s?l\.))?)"},
                // OCR spaces digits apart: "20-11 -2023", "20 - 11 - 2023".
                {"date.numeric", R"(\b(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})\b)"},
                {"date.iso", R"(\b(\d{4})-(\d{2})-(\d{2})\b)"},
                {"vergadering.context",
                 R"(\b(?:alv|algemene\s+leden\s*-?\s*vergadering|(?:algemene\s+)?ledenvergadering|najaars\s*-?\s*alv|voorjaars\s*-?\s*alv|jaarcongres)\b)"},

                // --- Preadvies. Group 1: the value.
                {"preadvies.advies",
                 R"(^\s*(?:pre-?advies|advies)(?:\s+(?:van\s+het\s+)?(?:vng[- ]?)?bestuur)?\s*:\s*(.+)$)"},
                {"preadvies.strekking",
                 R"(^\s*strekking(?:\s+van\s+(?:de|het)\s+(?:motie|amendement))?\s*:?\s*(.*)$)"},
                {"preadvies.toelichting",
                 R"(^\s*toelichting(?:\s+(?:bij|op)\s+(?:het\s+)?pre-?advies)?\s*:?\s*(.*)$)"},
                {"preadvies.status",
                 R"(^\s*status\s+(?:van\s+de\s+)?(?:motie|amendement)\s*:\s*(.*)$)"},

                // --- Signatories. Applied to one column segment of a line.
                {"sign.role", "^\\s*(?:de\\s+)?(" ROLE ")\\b[\\s,]*(.*)$"},
                {"sign.name_role", "^\\s*(.+?),\\s*(" ROLE ")\\b[\\s,]*(.*)$"},
                {"sign.honorific",
                 R"(^\s*(?:(?:mr|drs|dr|ir|ing|prof|dhr|mw|mevr|mevrouw|de\s+heer|bc|ba|ma|msc|bsc)\.?\s+)+)"},
                // Initials then surname, several per segment: "J. R. V. A.
                // Dijsselbloem R. Thijs".
                {"sign.name_initials",
                 R"((?-i)((?:\p{Lu}\.\s?(?:-?\p{Lu}[a-z]?\.\s?)*)\s?(?:(?:van|de|der|den|ter|ten|te|in\s+'t|'t|op|het|la|le|du|da|von|Van|De)\s+)*\p{Lu}[\p{L}'-]+))"},
                // A written-out name: "Roelof Bleker", "Marc van der Teutelinck".
                {"sign.name_full",
                 R"((?-i)^\s*(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+(?:van|de|der|den|ter|ten|te|'t|op|het))*(?:\s+\p{Lu}[\p{L}'-]+){1,2})\s*$)"},
                // Signature forms. A column label of a table's header row:
                // "Namens gemeente   Naam   Functie   Handtekening".
                {"sign.table_label",
                 R"(^\s*(namens\s+(?:de\s+)?gemeente|gemeente|naam|functie|rol|handtekening|ondertekening|paraaf|datum)\s*:?\s*$)"},
                // A filled-in field: "Namens gemeente: Losser", "Naam: J. Jansen",
                // "Functie: wethouder", "Wethouder: J. Jansen". Group 1: the label;
                // group 2: the value (empty when it stands in the next column).
                {"sign.label_value",
                 "^\\s*(namens\\s+(?:de\\s+)?gemeente|gemeente|naam|functie|" ROLE
                 ")\\s*:\\s*(.*)$"},
                {"sign.college_van",
                 R"(^\s*(?:namens\s+)?(?:het\s+college\s+van\s+)?(?:burgemeester\s+en\s+wethouders|b\s*(?:&|en)\s*w)\s+(?:van\s+)?(?:de\s+gemeente\s+)?(.+?)[\s,:.]*$)"},
                {"sign.namens",
                 R"(^\s*namens\s+(?:het\s+college\s+van\s+|de\s+raad\s+van\s+)?(?:de\s+)?(?:gemeente(?:raad)?\s+(?:van\s+)?)?(.+?)[\s,:.]*$)"},

                // --- Layout profiles (profiles.cc): evidence of the kind of document
                // and the body it is for. Group 1, where there is one: the body's name.
                // Kamerstuk motions: the house over a rule at the top, its footer.
                {"profile.kamerstuk_house",
                 R"(^\s*(tweede|eerste)\s+kamer\s+der\s+staten[- ]?generaal\b)"},
                {"profile.kamerstuk_footer", R"(^\s*(tweede|eerste)\s+kamer\s*,\s*vergaderjaar\b)"},
                // The addressing line of parliament: "De Kamer,".
                {"profile.de_kamer", R"(^\s*de\s+kamer\s*,\s*$)"},
                // "MOTIE VAN HET LID VAN ERP C.S." (kamerstuk heading, also after "nr. 14"
                // in the left column), "MOTIE VAN DE LEDEN SLOB EN VERMEIJ", "GEWIJZIGDE
                // MOTIE VAN HET LID ...". Group 1: the members.
                {"profile.motie_van_het_lid",
                 R"((?-i)(?:^|\s)(?:GEWIJZIGDE\s+)?MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\s+(.+?)(?:\s*,\s*TER\s+VERVANGING.*)?\s*$)"},
                // Handelingen: "voorgesteld door de leden Gesthuizen, Vos en Van Gent".
                {"profile.voorgesteld_door",
                 R"(\bvoorgesteld\s+door\s+(?:het\s+lid|de\s+leden)\s+(.+?)[.,;:]?\s*$)"},
                // Provinciale Staten: "Provinciale Staten van Noord-Brabant, in
                // vergadering bijeen op ..."; "Provincie Gelderland" as a running header.
                {"profile.provinciale_staten",
                 R"(\bprovinciale\s+staten(?:\s+van\s+((?-i:\p{Lu})[\p{L}-]+(?:[\s-](?-i:\p{Lu})[\p{L}-]+)?))?(?:\s*,|\s+in\s+(?:\pL+\s+)?vergadering|\s+bijeen|\s*$))"},
                {"profile.provincie_header",
                 R"((?-i)^\s*Provincie\s+(\p{Lu}[\p{L}-]+(?:[\s-]\p{Lu}[\p{L}-]+)?)\s*$)"},
                {"profile.gedeputeerde_staten",
                 R"(\b(?:gedeputeerde\s+staten|college\s+van\s+gs|statenvoorstel|statenlid)\b)"},
                // Water boards: "Het Algemeen Bestuur van Hoogheemraadschap De Stichtse
                // Rijnlanden, in vergadering bijeen op ..."; the board's name as a header.
                {"profile.waterschap_bestuur",
                 R"(\balgemeen\s+bestuur\s+van\s+(?:het\s+|de\s+)?((?:hoogheemraadschap|waterschap|wetterskip)\s+.+?)(?:\s*,|\s+in\s+(?:\pL+\s+)?vergadering|\s+bijeen|\s*$))"},
                {"profile.waterschap_header",
                 R"(^\s*((?:hoogheemraadschap|waterschap|wetterskip)\s+(?-i:\p{Lu}).{2,50}?)\s*$)"},
                {"profile.dijkgraaf",
                 R"(\b(?:dijkgraaf\s+en\s+(?:hoogheemraden|heemraden)|college\s+van\s+d\s*&\s*h)\b)"},
                // Councils: "De raad van de gemeente Den Haag, in vergadering bijeen op",
                // "De gemeenteraad van Groningen bijeen op", "De Gemeenteraad, bijeen op".
                {"profile.gemeenteraad",
                 R"(\bde\s+(?:gemeente)?raad(?:\s+van\s+(?:de\s+gemeente\s+)?((?-i:\p{Lu})[\p{L}'’-]+(?:\s+(?-i:\p{Lu})[\p{L}'’-]+)?))?(?:\s*,|\s+in\s+(?:\pL+\s+)?vergadering|\s+bijeen\b))"},
                // "Gemeente Den Haag" as a running header or letterhead.
                {"profile.gemeente_header",
                 R"((?-i)^\s*\W{0,2}\s*Gemeente\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\b)"},
                // Amsterdam's council format: "Aan de gemeenteraad", "Ondergetekende
                // heeft de eer voor te stellen", "Het lid van de gemeenteraad".
                {"profile.council_format",
                 R"(^\s*(?:aan\s+de\s+gemeenteraad\b|ondergetekende\s+heeft\s+de\s+eer|(?:het|de)\s+(?:lid|leden)\s+van\s+de\s+gemeenteraad\b|de\s+raad\s*,\s*$))"},
                // VNG documents: the ALV and the association.
                {"profile.vng", R"(\b(?:vng|vereniging\s+van\s+nederlandse\s+gemeenten)\b)"},

                // --- Dates of submission or meeting, by their anchor; the date itself
                // follows (dates.cc reads it). "Voorgesteld 30 november 1995"
                // (kamerstuk), "in vergadering bijeen op (woensdag) 1 juli 2020",
                // "De Gemeenteraad, bijeen op 3 juli 2014", "Ingekomen op 13 oktober
                // 2016" (Amsterdam Gemeenteblad), "vergadering van/d.d. ...". Group 1:
                // the text from the date on.
                {"date.anchor_voorgesteld", R"(\bvoorgesteld\s+(?:op\s+)?(\d.*)$)"},
                {"date.anchor_meeting",
                 R"(\b(?:bijeen\s+op|vergadering\s+(?:\pL+\s+){0,2}?(?:van|op|d\.\s?d\.)|ingekomen\s+op|d\.\s?d\.)\s*[,:]?\s*(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s*,?\s*)?(\d.*)$)"},

                // --- Titles of council, Staten and water board motions. Group 1: the
                // title. "Motie van het raadslid X inzake Y", "Motie inzake Y",
                // "Amendement van het lid X en raadslid Z inzake Y": the part after
                // "inzake".
                {"title.inzake",
                 R"(^\s*\W{0,2}\s*(?:motie|amendement)\b.{0,120}?\binzake\s+(.+)$)"},
                // "Motie Autoloze dag", "Motie - Haags rapport dierenwelzijn", "Motie:
                // 'Iedere opstand ...'", "MOTIE DIERENWELZIJN", "Amendement: circus ...".
                {"title.heading",
                 R"((?-i)^\s*(?:M(?i:otie)|MOTIE|A(?i:mendement)|AMENDEMENT)\s*(?:[-–:]\s*)?(\S.*)$)"},
                // Lines that are no title though they start like one: the kind of
                // motion ("Motie vreemd aan de orde van de dag"), a number ("Motie
                // 72/2014"), the submitter ("Motie van het lid ...").
                {"title.not_a_title",
                 R"(^\s*(?:motie|amendement)\s*[-–:]?\s*(?:vreemd\s+aan|(?:nr\.?|nummer)?\s*[\d/ .-]+$|van\s+(?:het|de)\s+|van\s+de\s+(?:leden|fractie)|ingediend|aangenomen|verworpen|\(?concept)|\bvergadering\b)"},
                // A line in large type that is a label or a body's name, not a title
                // ("Gemeenteraad", "Provinciale Staten van Drenthe", "Motie", "Onderwerp").
                {"title.label_only",
                 R"(^\s*(?:gemeente(?:raad)?|provinciale\s+staten|tweede\s+kamer|eerste\s+kamer|waterschap|hoogheemraadschap|onderwerp|besluit|agendapunt|vergadering|raadsvergadering)\b(?:\s+(?:van\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)?\s*:?\s*$)"},
                // The kind of document before a title: "Motie: ...", "Amendement - ...".
                {"title.kind_lead", R"(^\s*(?:motie|amendement)\s*[:\-]?\s*)"},
                // "Motie Heemstede "Goed beleid ..."": the submitter before a quoted title.
                {"title.submitter_before_quote",
                 R"(^\s*(?:motie|amendement)\s+(?:van\s+(?:de\s+)?)?([^"]+?)\s*")"},
                // Where a title that wraps stops: the preamble or the next heading.
                {"title.stop",
                 R"(^\s*\W{0,2}\s*(?:de\s+(?:gemeente)?raad\b|het\s+algemeen\s+bestuur|provinciale\s+staten|aan\s+de\b|ondergetekende|de\s+kamer\b|motie\b|amendement\b|gemeente\b|jaar\b|nummer\b|voorgesteld\b|constaterende|overwegende))"},

                // --- Signature blocks of parliament, councils, Staten and water boards
                // (signature_block.cc). Applied to one cell of a line.
                // "Het lid van de gemeenteraad," (Amsterdam): the signers are raadsleden.
                {"sign.member_label",
                 R"(^\s*(?:het|de)\s+(?:lid|leden)\s+van\s+de\s+(gemeenteraad|raad|staten|provinciale\s+staten|kamer|algemeen\s+bestuur)\s*[,:]?\s*$)"},
                // A fractie named as such: "Gemeenteraadsfractie Partij voor de Dieren",
                // "Fractie Algemene Waterschapspartij", "Namens de PVV fractie",
                // "Namens de fractie van D66". Group 1: the party as written.
                {"sign.fractie",
                 R"(^\s*(?:namens\s+(?:de\s+)?)?(?:(?:gemeenteraads|raads|staten|kamer)?fractie\s+(?:van\s+(?:de\s+)?)?(\S.*?)|(\S.*?)[\s-]*fractie)\s*[,:]?\s*$)"},
                // Party names of Dutch councils, Staten, water boards and parliament, as
                // written on motions; local parties are recognised by their words
                // (sign.party_word) or by the place they are named after.
                {"sign.party_known",
                 R"(^\s*(?:partij\s+voor\s+de\s+dieren|pvdd|groen\s*links|pvda|vvd|cda|d\s?66|sp|christen\s*unie(?:\s*[-/]\s*sgp)?|sgp|pvv|50\s?plus|denk|ja\s?21|forum\s+voor\s+democratie|fvd|volt|bbb|boerburgerbeweging|bij1|nsc|nieuw\s+sociaal\s+contract|gl|awp|algemene\s+waterschapspartij|water\s+natuurlijk|vvd/cda)(?:\s+(?-i:\p{Lu})[\p{L}-]+)?\s*$)"},
                {"sign.party_word",
                 R"(\b(?:partij|stadspartij|dorpspartij|groep|lijst|leefbaar|lokaal|belang|belangen|gemeentebelangen|positief|democraten|unie|alliantie|onafhankelijk\w*|progressief|liberaal|sociaal|burgers|ouderen|senioren|fractie|beweging|verenigd|samen|plus)\b)"},
                // A party by its acronym, in capitals: "S&S", "AWP", "CU/SGP".
                {"sign.party_acronym", R"((?-i)^[\p{Lu}\d][\p{Lu}\d&/+.-]{1,9}$)"},
                // A footnote mark under a signature block: "[1]".
                {"sign.footnote", R"(^\s*\[\d{1,3}\])"},
                // A person's name as signed: "Christine Teunissen", "Richard de Mos",
                // "J.F.W. van Lammeren", "T Cetinkaya", "M. B. Vos", "Van Zuijlen",
                // "Augusteijn-Esser", "Julie d'Hondt", "Frank-Juriën Dam".
                {"sign.person",
                 R"((?-i)^\s*(?:(?:\p{Lu}\.?\s?(?:-?\p{Lu}\.\s?)*)\s|\p{Lu}\.(?:\p{Lu}\.)*\s?)?(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Ii]n\s+'t|'t|[Oo]p|[Hh]et|[Ll]a|[Ll]e|[Dd]u|[Dd]a|[Vv]on|[Dd]’|[Dd]')\s*)*\p{Lu}[\p{Ll}'’]*\p{Ll}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]+)?(?:\s+(?:(?:van|de|der|den|ter|ten|te|'t|op|het|d’|d')\s*)*\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?){0,3}\s*[,.]?\s*$)"},
                // "Name, Party" (one per line), "Name (Party)", "Fractie Party, Name".
                {"sign.person_party", R"(^\s*([^,()]{3,40}?)\s*[,(]\s*([^,()]{1,45}?)\s*\)?\s*$)"},
};

#undef BULLET
#undef LEAD
#undef AFTER_OPENER
#undef STRICT_END
#undef ROLE
#undef I_

}  // namespace

const RE2& NamedRule::re() const {
  std::call_once(compiled_, [this] {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_log_errors(false);
    options.set_max_mem(8 << 20);
    re_ = std::make_unique<RE2>(pattern, options);
    if (!re_->ok()) {
      std::fprintf(stderr, "grammar rule %s does not compile: %s\n", name.c_str(),
                   re_->error().c_str());
      std::abort();
    }
  });
  return *re_;
}

GrammarRules::GrammarRules() : rules_(std::size(kSpecs)) {
  for (size_t i = 0; i < rules_.size(); ++i) {
    rules_[i].name = kSpecs[i].name;
    rules_[i].pattern = kSpecs[i].pattern;
  }
}

const NamedRule& GrammarRules::Get(std::string_view name) const {
  for (const NamedRule& rule : rules_) {
    if (rule.name == name) return rule;
  }
  std::fprintf(stderr, "unknown grammar rule %.*s\n", static_cast<int>(name.size()), name.data());
  std::abort();
}

const GrammarRules& Grammar() {
  static const GrammarRules* const grammar = new GrammarRules();
  return *grammar;
}

bool Matches(std::string_view name, std::string_view line) {
  return RE2::PartialMatch(line, Grammar().Re(name));
}

bool Capture(std::string_view name, std::string_view line, std::string* out) {
  return RE2::PartialMatch(line, Grammar().Re(name), out);
}

}  // namespace motiearchief::extractors
