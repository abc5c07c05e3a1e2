//! Changes to a brief by path, written into its TOML with `toml_edit` so that the user's
//! comments, order and layout survive: `PATCH /api/briefs/{name}` with
//! `{"set": {"request.budget": 50000, "item.shop.estimate": [8, 12, 20]}, "remove": ["item.blog"]}`.
//!
//! A path is dot-separated keys. Inside an array of tables (`[[item]]`, `[[risk]]`) a segment
//! picks the table whose `id` is that word, or, for a number, the table at that index (from
//! 0): `item.shop.title`, `risk.0.probability`. Setting a table that does not exist yet to a
//! JSON object adds it (`"item.seo": {"title": "SEO", "estimate": [2, 4, 8]}` appends an
//! `[[item]]` with `id = "seo"`); a path into a table that does not exist is a mistake, not a
//! new table, so a typo never adds a stray item. Every change or none: the first bad path
//! answers 422 and the file is not touched.

use serde::Deserialize;
use serde_json::Value as Json;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::error::ApiError;

/// The body of a PATCH.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patch {
    /// Path → new value. Applied in the order given.
    #[serde(default)]
    pub set: serde_json::Map<String, Json>,
    /// Paths to remove: a key, or a whole `[[item]]`.
    #[serde(default)]
    pub remove: Vec<String>,
}

/// Keys whose strings are dates in a brief: `"2027-02-15"` is written as a TOML date there.
const DATE_KEYS: &[&str] = &["start", "deadline", "days_off"];

/// The brief's text with the patch applied; the rest of the text as it was.
pub fn apply(text: &str, patch: &Patch) -> Result<String, ApiError> {
    let mut doc: DocumentMut = text.parse().map_err(|error: toml_edit::TomlError| {
        ApiError::unprocessable(crate::tr!("patch-not-toml", error = error.message()))
    })?;
    if patch.set.is_empty() && patch.remove.is_empty() {
        return Err(ApiError::unprocessable(crate::tr!("patch-empty")));
    }
    for (path, value) in &patch.set {
        set(doc.as_table_mut(), path, value)?;
    }
    for path in &patch.remove {
        remove(doc.as_table_mut(), path)?;
    }
    Ok(doc.to_string())
}

fn segments(path: &str) -> Result<Vec<&str>, ApiError> {
    let parts: Vec<&str> = path.split('.').collect();
    if path.is_empty() || parts.iter().any(|p| p.trim().is_empty() || *p != p.trim()) {
        return Err(ApiError::unprocessable(crate::tr!(
            "patch-not-a-path",
            path = path
        )));
    }
    Ok(parts)
}

/// Where a path leads: the table holding the last key, found or made on the way.
enum Parent<'a> {
    Table(&'a mut Table),
    Inline(&'a mut InlineTable),
}

fn set(root: &mut Table, path: &str, value: &Json) -> Result<(), ApiError> {
    let parts = segments(path)?;
    let (last, parents) = parts.split_last().expect("a path has a segment");
    // `item.seo = {…}`: a new table in an array of tables.
    if let [array] = parents
        && let Some(tables) = root.get_mut(array).and_then(Item::as_array_of_tables_mut)
        && pick(tables, last).is_none()
    {
        return add_table(tables, array, last, path, value);
    }
    let mut parent = descend(root, parents, path, true)?;
    let is_table = matches!(
        &parent,
        Parent::Table(t) if matches!(t.get(last), Some(Item::Table(_) | Item::ArrayOfTables(_)))
    );
    if is_table {
        // A whole table from an object: its keys one by one, the others kept.
        let Json::Object(fields) = value else {
            return Err(not_a_value(path));
        };
        for (key, field) in fields {
            set(root, &format!("{path}.{key}"), field)?;
        }
        return Ok(());
    }
    let new = to_toml(value, last, path)?;
    match &mut parent {
        Parent::Table(table) => match table.get_mut(last) {
            Some(Item::Value(old)) => replace(old, new),
            _ => {
                table.insert(last, Item::Value(new));
            }
        },
        Parent::Inline(table) => match table.get_mut(last) {
            Some(old) => replace(old, new),
            None => {
                table.insert(*last, new);
            }
        },
    }
    Ok(())
}

/// Replaces a value, keeping the comment and spacing around it.
fn replace(old: &mut Value, mut new: Value) {
    *new.decor_mut() = old.decor().clone();
    *old = new;
}

fn add_table(
    tables: &mut ArrayOfTables,
    array: &str,
    key: &str,
    path: &str,
    value: &Json,
) -> Result<(), ApiError> {
    let Json::Object(fields) = value else {
        return Err(ApiError::unprocessable(crate::tr!(
            "patch-no-such-table",
            path = path,
            array = array
        )));
    };
    let mut table = Table::new();
    if key.parse::<usize>().is_err() {
        table.insert("id", toml_edit::value(key));
    }
    for (field, value) in fields {
        table.insert(field, Item::Value(to_toml(value, field, path)?));
    }
    tables.push(table);
    Ok(())
}

/// Follows the path's tables; an array of tables is entered by `id` or index. A missing
/// table is made when `create` (setting `request.budget` in a brief without `[request]`),
/// else there is nothing at the path.
fn descend<'a>(
    root: &'a mut Table,
    parents: &[&str],
    path: &str,
    create: bool,
) -> Result<Parent<'a>, ApiError> {
    let mut parent = Parent::Table(root);
    let mut walked = Vec::new();
    let mut rest = parents.iter().peekable();
    while let Some(&key) = rest.next() {
        walked.push(key);
        parent = match parent {
            Parent::Table(table) => {
                if !table.contains_key(key) {
                    if !create {
                        return Err(nothing_at(path));
                    }
                    let mut new = Table::new();
                    new.set_implicit(false);
                    table.insert(key, Item::Table(new));
                }
                match table.get_mut(key).expect("inserted above") {
                    Item::Table(t) => Parent::Table(t),
                    Item::Value(Value::InlineTable(t)) => Parent::Inline(t),
                    Item::ArrayOfTables(tables) => {
                        let Some(&selector) = rest.next() else {
                            return Err(ApiError::unprocessable(crate::tr!(
                                "patch-which",
                                path = path,
                                key = key
                            )));
                        };
                        walked.push(selector);
                        let Some(index) = pick(tables, selector) else {
                            return Err(no_such(tables, key, selector, path));
                        };
                        Parent::Table(tables.get_mut(index).expect("picked"))
                    }
                    _ => return Err(not_a_table(&walked.join("."), path)),
                }
            }
            Parent::Inline(table) => match table.get_mut(key) {
                Some(Value::InlineTable(t)) => Parent::Inline(t),
                None if !create => return Err(nothing_at(path)),
                _ => return Err(not_a_table(&walked.join("."), path)),
            },
        };
    }
    Ok(parent)
}

