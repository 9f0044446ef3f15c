//! `ecr-iam lint FILE... [--type TYPE] [--json]`: the linter's findings in IAM policy documents
//! ([`ecr_actions::lint::lint_as`]), each file linted as the policy type given, or as the type its
//! content shows ([`PolicyType::infer`]); an inferred type is named on stderr
//! (`note: FILE: linted as …`).
//!
//! Each finding is `FILE: ` and the finding as the library prints it
//! ([`Finding`]'s `Display`: `SEVERITY[CODE] at PATH: MESSAGE`), on one line if that fits 80 columns,
//! else the location on its line and the message wrapped under it, indented (the README promises 80
//! columns; `--json` is the form for tools). With `--json`, one array of objects with `file`, `path`,
//! `severity`, `code`, `message`, `policy_type` (the type linted as) and `policy_type_inferred`. Every
//! readable file is linted even when another is not. Exit status: 2 if a file cannot be read, is empty
//! or is not a policy document (reasons on stderr), else 1 if a finding is an error, else 0.

use std::io::{Read, Write};
use std::path::Path;

use ecr_actions::lint::{Finding, Severity, lint_as};
use ecr_actions::policy::{PolicyDocument, PolicyError, PolicyType};
use serde::Serialize;

use crate::args::LintArgs;
use crate::failure::{Failure, print_json, print_lines};
use crate::table::{WIDTH, paragraph};

/// One finding of one file, as `--json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    path: String,
    severity: Severity,
    code: &'static str,
    message: &'a str,
    policy_type: PolicyType,
    policy_type_inferred: bool,
}

/// One linted file: its name, the type it was linted as (and whether that was inferred), findings.
struct Linted {
    file: String,
    policy_type: PolicyType,
    inferred: bool,
    findings: Vec<Finding>,
}

/// Runs the subcommand.
pub(crate) fn run(args: &LintArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let mut unusable = Vec::new();
    let mut linted: Vec<Linted> = Vec::with_capacity(args.files.len());
    let mut notes = Vec::new();
    for file in &args.files {
        let name = display_name(file);
        match load(file, &name) {
            Err(reason) => unusable.push(reason),
            Ok(document) => {
                let (policy_type, inferred) = match args.policy_type {
                    Some(policy_type) => (policy_type, false),
                    None => {
                        let inference = PolicyType::infer(&document);
                        notes.push(format!(
                            "note: {name}: linted as {} (`--type {}`) because {}",
                            inference.policy_type.with_article(),
                            inference.policy_type,
                            inference.reason
                        ));
                        (inference.policy_type, true)
                    }
                };
                linted.push(Linted {
                    findings: lint_as(&document, policy_type),
                    file: name,
                    policy_type,
                    inferred,
                });
            }
        }
    }
    let rows: Vec<Row<'_>> = linted
        .iter()
        .flat_map(|file| {
            file.findings.iter().map(move |finding| Row {
                file: &file.file,
                path: finding.path.to_string(),
                severity: finding.severity,
                code: finding.code.as_str(),
                message: &finding.message,
                policy_type: file.policy_type,
                policy_type_inferred: file.inferred,
            })
        })
        .collect();
    // The inferred types go to stderr, so that stdout keeps one finding a line (or one JSON array).
    for note in &notes {
        // Nothing is left to tell the user if stderr is gone.
        let _ignored = writeln!(std::io::stderr().lock(), "{note}");
    }
    if args.json {
        print_json(out, &rows)?;
    } else {
        let lines: Vec<String> = linted
            .iter()
            .flat_map(|file| {
                file.findings
                    .iter()
                    .flat_map(move |finding| human(&file.file, finding))
            })
            .collect();
        print_lines(out, &lines)?;
    }
    if !unusable.is_empty() {
        return Err(Failure::Usage(unusable));
    }
    let errors = rows
        .iter()
        .filter(|row| row.severity == Severity::Error)
        .count();
    if errors > 0 {
        let files = linted
            .iter()
            .filter(|file| file.findings.iter().any(|f| f.severity == Severity::Error))
            .count();
        return Err(Failure::NoMatch(vec![format!(
            "{errors} {} in {files} {}",
            plural(errors, "finding is an error", "findings are errors"),
            plural(files, "file", "files")
        )]));
    }
    Ok(())
}

