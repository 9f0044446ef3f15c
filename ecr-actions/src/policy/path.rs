//! JSON paths that point at a place in a policy document, for errors and lint findings.

use core::fmt;

/// One step of a [`JsonPath`]: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// Where in a policy document something is, written like `Statement[1].Condition.StringEquals["aws:TagKeys"]`.
///
/// ```
/// use ecr_actions::policy::JsonPath;
/// let path = JsonPath::root().key("Statement").index(1).key("Condition").key("aws:TagKeys");
/// assert_eq!(path.to_string(), r#"Statement[1].Condition["aws:TagKeys"]"#);
/// assert_eq!(JsonPath::root().to_string(), "$");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPath {
    segments: Vec<PathSegment>,
}

impl JsonPath {
    /// The document itself.
    #[must_use]
    pub fn root() -> Self {
        Self::default()
    }

    /// This path, then an object key.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut segments = self.segments.clone();
        segments.push(PathSegment::Key(key.to_owned()));
        Self { segments }
    }

    /// This path, then an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.segments.clone();
        segments.push(PathSegment::Index(index));
        Self { segments }
    }

    /// A path of these steps, from the document down.
    pub(crate) fn from_segments(segments: Vec<PathSegment>) -> Self {
        Self { segments }
    }

    /// The steps, from the document down.
    #[must_use]
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }
}

fn is_plain(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str("$");
        }
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if is_plain(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                PathSegment::Key(key) => write!(f, "[{}]", serde_json::Value::String(key.clone()))?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for JsonPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
