//! Generators of *valid* policy sets and of requests, from a seeded xorshift so that every CI run
//! draws the same cases (set `DIFFERENTIAL_SEED` to explore others).
//!
//! The vocabularies are small and overlap on purpose: policy values and request values are drawn
//! from lists that share members, so every condition holds for some requests and fails for others,
//! and every resource pattern names some repositories and misses others. Each vocabulary also holds
//! the shapes the IAM User Guide singles out (a `*` that ends an ARN segment, a resource pattern of
//! fewer than six parts, a substituted value holding `*` or `?`, integers beyond `f64`'s 53 bits,
//! negative fractional epoch dates, an ARN with colons in its resource part).

use serde_json::{Map, Value, json};

#[path = "generate_layers.rs"]
mod layers;
pub use layers::layers;

// The two accounts of the vocabularies: 111122223333 (the repositories' usual owner) and
// 444455556666 (the other side of cross-account requests).

/// xorshift64* (Vigna): small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }

    /// True with probability `percent`%.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// How the generated cases are distributed: the shares of Allow and ExplicitDeny depend on these.
#[derive(Clone, Copy)]
pub struct Tuning {
    /// Percent of statements that deny.
    pub deny: u64,
    /// Percent of statements that carry conditions.
    pub conditions: u64,
    /// Percent of policy sets with a repository policy.
    pub repository_policy: u64,
}

pub const TUNING: Tuning = Tuning {
    deny: 30,
    conditions: 30,
    repository_policy: 75,
};

/// The tuning of identity and repository policies in a set that has layers.
pub const LAYERED_TUNING: Tuning = Tuning {
    deny: 18,
    conditions: 30,
    repository_policy: 75,
};

const REQUEST_PRINCIPALS: [&str; 4] = [
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:sts::111122223333:assumed-role/ci/build-1",
    "arn:aws:iam::444455556666:user/bob",
    "arn:aws:sts::444455556666:assumed-role/deployer/deploy-7",
];

const POLICY_PRINCIPALS: [&str; 12] = [
    "111122223333",
    "444455556666",
    "arn:aws:iam::111122223333:root",
    "arn:aws:iam::444455556666:root",
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::444455556666:user/bob",
    "arn:aws:iam::111122223333:role/ci",
    "arn:aws:iam::444455556666:role/teams/deployer",
    "arn:aws:sts::444455556666:assumed-role/deployer/deploy-7",
    "arn:aws:sts::111122223333:assumed-role/ci/other-session",
    // The session of the requests: a same-account grant to it passes boundaries and session
    // policies, one to its role (`role/ci`) does not.
    "arn:aws:sts::111122223333:assumed-role/ci/build-1",
    "*",
];

const REQUEST_ACTIONS: [&str; 6] = [
    "ecr:BatchGetImage",
    "ecr:PutImage",
    "ecr:DescribeRepositories",
    "ecr:DeleteRepository",
    "ecr:GetDownloadUrlForLayer",
    "ecr:GetAuthorizationToken",
];

const ACTION_PATTERNS: [&str; 14] = [
    "ecr:*",
    "ecr:*",
    "*",
    "*",
    "ecr:Get*",
    "ecr:BatchGetImage",
    "ecr:PutImage",
    "ecr:Describe*",
    "ecr:*Image",
    "ecr:BatchGet?mage",
    "ECR:putimage",
    "ecr:Delete*",
    "ecr:*Layer*",
    "s3:GetObject",
];

const REQUEST_RESOURCES: [&str; 4] = [
    "arn:aws:ecr:us-east-1:111122223333:repository/app/web",
    "arn:aws:ecr:us-west-2:111122223333:repository/alice/tools",
    "arn:aws:ecr:us-east-1:444455556666:repository/app/web",
    "arn:aws:ecr:eu-west-1:444455556666:repository/web",
];

