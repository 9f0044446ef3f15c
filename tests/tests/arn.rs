//! ARNs through the public API: every error variant, ECR's naming rules, the table's format, `Resource`
//! patterns, serde; and properties: round-trips of generated ARNs, no panic on any input.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use ecr_actions::arn::fill_arn_format;
use ecr_actions::{
    Arn, ArnPattern, FillArnFormatError, ParseArnError, ParseArnPatternError, RepositoryArn,
    RepositoryArnError, ResourceType,
};
use proptest::prelude::*;

const REPO: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app/web";

fn arn(input: &str) -> Result<Arn, ParseArnError> {
    input.parse()
}

fn repo(name: &str) -> Result<RepositoryArn, RepositoryArnError> {
    RepositoryArn::new("aws", "us-east-1", "111122223333", name)
}

/// The five parts, joined by `|`.
fn parts(arn: &Arn) -> String {
    [
        arn.partition(),
        arn.service(),
        arn.region(),
        arn.account(),
        arn.resource(),
    ]
    .join("|")
}

/// A parse error in short: the variant and its number (the position, or the number of parts). Checks
/// that the error names the input, and that an invalid character is the one at its position.
fn arn_error(input: &str) -> String {
    let error = arn(input).unwrap_err();
    assert_eq!(error.input(), input);
    assert!(!error.to_string().is_empty());
    match error {
        ParseArnError::MissingPrefix { .. } => "MissingPrefix".to_owned(),
        ParseArnError::TooFewParts { found, .. } => format!("TooFewParts {found}"),
        ParseArnError::EmptyPartition { position, .. } => format!("EmptyPartition {position}"),
        ParseArnError::InvalidPartition { partition, .. } => {
            format!("InvalidPartition {partition}")
        }
        ParseArnError::EmptyService { position, .. } => format!("EmptyService {position}"),
        ParseArnError::EmptyResource { position, .. } => format!("EmptyResource {position}"),
        ParseArnError::InvalidCharacter {
            character,
            position,
            ..
        } => {
            assert_eq!(input[position..].chars().next(), Some(character));
            format!("InvalidCharacter {character:?} {position}")
        }
        other => format!("{other:?}"),
    }
}

/// A repository ARN error in short: the variant and the value it names, or the character and position.
fn repo_error(result: Result<RepositoryArn, RepositoryArnError>) -> String {
    match result.unwrap_err() {
        RepositoryArnError::Arn(error) => format!("Arn {}", error.input()),
        RepositoryArnError::NotEcr { service, .. } => format!("NotEcr {service}"),
        RepositoryArnError::NotRepository { resource, .. } => format!("NotRepository {resource}"),
        RepositoryArnError::InvalidPartition { partition, .. } => {
            format!("InvalidPartition {partition}")
        }
        RepositoryArnError::MissingRegion { .. } => "MissingRegion".to_owned(),
        RepositoryArnError::InvalidRegion { region, .. } => format!("InvalidRegion {region}"),
        RepositoryArnError::InvalidAccount { account, .. } => format!("InvalidAccount {account}"),
        RepositoryArnError::NameLength { length, .. } => format!("NameLength {length}"),
        RepositoryArnError::NameCharacter {
            character,
            position,
            ..
        } => {
            format!("NameCharacter {character:?} {position}")
        }
        RepositoryArnError::NameSeparator {
            separator,
            position,
            ..
        } => {
            format!("NameSeparator {separator:?} {position}")
        }
        other => format!("{other:?}"),
    }
}

// ---- Arn ------------------------------------------------------------------------------------------------

#[test]
fn arn_parts_and_exact_round_trip() {
    let cases = [
        (REPO, "aws|ecr|us-east-1|111122223333|repository/app/web"),
        ("arn:aws:iam::12:user/alice", "aws|iam||12|user/alice"),
        ("arn:aws:s3:::my-bucket/a/b", "aws|s3|||my-bucket/a/b"),
        ("arn:aws:iam::aws:policy/Admin", "aws|iam||aws|policy/Admin"),
        (
            "arn:aws:sts::1:assumed-role/ci/b",
            "aws|sts||1|assumed-role/ci/b",
        ),
        (
            "arn:aws:lambda:r:1:function:f:$LATEST",
            "aws|lambda|r|1|function:f:$LATEST",
        ),
        ("arn:aws-cn:ecr:cn-north-1:1:x", "aws-cn|ecr|cn-north-1|1|x"),
        // A generic ARN does not check ECR's rules: any region text, wildcards in the resource.
        (
            "arn:aws:dynamodb:ddblocal:0:t/T*?",
            "aws|dynamodb|ddblocal|0|t/T*?",
        ),
        ("arn:aws:x:::é", "aws|x|||é"),
    ];
    for (input, expected) in cases {
        let parsed = arn(input).unwrap();
        assert_eq!(parts(&parsed), expected);
        assert_eq!(parsed.to_string(), input);
        assert_eq!(parsed.as_str(), input);
        assert_eq!(Arn::try_from(input.to_owned()).unwrap(), parsed);
        assert_eq!(String::from(parsed.clone()), input);
        assert_eq!(format!("{parsed:?}"), format!("Arn({input:?})"));
        assert_eq!(parsed.into_string(), input);
    }
}

