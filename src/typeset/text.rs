//! The text rendition of a typeset letter: its text in reading order, one
//! printed line per line, so a change to a case or a template is a readable
//! diff (`output/<kenmerk>/<document>.txt`, `avgdoc diff`).
//!
//! Read from the laid-out document, not from the PDF and not by shelling
//! out: typst keeps frame items in content order, so walking the frame tree
//! in order gives the reading order (the address block before the body, the
//! body before the signature), and the positions tell where a printed line
//! ends.

use typst::layout::{Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

/// One run of text as printed: where its baseline starts and ends.
struct Run {
    y: f64,
    x: f64,
    end: f64,
    size: f64,
    text: String,
}

fn walk(frame: &Frame, ts: Transform, out: &mut Vec<Run>) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(g) => {
                let inner = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(g.transform);
                walk(&g.frame, inner, out);
            }
            FrameItem::Text(t) => {
                let start = pos.transform(ts);
                let end = Point::new(pos.x + t.width(), pos.y).transform(ts);
                out.push(Run {
                    y: start.y.to_pt(),
                    x: start.x.to_pt(),
                    end: end.x.to_pt(),
                    size: t.size.to_pt(),
                    // No-break spaces keep a phone number on one line;
                    // in the text they are spaces, so a search finds them.
                    text: t.text.as_str().replace(['\u{a0}', '\u{202f}'], " "),
                });
            }
            _ => {}
        }
    }
}

/// The text of `doc` in reading order: a line per printed line, an empty
/// line between pages, no trailing spaces.
pub fn reading_text(doc: &PagedDocument) -> String {
    let mut out = String::new();
    for (i, page) in doc.pages().iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut runs = Vec::new();
        walk(&page.frame, Transform::identity(), &mut runs);
        let mut line = String::new();
        let mut prev: Option<&Run> = None;
        for run in &runs {
            if let Some(p) = prev {
                let same_line = (run.y - p.y).abs() < 0.5 && run.x >= p.end - 1.0;
                if !same_line {
                    push_line(&mut out, &line);
                    line.clear();
                } else if run.x > p.end + 0.15 * run.size.max(p.size)
                    && !line.ends_with(' ')
                    && !run.text.starts_with(' ')
                {
                    line.push(' ');
                }
            }
            line.push_str(&run.text);
            prev = Some(run);
        }
        push_line(&mut out, &line);
    }
    out
}

fn push_line(out: &mut String, line: &str) {
    let line = line.trim_end();
    if !line.is_empty() {
        out.push_str(line);
        out.push('\n');
    }
}
