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
false, en geen sleutel staat er twee keer. avgdoc meldt alle fouten van een bestand in één keer, elk \
op zijn regel, met \"bedoelde u …?\" bij een tikfout in een veldnaam of een vaste waarde. Fouten in de \
YAML zelf (een dubbele punt in een tekst, een tab, een niet gesloten aanhalingsteken) legt avgdoc in \
het Nederlands uit.\n\nVoorbeeld: `ontvangen_om: 2026-11-02` geeft \"onbekend veld `ontvangen_om`; \
bedoelde u `ontvangen_op`?\" op die regel."
);
system_rule!(
    YAML_02,
    "YAML-02",
    Error,
    "Een zaakbestand heeft een bekende soort",
    "avgdoc: zaakformaat (README)",
    "`soort:` bepaalt welke velden en regels gelden; `avgdoc --help` noemt de bekende soorten. Bij \
een tikfout noemt avgdoc de soort die er het dichtst bij ligt.\n\nVoorbeeld: `soort: avg_verzoek` geeft \
\"onbekende soort zaak; bedoelde u `avg-verzoek`?\"."
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

system_rule!(
    CASES_03,
    "CASES-03",
    Warning,
    "Een zaakbestand is een gewoon bestand, geen symbolische koppeling",
    "avgdoc: zaakrepository (README)",
    "avgdoc volgt geen symbolische koppelingen in cases/: zo'n koppeling kan naar een bestand buiten \
de repository wijzen. Het bestand wordt overgeslagen en gemeld.\n\nVoorbeeld: `cases/zaak.yaml -> \
/home/ander/zaak.yaml` geeft deze waarschuwing; kopieer het bestand in plaats daarvan."
);
system_rule!(
    GROOTTE_01,
    "GROOTTE-01",
    Error,
    "Een zaakbestand is niet groter dan de ingestelde grens",
    "avgdoc: zaakformaat (README); avgdoc.yaml `grenzen.bestand_bytes`",
    "Een zaakbestand is hoogstens `grenzen.bestand_bytes` groot (standaard 1 MiB). Een groter \
bestand wordt niet gelezen; de andere zaken gaan door.\n\nVoorbeeld: een zaakbestand van 50 MB \
geeft \"het zaakbestand is groter dan 1048576 bytes\"."
);
system_rule!(
    GROOTTE_02,
    "GROOTTE-02",
    Error,
    "Een tekstveld is niet langer dan de ingestelde grens",
    "avgdoc: zaakformaat (README); avgdoc.yaml `grenzen.veld_tekens`",
    "Elke tekst in een zaakbestand is hoogstens `grenzen.veld_tekens` tekens lang (standaard \
100 000). De melding noemt het veld, niet de tekst.\n\nVoorbeeld: een `omschrijving` van een \
miljoen tekens geeft \"het veld `omschrijving` is te lang\"."
);
system_rule!(
    GROOTTE_03,
    "GROOTTE-03",
    Error,
    "Een zaakbestand blijft na het uitvouwen van aliassen binnen de grens",
    "avgdoc: zaakformaat (README); avgdoc.yaml `grenzen.totaal_bytes`",
    "YAML-aliassen (`*naam`) herhalen een blok met een anker (`&naam`). avgdoc telt de tekst van \
elke herhaling mee; samen is die hoogstens `grenzen.totaal_bytes` (standaard 4 MiB).\n\n\
Voorbeeld: een anker van 500 kB dat 99 keer wordt herhaald, geeft deze fout."
);
system_rule!(
    DATUM_01,
    "DATUM-01",
    Error,
    "Een datum in een zaakbestand ligt tussen 1900 en 2200",
    "avgdoc: zaakformaat (README)",
    "Een datum of tijdstip in een zaakbestand heeft een jaartal van 1900 tot en met 2200; een \
datum daarbuiten is een tikfout en kan geen termijn geven. De melding noemt het veld.\n\n\
Voorbeeld: `ontvangen_op: +262142-12-20` geeft \"de datum in `ontvangen_op` ligt buiten \
1900–2200\"."
);
system_rule!(
    BSN_01,
    "BSN-01",
    Error,
    "Een zaakbestand bevat geen burgerservicenummer",
    "art. 46 UAVG; art. 87 AVG",
    "Een burgerservicenummer (BSN) mag alleen worden gebruikt waar de wet dat voorschrijft; in een \
zaakbestand, een bestandsnaam of een brief hoort het niet. avgdoc herkent een getal van negen \
cijfers dat de elfproef doorstaat (ook met punten of spaties) in elke tekst, ook in het kenmerk. De \
melding noemt het veld en toont het nummer niet.\n\nVoorbeeld: `kenmerk: 111222333` geeft \"het \
veld `kenmerk` bevat een burgerservicenummer (BSN)\"."
);

system_rule!(
    TEMPLATE_04,
    "TEMPLATE-04",
    Error,
    "Een sjabloon roept zichzelf niet aan",
    "avgdoc: sjablonen (README)",
    "Een macro die zichzelf aanroept (direct of via een andere macro) of een sjabloon dat zichzelf insluit (`{% include %}`, direct of via een ander sjabloon) zou eindeloos doorgaan. avgdoc weigert zo'n sjabloon voordat het wordt ingevuld; de brieven die het gebruiken worden niet gemaakt, alle andere wel.\n\nVoorbeeld: `{% macro lijst() %}{{ self::lijst() }}{% endmacro %}` geeft \"macro `lijst` in ... roept zichzelf aan\"."
);
system_rule!(
    TEMPLATE_05,
    "TEMPLATE-05",
    Error,
    "Een sjabloon leest geen omgeving, klok of toeval",
    "avgdoc: sjablonen (README)",
    "Een brief hangt alleen af van de zaak, avgdoc.yaml en de sjablonen. De Tera-functies `get_env` (omgevingsvariabelen, zoals geheimen in CI), `now` (de klok) en `get_random` (toeval) zijn daarom niet toegestaan.\n\nVoorbeeld: `{{ get_env(name=\"GITHUB_TOKEN\") }}` geeft \"... gebruikt `get_env`\"."
);

system_rule!(
    WRITE_02,
    "WRITE-02",
    Error,
    "De uitvoermap is een gewone map die geen andere run gebruikt",
    "avgdoc",
    "avgdoc schrijft niet via een symbolische koppeling (output/ of een map daarin zou dan naar een \
andere plek wijzen), maakt zijn mappen alleen leesbaar voor de eigenaar en legt een slot op de \
uitvoermap (output/.avgdoc.lock): twee runs tegelijk zouden hun brieven door elkaar schrijven. De \
tweede run stopt dan.\n\nVoorbeeld: twee keer tegelijk `avgdoc render` geeft bij de tweede \"een \
andere avgdoc-run schrijft al in deze uitvoermap\"."
);

system_rule!(
    TEMPLATE_06,
    "TEMPLATE-06",
    Warning,
    "Elk sjabloon in templates/ vervangt een ingebouwd sjabloon of wordt gebruikt",
    "avgdoc: sjablonen (README)",
    "Een bestand in templates/ vervangt het ingebouwde sjabloon met hetzelfde pad. Een sjabloon \
(`.md`, `.typ`, `.css`) met een naam die geen ingebouwd sjabloon heeft en dat geen ander sjabloon \
insluit, gebruikt geen enkele brief: meestal een tikfout in de naam. avgdoc noemt de naam die er \
het dichtst bij ligt.\n\nVoorbeeld: `templates/brief.tpy` geeft \"templates/brief.tpy vervangt \
geen ingebouwd sjabloon en wordt niet gebruikt\" met \"bedoelde u templates/brief.typ?\"."
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
    &CASES_03,
    &GROOTTE_01,
    &GROOTTE_02,
    &GROOTTE_03,
    &DATUM_01,
    &BSN_01,
    &TEMPLATE_04,
    &TEMPLATE_05,
    &WRITE_02,
    &TEMPLATE_06,
];