#[test]
fn partitions() {
    let valid = [
        "aws",
        "aws-cn",
        "aws-us-gov",
        "aws-iso",
        "aws-iso-b",
        "aws-eusc",
        "aws-2",
    ];
    for partition in valid {
        let input = format!("arn:{partition}:ecr:us-east-1:111122223333:repository/app");
        assert_eq!(arn(&input).unwrap().partition(), partition);
    }
    let invalid = [
        "AWS", "Aws-cn", "aws-", "aws--cn", "aws-cn-", "awscn", "aws-CN", "aws_cn", "gcp", "-aws",
        "aws.cn", "*",
    ];
    for partition in invalid {
        let input = format!("arn:{partition}:ecr:us-east-1:111122223333:repository/app");
        assert_eq!(arn_error(&input), format!("InvalidPartition {partition}"));
    }
    assert_eq!(
        arn("arn:AWS:s3:::b").unwrap_err().to_string(),
        "`arn:AWS:s3:::b` has partition `AWS`: write `aws`, or `aws-` and lowercase letters and digits \
         such as `aws-cn`, `aws-us-gov` or `aws-iso-b`"
    );
}

#[test]
fn arn_errors() {
    let cases = [
        ("", "MissingPrefix"),
        ("arn", "MissingPrefix"),
        ("ARN:aws:s3:::b", "MissingPrefix"),
        ("urn:aws:s3:::b", "MissingPrefix"),
        (":arn:aws:s3:::b", "MissingPrefix"),
        ("arn:", "TooFewParts 2"),
        ("arn:aws", "TooFewParts 2"),
        ("arn:aws:ecr", "TooFewParts 3"),
        ("arn:aws:ecr:us-east-1", "TooFewParts 4"),
        ("arn:aws:ecr:us-east-1:1", "TooFewParts 5"),
        ("arn:aws:ecr:us-east-1:1/repository/a", "TooFewParts 5"),
        ("arn::ecr:r:1:b", "EmptyPartition 4"),
        ("arn:aws::r:1:b", "EmptyService 8"),
        ("arn:aws:ecr:r:1:", "EmptyResource 16"),
        // The first problem from the left is the one reported.
        ("arn:::::", "EmptyPartition 4"),
        ("arn:aws::::", "EmptyService 8"),
        ("arn:aws:s:::", "EmptyResource 12"),
        // Whitespace and control characters, checked first: the better clue.
        (" arn:aws:s3:::b", "InvalidCharacter ' ' 0"),
        ("\u{2003}arn:aws:s3:::b", "InvalidCharacter '\\u{2003}' 0"),
        ("arn:aws:s3:::b ", "InvalidCharacter ' ' 14"),
        ("arn:aws:s3:::a b", "InvalidCharacter ' ' 14"),
        ("arn:aws:s3:::b\n", "InvalidCharacter '\\n' 14"),
        ("arn:aws:s3:\t::b", "InvalidCharacter '\\t' 11"),
        ("arn:aws:s3:::\u{7f}", "InvalidCharacter '\\u{7f}' 13"),
        ("arn:aws:s3:::é\u{a0}", "InvalidCharacter '\\u{a0}' 15"),
        ("arn:aws\0:s3:::b", "InvalidCharacter '\\0' 7"),
        ("arn :", "InvalidCharacter ' ' 3"),
    ];
    for (input, expected) in cases {
        assert_eq!(arn_error(input), expected, "{input:?}");
    }
}

#[test]
fn arn_error_messages() {
    let cases = [
        (
            "urn:x",
            "`urn:x` is not an ARN: write it with the prefix `arn:`, as in \
             `arn:aws:ecr:us-east-1:111122223333:repository/app`",
        ),
        (
            "arn::s:r:a:b",
            "`arn::s:r:a:b` has an empty partition at byte 4: write `aws` (or `aws-cn`, `aws-us-gov`, …) \
             after `arn:`",
        ),
        (
            "arn:aws::r:a:b",
            "`arn:aws::r:a:b` has an empty service at byte 8: write the service namespace, such as \
             `ecr`, after the partition",
        ),
        (
            "arn:aws:s:r:a:",
            "`arn:aws:s:r:a:` has an empty resource at byte 14: write the resource, such as \
             `repository/app`, after the account",
        ),
        (
            "arn:aws:s3:::a\nb",
            "`arn:aws:s3:::a\\nb` has '\\n' at byte 14: an ARN has no whitespace or control \
             characters, remove it",
        ),
    ];
    for (input, message) in cases {
        assert_eq!(arn(input).unwrap_err().to_string(), message);
    }
}

// ---- RepositoryArn --------------------------------------------------------------------------------------

