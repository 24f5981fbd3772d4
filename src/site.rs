//! HTML output for the website: the privacyverklaring as an accessible
//! page (pulldown-cmark's HTML renderer and a small stylesheet from
//! `templates/privacyverklaring.css`, inlined so the page needs nothing
//! else).

use pulldown_cmark::{Options, Parser, html};

/// A complete HTML page: `lang="nl"`, a title, one `h1`, the body.
pub fn page(title: &str, versie: &str, markdown: &str, css: &str) -> String {
    let mut body = String::new();
    html::push_html(&mut body, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n\
<h1>{title}</h1>\n<p class=\"versie\">{versie}</p>\n{body}</main>\n</body>\n</html>\n",
        title = escape(title),
        versie = escape(versie),
        css = css.replace("</", "<\\/"),
    )
}

/// HTML-escape text for element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::markdown::escape_markdown;

    #[test]
    fn data_cannot_inject_markup() {
        let md = format!(
            "## Kop\n\n{}\n",
            escape_markdown("<script>alert(1)</script> *x*")
        );
        let page = page("Privacy <verklaring>", "versie", &md, "body{}");
        assert!(!page.contains("<script>"), "{page}");
        assert!(
            page.contains("&lt;script&gt;alert(1)&lt;/script&gt; *x*"),
            "{page}"
        );
        assert!(page.contains("<title>Privacy &lt;verklaring&gt;</title>"));
        assert!(page.contains("<html lang=\"nl\">"));
        assert!(page.contains("<h2>Kop</h2>"));
    }
}
