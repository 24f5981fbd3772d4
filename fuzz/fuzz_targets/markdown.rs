//! (b) Arbitrary case text through the merge: escaped for Markdown (as
//! Tera's autoescape does), converted to Typst markup, parsed by typst's own
//! parser. The markup always parses, and it reads back as exactly the input
//! text (control characters dropped, whitespace collapsed): case text is
//! data, never markup.
#![no_main]

use avgdoc::merge::markdown::{escape_markdown, to_typst, typst_reading_text};
use libfuzzer_sys::fuzz_target;

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fuzz_target!(|s: &str| {
    let md = format!("Tekst: {}\n\nEinde", escape_markdown(s));
    let typst = to_typst(&md);
    let text = match typst_reading_text(&typst) {
        Ok(t) => t,
        Err(e) => panic!("merged Typst does not parse: {e}\n{typst}"),
    };
    let kept: String = s
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect();
    let expected = collapse(&format!("Tekst: {kept} Einde"));
    assert_eq!(text, expected, "{typst}");
});
