//! What goes wrong in a request, as an HTTP status and a JSON body `{"error": "…"}` that says
//! what to do. Bad input is a 4xx with the same words the CLI would use; a 500 only ever
//! means a bug, and is logged.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// The file changed since the client read it: its current entity tag, so the client can
    /// reload and merge.
    #[error("{message}")]
    Changed { message: String, etag: String },
    #[error("{0}")]
    PreconditionRequired(String),
    #[error("{0}")]
    TooLarge(String),
    /// Well-formed but unusable values; `details` carries located findings when there are.
    #[error("{message}")]
    Unprocessable { message: String, details: Value },
    /// Every simulation slot stayed busy for the whole wait.
    #[error("{0}")]
    Busy(String),
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    pub fn unprocessable(message: impl Into<String>) -> Self {
        ApiError::Unprocessable {
            message: message.into(),
            details: Value::Null,
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Changed { .. } => StatusCode::PRECONDITION_FAILED,
            ApiError::PreconditionRequired(_) => StatusCode::PRECONDITION_REQUIRED,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut body = json!({ "error": self.to_string() });
        match &self {
            ApiError::Changed { etag, .. } => body["etag"] = json!(etag),
            ApiError::Unprocessable { details, .. } if !details.is_null() => {
                body["details"] = details.clone();
            }
            ApiError::Internal(message) => {
                // The one place a server error is logged; the client gets no internals.
                log_internal(message);
                body = json!({ "error": crate::tr!("web-error-internal") });
            }
            _ => {}
        }
        let mut response = (status, axum::Json(body)).into_response();
        if let ApiError::Busy(_) = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

/// Server errors go to the server's standard error: the operator's log.
#[allow(clippy::print_stderr)]
fn log_internal(message: &str) {
    eprintln!("trekant serve: internal error: {message}");
}
