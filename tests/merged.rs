//! Snapshots of the merged Typst source of every example letter: the body
//! (Markdown turned into Typst markup, case text escaped) and the letter
//! frame handed to the house style as `/brief.json`. Beside the golden texts
//! (what the reader gets), these show what the house style is given, so a
//! change in escaping or structure shows up before it reaches a PDF.

use std::path::Path;

use avgdoc::load;
use avgdoc::merge::Merger;
use avgdoc::templates::TemplateSet;
use chrono::NaiveDate;

#[test]
fn merged_typst_source_of_every_example_letter() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ws = load::load(root);
    assert!(!ws.report.has_errors(), "{:?}", ws.report.diagnostics);
    let config = ws.config.as_ref().unwrap();
    let templates = TemplateSet::load(root).unwrap();
    let merger = Merger::new(&templates, &mut avgdoc::diag::Sources::new()).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut count = 0;
    for cf in &ws.cases {
        for doc in cf.case.documents(config, date) {
            let merged = merger
                .merge(&templates, config, cf.case.as_ref(), &doc)
                .unwrap();
            let frame = serde_json::to_string_pretty(&merged.letter).unwrap();
            let mut text = format!("// /brief.json\n{frame}\n\n// /body.typ\n{}", merged.body);
            if let Some(b) = &merged.bijlage {
                text.push_str(&format!("\n\n// /bijlage.typ\n{b}"));
            }
            let name = format!("{}__{}", cf.case.kenmerk().value, doc.name);
            insta::with_settings!({ snapshot_path => "snapshots/merged", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(name, text);
            });
            count += 1;
        }
    }
    assert!(count >= 30, "only {count} documents");
}

/// The Markdown heading levels of `md`, in order.
fn markdown_headings(md: &str) -> Vec<u8> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level as u8),
            _ => None,
        })
        .collect()
}

/// The levels of the `#heading(level: n)` calls in Typst markup, in order.
fn typst_headings(typst: &str) -> Vec<u8> {
    typst
        .match_indices("#heading(level: ")
        .map(|(i, m)| {
            let rest = &typst[i + m.len()..];
            let end = rest.find(')').unwrap();
            rest[..end].parse().unwrap()
        })
        .collect()
}

/// PDF/UA-1 and screen readers: below the subject (level 1), no heading
/// skips a level, and headings that are siblings in the template (same
/// Markdown level, same parent) get the same level.
fn check_heading_levels(name: &str, md: &str, typst: &str) {
    let source = markdown_headings(md);
    let tagged = typst_headings(typst);
    assert_eq!(
        source.len(),
        tagged.len(),
        "{name}: {source:?} → {tagged:?}"
    );
    let mut previous = 1;
    for (i, &level) in tagged.iter().enumerate() {
        assert!(
            (2..=previous + 1).contains(&level),
            "{name}: heading {i} has level {level} after {previous}: {tagged:?}"
        );
        previous = level;
        // The nearest earlier sibling: same source level, no shallower
        // heading (a parent) in between.
        for j in (0..i).rev() {
            if source[j] < source[i] {
                break;
            }
            if source[j] == source[i] {
                assert_eq!(
                    tagged[j], level,
                    "{name}: sibling headings {j} and {i} differ: {source:?} → {tagged:?}"
                );
                break;
            }
        }
    }
}

#[test]
fn heading_levels_of_every_example_body_are_consistent() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ws = load::load(root);
    assert!(!ws.report.has_errors(), "{:?}", ws.report.diagnostics);
    let config = ws.config.as_ref().unwrap();
    let templates = TemplateSet::load(root).unwrap();
    let merger = Merger::new(&templates, &mut avgdoc::diag::Sources::new()).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut count = 0;
    for cf in &ws.cases {
        for doc in cf.case.documents(config, date) {
            let merged = merger
                .merge(&templates, config, cf.case.as_ref(), &doc)
                .unwrap();
            let name = format!("{}/{}", cf.case.kenmerk().value, doc.name);
            check_heading_levels(&name, &merged.markdown, &merged.body);
            if let (Some(md), Some(typst)) = (&merged.bijlage_markdown, &merged.bijlage) {
                check_heading_levels(&format!("{name} (bijlage)"), md, typst);
            }
            count += 1;
        }
    }
    let merged = merger
        .merge_org(
            &templates,
            config,
            "privacyverklaring",
            date,
            serde_json::json!({}),
        )
        .unwrap();
    check_heading_levels("privacyverklaring", &merged.markdown, &merged.body);
    assert!(count >= 30, "only {count} documents");
}
