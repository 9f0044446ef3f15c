//! A typed builder for ECR policies: actions, resources, principals and conditions as Rust types,
//! checked by the compiler where it can and by the [linter](crate::lint) when the policy is built.
//!
//! | item | what |
//! |---|---|
//! | [`PolicyBuilder`] | the document: `Id`, statements; [`build`](PolicyBuilder::build) checks, lints and returns a [`PolicyDocument`](crate::policy::PolicyDocument) |
//! | [`StatementBuilder`] | one statement: effect, `Sid`, principals, actions ([`IntoActions`]), resources ([`IntoResource`]), conditions |
//! | [`Principal`] | any, an account, an IAM/STS ARN, a service |
//! | [`Condition`], [`NullCondition`] | an operator whose family fits the key's value type; values ([`StringValues`], [`ArnValues`], [`NumericValues`], [`DateValues`]) |
//! | [`key`] | typed condition keys: ECR's (from the generated [`ConditionKey`](crate::ConditionKey)) and the common global `aws:` keys |
//! | [`BuildError`] | why `build` refused |
//!
//! What the types rule out at compile time: an operator of the wrong family for the key (`Bool` on
//! `aws:SourceIp`, `StringEquals` on `aws:SecureTransport`), a plain operator on a multivalued key or a
//! set operator (`ForAnyValue:`) on a single-valued one, a tag-key template (`aws:ResourceTag/${TagKey}`)
//! without its tag, `IfExists` on `Null`, values of the wrong kind (a string for `Bool`, a string for
//! `Numeric…`), an action name that does not exist (use [`Action`](crate::Action) or
//! [`actions!`](crate::actions)). What [`build`](PolicyBuilder::build) checks: the statement's grammar
//! (actions present, `Action` and `NotAction` not both…), the syntax of account IDs, service principals,
//! tag keys, IP addresses and dates, then every finding of severity
//! [`Error`](crate::lint::Severity::Error) from [`lint`](crate::lint::lint).
//!
//! The JSON written is what IAM and ECR accept: `Version` `2012-10-17`, `Statement` an array, one entry
//! as a string and several as an array, principals as `{"AWS": …}`/`{"Service": …}`, condition values
//! as strings. Actions are written as their author wrote them (see [`IntoActions`]): a set from
//! [`actions!`](crate::actions) as the patterns given to it, in that order (`actions!("ecr:Describe*")`
//! is written `"ecr:Describe*"`, so it matches the `Describe` actions AWS adds later); any other
//! [`ActionSet`](crate::ActionSet), and one passed through
//! [`expanded`](crate::ActionSet::expanded), as its action names in table order.
//!
//! # A pull-only role
//!
//! An identity policy: a login token (an action without resource types, so on `*`) and the three pull
//! actions on the `app/` repositories.
//!
//! ```
//! use ecr_actions::builder::{PolicyBuilder, StatementBuilder};
//! use ecr_actions::{Action, ActionSet, ArnPattern, actions};
//! use serde_json::json;
//!
//! const PULL: ActionSet = actions!(
//!     "ecr:BatchGetImage",
//!     "ecr:GetDownloadUrlForLayer",
//!     "ecr:BatchCheckLayerAvailability",
//! );
//!
//! let policy = PolicyBuilder::new()
//!     .statement(
//!         StatementBuilder::allow()
//!             .sid("Login")
//!             .action(Action::GetAuthorizationToken)
//!             .any_resource(),
//!     )
//!     .statement(
//!         StatementBuilder::allow()
//!             .sid("PullApp")
//!             .action(PULL)
//!             .resource(ArnPattern::new("arn:aws:ecr:us-east-1:111122223333:repository/app/*")?),
//!     )
//!     .build()?;
//!
//! assert_eq!(
//!     policy.to_value(),
//!     json!({
//!         "Version": "2012-10-17",
//!         "Statement": [
//!             {
//!                 "Sid": "Login",
//!                 "Effect": "Allow",
//!                 "Action": "ecr:GetAuthorizationToken",
//!                 "Resource": "*"
//!             },
//!             {
//!                 "Sid": "PullApp",
//!                 "Effect": "Allow",
//!                 "Action": [
//!                     "ecr:BatchGetImage",
//!                     "ecr:GetDownloadUrlForLayer",
//!                     "ecr:BatchCheckLayerAvailability"
//!                 ],
//!                 "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/*"
//!             }
//!         ]
//!     })
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # A CI push role, restricted by tag and TLS
//!
//! The role may push only to repositories tagged with its own `team` tag
//! (`aws:ResourceTag/team` equals the policy variable `${aws:PrincipalTag/team}`), and only over TLS.
//! A misspelt key or an operator of the wrong family would not compile.
//!
//! ```
//! use ecr_actions::builder::{Condition, PolicyBuilder, StatementBuilder, key};
//! use ecr_actions::{Action, ActionSet, ArnPattern, actions};
//! use serde_json::json;
//!
//! const PUSH: ActionSet = actions!(
//!     "ecr:BatchCheckLayerAvailability",
//!     "ecr:InitiateLayerUpload",
//!     "ecr:UploadLayerPart",
//!     "ecr:CompleteLayerUpload",
//!     "ecr:PutImage",
//! );
//! let tls = || Condition::bool(key::SECURE_TRANSPORT, true);
//!
//! let policy = PolicyBuilder::new()
//!     .statement(
//!         StatementBuilder::allow()
//!             .sid("Login")
//!             .action(Action::GetAuthorizationToken)
//!             .any_resource()
//!             .condition(tls()),
//!     )
//!     .statement(
//!         StatementBuilder::allow()
//!             .sid("PushToOwnTeam")
//!             .action(PUSH)
//!             .resource(ArnPattern::new("arn:aws:ecr:us-east-1:111122223333:repository/*")?)
//!             .condition(Condition::string_equals(
//!                 key::AWS_RESOURCE_TAG.tag("team"),
//!                 key::PRINCIPAL_TAG.tag("team").variable(),
//!             ))
//!             .condition(tls()),
//!     )
//!     .build()?;
//!
//! assert_eq!(
//!     policy.to_value(),
//!     json!({
//!         "Version": "2012-10-17",
//!         "Statement": [
//!             {
//!                 "Sid": "Login",
//!                 "Effect": "Allow",
//!                 "Action": "ecr:GetAuthorizationToken",
//!                 "Resource": "*",
//!                 "Condition": {"Bool": {"aws:SecureTransport": "true"}}
//!             },
//!             {
//!                 "Sid": "PushToOwnTeam",
//!                 "Effect": "Allow",
//!                 "Action": [
//!                     "ecr:BatchCheckLayerAvailability",
//!                     "ecr:InitiateLayerUpload",
//!                     "ecr:UploadLayerPart",
//!                     "ecr:CompleteLayerUpload",
//!                     "ecr:PutImage"
//!                 ],
//!                 "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*",
//!                 "Condition": {
//!                     "StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"},
//!                     "Bool": {"aws:SecureTransport": "true"}
//!                 }
//!             }
//!         ]
//!     })
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # A cross-account repository policy
//!
//! A repository policy names principals and no `Resource` (the repository is the resource). Account
//! 444455556666 may pull.
//!
//! ```
//! use ecr_actions::builder::{PolicyBuilder, Principal, StatementBuilder};
//! use ecr_actions::{ActionSet, actions};
//! use serde_json::json;
//!
//! const PULL: ActionSet = actions!(
//!     "ecr:BatchGetImage",
//!     "ecr:GetDownloadUrlForLayer",
//!     "ecr:BatchCheckLayerAvailability",
//! );
//!
//! let policy = PolicyBuilder::new()
//!     .statement(
//!         StatementBuilder::allow()
//!             .sid("CrossAccountPull")
//!             .principal(Principal::account("444455556666"))
//!             .action(PULL),
//!     )
//!     .build()?;
//!
//! assert_eq!(
//!     policy.to_value(),
//!     json!({
//!         "Version": "2012-10-17",
//!         "Statement": [{
//!             "Sid": "CrossAccountPull",
//!             "Effect": "Allow",
//!             "Principal": {"AWS": "444455556666"},
//!             "Action": [
//!                 "ecr:BatchGetImage",
//!                 "ecr:GetDownloadUrlForLayer",
//!                 "ecr:BatchCheckLayerAvailability"
//!             ]
//!         }]
//!     })
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod condition;
mod error;
pub mod key;
mod policy;
mod principal;
mod statement;
mod values;

pub use condition::{Condition, NullCondition};
pub use error::BuildError;
pub use key::{Key, KeyTemplate};
pub use policy::PolicyBuilder;
pub use principal::Principal;
pub use statement::{IntoActions, IntoResource, StatementBuilder};
pub use values::{ArnValues, DateValues, NumericValues, StringValues};
