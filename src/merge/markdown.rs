//! Markdown → Typst markup, on pulldown-cmark.
//!
//! The Markdown comes from a reviewed template with case values already
//! inserted (and Markdown-escaped) by Tera. Every piece of text is escaped so
//! that Typst reads it literally; structure is emitted as function calls
//! (`#strong[..]`, `#list(..)`), never as markup shorthands, so no text
//! can join with the structure around it.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Escape text so Typst markup reads it as literal text only: every ASCII
/// punctuation character gets a backslash, line breaks become spaces.
pub fn escape_typst_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A Typst string literal (for code mode): `"..."` with `\` and `"` escaped.
pub fn typst_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Escape a value for Markdown, so case data inserted by Tera can create no
/// Markdown structure: every ASCII punctuation character gets a backslash
/// (CommonMark allows that for all of them) and runs of whitespace, line
/// breaks included, become one space.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut space = false;
    for c in text.chars() {
        // Only breaking whitespace collapses: a no-break space (in a phone
        // number, a house number) is kept.
        if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(c);
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out
}

enum Container {
    /// A list: items are collected as `[..]` arguments.
    List { first: bool },
    /// A table: cells are collected as `[..]` arguments.
    Table,
}

/// Convert Markdown to Typst markup.
///
/// The document's highest Markdown heading level becomes level 2 (the
/// letter's subject is the document's level-1 heading) and the others follow
/// it, so headings that are siblings in the Markdown get the same level,
/// whether a template starts at `#` or `##`. PDF/UA-1 needs heading levels
/// without gaps: a heading never skips a level relative to the one before it.
pub fn to_typst(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let top = Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(heading_level(level)),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut stack: Vec<Container> = Vec::new();
    let mut last_heading = 1u8;
    let mut in_table_head = false;
    let mut code_block: Option<String> = None;
    let mut quote_depth = 0usize;
    // Where each top-level block starts in `out`, and what it is.
    let mut blocks: Vec<(usize, Block)> = Vec::new();

    for event in Parser::new_ext(markdown, options) {
        if let Some(code) = code_block.as_mut() {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    out.push_str("#raw(block: true, ");
                    out.push_str(&typst_string(code));
                    out.push_str(")\n\n");
                    code_block = None;
                }
                _ => {}
            }
            continue;
        }
        let top_level = stack.is_empty() && quote_depth == 0;
        if top_level && let Event::Start(tag) = &event {
            match tag {
                Tag::Paragraph => blocks.push((out.len(), Block::Paragraph)),
                Tag::Heading { .. } => blocks.push((out.len(), Block::Heading)),
                Tag::List(_) => blocks.push((out.len(), Block::List)),
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. } => {}
                _ => blocks.push((out.len(), Block::Other)),
            }
        }
        if top_level && matches!(event, Event::Rule) {
            blocks.push((out.len(), Block::Other));
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {}
                Tag::Heading { level, .. } => {
                    let wanted = heading_level(level) - top + 2;
                    let lvl = wanted.min(last_heading + 1);
                    last_heading = lvl;
                    out.push_str(&format!("\n#heading(level: {lvl})["));
                }
                Tag::BlockQuote(_) => {
                    quote_depth += 1;
                    out.push_str("#quote(block: true)[");
                }
                Tag::CodeBlock(kind) => {
                    let _ = matches!(kind, CodeBlockKind::Fenced(_));
                    code_block = Some(String::new());
                }
                Tag::List(start) => {
                    match start {
                        Some(n) => out.push_str(&format!("#enum(start: {n}, ")),
                        None => out.push_str("#list("),
                    }
                    stack.push(Container::List { first: true });
                }
                Tag::Item => {
                    if let Some(Container::List { first }) = stack.last_mut() {
                        if !*first {
                            out.push_str(", ");
                        }
                        *first = false;
                    }
                    out.push('[');
                }
                Tag::Table(aligns) => {
                    out.push_str(&format!(
                        "#table(columns: {}, align: ({}), ",
                        aligns.len(),
                        aligns
                            .iter()
                            .map(|a| match a {
                                Alignment::Right => "right",
                                Alignment::Center => "center",
                                _ => "left",
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                            + if aligns.len() == 1 { "," } else { "" }
                    ));
                    stack.push(Container::Table);
                }
                Tag::TableHead => {
                    in_table_head = true;
                    out.push_str("table.header(");
                }
                Tag::TableRow => {}
                Tag::TableCell => out.push_str(if in_table_head { "[#strong[" } else { "[" }),
                Tag::Emphasis => out.push_str("#emph["),
                Tag::Strong => out.push_str("#strong["),
                Tag::Strikethrough => out.push_str("#strike["),
                Tag::Link { dest_url, .. } => {
                    out.push_str("#link(");
                    out.push_str(&typst_string(&dest_url));
                    out.push_str(")[");
                }
                Tag::Image { .. } => {
                    // Images need alt text and a file the World serves; a
                    // template has no business loading them from Markdown.
                    out.push_str("#box[");
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => out.push_str("\n\n"),
                TagEnd::Heading(_) => out.push_str("]\n\n"),
                TagEnd::BlockQuote(_) => {
                    quote_depth -= 1;
                    out.push_str("]\n\n");
                }
                TagEnd::List(_) => {
                    stack.pop();
                    out.push_str(")\n\n");
                }
                TagEnd::Item => out.push(']'),
                TagEnd::Table => {
                    stack.pop();
                    out.push_str(")\n\n");
                }
                TagEnd::TableHead => {
                    in_table_head = false;
                    out.push_str("), ");
                }
                TagEnd::TableRow => {}
                TagEnd::TableCell => out.push_str(if in_table_head { "]], " } else { "], " }),
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                    out.push(']')
                }
                TagEnd::Image => out.push(']'),
                _ => {}
            },
            Event::Text(t) => out.push_str(&escape_typst_text(&t)),
            Event::Code(t) => {
                out.push_str("#raw(");
                out.push_str(&typst_string(&t));
                out.push(')');
            }
            Event::Html(t) | Event::InlineHtml(t) => out.push_str(&escape_typst_text(&t)),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("#linebreak()"),
            Event::Rule => out.push_str("#line(length: 100%)\n\n"),
            _ => {}
        }
    }
    // Wrap the sticky blocks, last first, so earlier offsets stay valid.
    let sticky = sticky_blocks(&blocks);
    for &i in sticky.iter().rev() {
        let (start, end) = (blocks[i].0, blocks.get(i + 1).map_or(out.len(), |b| b.0));
        let tail = out.split_off(end);
        let par = out.split_off(start);
        out.push_str("#block(sticky: true)[");
        out.push_str(par.trim_end());
        out.push(']');
        out.push_str(if tail.is_empty() { "\n" } else { "\n\n" });
        out.push_str(&tail);
    }
    out
}

