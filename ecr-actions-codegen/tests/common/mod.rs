//! What the engine's integration tests share: drawing a table as the AWS renderer does.

/// Draws a table as the renderer does: heavy header box, light body, a rule between every two rows; a
/// `\n` in a cell splits it over several lines. Columns are as wide as their widest line.
pub(crate) fn draw<H: AsRef<str>, C: AsRef<str>, R: AsRef<[C]>>(
    header: &[H],
    rows: &[R],
) -> String {
    let header: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.as_ref().iter().map(AsRef::as_ref).collect())
        .collect();
    let cells = |row: &[&str], i: usize| -> Vec<String> {
        row.get(i)
            .copied()
            .unwrap_or_default()
            .split('\n')
            .map(str::to_owned)
            .collect()
    };
    let mut widths = vec![0_usize; header.len()];
    for row in std::iter::once(header.as_slice()).chain(rows.iter().map(Vec::as_slice)) {
        for (i, width) in widths.iter_mut().enumerate() {
            for line in cells(row, i) {
                *width = (*width).max(line.chars().count());
            }
        }
    }
    let rule = |left: char, fill: char, mid: char, right: char| -> String {
        let parts: Vec<String> = widths
            .iter()
            .map(|w| fill.to_string().repeat(w + 2))
            .collect();
        format!("{left}{}{right}\n", parts.join(&mid.to_string()))
    };
    let lines = |row: &[&str], bar: char| -> String {
        let columns: Vec<Vec<String>> = (0..widths.len()).map(|i| cells(row, i)).collect();
        let height = columns.iter().map(Vec::len).max().unwrap_or(1);
        let mut out = String::new();
        for k in 0..height {
            out.push(bar);
            for (column, width) in columns.iter().zip(&widths) {
                let text = column.get(k).map_or("", String::as_str);
                let pad = width - text.chars().count();
                out.push_str(&format!(" {text}{} {bar}", " ".repeat(pad)));
            }
            out.push('\n');
        }
        out
    };
    let mut out = rule('┏', '━', '┳', '┓');
    out.push_str(&lines(&header, '┃'));
    out.push_str(&rule('┡', '━', '╇', '┩'));
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push_str(&rule('├', '─', '┼', '┤'));
        }
        out.push_str(&lines(row, '│'));
    }
    out.push_str(&rule('└', '─', '┴', '┘'));
    out
}