/// The index of the table an `id` or a number names.
fn pick(tables: &ArrayOfTables, selector: &str) -> Option<usize> {
    if let Ok(index) = selector.parse::<usize>() {
        return (index < tables.len()).then_some(index);
    }
    tables
        .iter()
        .position(|t| t.get("id").and_then(Item::as_str) == Some(selector))
}

fn no_such(tables: &ArrayOfTables, key: &str, selector: &str, path: &str) -> ApiError {
    let ids: Vec<&str> = tables
        .iter()
        .filter_map(|t| t.get("id").and_then(Item::as_str))
        .collect();
    let hint = trekant_core::suggest::closest(selector, ids.iter().copied())
        .map(|near| crate::tr!("web-error-did-you-mean", near = near))
        .unwrap_or_default();
    ApiError::unprocessable(crate::tr!(
        "patch-no-such",
        path = path,
        key = key,
        selector = selector,
        hint = hint
    ))
}

fn not_a_table(at: &str, path: &str) -> ApiError {
    ApiError::unprocessable(crate::tr!("patch-not-a-table", path = path, at = at))
}

fn not_a_value(path: &str) -> ApiError {
    ApiError::unprocessable(crate::tr!("patch-not-a-value", path = path))
}

fn remove(root: &mut Table, path: &str) -> Result<(), ApiError> {
    let parts = segments(path)?;
    let (last, parents) = parts.split_last().expect("a path has a segment");
    // `item.blog`: the whole table out of the array.
    if let [array] = parents
        && let Some(tables) = root.get_mut(array).and_then(Item::as_array_of_tables_mut)
    {
        let Some(index) = pick(tables, last) else {
            return Err(no_such(tables, array, last, path));
        };
        tables.remove(index);
        return Ok(());
    }
    let mut parent = descend(root, parents, path, false)?;
    let removed = match &mut parent {
        Parent::Table(table) => table.remove(last).is_some(),
        Parent::Inline(table) => table.remove(last).is_some(),
    };
    if removed {
        Ok(())
    } else {
        Err(nothing_at(path))
    }
}

fn nothing_at(path: &str) -> ApiError {
    ApiError::unprocessable(crate::tr!("patch-nothing-to-remove", path = path))
}

/// A JSON value as a TOML value; `key` decides whether a `YYYY-MM-DD` string is a date.
fn to_toml(value: &Json, key: &str, path: &str) -> Result<Value, ApiError> {
    Ok(match value {
        Json::Null => {
            return Err(ApiError::unprocessable(crate::tr!(
                "patch-null",
                path = path
            )));
        }
        Json::Bool(b) => Value::from(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::from(i),
            None => Value::from(n.as_f64().unwrap_or(f64::NAN)),
        },
        Json::String(s) => match s.parse::<toml_edit::Datetime>() {
            Ok(date) if DATE_KEYS.contains(&key) => Value::from(date),
            _ => Value::from(s.as_str()),
        },
        Json::Array(values) => {
            let mut array = Array::new();
            for v in values {
                array.push(to_toml(v, key, path)?);
            }
            Value::Array(array)
        }
        Json::Object(fields) => {
            let mut table = InlineTable::new();
            for (field, v) in fields {
                table.insert(field, to_toml(v, field, path)?);
            }
            Value::InlineTable(table)
        }
    })
}