#[test]
fn valid_repository_names() {
    let long = "a".repeat(256);
    let mixed = format!("{}/{}", "ab.c_d-e".repeat(20), "x9".repeat(45));
    let names = [
        "ab",
        "a1",
        "0a",
        "00",
        "app/web",
        "a.b_c-d/e",
        "a-b-c",
        "t/app/web-1.0_rc",
    ];
    for name in names.into_iter().chain([long.as_str(), mixed.as_str()]) {
        let built = repo(name).unwrap();
        assert_eq!(built.name(), name);
        let text = format!("arn:aws:ecr:us-east-1:111122223333:repository/{name}");
        assert_eq!(built.to_string(), text);
        assert_eq!(text.parse::<RepositoryArn>().unwrap(), built);
    }
}

#[test]
fn invalid_repository_names() {
    let too_long = "a".repeat(257);
    let cases = [
        ("", "NameLength 0"),
        ("a", "NameLength 1"),
        ("7", "NameLength 1"),
        (too_long.as_str(), "NameLength 257"),
        ("App", "NameCharacter 'A' 0"),
        ("apP", "NameCharacter 'P' 2"),
        ("app/Web", "NameCharacter 'W' 4"),
        ("a b", "NameCharacter ' ' 1"),
        ("a:b", "NameCharacter ':' 1"),
        ("a*b", "NameCharacter '*' 1"),
        ("café", "NameCharacter 'é' 3"),
        ("ab\n", "NameCharacter '\\n' 2"),
        ("-ab", "NameSeparator '-' 0"),
        ("ab-", "NameSeparator '-' 2"),
        ("a//b", "NameSeparator '/' 2"),
        ("a/", "NameSeparator '/' 1"),
        ("/a", "NameSeparator '/' 0"),
        ("a..b", "NameSeparator '.' 2"),
        ("a._b", "NameSeparator '_' 2"),
        ("a-/b", "NameSeparator '/' 2"),
        ("a/-b", "NameSeparator '-' 2"),
        ("_a", "NameSeparator '_' 0"),
        ("--", "NameSeparator '-' 0"),
    ];
    for (name, expected) in cases {
        assert_eq!(repo_error(repo(name)), expected, "{name:?}");
        // Parsed, the same (but for what cannot be in an ARN at all).
        let text = format!("arn:aws:ecr:us-east-1:111122223333:repository/{name}");
        if !name.contains([' ', '\n']) {
            assert_eq!(repo_error(text.parse()), expected, "{text:?}");
        }
    }
}

#[test]
fn repository_name_messages() {
    let cases = [
        (
            "a",
            "has a repository name of length 1: write a name of 2 to 256 characters",
        ),
        (
            "App",
            "has 'A' at byte 0 of repository name `App`: repository names are lowercase, write `a`",
        ),
        (
            "a+b",
            "has '+' at byte 1 of repository name `a+b`: use only lowercase letters, digits, `.`, `_`, \
             `-` and `/`",
        ),
        (
            "a//b",
            "has a misplaced `/` at byte 2 of repository name `a//b`: put `.`, `_`, `-` and `/` only \
             between two lowercase letters or digits",
        ),
    ];
    for (name, message) in cases {
        let prefix = format!("`arn:aws:ecr:us-east-1:111122223333:repository/{name}` ");
        assert_eq!(repo(name).unwrap_err().to_string(), prefix + message);
    }
}

#[test]
fn accounts() {
    let invalid = [
        "11112222333",
        "1111222233334",
        "11112222333a",
        "",
        "1111-2222-333",
        "*",
        "aws",
    ];
    for account in invalid.into_iter().chain(["١١١١٢٢٢٢٣٣٣٣"]) {
        let result = RepositoryArn::new("aws", "us-east-1", account, "app");
        assert_eq!(repo_error(result), format!("InvalidAccount {account}"));
    }
    let zeros = RepositoryArn::new("aws", "us-east-1", "000000000000", "app").unwrap();
    assert_eq!(zeros.account(), "000000000000");
    assert_eq!(
        RepositoryArn::new("aws", "us-east-1", "1", "app")
            .unwrap_err()
            .to_string(),
        "`arn:aws:ecr:us-east-1:1:repository/app` has account `1`: write the 12-digit account ID, such \
         as `111122223333`"
    );
}

