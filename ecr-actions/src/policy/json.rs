//! JSON text → `serde_json::Value`, refusing a duplicate object key anywhere.
//!
//! `serde_json::Value` keeps the last of two equal keys, so `{"Effect": "Deny", "Effect": "Allow"}`
//! would read as an Allow: a Deny deleted without a word. This reader builds the same `Value` through a
//! [`DeserializeSeed`] that knows where it is (a stack of path segments, pushed and popped as it
//! descends, so the work stays linear in the text) and stops at the first key an object already has.
//!
//! Nesting is bounded by serde_json's own recursion limit (128 levels of arrays and objects): a deeper
//! document is refused as JSON ("recursion limit exceeded") before any stack is at risk.

use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{JsonPath, PathSegment};

/// Where the reader is, and the first duplicate it met.
#[derive(Default)]
pub(crate) struct Tracker {
    /// The path from the document down to the value being read.
    path: Vec<PathSegment>,
    /// The path of the first duplicate key (the key is its last segment), and the key.
    duplicate: Option<(JsonPath, String)>,
}

impl Tracker {
    /// The path of the first duplicate key met and the key, if any.
    pub(crate) fn duplicate(self) -> Option<(JsonPath, String)> {
        self.duplicate
    }
}

/// Reads one JSON value, checking its objects for duplicate keys.
pub(crate) struct Checked<'t>(pub(crate) &'t mut Tracker);

impl<'de> DeserializeSeed<'de> for Checked<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Checked<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // Not finite only from a non-JSON deserializer: JSON text has no NaN or infinity.
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let tracker = self.0;
        // JSON text gives no size hint; most arrays of a policy hold one or a few items, and one slot
        // to start with keeps a hostile document of nested one-item arrays at a quarter of the memory
        // the default first growth (four slots) would take.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(1).clamp(1, 4096));
        loop {
            tracker.path.push(PathSegment::Index(items.len()));
            let item = seq.next_element_seed(Checked(tracker));
            tracker.path.pop();
            match item? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let tracker = self.0;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let error = de::Error::custom(format_args!("duplicate key `{key}`"));
                let mut path = tracker.path.clone();
                path.push(PathSegment::Key(key.clone()));
                tracker.duplicate = Some((JsonPath::from_segments(path), key));
                return Err(error);
            }
            tracker.path.push(PathSegment::Key(key));
            let value = map.next_value_seed(Checked(tracker));
            let Some(PathSegment::Key(key)) = tracker.path.pop() else {
                // The segment pushed just above; another shape would be a bug of this reader, and
                // refusing the document is the safe answer.
                return Err(de::Error::custom("internal error: JSON path out of step"));
            };
            object.insert(key, value?);
        }
        Ok(Value::Object(object))
    }
}

/// Reads JSON text into a value, refusing trailing text and duplicate keys.
///
/// # Errors
///
/// The serde_json error (with line and column), and the path of the duplicate key if that is why.
pub(crate) fn parse(text: &str) -> Result<Value, (serde_json::Error, Option<(JsonPath, String)>)> {
    let mut tracker = Tracker::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Checked(&mut tracker)
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    value.map_err(|error| (error, tracker.duplicate()))
}
