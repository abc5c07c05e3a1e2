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