const RESOURCE_PATTERNS: [&str; 16] = [
    "*",
    "*",
    "arn:aws:ecr:us-east-1:111122223333:repository/app/web",
    "arn:aws:ecr:*:111122223333:repository/app/*",
    "arn:aws:ecr:us-east-1:*:repository/*",
    "arn:aws:ecr:*:*:repository/*web",
    "arn:aws:ecr:*:444455556666:repository/*",
    "arn:aws:ecr:us-???t-?:111122223333:repository/*/*",
    "arn:aws:ecr:us-east-1:*",
    "arn:aws:ecr:*",
    "arn:aws:ecr:*:111122223333:*",
    "arn:aws:ecr:*:*:repository/${aws:username}/*",
    "arn:aws:ecr:*:*:repository/${aws:PrincipalTag/team, 'app'}/*",
    "arn:aws:ecr:*:*:repository/${aws:username}*",
    "arn:aws:ecr:*:111122223333:repository/${*}",
    "arn:aws:s3:::bucket/*",
];

/// A condition key: its name, the values a request gives it, and the operator family that reads
/// it. `multi` keys take arrays and are only read through set operators.
struct Key {
    name: &'static str,
    family: Family,
    request: &'static [&'static str],
    multi: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    Ip,
    Arn,
}

const KEYS: [Key; 11] = [
    Key {
        name: "aws:username",
        family: Family::String,
        request: &["alice", "bob", "a*", "we?"],
        multi: false,
    },
    Key {
        name: "aws:PrincipalTag/team",
        family: Family::String,
        request: &["app", "web", "*", "ops"],
        multi: false,
    },
    Key {
        name: "aws:TagKeys",
        family: Family::String,
        request: &["env", "team", "cost"],
        multi: true,
    },
    Key {
        name: "aws:MultiFactorAuthAge",
        family: Family::Numeric,
        request: &[
            "300",
            "300.0",
            "3600",
            "0.5",
            "9007199254740993",
            "-1.5",
            "0",
        ],
        multi: false,
    },
    Key {
        name: "aws:CurrentTime",
        family: Family::Date,
        request: &[
            "2024-06-01T12:00:00Z",
            "2024-06-01T14:00:00+02:00",
            "2024-06-01T11:59:59.5Z",
            "1717243200",
            "2023-12-31",
        ],
        multi: false,
    },
    Key {
        name: "aws:EpochTime",
        family: Family::Date,
        request: &["0", "-0.5", "1717243200", "1717243199.5"],
        multi: false,
    },
    Key {
        name: "aws:SecureTransport",
        family: Family::Bool,
        request: &["true", "false"],
        multi: false,
    },
    Key {
        name: "aws:RequestTag/blob",
        family: Family::Binary,
        request: &["QUJD", "REVG"],
        multi: false,
    },
    Key {
        name: "aws:SourceIp",
        family: Family::Ip,
        request: &["203.0.113.7", "198.51.100.20", "2001:db8::1", "10.1.2.3"],
        multi: false,
    },
    Key {
        name: "aws:SourceArn",
        family: Family::Arn,
        request: &[
            "arn:aws:someservice:us-east-2:111122223333:finance/document.txt",
            "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
            "arn:aws:iam::111122223333:role/ci-build",
            "not-an-arn",
        ],
        multi: false,
    },
    Key {
        name: "aws:PrincipalArn",
        family: Family::Arn,
        request: &[
            "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::444455556666:role/teams/deployer",
            "arn:aws:iam::111122223333:role/ci",
        ],
        multi: false,
    },
];

