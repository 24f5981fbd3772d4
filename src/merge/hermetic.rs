//! Static checks on the Tera templates, made once per run when the
//! [`super::Merger`] is built: no recursion and no access to the world.
//!
//! Recursion: Tera has no depth limit, so a macro that calls itself or a
//! template that includes itself overflows the stack and aborts the whole
//! process (a stack overflow cannot be caught). Running renders on a thread
//! with a bigger stack only postpones that, so avgdoc refuses recursion
//! outright: it builds the graph of templates and macros from Tera's parsed
//! AST (includes, macro calls, `extends`) and a template from which a cycle
//! can be reached is refused with TEMPLATE-04. Only that template's letters
//! fail; every other letter still renders.
//!
//! Hermetic: `get_env`, `now` and `get_random` read the environment, the
//! clock or randomness. A template that can reach one of them is refused
//! with TEMPLATE-05; the functions are also replaced in the Tera instance by
//! ones that fail, so nothing slips through a path this analysis misses.

use std::collections::HashMap;

use tera::Tera;
use tera::ast::{Expr, ExprVal, Node};

/// Functions a template may not call: they read the environment, the clock
/// or randomness.
pub const FORBIDDEN: &[&str] = &["get_env", "now", "get_random"];

/// Why a template is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A cycle is reachable; the text names the template or macro on it.
    Recursion(String),
    /// A forbidden function is reachable: its name and where it is called.
    Function(&'static str, String),
}

/// A template or a macro in a template file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Unit {
    Template(String),
    Macro(String, String),
}

#[derive(Default)]
struct Refs {
    includes: Vec<String>,
    macros: Vec<(String, String)>,
    functions: Vec<String>,
}

