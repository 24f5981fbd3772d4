//! Codes of the checks that are not legal rules but guard the input and the
//! tooling: YAML shape, files, templates, typesetting. Listed with the rules
//! so `avgdoc explain YAML-01` works for every code a diagnostic can carry.

use super::Rule;
use crate::diag::Severity;

macro_rules! system_rule {
    ($name:ident, $id:literal, $sev:ident, $title:literal, $source:literal, $expl:literal) => {
        pub static $name: Rule = Rule {
            id: $id,
            severity: Severity::$sev,
            title: $title,
            source: $source,
            explanation: $expl,
        };
    };
}

system_rule!(
    YAML_01,
    "YAML-01",
    Error,
    "Een zaakbestand of avgdoc.yaml is geldige YAML met precies de bekende velden",
    "avgdoc: zaakformaat (README)",
    "Elk veld moet bekend zijn (een tikfout in een veldnaam is een fout, geen stilzwijgend genegeerd \
veld), verplichte velden moeten er zijn, een datum is JJJJ-MM-DD en bestaat, ja/nee-waarden zijn true of \
false, en geen sleutel staat er twee keer.\n\nVoorbeeld: `ontvangen_om: 2026-11-02` geeft \
\"onbekend veld `ontvangen_om`\" op die regel."
);
system_rule!(
    YAML_02,
    "YAML-02",
    Error,
    "Een zaakbestand heeft een bekende soort",
    "avgdoc: zaakformaat (README)",
    "`soort:` bepaalt welke velden en regels gelden. Bekend: avg-verzoek."
);
system_rule!(
    CONFIG_01,
    "CONFIG-01",
    Error,
    "avgdoc.yaml is aanwezig en zonder fouten",
    "avgdoc: organisatiebestand (README)",
    "Zonder geldig avgdoc.yaml kan avgdoc geen brief maken: de afzender, het contactpunt en de \
ondertekenaar komen daaruit. Start avgdoc in de map met avgdoc.yaml of gebruik --root."
);
system_rule!(
    CONFIG_03,
    "CONFIG-03",
    Error,
    "Het logo uit avgdoc.yaml staat in templates/",
    "avgdoc: sjablonen (README); PDF/UA-1 (alternatieve tekst)",
    "`logo.bestand` is een pad binnen templates/, bijvoorbeeld `logo.svg`; `logo.alt` is de \
beschrijving voor schermlezers."
);
system_rule!(
    CASES_01,
    "CASES-01",
    Error,
    "De map cases/ bestaat",
    "avgdoc: zaakrepository (README)",
    "Zaakbestanden staan in cases/ (submappen mogen), met de extensie .yaml of .yml."
);
system_rule!(
    CASES_02,
    "CASES-02",
    Error,
    "Elk zaakbestand is leesbaar als UTF-8-tekst",
    "avgdoc: zaakrepository (README)",
    "Een bestand dat niet gelezen kan worden (rechten, geen UTF-8) wordt gemeld; de andere zaken \
gaan door."
);
system_rule!(
    TEMPLATE_01,
    "TEMPLATE-01",
    Error,
    "Elk sjabloon is geldig en kan worden ingevuld",
    "avgdoc: sjablonen (README)",
    "Een Markdown-sjabloon (Tera) moet kloppen: elke `{% if %}` heeft een `{% endif %}` en elke \
gebruikte variabele bestaat. De melding noemt het sjabloon."
);
system_rule!(
    TEMPLATE_02,
    "TEMPLATE-02",
    Error,
    "De map templates/ is leesbaar",
    "avgdoc: sjablonen (README)",
    "Bestanden in templates/ vervangen de ingebouwde sjablonen; ze moeten leesbaar zijn."
);
system_rule!(
    TEMPLATE_03,
    "TEMPLATE-03",
    Error,
    "De huisstijl brief.typ is aanwezig",
    "avgdoc: sjablonen (README)",
    "brief.typ is het hoofdsjabloon van elke brief (ingebouwd of in templates/)."
);
system_rule!(
    TYPST_01,
    "TYPST-01",
    Error,
    "De huisstijl zet de brief foutloos en toegankelijk (PDF/A-2a, PDF/UA-1)",
    "ISO 19005-2 (PDF/A-2a); ISO 14289-1 (PDF/UA-1)",
    "Een fout van Typst wijst naar het sjabloon en de regel. PDF/UA-1 eist onder meer een titel, \
alternatieve tekst bij afbeeldingen en koppen zonder overgeslagen niveaus (de eerste kop is niveau 1)."
);
system_rule!(
    WRITE_01,
    "WRITE-01",
    Error,
    "Een brief kan in de uitvoermap worden geschreven",
    "avgdoc",
    "Brieven worden eerst naar een tijdelijk bestand in output/<kenmerk>/ geschreven en dan \
hernoemd; een onvolledige brief staat dus nooit op schijf."
);
system_rule!(
    KALENDER_01,
    "KALENDER-01",
    Warning,
    "De gelijkgestelde dagen van het jaar zijn bekend",
    "art. 3 lid 3 Algemene termijnenwet",
    "Dagen die bij koninklijk besluit met een feestdag gelijkgesteld zijn, kent avgdoc voor 2023–2028. \
Voor andere jaren rekent avgdoc zonder zulke dagen (de vroegste, veilige datum) en waarschuwt."
);

pub static RULES: &[&Rule] = &[
    &YAML_01,
    &YAML_02,
    &CONFIG_01,
    &CONFIG_03,
    &CASES_01,
    &CASES_02,
    &TEMPLATE_01,
    &TEMPLATE_02,
    &TEMPLATE_03,
    &TYPST_01,
    &WRITE_01,
    &KALENDER_01,
];
