//! The core's architecture as a test: its top-level modules form layers, and a module may use
//! only modules of its own layer or below, with no cycles anywhere. The graph is read from the
//! `crate::` paths in the source, so a new back-edge fails here with the file that made it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Bottom first. `lib.rs` (the root) may use everything.
const LAYERS: &[&[&str]] = &[
    &[
        "lang",
        "span",
        "suggest",
        "format",
        "stats",
        "diagnostic",
        "messages",
    ],
    &["brief"],
    &["history", "tracking"],
    &["forecast"],
    &["review"],
    &["document"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to: `forecast/simulate/kernel.rs` → `forecast`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap();
    first
        .as_os_str()
        .to_str()
        .unwrap()
        .trim_end_matches(".rs")
        .to_owned()
}

/// The top-level modules named after `crate::` in a source text, including every branch of
/// a grouped import such as `use crate::{brief::Brief, lang::Lang};`.
fn crate_references(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        // `trekant_crate::`, `$crate::` or `other::crate::` are not paths into this crate.
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | ':')) {
            continue;
        }
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Split the group at its own commas; each segment starts with a module name.
            let mut depth = 1;
            let mut segment = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 || (depth == 1 && c == ',') {
                    found.insert(leading_name(&segment));
                    segment.clear();
                    if depth == 0 {
                        break;
                    }
                } else {
                    segment.push(c);
                }
            }
        } else {
            found.insert(leading_name(rest));
        }
    }
    found.remove("");
    found
}

fn leading_name(path: &str) -> String {
    path.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every edge `from → to` between top-level modules, with a file that makes it.
fn edges() -> BTreeMap<(String, String), PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        for to in crate_references(&text) {
            // Items defined in lib.rs itself (re-exports) are not modules.
            if to != from && modules.contains(&to) {
                edges
                    .entry((from.clone(), to))
                    .or_insert_with(|| file.strip_prefix(&src).unwrap().to_path_buf());
            }
        }
    }
    edges
}

#[test]
fn grouped_imports_are_read() {
    let refs = crate_references("use crate::{brief::Brief, lang::{Lang, x}, span};\nx::crate::y");
    assert_eq!(
        refs.into_iter().collect::<Vec<_>>(),
        ["brief", "lang", "span"]
    );
}

#[test]
fn every_top_level_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for module in files.iter().map(|f| module_of(&src, f)) {
        assert!(
            module == "lib" || layer_of(&module).is_some(),
            "`{module}` is in no layer: add it to LAYERS in tests/layers.rs"
        );
    }
}

#[test]
fn modules_use_only_their_layer_or_below() {
    let mut upward = Vec::new();
    for ((from, to), file) in edges() {
        if from == "lib" {
            continue;
        }
        let (Some(a), Some(b)) = (layer_of(&from), layer_of(&to)) else {
            continue;
        };
        if b > a {
            upward.push(format!("{from} → {to} (in {})", file.display()));
        }
    }
    assert!(
        upward.is_empty(),
        "upward dependencies:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_cycles_between_top_level_modules() {
    let edges = edges();
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        graph.entry(from).or_default().push(to);
    }
    // Depth-first search; a grey node met again closes a cycle.
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, Vec<&'a str>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        match state.get(node) {
            Some(1) => {
                let start = path.iter().position(|n| *n == node).unwrap();
                let mut cycle = path[start..].to_vec();
                cycle.push(node);
                return Some(cycle);
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(node, 1);
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut state, &mut Vec::new()) {
            panic!("module cycle: {}", cycle.join(" → "));
        }
    }
}
