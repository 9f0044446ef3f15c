//! Hostile tables: the shapes a quadratic pipeline chokes on, each grown to a given size in bytes. Shared
//! by the bounded-size tests (`tests/bounded.rs`) and the benchmark (`benches/hostile.rs`).

use std::fmt::Write as _;

/// The tables and `names` of one macro invocation.
pub(crate) struct Shape {
    pub actions: String,
    pub resource_types: Option<String>,
    pub condition_keys: Option<String>,
    pub names: Vec<String>,
    /// How many times the shape repeats its hostile part (rows, keys, names, faulty parts).
    pub count: usize,
}

/// A hostile shape: how to draw it with `n` repeats of its hostile part.
pub(crate) type Repeated = fn(usize) -> Shape;

/// A hostile shape grown to about `bytes` bytes of text (tables and names together).
pub(crate) type Generator = fn(usize) -> Shape;

/// The text a shape holds, in bytes.
pub(crate) fn text_bytes(shape: &Shape) -> usize {
    shape.actions.len()
        + shape.resource_types.as_ref().map_or(0, String::len)
        + shape.condition_keys.as_ref().map_or(0, String::len)
        + shape.names.iter().map(String::len).sum::<usize>()
}

/// `n` for about `bytes` bytes: the size of each repeat is measured on a small drawing.
fn grown(repeated: Repeated, bytes: usize) -> Shape {
    const PROBE: usize = 64;
    let empty = text_bytes(&repeated(0));
    let each = (text_bytes(&repeated(PROBE)).saturating_sub(empty) / PROBE).max(1);
    repeated(bytes.saturating_sub(empty) / each)
}

macro_rules! shapes {
    ($($name:ident),* $(,)?) => {
        /// Every shape, by name.
        pub(crate) const SHAPES: &[(&str, Generator)] = &[
            $((stringify!($name), |bytes| grown($name, bytes)),)*
        ];

        /// Every shape, by name, drawn with a given number of repeats.
        pub(crate) const BY_COUNT: &[(&str, Repeated)] = &[$((stringify!($name), $name),)*];
    };
}

shapes![
    one_action_many_sub_rows,
    many_keys_in_one_cell,
    many_keys_one_identifier,
    many_cut_names,
    many_cut_alike,
    many_cut_keys,
    many_actions_own_types,
    many_errors,
    many_drawing_faults,
    long_access_cell,
    long_description,
    companion_tables,
];

const HEADER: [&str; 6] = [
    "Actions",
    "Description",
    "Access level",
    "Resource types (*required)",
    "Condition keys",
    "Dependent actions",
];

/// Draws a table: heavy header box, light body, a rule between rows; each cell is its lines. Cells are
/// not padded to a common width (the reader splits on bars), so that a long cell does not widen every
/// row and the text stays proportional to its content.
fn draw(header: &[&str], rows: &[Vec<Vec<String>>]) -> String {
    let columns = header.len();
    let rule = |left: char, fill: char, mid: char, right: char| -> String {
        let mut line = String::new();
        line.push(left);
        for i in 0..columns {
            if i > 0 {
                line.push(mid);
            }
            line.push(fill);
        }
        line.push(right);
        line.push('\n');
        line
    };
    let mut out = rule('┏', '━', '┳', '┓');
    out.push('┃');
    for h in header {
        let _ = write!(out, " {h} ┃");
    }
    out.push('\n');
    out.push_str(&rule('┡', '━', '╇', '┩'));
    for (index, row) in rows.iter().enumerate() {
        if index > 0 {
            out.push_str(&rule('├', '─', '┼', '┤'));
        }
        let height = row.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for k in 0..height {
            out.push('│');
            for cell in row {
                let _ = write!(out, " {} │", cell.get(k).map_or("", String::as_str));
            }
            out.push('\n');
        }
    }
    out.push_str(&rule('└', '─', '┴', '┘'));
    out
}

fn one(text: impl Into<String>) -> Vec<String> {
    vec![text.into()]
}

fn action_row(name: &str, description: &str, access: &str, resource: &str) -> Vec<Vec<String>> {
    vec![
        one(name),
        one(description),
        one(access),
        if resource.is_empty() {
            Vec::new()
        } else {
            one(resource)
        },
        Vec::new(),
        Vec::new(),
    ]
}

fn actions_only(actions: String, count: usize) -> Shape {
    Shape {
        actions,
        resource_types: None,
        condition_keys: None,
        names: Vec::new(),
        count,
    }
}

/// One action with a sub-row per resource type (`r0*`, `r1*`, …).
fn one_action_many_sub_rows(n: usize) -> Shape {
    let rows: Vec<_> = (0..n)
        .map(|i| action_row("Act", "Does it", "Read", &format!("r{i}*")))
        .collect();
    actions_only(draw(&HEADER, &rows), n)
}

/// One action whose condition-keys cell holds a key per line.
fn many_keys_in_one_cell(n: usize) -> Shape {
    let mut row = action_row("Act", "Does it", "Read", "");
    if let Some(keys) = row.get_mut(4) {
        *keys = (0..n).map(|i| format!("demo:Key{i}")).collect();
    }
    actions_only(draw(&HEADER, &[row]), n)
}

