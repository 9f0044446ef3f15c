//! `ecr-iam lint FILE... [--json]`: the linter's findings in IAM policy documents
//! ([`ecr_actions::lint::lint`]).
//!
//! Each finding is one line, `FILE: PATH: SEVERITY[CODE]: MESSAGE`, not wrapped (so that `grep` finds
//! it whole); with `--json`, one array of objects with `file`, `path`, `severity`, `code`, `message`.
//! Every readable file is linted even when another is not. Exit status: 2 if a file cannot be read or
//! is not a policy document (reasons on stderr), else 1 if a finding is an error, else 0.

use std::io::{Read, Write};
use std::path::Path;

use ecr_actions::lint::{Finding, Severity, lint};
use ecr_actions::policy::PolicyDocument;
use serde::Serialize;

use crate::args::LintArgs;
use crate::failure::{Failure, print_json, print_lines};

/// One finding of one file, as `--json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    path: String,
    severity: Severity,
    code: &'static str,
    message: &'a str,
}

/// Runs the subcommand.
pub(crate) fn run(args: &LintArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let mut unusable = Vec::new();
    let mut linted: Vec<(String, Vec<Finding>)> = Vec::with_capacity(args.files.len());
    for file in &args.files {
        let name = display_name(file);
        match read(file) {
            Err(reason) => unusable.push(format!("cannot read `{name}`: {reason}")),
            Ok(text) => match PolicyDocument::from_json(&text) {
                Err(error) => unusable.push(format!("`{name}` is not a policy document: {error}")),
                Ok(document) => linted.push((name, lint(&document))),
            },
        }
    }
    let rows: Vec<Row<'_>> = linted
        .iter()
        .flat_map(|(file, findings)| {
            findings.iter().map(move |finding| Row {
                file,
                path: finding.path.to_string(),
                severity: finding.severity,
                code: finding.code.as_str(),
                message: &finding.message,
            })
        })
        .collect();
    if args.json {
        print_json(out, &rows)?;
    } else {
        let lines: Vec<String> = rows
            .iter()
            .map(|row| {
                format!(
                    "{}: {}: {}[{}]: {}",
                    row.file, row.path, row.severity, row.code, row.message
                )
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
            .filter(|(_, findings)| findings.iter().any(|f| f.severity == Severity::Error))
            .count();
        return Err(Failure::NoMatch(vec![format!(
            "{errors} {} in {files} {}",
            plural(errors, "finding is an error", "findings are errors"),
            plural(files, "file", "files")
        )]));
    }
    Ok(())
}

fn plural(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}

/// The file's name as the user gave it; `-` for standard input.
fn display_name(file: &Path) -> String {
    file.to_string_lossy().into_owned()
}

/// The file's text, or why it cannot be had. `-` reads standard input. A file larger than a policy
/// can be is read only so far as to know it.
pub(crate) fn read(file: &Path) -> Result<String, String> {
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