fn policy_values(key: &Key) -> &'static [&'static str] {
    match (key.family, key.name) {
        (Family::String, "aws:TagKeys") => &["env", "team", "t*", "cost"],
        (Family::String, _) => &[
            "alice",
            "a*",
            "al*",
            "?lice",
            "web",
            "app",
            "APP",
            "${aws:username}",
            "${aws:PrincipalTag/team}",
            "${aws:PrincipalTag/team, 'app'}",
            "a${*}",
            "we${?}",
            "${aws:username}*",
        ],
        (Family::Numeric, _) => &[
            "300",
            "3600",
            "9007199254740992",
            "9007199254740993",
            "9007199254740992.5",
            "0.25",
            "-2",
            "1000",
        ],
        (Family::Date, "aws:EpochTime") => &["0", "-0.25", "1717243200", "1700000000"],
        (Family::Date, _) => &[
            "2024-06-01T12:00:00Z",
            "2024-06-01",
            "1717243200",
            "2024-06-01T11:00:00-01:00",
            "2025-01-01T00:00:00Z",
        ],
        (Family::Bool, _) => &["true", "false"],
        (Family::Binary, _) => &["QUJD", "Zm9v"],
        (Family::Ip, _) => &[
            "203.0.113.0/24",
            "198.51.100.20",
            "2001:db8::/32",
            "10.0.0.0/8",
            "0.0.0.0/0",
            "203.0.113.128/25",
        ],
        (Family::Arn, "aws:PrincipalArn") => &[
            "arn:aws:iam::111122223333:user/${aws:username}",
            "arn:aws:iam::*:role/*",
            "arn:aws:iam::111122223333:*",
            "arn:aws:iam::444455556666:role/teams/deployer",
        ],
        (Family::Arn, _) => &[
            "arn:aws:someservice:*:111122223333:finance/*",
            "arn:aws:iam::*:role/ci-*",
            "arn:aws:someservice:us-east-2:999999999999:store/*",
            "arn:aws:iam::111122223333:role/ci-build",
            "arn:aws:someservice:us-east-?:*:*",
        ],
    }
}

