// Table-driven tests of every grammar rule: {rule, input, match?, capture}.
// Rows cover the ways Dutch motions phrase each part, OCR damage included.
#include "extractors/grammar.h"

#include <gtest/gtest.h>

#include <set>

namespace motiearchief::extractors {
namespace {

struct Row {
  const char* rule;
  const char* input;
  bool matches;
  const char* capture;  // first group, when the rule has one; nullptr: unchecked
};

const Row kRows[] = {
    // Document starts.
    {"doc.samenvatting_preadvies", "Samenvatting en preadvies motie Herstel financiële verhouding",
     true, nullptr},
    {"doc.samenvatting_preadvies", "SAMENVATTING EN PRE-ADVIES", true, nullptr},
    {"doc.samenvatting_preadvies", "Samenvatting", false, nullptr},
    {"doc.preadvies", "Preadvies bij de motie Zeist c.s.", true, nullptr},
    {"doc.preadvies", "Preadvies VNG-bestuur: overnemen", false, nullptr},
    {"doc.amendement", "Amendement van de gemeente Eindhoven", true, nullptr},
    {"doc.amendement", "AMENDEMENT", true, nullptr},
    {"doc.amendement", "Amendement: Ruimte voor wonen", true, nullptr},
    {"doc.amendement", "amendementen worden besproken", false, nullptr},
    {"doc.motie", "Motie: Aan de slag met bestaanszekerheid", true, nullptr},
    {"doc.motie", "Motie \"Goed beleid = integraal beleid\"", true, nullptr},
    {"doc.motie", "MOTIE", true, nullptr},
    {"doc.motie", "Motie Zeist c.s.", true, nullptr},
    {"doc.motie", "Motie vreemd aan de orde van de dag", true, nullptr},
    {"doc.motie", "motie van de gemeente die eerder", false, nullptr},
    {"doc.motie_header", "Indiener:", true, nullptr},
    {"doc.motie_header", "lndieners: Gemeenten Zeist, Utrecht", true, nullptr},
    {"doc.motie_header", "Titel motie: Duurzame bekostiging", true, nullptr},
    {"doc.motie_header", "AAN: Bestuur van de Vereniging van Nederlandse Gemeenten", true, nullptr},
    {"doc.motie_header", "Aan de leden", false, nullptr},
    {"doc.in_vergadering_bijeen",
     "De Algemene Ledenvergadering van de VNG, in vergadering bijeen op 7 juni 2024,", true,
     nullptr},
    {"doc.in_vergadering_bijeen", "in algemene ledenvergadering bijeen", true, nullptr},
    {"doc.resolutie", "Resolutie \"VNG-inzet richting nieuw kabinet\"", true, nullptr},
    {"doc.resolutie", "resolutie ontvangen inclusief nagekomen moties", false, nullptr},
    {"doc.brief", "Geachte leden van college en gemeenteraad,", true, nullptr},
    {"doc.brief", "Geachte dames en heren,", true, nullptr},
    {"doc.brief", "Lbr. 23/047", true, nullptr},

    // Considerations.
    // Bullets, also as OCR reads them.
    {"line.bullet", "• Landelijk beleid wordt ontwikkeld", true, "•"},
    {"line.bullet", "\" Voorwaardelijk voor goed beleid is tevens", true, "\" "},
    {"line.bullet", "« De VNG zich reeds meermalen heeft ingezet", true, "« "},
    {"line.bullet", "\"Goed beleid = integraal beleid\" is de titel", false, nullptr},

    {"clause.constaterende", "Constaterende, dat", true, ""},
    {"clause.constaterende", "Constaterende dat:", true, ""},
    {"clause.constaterende", "constaterende dat gemeenten te weinig middelen hebben;", true,
     "gemeenten te weinig middelen hebben;"},
    {"clause.constaterende", "Voorts constaterende dat", true, ""},
    {"clause.constaterende", "C0nstaterende dat", true, ""},
    {"clause.overwegende", "Overwegende dat:", true, ""},
    {"clause.overwegende", "Overwegende dat,", true, ""},
    {"clause.overwegende", "Ovenregende dat", true, ""},
    {"clause.overwegende", "0verwegende dat", true, ""},
    {"clause.overwegende", "Overwegingen:", true, ""},
    {"clause.overwegende", "overwegende, dat de kosten stijgen", true, "de kosten stijgen"},
    {"clause.overwegende", "Tevens overwegende dat", true, ""},
    {"clause.overwegende", "Overwegend is de toon positief", false, nullptr},
    {"clause.van_mening", "Van mening dat", true, ""},
    {"clause.van_mening", "Is van mening dat het Rijk moet betalen", true, "het Rijk moet betalen"},
    {"clause.van_oordeel", "Van oordeel zijnde dat", true, ""},
    {"clause.gelet_op", "Gelet op:", true, ""},
    {"clause.gelet_op", "gelet op de brief van 3 november", true, "de brief van 3 november"},
    {"clause.kennisnemende", "Kennis genomen hebbende van het rapport", true, "het rapport"},
    {"clause.kennisnemende", "Kennisnemende van", true, ""},
    {"clause.dat_paragraph", "Dat gemeenten onvoldoende middelen hebben;", true,
     "gemeenten onvoldoende middelen hebben;"},
    {"clause.dat_paragraph", "dat gemeenten onvoldoende", false, nullptr},
    {"clause.end_orde_van_de_dag", "En gaat over tot de orde van de dag", true, nullptr},
    {"clause.end_orde_van_de_dag", "en gaan over tot de orde van de dag.", true, nullptr},

    // Requests.
    {"request.verzoekt", "Verzoekt het VNG bestuur om;", true, "het VNG bestuur om;"},
    {"request.verzoekt", "Verzoeken het bestuur:", true, "het bestuur:"},
    {"request.verzoekt", "En verzoekt het college", true, "het college"},
    {"request.roept_op", "Roept het VNG bestuur op om", true, ""},
    {"request.roept_op", "Roept het bestuur van de VNG op om:", true, ""},
    {"request.roept_op", "roept de regering op de korting terug te draaien", true,
     "de korting terug te draaien"},
    {"request.roept_op", "Roept op tot het terugdraaien van de korting", true,
     "het terugdraaien van de korting"},
    {"request.oproep", "Oproep aan het VNG-bestuur:", true, ""},
    {"request.oproep", "Oproep aan het bestuur om: in gesprek te gaan", true, "in gesprek te gaan"},
    {"request.draagt_op", "Draagt het bestuur op om", true, ""},
    {"request.draagt_op", "draagt het college op:", true, ""},
    {"request.spreekt_uit", "Spreekt uit dat", true, ""},
    {"request.spreekt_uit", "Spreekt als haar mening uit dat gemeenten gelijkwaardig zijn", true,
     "gemeenten gelijkwaardig zijn"},
    {"request.spreekt_uit", "Spreekt zich uit voor een eerlijke verdeling", true,
     "voor een eerlijke verdeling"},
    {"request.besluit", "Besluit:", true, ""},
    {"request.besluit", "besluit om de VNG te vragen", true, "de VNG te vragen"},
    {"request.dringt_aan", "Dringt er bij het kabinet op aan om", true, ""},
    {"request.stelt_voor", "Stelt voor de tekst als volgt te wijzigen:", true,
     "de tekst als volgt te wijzigen:"},
    {"request.geeft_opdracht", "Geeft het bestuur de opdracht om", true, ""},
    {"request.addressee", "het VNG bestuur om;", true, ""},
    {"request.addressee", "het bestuur van de VNG op om: de inzet te versterken", true,
     "de inzet te versterken"},
    {"request.addressee", "de regering om de korting terug te draaien", true,
     "de korting terug te draaien"},
    {"request.addressee", "het college van burgemeester en wethouders om: te handelen", true,
     "te handelen"},
    {"request.addressee", "zich in te zetten voor de regio", false, nullptr},

    // Header fields.
    {"header.indiener", "Indiener: Gemeente Enschede", true, "Gemeente Enschede"},
    {"header.indiener", "Indieners: Gemeenten Zeist, Utrecht en Nijmegen", true,
     "Gemeenten Zeist, Utrecht en Nijmegen"},
    {"header.indiener", "lndiener: gemeente Losser", true, "gemeente Losser"},
    {"header.indiener", "Indienende gemeente(n): Enschede", true, "Enschede"},
    {"header.indiener", "Ingediend door: Bergeijk c.s.", true, "Bergeijk c.s."},
    {"header.mede_indiener", "Mede indiener:", true, ""},
    {"header.mede_indiener", "Mede-indieners: Losser, Oldenzaal", true, "Losser, Oldenzaal"},
    {"header.van", "VAN: Gemeente Heemstede", true, "Gemeente Heemstede"},
    {"header.datum", "DATUM 20 november 2023", true, "20 november 2023"},
    {"header.datum", "Datum indiening: 14 november 2023", true, "14 november 2023"},
    {"header.datum", "Datum:", true, ""},
    {"header.titel", "Titel motie: Herstel financiële verhouding", true,
     "Herstel financiële verhouding"},
    {"header.titel", "Titel: passende normering en regulering", true,
     "passende normering en regulering"},
    {"header.titel", "Onderwerp motie: Wonen", true, "Wonen"},
    {"header.agendapunt", "Agendapunt 8a. Actualisatie randvoorwaarden", true, "8a"},
    {"header.agendapunt", "- Agendapunt 7. Kaders VNG-inzet", true, "7"},

    // Titles.
    {"title.label", "Motie: Aan de slag met bestaanszekerheid", true,
     "Aan de slag met bestaanszekerheid"},
    {"title.quoted", "Motie \"Goed beleid = integraal beleid\"", true,
     "Goed beleid = integraal beleid"},
    {"title.quoted", "Motie Zeist c.s. \"Duurzame bekostiging IZA\"", true,
     "Duurzame bekostiging IZA"},
    {"title.preadvies", "Samenvatting en preadvies motie Goed beleid = integraal beleid", true,
     "Goed beleid = integraal beleid"},
    {"title.preadvies", "Preadvies bij de motie Lokale energie", true, "Lokale energie"},
    {"title.generic_subject", "Motie Algemene Leden Vergadering 1 december 2023", true, nullptr},
    {"title.generic_subject", "Motie ALV 1 december 2023", true, nullptr},

    // Submitters and supporters.
    {"indiener.amendement_van", "Amendement van de gemeente Eindhoven", true, "gemeente Eindhoven"},
    {"indiener.dient_in", "De gemeente Zeist dient deze motie in", true, "gemeente Zeist"},
    {"indiener.cs", "Bergeijk c.s.", true, nullptr},
    {"indiener.cs", "Schagen en Almere e.a.", true, nullptr},
    {"indiener.met_mede", "gemeente Súdwest-Fryslân met mede-indiener gemeente Losser", true,
     "gemeente Súdwest-Fryslân"},
    {"support.heading", "Lijst met ondersteunende gemeenten", true, ""},
    {"support.heading", "Ondersteunende gemeenten: Weert, Apeldoorn", true, "Weert, Apeldoorn"},
    {"support.heading", "Ondersteund door:", true, ""},
    {"support.inline", "Deze motie wordt ondersteund door de gemeenten: Oss, Uden en Meierijstad",
     true, "Oss, Uden en Meierijstad"},
    {"support.placeholder", "Lijst volgt", true, nullptr},
    {"support.placeholder", "PM volgt", true, nullptr},
    {"support.placeholder", "gemeenten …", true, nullptr},
    {"support.placeholder", "Gemeente Weert", false, nullptr},

    // Dates and meetings.
    {"date.long", "20 november 2023", true, "20"},
    {"date.long", "1 december a.s.", true, "1"},
    {"date.long", "3 dec. 2023", true, "3"},
    {"date.numeric", "20-11 -2023", true, "20"},
    {"date.numeric", "20 - 11 - 2023", true, "20"},
    {"date.numeric", "20.11.2023", true, "20"},
    {"vergadering.context", "Najaars ALV van 1 december a.s.", true, nullptr},
    {"vergadering.context", "Algemene Leden Vergadering 1 december 2023", true, nullptr},
    {"vergadering.context", "Algemene Ledenvergadering Vereniging Nederlandse Gemeenten", true,
     nullptr},

    // Preadvies.
    {"preadvies.advies", "Preadvies VNG-bestuur: overnemen", true, "overnemen"},
    {"preadvies.advies", "Preadvies bestuur: Ontraden", true, "Ontraden"},
    {"preadvies.advies", "Preadvies: oordeel aan de ALV", true, "oordeel aan de ALV"},
    {"preadvies.strekking", "Strekking van de motie:", true, ""},
    {"preadvies.strekking", "Strekking van het amendement: voegt toe", true, "voegt toe"},
    {"preadvies.toelichting", "Toelichting bij het preadvies:", true, ""},
    {"preadvies.status", "Status motie: ondertekend", true, "ondertekend"},

    // Signatories.
    {"sign.role", "Burgemeester Enschede", true, "Burgemeester"},
    {"sign.role", "Wethouder Financiën Enschede", true, "Wethouder"},
    {"sign.role", "gemeentesecretaris", true, "gemeentesecretaris"},
    {"sign.role", "loco-burgemeester", true, "loco-burgemeester"},
    {"sign.name_role", "A.C. Nienhuis, burgemeester", true, "A.C. Nienhuis"},
    {"sign.honorific", "mr. drs. J.A. de Vries", true, nullptr},
    {"sign.honorific", "Dhr. P. Jansen", true, nullptr},
    {"sign.name_initials", "J. R. V. A. Dijsselbloem", true, "J. R. V. A. Dijsselbloem"},
    {"sign.name_initials", "C.A.M. Kroon", true, "C.A.M. Kroon"},
    {"sign.name_initials", "J. van Dam", true, "J. van Dam"},
    {"sign.name_full", "Roelof Bleker", true, "Roelof Bleker"},
    {"sign.name_full", "Marc van der Teutelinck", true, "Marc van der Teutelinck"},
    {"sign.name_full", "en gaat over", false, nullptr},
    {"sign.table_label", "Namens gemeente:", true, "Namens gemeente"},
    {"sign.table_label", "Naam", true, "Naam"},
    {"sign.table_label", "Functie:", true, "Functie"},
    {"sign.table_label", "Handtekening", true, "Handtekening"},
    {"sign.table_label", "Naam: J. Jansen", false, nullptr},
    {"sign.table_label", "Gemeenten hebben daarmee", false, nullptr},
    {"sign.label_value", "Namens gemeente: Losser", true, "Namens gemeente"},
    {"sign.label_value", "Namens de gemeente: Súdwest-Fryslân", true, "Namens de gemeente"},
    {"sign.label_value", "Naam: J. Jansen", true, "Naam"},
    {"sign.label_value", "Functie : wethouder", true, "Functie"},
    {"sign.label_value", "Wethouder: mr. J. Jansen", true, "Wethouder"},
    {"sign.label_value", "Gemeentesecretaris:", true, "Gemeentesecretaris"},
    {"sign.label_value", "Wethouder Financiën Enschede", false, nullptr},
    {"sign.label_value", "Datum: 20 november 2023", false, nullptr},
    {"sign.college_van", "Het college van burgemeester en wethouders van Losser", true, "Losser"},
    {"sign.college_van", "Namens burgemeester en wethouders van Heemstede,", true, "Heemstede"},
    {"sign.namens", "Namens de gemeente Eindhoven,", true, "Eindhoven"},

    // Rules that were tested only through the extractor before: each has
    // its rows here now (no allowlist).
    {"doc.brief_letterhead", "Ons kenmerk:", true, nullptr},
    {"doc.brief_letterhead", "Datum indiening: 20 november", false, nullptr},
    {"clause.other_opener", "Erkennende dat de gemeenten veel doen;", true, "Erkennende"},
    {"clause.other_opener", "Concluderende, dat", true, "Concluderende"},
    {"clause.other_opener", "erkent het probleem", false, nullptr},
    {"clause.gehoord", "gehoord de beraadslaging,", true, ""},
    {"clause.gehoord", "Gehoord de discussie over de Begroting 2017.", true,
     "over de Begroting 2017."},
    {"clause.gehoord", "gehoord hebbende", false, nullptr},
    {"clause.vaststellende", "Vaststellende dat het rapport er ligt", true, "het rapport er ligt"},
    {"request.vraagt", "Vraagt het bestuur om", true, "bestuur om"},
    {"request.doet_beroep", "Doet een dringend beroep op het kabinet om", true, "het kabinet om"},
    {"section.signatures", "Namens de gemeente Eindhoven,", true, nullptr},
    {"section.signatures", "Met vriendelijke groet,", true, nullptr},
    {"section.signatures", "De namen van de indieners", false, nullptr},
    {"section.toelichting", "Toelichting:", true, nullptr},
    {"section.inleiding", "Aanleiding", true, nullptr},
    {"section.inleiding", "Aanleiding van de motie is", false, nullptr},
    {"header.onderwerp", "Onderwerp: Motie ALV 1 december 2023", true, "Motie ALV 1 december 2023"},
    {"title.amendement_label", "Titel amendement:", true, nullptr},
    {"title.in_quotes", "Motie \"Goed beleid = integraal beleid\"", true,
     "Goed beleid = integraal beleid"},
    {"indiener.motie_van", "Motie van de gemeente Zeist", true, "gemeente Zeist"},
    {"gemeente.prefix", "Gemeente Den Haag", true, nullptr},
    {"gemeente.separator", "Zeist, Utrecht", true, nullptr},
    {"date.iso", "op 2023-12-01 besproken", true, "2023"},
    {"line.bullet", "- Dierenwelzijn geen bijproduct is;", true, "-"},

    // Opener inside a sentence (parliament's preamble).
    {"clause.inline_opener", "De Kamer, gehoord de beraadslaging, constaterende dat:", true,
     "De Kamer,"},
    {"clause.inline_opener", "dat het kan; overwegende dat het moet", true, "dat het kan;"},
    {"clause.inline_opener", "de gemeente, die overweegt te stoppen", false, nullptr},
    {"request.nodigt_uit", "nodigt de regering uit daartoe voorstellen te doen,", true,
     "daartoe voorstellen te doen,"},
    {"request.nodigt_uit", "een uitnodiging voor de leden", false, nullptr},
    {"request.amendment_lead_in", "Te wijzigen in:", true, "Te wijzigen in:"},
    {"request.amendment_lead_in", "Te wijzigen tekst bij Voorstel actualisering,", true,
     "Te wijzigen tekst bij Voorstel actualisering,"},
    {"request.amendment_lead_in", "het beleid te wijzigen", false, nullptr},
    {"doc.motie_van_lid", "nr. 41   GEWIJZIGDE MOTIE VAN HET LID VERSPAGET C.S.", true, nullptr},
    {"doc.motie_van_lid", "Motie van het raadslid Johnas van Lammeren inzake de kadernota", true,
     nullptr},
    {"doc.motie_van_lid", "de motie van de gemeente Zeist", false, nullptr},
    {"doc.amendement_besluit", "Ontwerpbesluit 01/14B als volgt aan te passen:", true, nullptr},
    {"doc.amendement_besluit", "Het besluit als volgt te wijzigen:", true, nullptr},
    {"doc.amendement_besluit", "verzoekt het college het besluit aan te passen", false, nullptr},
    {"clause.end_orde_van_de_dag", "en gaat over tot de orde van de dag.", true, ""},
    {"clause.end_orde_van_de_dag",
     "- de motie uit te voeren, en gaan over tot de orde van de vergadering", true,
     "- de motie uit te voeren"},

    // Layout profiles.
    {"profile.kamerstuk_house", "Tweede Kamer der Staten-Generaal      Vergaderjaar 1995–1996",
     true, "Tweede"},
    {"profile.kamerstuk_house", "Eerste Kamer der Staten-Generaal", true, "Eerste"},
    {"profile.kamerstuk_house", "de Tweede Kamer heeft besloten", false, nullptr},
    {"profile.kamerstuk_footer", "Tweede Kamer, vergaderjaar 1995–1996, 24 226, nr. 14", true,
     "Tweede"},
    {"profile.de_kamer", "De Kamer,", true, nullptr},
    {"profile.de_kamer", "De Kamer heeft", false, nullptr},
    {"profile.motie_van_het_lid", "nr. 14     MOTIE VAN HET LID VAN ERP C.S.", true,
     "VAN ERP C.S."},
    {"profile.motie_van_het_lid", "Nr. 12   MOTIE VAN DE LEDEN VENDRIK EN BOLHUIS", true,
     "VENDRIK EN BOLHUIS"},
    {"profile.motie_van_het_lid",
     "nr. 41   GEWIJZIGDE MOTIE VAN HET LID VERSPAGET C.S., TER VERVANGING VAN DIE GEDRUKT", true,
     "VERSPAGET C.S."},
    {"profile.motie_van_het_lid", "Motie van het lid Van Lammeren inzake", false, nullptr},
    {"profile.voorgesteld_door", "voorgesteld door de leden Gesthuizen, Vos en Van Gent.", true,
     "Gesthuizen, Vos en Van Gent"},
    {"profile.provinciale_staten",
     "Provinciale Staten van Noord-Brabant, in vergadering bijeen op 14 maart 2014", true,
     "Noord-Brabant"},
    {"profile.provinciale_staten", "Provinciale Staten in vergadering bijeen op 19 december 2018",
     true, ""},
    {"profile.provinciale_staten", "informeren van provinciale staten over het plan", false,
     nullptr},
    {"profile.provincie_header", "Provincie Gelderland", true, "Gelderland"},
    {"profile.gedeputeerde_staten", "verzoeken Gedeputeerde Staten:", true, nullptr},
    {"profile.waterschap_bestuur",
     "Het Algemeen Bestuur van Hoogheemraadschap De Stichtse Rijnlanden, in vergadering bijeen",
     true, "Hoogheemraadschap De Stichtse Rijnlanden"},
    {"profile.waterschap_header", "Hoogheemraadschap De Stichtse Rijnlanden", true,
     "Hoogheemraadschap De Stichtse Rijnlanden"},
    {"profile.dijkgraaf", "verzoekt het college van dijkgraaf en hoogheemraden om:", true, nullptr},
    {"profile.gemeenteraad", "De raad van de gemeente Den Haag, in vergadering bijeen op 24 juni",
     true, "Den Haag"},
    {"profile.gemeenteraad", "De gemeenteraad van Groningen bijeen op 17 november 2010", true,
     "Groningen"},
    {"profile.gemeenteraad", "De Gemeenteraad, bijeen op 3 juli 2014", true, ""},
    {"profile.gemeenteraad", "de raad van toezicht adviseert", false, nullptr},
    {"profile.gemeente_header", "Gemeente Den Haag", true, "Den Haag"},
    {"profile.gemeente_header", "% Gemeente Amsterdam", true, "Amsterdam"},
    {"profile.council_format", "Ondergetekende heeft de eer voor te stellen:", true, nullptr},
    {"profile.council_format", "Het lid van de gemeenteraad,", true, nullptr},
    {"profile.vng", "Vereniging van Nederlandse Gemeenten", true, nullptr},

    // Dates by their anchor.
    {"date.anchor_voorgesteld", "Voorgesteld 30 november 1995", true, "30 november 1995"},
    {"date.anchor_voorgesteld", "voorgesteld door de leden", false, nullptr},
    {"date.anchor_meeting", "in vergadering bijeen op woensdag 1 juli 2020,", true, "1 juli 2020,"},
    {"date.anchor_meeting", "De Gemeenteraad, bijeen op 3 juli 2014 ter bespreking", true,
     "3 juli 2014 ter bespreking"},
    {"date.anchor_meeting", "Ingekomen op 13 oktober 2016", true, "13 oktober 2016"},
    {"date.anchor_meeting", "MOTIE VREEMD AAN DE ORDE VERGADERING PS VAN 19 december 2018", true,
     "19 december 2018"},
    {"date.anchor_meeting", "Publicatiedatum 18 november 2016", false, nullptr},

    // Titles of council, Staten and water board motions.
    {"title.inzake", "Motie van het raadslid Johnas van Lammeren inzake de kadernota", true,
     "de kadernota"},
    {"title.inzake", "Motie inzake het dierenwelzijnsbeleid", true, "het dierenwelzijnsbeleid"},
    {"title.inzake", "verzoekt het college inzake de kadernota", false, nullptr},
    {"title.heading", "Motie - Haags rapport dierenwelzijn", true, "Haags rapport dierenwelzijn"},
    {"title.heading", "MOTIE DIERENWELZIJN", true, "DIERENWELZIJN"},
    {"title.heading", "Motie: 'Iedere opstand begint bij een individu'", true,
     "'Iedere opstand begint bij een individu'"},
    {"title.heading", "motiveert de raad", false, nullptr},
    {"title.not_a_title", "Motie 72/2014", true, nullptr},
    {"title.not_a_title", "MOTIE VREEMD AAN DE ORDE VERGADERING PS VAN 19 december 2018", true,
     nullptr},
    {"title.not_a_title", "Motie Autoloze dag", false, nullptr},
    {"title.stop", "De raad van de gemeente Groningen, in vergadering bijeen", true, nullptr},
    {"title.stop", "lokken)", false, nullptr},

    // Signature blocks of members and fracties.
    {"sign.member_label", "Het lid van de gemeenteraad,", true, "gemeenteraad"},
    {"sign.member_label", "Het lid van de Staten,", true, "Staten"},
    {"sign.member_label", "het lid van de gemeenteraad heeft gevraagd", false, nullptr},
    {"sign.fractie", "Gemeenteraadsfractie Partij voor de Dieren", true, "Partij voor de Dieren"},
    {"sign.fractie", "Namens de PVV fractie", true, ""},
    {"sign.fractie", "Fractie Christen Unie", true, "Christen Unie"},
    {"sign.party_known", "Partij voor de Dieren", true, nullptr},
    {"sign.party_known", "PVV Noord-Brabant", true, nullptr},
    {"sign.party_known", "ChristenUnie/SGP", true, nullptr},
    {"sign.party_known", "Peter Bos", false, nullptr},
    {"sign.party_word", "Gouda Positief", true, nullptr},
    {"sign.party_word", "Haagse Stadspartij", true, nullptr},
    {"sign.party_word", "Groep de Mos/ODPDH", true, nullptr},
    {"sign.party_word", "Mustafa Okcuoglu", false, nullptr},
    {"sign.person", "Christine Teunissen", true, nullptr},
    {"sign.person", "J.F.W. van Lammeren", true, nullptr},
    {"sign.person", "T Cetinkaya", true, nullptr},
    {"sign.person", "M. de Graaff", true, nullptr},
    {"sign.person", "Van Zuijlen", true, nullptr},
    {"sign.person", "Augusteijn-Esser", true, nullptr},
    {"sign.person", "Julie d’Hondt", true, nullptr},
    {"sign.person", "Bertrick van den Dikkenberg", true, nullptr},
    {"sign.person", "en gaat over tot de orde van de dag.", false, nullptr},
    {"sign.person", "PVV", false, nullptr},
    {"sign.person_party", "Monique Bollen, GroenLinks", true, "Monique Bollen"},
    {"sign.person_party", "Kirsten de Wrede (Partij voor de Dieren)", true, "Kirsten de Wrede"},
    {"sign.person_party", "Fractie Partij voor de Dieren, Frank-Juriën Dam", true,
     "Fractie Partij voor de Dieren"},

    // OCR reads some bullets as underscores.
    {"line.bullet", "___de Haagse Nota Dierenwelzijn inmiddels vijf jaar oud is,", true, "___"},
    {"line.bullet", "_andere gemeenten zoals Utrecht", true, "_"},

    {"line.glued_bullet", "\"de gemeenteraad met een jaarlijkse rapportage", true,
     "de gemeenteraad met een jaarlijkse rapportage"},
    {"line.glued_bullet", "\"Samen sterk\" is de titel", false, nullptr},
    {"line.glued_bullet", "\"__de ecologische werking van deze bomen", true,
     "de ecologische werking van deze bomen"},
    {"line.glued_bullet", "de gemeenteraad", false, nullptr},

    // Letters: subject, closing, sender, addressees.
    {"letter.subject", "Onderwerp", true, ""},
    {"letter.subject", "Onderwerp: Eerste nazending Najaars ALV 1 december 2023", true,
     "Eerste nazending Najaars ALV 1 december 2023"},
    {"letter.subject", "Betreft: zienswijze begroting 2025", true, "zienswijze begroting 2025"},
    {"letter.subject", "Onderwerpen van gesprek zijn:", false, nullptr},
    {"letter.subject", "Het betreft hier een motie", false, nullptr},
    {"letter.closing", "Met vriendelijke groet,", true, nullptr},
    {"letter.closing", "Met vriendelijke groeten", true, nullptr},
    {"letter.closing", "Hoogachtend,", true, nullptr},
    {"letter.closing", "met vriendelijke groet van de fractie en veel succes", false, nullptr},
    {"letter.sender", "Vereniging van Nederlandse Gemeenten", true, nullptr},
    {"letter.sender", "Het college van burgemeester en wethouders van Utrecht,", true, nullptr},
    {"letter.sender", "namens het bestuur", true, nullptr},
    {"letter.sender", "mr L.K. Geluk", false, nullptr},
    {"letter.to_members", "Aan de leden", true, nullptr},
    {"letter.to_members", "  Aan de leden van de raad", true, nullptr},
    {"letter.to_members", "Wij vragen aan de leden", false, nullptr},

    // Page furniture.
    {"page.furniture", "Vereniging van Nederlandse Gemeenten 2/2", true, nullptr},
    {"page.furniture", "2", true, nullptr},
    {"page.furniture", "Pagina 2 van 3", true, nullptr},
    {"page.furniture", "https://vng.nl/uitvoeringstoetsen", true, nullptr},
};

// One test over the whole table, as RE2's search_test: a failing row
// names its rule, its position and its input. (A CTest entry per row cost
// a process each: 280 processes, 50 s of the suite.)
TEST(GrammarTableTest, EveryRowMatchesAsExpected) {
  for (size_t i = 0; i < std::size(kRows); ++i) {
    const Row& row = kRows[i];
    SCOPED_TRACE("row " + std::to_string(i) + ": " + row.rule + " on \"" + row.input + "\"");
    const RE2& re = Grammar().Re(row.rule);
    std::string group;
    bool matched = re.NumberOfCapturingGroups() > 0 ? RE2::PartialMatch(row.input, re, &group)
                                                    : RE2::PartialMatch(row.input, re);
    EXPECT_EQ(matched, row.matches);
    if (matched && row.capture != nullptr) EXPECT_EQ(group, row.capture);
  }
}

TEST(GrammarTest, EveryRuleHasAUniqueNameAndIsTested) {
  std::set<std::string> names, tested;
  for (const Row& row : kRows) tested.insert(row.rule);
  for (const NamedRule& rule : Grammar().All()) {
    EXPECT_TRUE(names.insert(rule.name).second) << "duplicate rule " << rule.name;
  }
  for (const std::string& name : names) {
    EXPECT_TRUE(tested.count(name)) << "untested rule " << name;
  }
}

}  // namespace
}  // namespace motiearchief::extractors
