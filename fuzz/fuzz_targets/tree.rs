//! (d) The fast YAML tree against serde-saphyr's, on arbitrary text: where
//! `guard::fast` reads a file itself, serde-saphyr must accept it and build
//! the same tree, values and spans (`tests/typed.rs` checks this on known
//! documents; this looks for the ones nobody thought of). Neither may panic.
#![no_main]

use avgdoc::guard::both_trees;
use avgdoc::model::Grenzen;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (fast, slow) = both_trees(text, &Grenzen::default());
    if let Some(fast) = fast {
        let slow = slow.unwrap_or_else(|e| {
            panic!("serde-saphyr rejects what the fast path read: {e}")
        });
        assert_eq!(format!("{fast:?}"), format!("{slow:?}"));
    }
});
