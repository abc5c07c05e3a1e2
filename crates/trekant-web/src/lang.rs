//! The language a request is answered in: `?lang=da|en` in the address, else the browser's
//! first choice between Danish and English (`Accept-Language`), else English.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use trekant_core::Lang;

/// The request's language, as an extractor.
#[derive(Clone, Copy, Debug)]
pub struct ReqLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for ReqLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ReqLang(
            query_lang(parts.uri.query()).unwrap_or_else(|| browser_lang(&parts.headers)),
        ))
    }
}

/// `lang=…` in a query string.
pub fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::from_code)
}

/// The browser's first choice between Danish and English.
pub fn browser_lang(headers: &HeaderMap) -> Lang {
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    for tag in accepted.split(',') {
        let code = tag.split(';').next().unwrap_or("").trim();
        let primary = code.split('-').next().unwrap_or("");
        if let Some(lang) = Lang::from_code(primary) {
            return lang;
        }
    }
    Lang::En
}

tokio::task_local! {
    /// The language of the request being answered.
    static LANG: Lang;
}

/// The language of the request being answered (English outside a request).
pub fn current() -> Lang {
    LANG.try_with(|lang| *lang).unwrap_or(Lang::En)
}

/// Runs blocking `work` in `lang`: the pool and the store carry the request's language onto
/// their threads with it.
pub fn within<T>(lang: Lang, work: impl FnOnce() -> T) -> T {
    LANG.sync_scope(lang, work)
}

/// The middleware that answers every request, errors included, in its language.
pub async fn scope(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let lang = query_lang(request.uri().query()).unwrap_or_else(|| browser_lang(request.headers()));
    LANG.scope(lang, next.run(request)).await
}

/// A catalog message in the request's language: `tr!("id", name = value, …)`.
#[macro_export]
macro_rules! tr {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        trekant_core::t!($crate::lang::current(), $id $(, $name = $value)*)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id the web crate asks the catalogs for (`tr!("…"`, `t!(lang, "…"`) exists in
    /// both languages.
    #[test]
    fn every_message_id_the_web_code_uses_exists() {
        let da = trekant_core::messages::ids("da");
        let en = trekant_core::messages::ids("en");
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut checked = 0;
        for entry in std::fs::read_dir(src).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // The code, not its tests (this one names the markers it looks for).
            let text = text.split("#[cfg(test)]").next().unwrap();
            for marker in ["tr!(", "t!("] {
                for (at, _) in text.match_indices(marker) {
                    // `format!(` is no message.
                    let before = text[..at].chars().next_back();
                    let line = text[..at].rsplit('\n').next().unwrap_or("");
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        || line.trim_start().starts_with("//")
                    {
                        continue;
                    }
                    let rest = &text[at + marker.len()..];
                    let rest = if marker == "t!(" {
                        match rest.split_once(',') {
                            Some((_, after)) => after,
                            None => continue,
                        }
                    } else {
                        rest
                    };
                    let Some(quoted) = rest.trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let id = quoted.split('"').next().unwrap();
                    assert!(da.iter().any(|i| i == id), "{id} is missing in da");
                    assert!(en.iter().any(|i| i == id), "{id} is missing in en");
                    checked += 1;
                }
            }
        }
        assert!(checked > 40, "only {checked} ids found");
    }

    #[test]
    fn the_query_chooses_before_the_browser() {
        assert_eq!(query_lang(Some("x=1&lang=da")), Some(Lang::Da));
        assert_eq!(query_lang(Some("lang=fr")), None);
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, "fr-FR, da;q=0.8".parse().unwrap());
        assert_eq!(browser_lang(&headers), Lang::Da);
        assert_eq!(current(), Lang::En);
        assert_eq!(within(Lang::Da, current), Lang::Da);
    }
}