fn operators(family: Family) -> &'static [&'static str] {
    match family {
        Family::String => &[
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase",
            "StringLike",
            "StringNotLike",
        ],
        Family::Numeric => &[
            "NumericEquals",
            "NumericNotEquals",
            "NumericLessThan",
            "NumericLessThanEquals",
            "NumericGreaterThan",
            "NumericGreaterThanEquals",
        ],
        Family::Date => &[
            "DateEquals",
            "DateNotEquals",
            "DateLessThan",
            "DateLessThanEquals",
            "DateGreaterThan",
            "DateGreaterThanEquals",
        ],
        Family::Bool => &["Bool"],
        Family::Binary => &["BinaryEquals"],
        Family::Ip => &["IpAddress", "NotIpAddress"],
        Family::Arn => &["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
    }
}

/// One string, or a list of one to `max` distinct strings.
fn one_or_many(rng: &mut Rng, items: &[&str], max: usize) -> Value {
    if rng.chance(60) {
        return json!(rng.pick(items));
    }
    let mut list: Vec<&str> = Vec::new();
    for _ in 0..rng.between(1, max) {
        let item = rng.pick(items);
        if !list.contains(&item) {
            list.push(item);
        }
    }
    json!(list)
}

fn condition(rng: &mut Rng) -> Value {
    let mut block = Map::new();
    for _ in 0..rng.between(1, 2) {
        let key = &KEYS[rng.below(KEYS.len())];
        let null = rng.chance(8);
        let name = if null {
            "Null"
        } else {
            rng.pick(operators(key.family))
        };
        // `Null` tests whether the key is there at all: no set operator. A multivalued key always
        // has one; a single-valued key sometimes (a set of one value).
        let set = if !null && (key.multi || rng.chance(10)) {
            if rng.chance(50) {
                "ForAllValues:"
            } else {
                "ForAnyValue:"
            }
        } else {
            ""
        };
        let if_exists = if !null && rng.chance(20) {
            "IfExists"
        } else {
            ""
        };
        let values = if null {
            json!(rng.pick(&["true", "false"]))
        } else if key.family == Family::Bool && rng.chance(30) {
            json!(rng.chance(50))
        } else {
            one_or_many(rng, policy_values(key), 3)
        };
        let operator = format!("{set}{name}{if_exists}");
        // One key per operator: a second key would need the same operator name, and a JSON object
        // cannot hold the operator twice.
        if !block.contains_key(&operator) {
            block.insert(operator, json!({ key.name: values }));
        }
    }
    Value::Object(block)
}

fn statement(rng: &mut Rng, tuning: Tuning, repository: bool) -> Value {
    let mut s = Map::new();
    let deny = rng.chance(tuning.deny);
    s.insert("Effect".into(), json!(if deny { "Deny" } else { "Allow" }));
    let actions = one_or_many(rng, &ACTION_PATTERNS, 3);
    let not_action = rng.chance(12);
    s.insert(
        if not_action { "NotAction" } else { "Action" }.into(),
        actions,
    );
    if repository {
        let principal = match rng.below(10) {
            0 | 1 => json!("*"),
            2 => json!({"AWS": "*"}),
            _ => json!({"AWS": one_or_many(rng, &POLICY_PRINCIPALS, 3)}),
        };
        let not_principal = rng.chance(12);
        let principal = if not_principal {
            // NotPrincipal names principals, never `*`.
            json!({"AWS": one_or_many(rng, &POLICY_PRINCIPALS[..11], 3)})
        } else {
            principal
        };
        s.insert(
            if not_principal {
                "NotPrincipal"
            } else {
                "Principal"
            }
            .into(),
            principal,
        );
    }
    // A repository policy mostly leaves `Resource` out: it applies to its repository.
    if !repository || rng.chance(30) {
        let resources = one_or_many(rng, &RESOURCE_PATTERNS, 3);
        let not_resource = rng.chance(12);
        s.insert(
            if not_resource {
                "NotResource"
            } else {
                "Resource"
            }
            .into(),
            resources,
        );
    }
    if rng.chance(tuning.conditions) {
        s.insert("Condition".into(), condition(rng));
    }
    Value::Object(s)
}

fn policy(rng: &mut Rng, tuning: Tuning, repository: bool) -> Value {
    let statements: Vec<Value> = (0..rng.between(1, 4))
        .map(|_| statement(rng, tuning, repository))
        .collect();
    match rng.below(20) {
        0 => json!({"Version": "2008-10-17", "Statement": statements}),
        1 => json!({"Statement": statements}),
        _ => json!({"Version": "2012-10-17", "Statement": statements}),
    }
}

/// A policy set: identity policies and an optional repository policy.
pub fn policies(rng: &mut Rng, tuning: Tuning) -> (Vec<Value>, Option<Value>) {
    let identity = (0..rng.between(1, 3))
        .map(|_| policy(rng, tuning, false))
        .collect();
    let repository = rng
        .chance(tuning.repository_policy)
        .then(|| policy(rng, tuning, true));
    (identity, repository)
}

/// Every character of the BMP's private use area (U+E000 to U+F8FF, 6,400 of them): a value that
/// holds them all leaves an implementation no spare character to stand for a substituted `*`.
pub fn private_use() -> String {
    ('\u{E000}'..='\u{F8FF}').collect()
}

/// A request in the conformance format: principal, action, resource and context.
pub fn request(rng: &mut Rng) -> Value {
    let principal = rng.pick(&REQUEST_PRINCIPALS);
    let action = rng.pick(&REQUEST_ACTIONS);
    // The conformance README: the resource `*` appears only with `ecr:GetAuthorizationToken`.
    // Two requests in three stay in the principal's account: across accounts both sides must
    // allow, which generated policies do more rarely.
    let account = principal.split(':').nth(4).unwrap_or_default();
    let resource = if action == "ecr:GetAuthorizationToken" {
        "*"
    } else if rng.chance(67) {
        let own: Vec<&str> = REQUEST_RESOURCES
            .iter()
            .copied()
            .filter(|r| r.split(':').nth(4) == Some(account))
            .collect();
        rng.pick(&own)
    } else {
        rng.pick(&REQUEST_RESOURCES)
    };
    let mut context = Map::new();
    for key in &KEYS {
        if !rng.chance(75) {
            continue;
        }
        let value = if key.multi {
            let values: Vec<&str> = key
                .request
                .iter()
                .copied()
                .filter(|_| rng.chance(50))
                .collect();
            json!(values)
        } else {
            json!(rng.pick(key.request))
        };
        // Key names ignore case: write some of them in another case.
        let name = if rng.chance(10) {
            key.name.to_ascii_uppercase()
        } else {
            key.name.to_owned()
        };
        context.insert(name, value);
    }
    json!({
        "principal": principal,
        "action": action,
        "resource": resource,
        "context": context,
    })
}