/// Many distinct keys in one cell that all share one plain identifier (they differ only in their
/// separators), so every one takes its exact identifier: the rule must stay linear in their number.
fn many_keys_one_identifier(n: usize) -> Shape {
    const SEPARATORS: [char; 5] = ['.', '-', '/', '_', ':'];
    let mut row = action_row("Act", "Does it", "Read", "");
    if let Some(keys) = row.get_mut(4) {
        *keys = (0..n)
            .map(|i| {
                let mut key = "demo:a".to_owned();
                let mut rest = i;
                // Eight separators: 5^8 = 390,625 distinct keys, more than 1 MiB holds.
                for _ in 0..8 {
                    key.push(SEPARATORS.get(rest % 5).copied().unwrap_or('.'));
                    key.push('a');
                    rest /= 5;
                }
                key
            })
            .collect();
    }
    actions_only(draw(&HEADER, &[row]), n)
}

/// Every action name cut, each to its own prefix, with its full name in `names`.
fn many_cut_names(n: usize) -> Shape {
    let rows: Vec<_> = (0..n)
        .map(|i| action_row(&format!("Action{i}X…"), "Does it", "Read", ""))
        .collect();
    Shape {
        names: (0..n).map(|i| format!("Action{i}XFull")).collect(),
        ..actions_only(draw(&HEADER, &rows), n)
    }
}

/// Every action name cut to the same prefix, told apart by their descriptions.
fn many_cut_alike(n: usize) -> Shape {
    let rows: Vec<_> = (0..n)
        .map(|i| action_row("Act…", &format!("Does {i}"), "Read", ""))
        .collect();
    Shape {
        names: (0..n).map(|i| format!("Act{i:07}")).collect(),
        ..actions_only(draw(&HEADER, &rows), n)
    }
}

/// One action whose condition-keys cell holds many keys, each cut to its own prefix.
fn many_cut_keys(n: usize) -> Shape {
    let mut row = action_row("Act", "Does it", "Read", "");
    if let Some(keys) = row.get_mut(4) {
        *keys = (0..n).map(|i| format!("demo:Key{i}X…")).collect();
    }
    Shape {
        names: (0..n).map(|i| format!("demo:Key{i}XFull")).collect(),
        ..actions_only(draw(&HEADER, &[row]), n)
    }
}

/// Many actions, each with a resource type of its own.
fn many_actions_own_types(n: usize) -> Shape {
    let rows: Vec<_> = (0..n)
        .map(|i| action_row(&format!("Act{i}"), "Does it", "Read", &format!("r{i}*")))
        .collect();
    actions_only(draw(&HEADER, &rows), n)
}

/// Every action misspells its access level: one error per row.
fn many_errors(n: usize) -> Shape {
    let rows: Vec<_> = (0..n)
        .map(|i| action_row(&format!("Act{i}"), "Does it", "Reed", ""))
        .collect();
    actions_only(draw(&HEADER, &rows), n)
}

/// A box line outside any table on every line: a drawing fault per line, every one found and counted.
fn many_drawing_faults(n: usize) -> Shape {
    actions_only("│ stray │\n".repeat(n), n)
}

/// One action whose access-level cell wraps over many lines, every level repeated (an error each).
fn long_access_cell(n: usize) -> Shape {
    let mut row = action_row("Act", "Does it", "", "");
    if let Some(access) = row.get_mut(2) {
        *access = (0..n).map(|_| "Read,".to_owned()).collect();
        access.push("Read".to_owned());
    }
    actions_only(draw(&HEADER, &[row]), n)
}

/// Two sub-rows whose long descriptions differ, and many short sub-rows that disagree with the first.
fn long_description(n: usize) -> Shape {
    let long = "d".repeat(n * 50);
    let mut rows = vec![action_row("Act", &long, "Read", "r*")];
    rows.extend((0..n).map(|i| action_row("Act", "short", "Read", &format!("r{i}"))));
    actions_only(draw(&HEADER, &rows), n)
}

/// Resource-types and condition-keys tables of many rows, every one used by one action.
fn companion_tables(n: usize) -> Shape {
    let rows: Vec<_> = (0..n)
        .map(|i| {
            let mut row = action_row(&format!("Act{i}"), "Does it", "Read", &format!("r{i}*"));
            if let Some(keys) = row.get_mut(4) {
                *keys = one(format!("demo:Key{i}"));
            }
            row
        })
        .collect();
    let types: Vec<_> = (0..n)
        .map(|i| {
            vec![
                one(format!("r{i}")),
                one(format!("arn:aws:demo:::r/{i}")),
                one(format!("demo:Key{i}")),
            ]
        })
        .collect();
    let keys: Vec<_> = (0..n)
        .map(|i| vec![one(format!("demo:Key{i}")), one("A key"), one("String")])
        .collect();
    Shape {
        actions: draw(&HEADER, &rows),
        resource_types: Some(draw(&["Resource types", "ARN", "Condition keys"], &types)),
        condition_keys: Some(draw(&["Condition keys", "Description", "Type"], &keys)),
        names: Vec::new(),
        count: n,
    }
}