fn walk_nodes(nodes: &[Node], r: &mut Refs) {
    for n in nodes {
        match n {
            Node::VariableBlock(_, e) => walk_expr(e, r),
            Node::Include(_, names, _) => r.includes.extend(names.iter().cloned()),
            Node::Set(_, s) => walk_expr(&s.value, r),
            Node::FilterSection(_, f, _) => {
                f.filter.args.values().for_each(|e| walk_expr(e, r));
                walk_nodes(&f.body, r);
            }
            Node::Block(_, b, _) => walk_nodes(&b.body, r),
            Node::Forloop(_, f, _) => {
                walk_expr(&f.container, r);
                walk_nodes(&f.body, r);
                if let Some(body) = &f.empty_body {
                    walk_nodes(body, r);
                }
            }
            Node::If(i, _) => {
                for (_, cond, body) in &i.conditions {
                    walk_expr(cond, r);
                    walk_nodes(body, r);
                }
                if let Some((_, body)) = &i.otherwise {
                    walk_nodes(body, r);
                }
            }
            // Macro bodies are units of their own (`Template::macros`).
            Node::MacroDefinition(..)
            | Node::Super
            | Node::Text(_)
            | Node::Extends(..)
            | Node::ImportMacro(..)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
    }
}

fn walk_expr(e: &Expr, r: &mut Refs) {
    walk_val(&e.val, r);
    for f in &e.filters {
        f.args.values().for_each(|a| walk_expr(a, r));
    }
}

fn walk_val(v: &ExprVal, r: &mut Refs) {
    match v {
        ExprVal::Math(m) => {
            walk_expr(&m.lhs, r);
            walk_expr(&m.rhs, r);
        }
        ExprVal::Logic(l) => {
            walk_expr(&l.lhs, r);
            walk_expr(&l.rhs, r);
        }
        ExprVal::In(i) => {
            walk_expr(&i.lhs, r);
            walk_expr(&i.rhs, r);
        }
        ExprVal::Test(t) => t.args.iter().for_each(|a| walk_expr(a, r)),
        ExprVal::MacroCall(m) => {
            r.macros.push((m.namespace.clone(), m.name.clone()));
            m.args.values().for_each(|a| walk_expr(a, r));
        }
        ExprVal::FunctionCall(f) => {
            r.functions.push(f.name.clone());
            f.args.values().for_each(|a| walk_expr(a, r));
        }
        ExprVal::Array(items) => items.iter().for_each(|a| walk_expr(a, r)),
        ExprVal::StringConcat(s) => s.values.iter().for_each(|v| walk_val(v, r)),
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => {}
    }
}

/// The graph of templates and macros, with the functions each calls.
struct Graph {
    edges: HashMap<Unit, Vec<Unit>>,
    functions: HashMap<Unit, Vec<String>>,
}

fn graph(tera: &Tera) -> Graph {
    let mut g = Graph {
        edges: HashMap::new(),
        functions: HashMap::new(),
    };
    for (name, t) in &tera.templates {
        let resolve = |ns: &str, macro_name: &str| -> Option<Unit> {
            let file = if ns == "self" {
                name.clone()
            } else {
                t.imported_macro_files
                    .iter()
                    .find(|(_, n)| n == ns)
                    .map(|(f, _)| f.clone())?
            };
            Some(Unit::Macro(file, macro_name.to_string()))
        };
        let mut units = vec![(Unit::Template(name.clone()), {
            let mut r = Refs::default();
            walk_nodes(&t.ast, &mut r);
            if let Some(parent) = &t.parent {
                r.includes.push(parent.clone());
            }
            r
        })];
        for (m, def) in &t.macros {
            let mut r = Refs::default();
            walk_nodes(&def.body, &mut r);
            def.args
                .values()
                .flatten()
                .for_each(|e| walk_expr(e, &mut r));
            units.push((Unit::Macro(name.clone(), m.clone()), r));
        }
        for (unit, r) in units {
            let mut to: Vec<Unit> = r
                .includes
                .iter()
                .filter(|i| tera.templates.contains_key(*i))
                .map(|i| Unit::Template(i.clone()))
                .collect();
            to.extend(r.macros.iter().filter_map(|(ns, m)| resolve(ns, m)));
            g.edges.insert(unit.clone(), to);
            g.functions.insert(unit, r.functions);
        }
    }
    g
}

/// Every template that cannot be rendered safely, with the reason.
pub fn refusals(tera: &Tera, display: impl Fn(&str) -> String) -> HashMap<String, Refusal> {
    let g = graph(tera);
    let describe = |u: &Unit| match u {
        Unit::Template(t) => display(t),
        Unit::Macro(t, m) => format!("macro `{m}` in {}", display(t)),
    };
    let mut out = HashMap::new();
    let mut names: Vec<&String> = tera.templates.keys().collect();
    names.sort();
    for name in names {
        let start = Unit::Template(name.clone());
        // Iterative depth-first search: the graph itself may be deep.
        let mut on_path: Vec<Unit> = Vec::new();
        let mut done: std::collections::HashSet<Unit> = Default::default();
        let mut stack: Vec<(Unit, usize)> = vec![(start, 0)];
        let mut refusal = None;
        while let Some((unit, i)) = stack.pop() {
            if i == 0 {
                if let Some(f) = g
                    .functions
                    .get(&unit)
                    .into_iter()
                    .flatten()
                    .find_map(|f| FORBIDDEN.iter().find(|x| **x == f.as_str()))
                {
                    refusal = Some(Refusal::Function(f, describe(&unit)));
                    break;
                }
                on_path.push(unit.clone());
            }
            let next = g.edges.get(&unit).and_then(|e| e.get(i)).cloned();
            match next {
                Some(n) => {
                    stack.push((unit, i + 1));
                    if on_path.contains(&n) {
                        refusal = Some(Refusal::Recursion(describe(&n)));
                        break;
                    }
                    if !done.contains(&n) {
                        stack.push((n, 0));
                    }
                }
                None => {
                    on_path.pop();
                    done.insert(unit);
                }
            }
        }
        if let Some(r) = refusal {
            out.insert(name.clone(), r);
        }
    }
    out
}

/// Replace the functions that read the world by ones that fail, so a render
/// can never reach them.
pub fn disable_world(tera: &mut Tera) {
    for name in FORBIDDEN {
        let name = *name;
        tera.register_function(
            name,
            move |_: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
                Err(tera::Error::msg(format!(
                    "`{name}` is niet toegestaan: sjablonen lezen geen omgeving, klok of toeval"
                )))
            },
        );
    }
}

/// For every template file, the template files a render of it may read:
/// itself, its parent (`extends`), the files it includes or imports macros
/// from, and theirs in turn. Subject lines (`<name>#onderwerp`) count as
/// their file. Used to know which documents a template change touches.
pub fn dependencies(tera: &Tera) -> HashMap<String, std::collections::BTreeSet<String>> {
    let g = graph(tera);
    let file_of = |u: &Unit| -> String {
        let name = match u {
            Unit::Template(t) | Unit::Macro(t, _) => t,
        };
        name.trim_end_matches("#onderwerp").to_string()
    };
    let mut out: HashMap<String, std::collections::BTreeSet<String>> = HashMap::new();
    for (name, t) in &tera.templates {
        let mut seen: std::collections::HashSet<Unit> = Default::default();
        let mut todo = vec![Unit::Template(name.clone())];
        // An imported file is read even when none of its macros is called.
        todo.extend(
            t.imported_macro_files
                .iter()
                .map(|(f, _)| Unit::Template(f.clone())),
        );
        while let Some(u) = todo.pop() {
            if !seen.insert(u.clone()) {
                continue;
            }
            if let Unit::Template(f) = &u
                && let Some(ft) = tera.templates.get(f)
            {
                todo.extend(
                    ft.imported_macro_files
                        .iter()
                        .map(|(f, _)| Unit::Template(f.clone())),
                );
            }
            todo.extend(g.edges.get(&u).into_iter().flatten().cloned());
        }
        out.entry(file_of(&Unit::Template(name.clone())))
            .or_default()
            .extend(seen.iter().map(file_of));
    }
    out
}