/// A top-level block of the body, for keeping blocks together.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Paragraph,
    Heading,
    List,
    Other,
}

/// A list of at most this many characters of Typst markup (about five
/// lines) may move to the next page whole with the closing.
const SHORT_LIST: usize = 500;

/// The reading text of Typst markup made by [`to_typst`]: the text, escapes
/// decoded, the markup in content arguments followed, code (function names,
/// string arguments such as link targets) left out, whitespace collapsed.
/// `Err` when the markup does not parse. Used to check that case text
/// survives merging as text (tests and the fuzz target).
pub fn typst_reading_text(markup: &str) -> Result<String, String> {
    use typst_syntax::{SyntaxKind, SyntaxNode};
    fn walk(node: &SyntaxNode, out: &mut String) {
        match node.kind() {
            SyntaxKind::Text => out.push_str(&node.full_text()),
            SyntaxKind::Space | SyntaxKind::Parbreak | SyntaxKind::Linebreak => out.push(' '),
            SyntaxKind::SmartQuote | SyntaxKind::Shorthand => out.push_str(&node.full_text()),
            SyntaxKind::Escape => {
                let full = node.full_text();
                let t = full.strip_prefix('\\').unwrap_or(&full);
                match t.strip_prefix("u{").and_then(|h| h.strip_suffix('}')) {
                    Some(hex) => {
                        out.extend(u32::from_str_radix(hex, 16).ok().and_then(char::from_u32))
                    }
                    None => out.push_str(t),
                }
            }
            SyntaxKind::Str | SyntaxKind::Ident | SyntaxKind::Int | SyntaxKind::Float => {}
            _ => node.children().for_each(|c| walk(c, out)),
        }
    }
    let root = typst_syntax::parse(markup);
    let errors = root.errors_and_warnings().0;
    if let Some(e) = errors.first() {
        return Err(format!("{}", e.message));
    }
    let mut out = String::new();
    walk(&root, &mut out);
    Ok(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The top-level paragraphs and lists (indices into `blocks`) that must stay on the
/// page of what follows them (`#block(sticky: true)`; headings are sticky
/// in the house style):
///
/// - a paragraph that leads into a list ("U mag:") stays with its first item;
/// - the closing: the signature follows the body, so the last paragraph
///   sticks to it, with the paragraph before it; when that reaches back to a
///   heading ("Heeft u vragen?"), the heading's section comes along with the
///   paragraph (or short list) before the heading. No page then holds only the signature with
///   a line or two, or only the last section and the signature.
fn sticky_blocks(blocks: &[(usize, Block)]) -> Vec<usize> {
    let kind = |i: usize| blocks[i].1;
    let len = |i: usize| blocks.get(i + 1).map_or(usize::MAX, |b| b.0) - blocks[i].0;
    let mut sticky: Vec<usize> = (1..blocks.len())
        .filter(|&i| kind(i) == Block::List && kind(i - 1) == Block::Paragraph)
        .map(|i| i - 1)
        .collect();
    let Some(last) = blocks.len().checked_sub(1) else {
        return sticky;
    };
    if kind(last) == Block::Paragraph {
        let mut first = last;
        // Up to two closing paragraphs.
        if first > 0 && kind(first - 1) == Block::Paragraph {
            first -= 1;
        }
        // The heading of the closing section, and the paragraph before it
        // (with its own heading, which is sticky anyway).
        if first > 0 && kind(first - 1) == Block::Heading {
            first -= 1;
            if first > 0 && kind(first - 1) == Block::Paragraph {
                first -= 1;
            } else if first > 0 && kind(first - 1) == Block::List && len(first - 1) <= SHORT_LIST {
                // A short list moves whole; a long one may break anywhere.
                first -= 1;
            }
        }
        sticky.extend((first..=last).filter(|&i| kind(i) != Block::Heading));
    }
    sticky.sort_unstable();
    sticky.dedup();
    sticky
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst_syntax::{SyntaxKind, SyntaxNode};

    /// Every leaf of parsed markup is plain text, an escape or a space.
    fn only_text(node: &SyntaxNode) -> Result<(), String> {
        match node.kind() {
            SyntaxKind::Markup => node.children().try_for_each(only_text),
            SyntaxKind::Text | SyntaxKind::Escape | SyntaxKind::Space | SyntaxKind::Parbreak => {
                Ok(())
            }
            k => Err(format!("{k:?} in {:?}", node.full_text())),
        }
    }

    const HOSTILE: &str = "*Jan* _de_ #sys.exit() <x> @y $z$ \\ [a](b) 1. = - {{ x }} {% if %} \
// /* `r` ~ 'q' \"dq\" https://x.nl -- ... \\u{41} = kop\n+ lijst\n- item\n/ term: x";

    #[test]
    fn case_text_survives_merging_as_text() {
        for c in [HOSTILE, "a  b\tc", "‘quote’ “dq”", "x\u{0}y", "— – …"] {
            let md = format!("Tekst: {}\n\nEinde", escape_markdown(c));
            let text = typst_reading_text(&to_typst(&md)).unwrap();
            let expected: String = c
                .chars()
                .filter(|ch| !ch.is_control() || ch.is_whitespace())
                .collect();
            let expected = format!(
                "Tekst: {} Einde",
                expected.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            assert_eq!(text, expected, "{c:?}");
        }
    }

    #[test]
    fn escaped_text_parses_to_text_only() {
        let cases = [
            HOSTILE,
            "#let x = 1",
            "= heading",
            "]",
            "\\",
            "a\\",
            "1. x",
            "- x",
            "http://a.b",
            "<lbl>",
            "x_y_z",
            "*",
            "#{",
            "$",
            "`",
            "'''",
        ];
        for c in cases {
            let escaped = escape_typst_text(c);
            let root = typst_syntax::parse(&escaped);
            assert!(
                root.errors_and_warnings().0.is_empty(),
                "{c:?} → {escaped:?}: {:?}",
                root.errors_and_warnings().0
            );
            only_text(&root).unwrap_or_else(|e| panic!("{c:?} → {escaped:?}: {e}"));
        }
    }

    #[test]
    fn markdown_escaping_survives_markdown() {
        // A rule and a paragraph follow, so the hostile one is not wrapped
        // as a closing paragraph.
        let md = format!("{}\n\n---\n\nEinde", escape_markdown(HOSTILE));
        let typst = to_typst(&md);
        let typst = typst.split("#line(").next().unwrap();
        // One paragraph of text: no lists, headings, links or emphasis.
        let root = typst_syntax::parse(typst);
        assert!(root.errors_and_warnings().0.is_empty());
        only_text(&root).unwrap_or_else(|e| panic!("{typst:?}: {e}"));
    }

    #[test]
    fn structure_becomes_function_calls() {
        let t = to_typst(
            "# Kop\n\nEen *schuin* en **vet**.\n\n- a\n- b\n  1. c\n\n| x | y |\n|---|--:|\n| 1 | 2 |\n",
        );
        assert!(t.contains("#heading(level: 2)[Kop]"), "{t}");
        assert!(t.contains("#emph[schuin]"));
        assert!(t.contains("#strong[vet]"));
        assert!(t.contains("#list([a], [b#enum(start: 1, [c])"), "{t}");
        assert!(
            t.contains("#table(columns: 2, align: (left, right), table.header("),
            "{t}"
        );
        let root = typst_syntax::parse(&t);
        assert!(
            root.errors_and_warnings().0.is_empty(),
            "{t}: {:?}",
            root.errors_and_warnings().0
        );
    }

    #[test]
    fn closing_paragraph_sticks_to_the_signature() {
        let t = to_typst("# Kop\n\nEerste.\n\nLaatste *zin*.\n");
        assert!(
            t.ends_with("#block(sticky: true)[Laatste #emph[zin]\\.]\n"),
            "{t:?}"
        );
        let t = to_typst("Tekst.\n\n```\ncode\n```\n");
        assert!(!t.contains("sticky"), "{t:?}");
    }

    #[test]
    fn closing_keeps_the_paragraph_before_it() {
        // Two closing paragraphs.
        let t = to_typst("- a\n\nEen.\n\nTwee.\n\nDrie.\n");
        assert!(
            t.contains("\n\nEen\\.\n\n#block(sticky: true)[Twee\\.]"),
            "{t:?}"
        );
        assert!(t.ends_with("#block(sticky: true)[Drie\\.]\n"), "{t:?}");
        // A closing section ("Heeft u vragen?") brings the paragraph before
        // its heading, and that paragraph's heading.
        let t = to_typst("# A\n\nNul.\n\n# B\n\nEen.\n\n# Vragen?\n\nTwee.\n");
        assert!(t.contains("\n\nNul\\.\n\n\n#heading(level: 2)[B]"), "{t:?}");
        assert!(t.contains("#block(sticky: true)[Een\\.]\n\n\n#heading(level: 2)[Vragen\\?]\n\n#block(sticky: true)[Twee\\.]\n"), "{t:?}");
        // A short list before the closing section comes along.
        let t = to_typst("Zo:\n\n- a\n- b\n\n# Vragen?\n\nBel.\n");
        assert!(t.contains("#block(sticky: true)[#list([a], [b])]"), "{t:?}");
        // A paragraph that leads into a list stays with it.
        let t = to_typst("U mag:\n\n- a\n\nEinde.\n");
        assert!(
            t.starts_with("#block(sticky: true)[U mag\\:]\n\n#list("),
            "{t:?}"
        );
        let root = typst_syntax::parse(&t);
        assert!(root.errors_and_warnings().0.is_empty(), "{t}");
    }

    #[test]
    fn headings_never_skip_levels() {
        let t = to_typst("### Diep\n\n# Hoog\n");
        assert!(t.contains("#heading(level: 2)[Diep]"), "{t}");
        assert!(t.contains("#heading(level: 2)[Hoog]"), "{t}");
    }

    #[test]
    fn sibling_headings_get_the_same_level() {
        // A template whose top level is `##`: every `##` is level 2, its
        // `###` children level 3.
        let t = to_typst("## Een\n\nx\n\n## Twee\n\n### Kind\n\n## Drie\n");
        assert!(t.contains("#heading(level: 2)[Een]"), "{t}");
        assert!(t.contains("#heading(level: 2)[Twee]"), "{t}");
        assert!(t.contains("#heading(level: 3)[Kind]"), "{t}");
        assert!(t.contains("#heading(level: 2)[Drie]"), "{t}");
    }
}