/// One finding for a reader: `FILE: SEVERITY[CODE] at PATH: MESSAGE` on one line if it fits
/// [`WIDTH`], else `FILE: SEVERITY[CODE] at PATH:` (its own continuation lines, for a long file
/// name or path, indented by 2) and the message under it, indented by 4; both wrapped on word
/// boundaries.
fn human(file: &str, finding: &Finding) -> Vec<String> {
    let whole = format!("{file}: {finding}");
    if whole.chars().count() <= WIDTH {
        return vec![whole];
    }
    // The library's `Display` ends with the message; what comes before it is the location.
    let Some(location) = whole.strip_suffix(finding.message.as_str()) else {
        return paragraph(&whole, 0);
    };
    let mut lines = Vec::new();
    let mut rest = location.trim_end();
    let mut indent = 0;
    while !rest.is_empty() {
        let wrapped = paragraph(rest, indent);
        let Some(first) = wrapped.into_iter().next() else {
            break;
        };
        // The first line takes what fits; the rest is wrapped again, indented.
        rest = rest
            .get(first.trim_start().len()..)
            .map_or("", str::trim_start);
        lines.push(first);
        indent = 2;
    }
    lines.extend(paragraph(&finding.message, 4));
    lines
}

fn plural(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}

/// The file's name as the user gave it; `-` for standard input.
pub(crate) fn display_name(file: &Path) -> String {
    file.to_string_lossy().into_owned()
}

/// The policy document in `file` (shown as `name`), or why there is none, said as every subcommand
/// says it: an unreadable file, an empty one, JSON with its position once (`FILE:LINE:COLUMN:`), or the
/// policy grammar's complaint.
pub(crate) fn load(file: &Path, name: &str) -> Result<PolicyDocument, String> {
    let text = read(file).map_err(|reason| format!("cannot read `{name}`: {reason}"))?;
    if text.trim().is_empty() {
        return Err(format!(
            "`{name}` is empty: a policy document is a JSON object such as \
             {{\"Version\": \"2012-10-17\", \"Statement\": [...]}}"
        ));
    }
    PolicyDocument::from_json(&text).map_err(|error| match error {
        // The position once, in front, as compilers print it.
        PolicyError::Json {
            message,
            line,
            column,
            ..
        } => format!("`{name}`:{line}:{column}: not a policy document: not JSON: {message}"),
        other => format!("`{name}` is not a policy document: {other}"),
    })
}

/// The file's text, or why it cannot be had. `-` reads standard input. A file larger than a policy
/// can be is read only so far as to know it.
fn read(file: &Path) -> Result<String, String> {
    const MAX: usize = ecr_actions::policy::MAX_DOCUMENT_BYTES;
    let limit = u64::try_from(MAX).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    let result = if file.as_os_str() == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|error| error.to_string())?;
    if bytes.len() > MAX {
        return Err(format!(
            "it is larger than {MAX} bytes, more than any policy document can be"
        ));
    }
    String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned())
}

#[cfg(test)]
mod tests {
    use ecr_actions::lint::{Finding, LintCode};
    use ecr_actions::policy::JsonPath;

    use super::human;

    fn finding(message: &str) -> Finding {
        let code = LintCode::MissingVersion;
        Finding {
            code,
            severity: code.severity(),
            message: message.to_owned(),
            path: JsonPath::root().key("Version"),
        }
    }

    #[test]
    fn a_short_finding_is_one_line() {
        assert_eq!(
            human("p.json", &finding("add a `Version`")),
            ["p.json: suggestion[missing-version] at Version: add a `Version`"]
        );
    }

    #[test]
    fn a_long_finding_wraps_its_message_under_its_location() {
        let message = "word ".repeat(30);
        let lines = human("p.json", &finding(message.trim_end()));
        assert_eq!(
            lines.first().map(String::as_str),
            Some("p.json: suggestion[missing-version] at Version:")
        );
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|line| line.starts_with("    word"))
        );
        assert!(lines.iter().all(|line| line.chars().count() <= 80));
    }

    #[test]
    fn a_long_location_wraps_too() {
        let file = format!("/{}/p.json", "dir/".repeat(20));
        let lines = human(&file, &finding("add a `Version`"));
        assert!(
            lines.iter().all(|line| line.chars().count() <= 80),
            "{lines:?}"
        );
        assert_eq!(
            lines.last().map(String::as_str),
            Some("    add a `Version`")
        );
    }
}