#[test]
fn regions() {
    let valid = [
        "us-east-1",
        "us-gov-west-1",
        "cn-northwest-1",
        "us-iso-east-1",
        "us-isob-east-1",
        "eusc-de-east-1",
        "ap-southeast-4",
        "il-central-1",
    ];
    for region in valid {
        let built = RepositoryArn::new("aws", region, "111122223333", "app").unwrap();
        assert_eq!(built.region(), region);
    }
    let invalid = [
        "US-EAST-1",
        "us-east",
        "useast-1",
        "us-east-1a",
        "u-east-1",
        "us--east-1",
        "-us-east-1",
        "us-east-",
        "1-east-1",
        "us-east1",
        "us_east_1",
        "*",
        "us-east-?",
        "ddblocal",
        "us-east-1:111122223333",
    ];
    for region in invalid {
        let result = RepositoryArn::new("aws", region, "111122223333", "app");
        assert_eq!(repo_error(result), format!("InvalidRegion {region}"));
    }
    let error = RepositoryArn::new("aws", "", "111122223333", "app").unwrap_err();
    assert_eq!(
        error,
        RepositoryArnError::MissingRegion {
            arn: "arn:aws:ecr::111122223333:repository/app".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "`arn:aws:ecr::111122223333:repository/app` has no region: write the repository's region, such \
         as `us-east-1`, after `ecr:`"
    );
    let parsed = "arn:aws:ecr::111122223333:repository/app".parse();
    assert_eq!(repo_error(parsed), "MissingRegion");
}

#[test]
fn partitions_services_and_resources_of_repository_arns() {
    // A colon in a value cannot shift the parts: each value is checked first.
    for partition in ["aws_cn", "", "aws:ecr", "AWS"] {
        let result = RepositoryArn::new(partition, "us-east-1", "111122223333", "app");
        assert_eq!(repo_error(result), format!("InvalidPartition {partition}"));
    }
    let parse = |s: &str| repo_error(s.parse());
    // The order of the checks: service, resource, region, account, name.
    let cases = [
        ("arn:aws:ecs:r:1:repository/app", "NotEcr ecs"),
        ("arn:aws:ECR:r:1:repository/app", "NotEcr ECR"),
        ("arn:aws:ecr:r:1:repo/app", "NotRepository repo/app"),
        ("arn:aws:ecr:r:1:repository", "NotRepository repository"),
        ("arn:aws:ecr:r:1:repository:a", "NotRepository repository:a"),
        ("arn:aws:ecr:r:1:Repository/a", "NotRepository Repository/a"),
        (
            "arn:aws:ecr:us-east-1:111122223333:repository/",
            "NameLength 0",
        ),
        ("arn:aws:ecr", "Arn arn:aws:ecr"),
        ("arn:aws:s3:::x", "NotEcr s3"),
        ("arn:aws:ecr:::x", "NotRepository x"),
        ("arn:aws:ecr:::repository/X", "MissingRegion"),
        ("arn:aws:ecr:us-east-1::repository/X", "InvalidAccount "),
        (
            "arn:aws:ecr:us-east-1:111122223333:repository/Xy",
            "NameCharacter 'X' 0",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(parse(input), expected, "{input}");
        assert_eq!(input.parse::<RepositoryArn>().unwrap_err().input(), input);
    }
    // Not an ARN at all: the ARN error, unchanged.
    let not_an_arn = "arn:aws:ecr".parse::<RepositoryArn>().unwrap_err();
    assert_eq!(
        not_an_arn,
        RepositoryArnError::Arn(arn("arn:aws:ecr").unwrap_err())
    );
    assert_eq!(
        not_an_arn.to_string(),
        arn("arn:aws:ecr").unwrap_err().to_string()
    );
    assert_eq!(
        parse_message("arn:aws:ecs:us-east-1:1:repository/a"),
        "`arn:aws:ecs:us-east-1:1:repository/a` is an ARN of service `ecs`: a repository ARN has service \
         `ecr`, as in `arn:aws:ecr:us-east-1:111122223333:repository/app`"
    );
    assert_eq!(
        parse_message("arn:aws:ecr:us-east-1:1:repo/a"),
        "`arn:aws:ecr:us-east-1:1:repo/a` names resource `repo/a`: a repository ARN's resource is \
         `repository/` and the repository name, as in `repository/app/web`"
    );
}

fn parse_message(input: &str) -> String {
    input.parse::<RepositoryArn>().unwrap_err().to_string()
}

#[test]
fn repository_arn_conversions_and_accessors() {
    let built = RepositoryArn::new("aws-us-gov", "us-gov-west-1", "111122223333", "t/app").unwrap();
    let text = "arn:aws-us-gov:ecr:us-gov-west-1:111122223333:repository/t/app";
    assert_eq!(built.partition(), "aws-us-gov");
    assert_eq!(built.region(), "us-gov-west-1");
    assert_eq!(built.account(), "111122223333");
    assert_eq!(built.name(), "t/app");
    assert_eq!(built.as_str(), text);
    assert_eq!(format!("{built:?}"), format!("RepositoryArn({text:?})"));
    let generic: Arn = built.clone().into();
    assert_eq!(generic.resource(), "repository/t/app");
    assert_eq!(&generic, built.as_arn());
    assert_eq!(RepositoryArn::try_from(generic).unwrap(), built);
    assert_eq!(RepositoryArn::resource_type(), ResourceType::Repository);
    let iam = arn("arn:aws:iam::111122223333:user/alice").unwrap();
    assert_eq!(repo_error(RepositoryArn::try_from(iam)), "NotEcr iam");
}

#[test]
fn repository_arn_is_the_tables_format_filled_in() {
    let format = ResourceType::Repository.arn_format().unwrap();
    assert_eq!(
        format,
        "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}"
    );
    let values = [
        ["aws", "us-east-1", "111122223333", "app/web"],
        ["aws-cn", "cn-north-1", "000000000000", "a.b_c-d/e"],
    ];
    for [partition, region, account, name] in values {
        let filled = fill_arn_format(format, |placeholder| match placeholder {
            "Partition" => Some(partition),
            "Region" => Some(region),
            "Account" => Some(account),
            "RepositoryName" => Some(name),
            _ => None,
        })
        .unwrap();
        let built = RepositoryArn::new(partition, region, account, name).unwrap();
        assert_eq!(built.to_string(), filled.to_string());
    }
}

// ---- fill_arn_format ------------------------------------------------------------------------------------

#[test]
fn fill_arn_format_fills_and_errs() {
    let lookup = |name: &str| match name {
        "P" => Some("aws"),
        "Weird" => Some("${P}"),
        "Space" => Some("a b"),
        _ => None,
    };
    let fill = |format: &str| fill_arn_format(format, lookup);
    assert_eq!(fill("arn:${P}:s3:::b").unwrap().as_str(), "arn:aws:s3:::b");
    // Values are not expanded again; text outside placeholders is kept (a lone `$` or `}` too).
    assert_eq!(
        fill("arn:${P}:s3:::${Weird}$}").unwrap().as_str(),
        "arn:aws:s3:::${P}$}"
    );

    let format = "arn:${P}:ecr:${Region}:1:repository/x";
    let error = FillArnFormatError::UnknownPlaceholder {
        format: format.into(),
        placeholder: "Region".into(),
    };
    assert_eq!(fill(format), Err(error));
    assert!(matches!(
        fill("arn:${}:s3:::b"),
        Err(FillArnFormatError::UnknownPlaceholder { placeholder, .. }) if placeholder.is_empty()
    ));
    let format = "arn:${P}:s3:::${P";
    let error = FillArnFormatError::UnclosedPlaceholder {
        format: format.into(),
        position: 14,
    };
    assert_eq!(fill(format), Err(error));

    let error = fill("arn:${P}:s3:::${Space}").unwrap_err();
    let FillArnFormatError::InvalidArn { source, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(source, &arn("arn:aws:s3:::a b").unwrap_err());
    assert!(std::error::Error::source(&error).is_some());
    assert_eq!(error.format(), "arn:${P}:s3:::${Space}");
    assert_eq!(
        error.to_string(),
        "the ARN format `arn:${P}:s3:::${Space}`, filled in, is not an ARN: `arn:aws:s3:::a b` has ' ' \
         at byte 14: an ARN has no whitespace or control characters, remove it"
    );
    assert_eq!(
        fill("x${Nope}").unwrap_err().to_string(),
        "the ARN format `x${Nope}` has placeholder `${Nope}`, which has no value: give it one, or use a \
         format with only the placeholders you have values for"
    );
}

// ---- ArnPattern -----------------------------------------------------------------------------------------

#[test]
fn star_alone_matches_everything() {
    let any = ArnPattern::new("*").unwrap();
    assert_eq!(any, ArnPattern::any());
    assert!(any.is_any());
    for text in [
        "",
        "*",
        REPO,
        "not an arn",
        "arn:aws:iam::111122223333:user/alice",
    ] {
        assert!(any.matches(text), "{text}");
    }
}

#[test]
fn pattern_errors() {
    let missing_prefix = [
        "",
        "**",
        "ecr:*",
        "arn",
        "ARN:aws:ecr:*:*:*",
        "repository/app",
        " *",
    ];
    for input in missing_prefix {
        let error = ParseArnPatternError::MissingPrefix {
            input: input.into(),
        };
        assert_eq!(ArnPattern::new(input), Err(error), "{input:?}");
    }
    // Fewer than six parts, the last not ending with `*`: it can match no ARN, which has six.
    let too_few = [
        ("arn:", 2),
        ("arn:aws", 2),
        ("arn:aws:ecr:us-east-1", 4),
        ("arn:aws:ecr:us-east-1:111122223333", 5),
        ("arn:aws:ecr:us-east-1:111122223333/repository/app", 5),
        ("arn:aws:ecr*:us-east-1", 4),
        ("arn:aws:ecr:us-east-1:${*}", 5),
    ];
    for (input, found) in too_few {
        let error = ParseArnPatternError::TooFewParts {
            input: input.into(),
            found,
        };
        assert_eq!(ArnPattern::new(input), Err(error), "{input}");
        assert_eq!(input.parse::<ArnPattern>().unwrap_err().input(), input);
    }
    assert_eq!(
        ArnPattern::new("arn:aws:ecr:us-east-1")
            .unwrap_err()
            .to_string(),
        "`arn:aws:ecr:us-east-1` has 4 colon-separated parts and matches no ARN, which has 6: write \
         `arn:partition:service:region:account:resource` with `*` for any part, as in \
         `arn:aws:ecr:*:*:repository/*`, or end the pattern with `*` to match every ARN that starts \
         like it, as in `arn:aws:ecr:us-east-1:*`"
    );
}

/// IAM User Guide, "IAM JSON policy elements: Resource": "If the `*` wildcard is the last character of
/// a resource ARN segment, it can expand to match beyond the colon boundaries." A pattern of fewer than
/// six parts whose last part ends with `*` is therefore valid: that `*` reaches over the missing parts.
#[test]
fn short_patterns_ending_with_a_star() {
    let east = "arn:aws:ecr:us-east-1:111122223333:repository/app/web";
    let west = "arn:aws:ecr:us-west-2:111122223333:repository/app/web";
    let other = "arn:aws:ecr:us-east-1:444455556666:repository/app/web";
    let cases = [
        ("arn:*", [true, true, true]),
        ("arn:aws:*", [true, true, true]),
        ("arn:aws:ecr:*", [true, true, true]),
        ("arn:aws:ecr:us-east-1:*", [true, false, true]),
        ("arn:aws:ecr:us-*", [true, true, true]),
        ("arn:aws:ecr:us-east-1:1111*", [true, false, false]),
        ("arn:aws:s3:*", [false, false, false]),
        ("arn:aws-cn:ecr:*", [false, false, false]),
        ("arn:aws:ecr:us-east-2:*", [false, false, false]),
    ];
    for (pattern, expected) in cases {
        let compiled = ArnPattern::new(pattern).unwrap();
        let got = [east, west, other].map(|text| compiled.matches(text));
        assert_eq!(got, expected, "{pattern}");
        assert!(!compiled.is_any() && !compiled.is_literal(), "{pattern}");
        assert_eq!(compiled.as_str(), pattern);
    }
    // The request resource `*` (an action without a resource type) is no ARN.
    assert!(!ArnPattern::new("arn:aws:ecr:*").unwrap().matches("*"));
}

/// Patterns and ARNs have documented caps: an ARN of at most `Arn::MAX_LEN` (2,048, the IAM API
/// Reference: "Maximum length of 2048") characters, a pattern of at most `ArnPattern::MAX_LEN`
/// (10,240, the largest policy text ECR accepts: "Maximum length of 10240").
#[test]
fn length_caps() {
    let fits = format!("arn:aws:s3:::{}", "é".repeat(Arn::MAX_LEN - 13));
    assert_eq!(fits.chars().count(), Arn::MAX_LEN);
    assert!(fits.len() > Arn::MAX_LEN, "more bytes than characters");
    assert!(arn(&fits).is_ok());
    let over = format!("{fits}x");
    match arn(&over) {
        Err(ParseArnError::TooLong { length, input }) => {
            assert_eq!((length, input.as_str()), (Arn::MAX_LEN + 1, over.as_str()));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        arn(&over).unwrap_err().to_string(),
        "the ARN starting `arn:aws:s3:::ééééééééééééééééééééééééééé` has 2049 characters, more \
         than the 2048 an ARN can have"
    );
    let fits = format!(
        "arn:aws:ecr:*:*:repository/{}",
        "*".repeat(ArnPattern::MAX_LEN - 27)
    );
    assert_eq!(fits.chars().count(), ArnPattern::MAX_LEN);
    assert!(ArnPattern::new(&fits).is_ok());
    let over = format!("{fits}?");
    assert!(matches!(
        ArnPattern::new(&over),
        Err(ParseArnPatternError::TooLong { length, .. }) if length == ArnPattern::MAX_LEN + 1
    ));
    assert_eq!(ArnPattern::new(&over).unwrap_err().input(), over);
}

#[test]
fn pattern_matching_as_iam_does() {
    // Patterns against `arn:aws:ecr:us-east-1:12:repository/app/web` (the account shortened).
    let text = "arn:aws:ecr:us-east-1:12:repository/app/web";
    let cases = [
        (text, true),
        ("arn:aws:ecr:us-east-1:12:repository/*", true),
        ("arn:aws:ecr:us-east-1:12:repository/*/web", true),
        ("arn:aws:ecr:us-east-?:12:repository/*", true),
        ("arn:aws:ecr:*:*:*", true),
        ("arn:*:*:*:*:*", true),
        ("arn:aws:ecr:*:*:repository/app/*", true),
        ("arn:aws:ecr:*:*:repository/app*", true),
        ("arn:aws:ecr:us-east-1:12:repository/app/we?", true),
        ("arn:aws:ecr:us-west-2:12:repository/app/web", false),
        ("arn:aws:ecr:us-east-1:12:repository/app/web/", false),
        ("arn:aws:ecr:us-east-1:12:repository/app/we", false),
        ("arn:aws:ecr:us-east-1:12:repository/app/web?", false),
        // Case-sensitive.
        ("arn:aws:ecr:us-east-1:12:repository/App/web", false),
        ("arn:aws:ECR:us-east-1:12:repository/app/web", false),
        // A `*` before a `:` may reach past colons; a `*` before anything else, and `?`, may not.
        ("arn:aws:e*:us-east-1:12:repository/app/web", true),
        ("arn:aws:ecr:us*1:12:repository/app/web", true),
    ];
    let parsed = arn(text).unwrap();
    for (pattern, expected) in cases {
        let compiled = ArnPattern::new(pattern).unwrap();
        assert_eq!(compiled.matches(text), expected, "{pattern}");
        assert_eq!(compiled.matches_arn(&parsed), expected, "{pattern}");
    }
    // Texts with more colons than an ECR ARN.
    let tail = "arn:aws:ecr:us-east-1:12:repository/app/web:x";
    let long = "arn:aws:ecr:extra:us-east-1:12:repository/app/web";
    let crossed = "arn:aws:ecr:extraxus-east-1:12:repository/app/web";
    let cases = [
        ("arn:aws:*:12:repository/app/web:x", tail, true),
        ("arn:aws:e*1:12:repository/app/web:x", tail, false),
        ("arn:aws:*:us-east-1:12:repository/app/web", long, true),
        ("arn:aws:e*r:us-east-1:12:repository/app/web", long, false),
        (
            "arn:aws:ecr:extra?us-east-1:12:repository/app/web",
            long,
            false,
        ),
        (
            "arn:aws:ecr:extra?us-east-1:12:repository/app/web",
            crossed,
            true,
        ),
        // The resource `*` of a request with no resource type.
        ("arn:aws:ecr:us-east-1:12:repository/*", "*", false),
    ];
    for (pattern, text, expected) in cases {
        let matches = ArnPattern::new(pattern).unwrap().matches(text);
        assert_eq!(matches, expected, "{pattern} ~ {text}");
    }
}

#[test]
fn pattern_accessors() {
    let pattern: ArnPattern = "arn:aws:ecr:*:*:repository/app/*".parse().unwrap();
    assert_eq!(pattern.as_str(), "arn:aws:ecr:*:*:repository/app/*");
    assert_eq!(pattern.to_string(), "arn:aws:ecr:*:*:repository/app/*");
    assert_eq!(
        format!("{pattern:?}"),
        "ArnPattern(\"arn:aws:ecr:*:*:repository/app/*\")"
    );
    assert!(!pattern.is_literal());
    assert!(!pattern.is_any());
    assert!(ArnPattern::new(REPO).unwrap().is_literal());
    let mut sorted = [
        pattern.clone(),
        ArnPattern::any(),
        ArnPattern::new(REPO).unwrap(),
    ];
    sorted.sort();
    assert_eq!(sorted.first(), Some(&ArnPattern::any()));
    let set: std::collections::HashSet<ArnPattern> = [pattern.clone(), pattern].into();
    assert_eq!(set.len(), 1);
}

// ---- serde ----------------------------------------------------------------------------------------------

#[test]
fn serde_as_strings() {
    let generic = arn(REPO).unwrap();
    let json = serde_json::to_string(&generic).unwrap();
    assert_eq!(json, format!("\"{REPO}\""));
    assert_eq!(serde_json::from_str::<Arn>(&json).unwrap(), generic);

    let repository = repo("app/web").unwrap();
    assert_eq!(serde_json::to_string(&repository).unwrap(), json);
    assert_eq!(
        serde_json::from_str::<RepositoryArn>(&json).unwrap(),
        repository
    );

    let list = r#"["*","arn:aws:ecr:*:*:repository/app/*"]"#;
    let patterns: Vec<ArnPattern> = serde_json::from_str(list).unwrap();
    assert!(patterns.iter().all(|p| p.matches(REPO)));
    assert_eq!(serde_json::to_string(&patterns).unwrap(), list);

    let upper = r#""arn:aws:ecr:us-east-1:111122223333:repository/App""#;
    let error = serde_json::from_str::<RepositoryArn>(upper).unwrap_err();
    assert!(
        error.to_string().contains("repository names are lowercase"),
        "{error}"
    );
    let error = serde_json::from_str::<Arn>("42").unwrap_err();
    assert!(error.to_string().contains("an ARN such as"), "{error}");
    assert!(serde_json::from_str::<ArnPattern>(r#""arn:aws""#).is_err());
    assert!(serde_json::from_str::<ArnPattern>(r#""arn:aws:ecr:*""#).is_ok());
}

// ---- properties -----------------------------------------------------------------------------------------

fn partition() -> impl Strategy<Value = String> {
    "aws(-[a-z0-9]{1,5}){0,3}"
}

fn ecr_region() -> impl Strategy<Value = String> {
    "[a-z]{2,4}(-[a-z]{1,9}){1,3}-[0-9]{1,2}"
}

/// A repository name: runs of lowercase letters and digits joined by one separator, 2 to 256 characters.
fn repository_name() -> impl Strategy<Value = String> {
    let runs = proptest::collection::vec(("[._/-]", "[a-z0-9]{1,12}"), 0..24);
    ("[a-z0-9]{1,12}", runs)
        .prop_map(|(first, rest)| {
            let mut name = first;
            for (separator, run) in rest {
                name.push_str(&separator);
                name.push_str(&run);
            }
            name.truncate(256);
            name.trim_end_matches(['.', '_', '-', '/']).to_owned()
        })
        .prop_filter("at least 2 characters", |name| name.len() >= 2)
}

/// The parts of an ARN; the resource may hold anything but whitespace and controls, colons included.
fn arn_parts() -> impl Strategy<Value = [String; 5]> {
    let resource = "[a-zA-Z0-9:/._*?${}=+@é-]{1,60}";
    (
        partition(),
        "[a-z0-9-]{1,12}",
        "[a-z0-9-]{0,15}",
        "([0-9]{12}|aws|)",
        resource,
    )
        .prop_map(|(p, s, r, a, x)| [p, s, r, a, x])
}

/// Strings near ARNs: the prefix, colons and slashes, wildcards, whitespace, controls and other text.
fn arn_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "(arn)?:?[a-zA-Z0-9:/._* ?${}\t\n\u{0}\u{7f}é-]{0,60}",
        "arn:aws(-[a-z]{1,3})?:ecr:[a-z0-9-]{0,12}:[0-9]{10,13}:repository/[a-zA-Z0-9._/ -]{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn generated_arns_round_trip(parts_in in arn_parts()) {
        let text = format!("arn:{}", parts_in.join(":"));
        let parsed: Arn = text.parse().unwrap();
        prop_assert_eq!(parts(&parsed), parts_in.join("|"));
        prop_assert_eq!(parsed.to_string(), text.clone());
        prop_assert_eq!(parsed.to_string().parse::<Arn>().unwrap(), parsed);
        // Every ARN is a pattern too; without wildcards it matches itself.
        let pattern = ArnPattern::new(&text).unwrap();
        if pattern.is_literal() {
            prop_assert!(pattern.matches(&text));
        }
    }

    #[test]
    fn generated_repository_arns_round_trip(
        partition in partition(),
        region in ecr_region(),
        account in "[0-9]{12}",
        name in repository_name(),
    ) {
        let built = RepositoryArn::new(&partition, &region, &account, &name).unwrap();
        let text = format!("arn:{partition}:ecr:{region}:{account}:repository/{name}");
        prop_assert_eq!(built.to_string(), text.clone());
        prop_assert_eq!(
            [built.partition(), built.region(), built.account(), built.name()],
            [partition.as_str(), region.as_str(), account.as_str(), name.as_str()]
        );
        let parsed: RepositoryArn = text.parse().unwrap();
        prop_assert_eq!(&parsed, &built);
        prop_assert_eq!(RepositoryArn::try_from(Arn::from(parsed)).unwrap(), built.clone());
        // The pattern of its account matches it; an upper-case letter makes it no repository ARN.
        let pattern = format!("arn:{partition}:ecr:*:{account}:repository/*");
        prop_assert!(ArnPattern::new(&pattern).unwrap().matches_arn(built.as_arn()));
        let upper = name.to_ascii_uppercase();
        if upper != name {
            let result = RepositoryArn::new(&partition, &region, &account, &upper);
            prop_assert!(repo_error(result).starts_with("NameCharacter"));
        }
    }

    #[test]
    fn any_string_parses_or_errs_without_panicking(input in arn_like()) {
        match input.parse::<Arn>() {
            Ok(parsed) => prop_assert_eq!(parsed.to_string(), input.clone()),
            Err(error) => {
                prop_assert_eq!(error.input(), input.as_str());
                prop_assert!(!error.to_string().is_empty());
            }
        }
        match input.parse::<RepositoryArn>() {
            Ok(parsed) => prop_assert_eq!(parsed.to_string(), input.clone()),
            Err(error) => {
                prop_assert_eq!(error.input(), input.as_str());
                prop_assert!(!error.to_string().is_empty());
            }
        }
        match input.parse::<ArnPattern>() {
            Ok(pattern) => {
                prop_assert_eq!(pattern.to_string(), input.clone());
                let _ = (pattern.matches(&input), pattern.matches(REPO));
            }
            Err(error) => {
                prop_assert_eq!(error.input(), input.as_str());
                prop_assert!(!error.to_string().is_empty());
            }
        }
        match fill_arn_format(&input, |name| (name.len() % 2 == 0).then_some("x")) {
            Ok(filled) => prop_assert!(filled.as_str().starts_with("arn:")),
            Err(error) => prop_assert_eq!(error.format(), input.as_str()),
        }
    }

    #[test]
    fn any_values_build_a_repository_arn_or_err_without_panicking(
        partition in arn_like(),
        region in arn_like(),
        account in arn_like(),
        name in arn_like(),
    ) {
        match RepositoryArn::new(&partition, &region, &account, &name) {
            Ok(built) => prop_assert_eq!(built.name(), name.as_str()),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }
}
