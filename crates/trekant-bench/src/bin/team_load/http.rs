//! A tiny HTTP/1.1 client over `std::net::TcpStream`: one request per connection
//! (`Connection: close`), read to the end. Enough for a load run on loopback, and it tells
//! apart exactly what the run counts: a refused connection, a reset, a timeout.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A server's answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Why no answer came: the causes the report counts apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Failure {
    /// Nobody listens (the server was killed).
    Refused,
    /// The connection broke before a whole answer came (killed mid-request).
    Reset,
    /// No answer within the timeout.
    Timeout,
    /// An answer that is not HTTP.
    Garbled,
}

impl Failure {
    pub fn name(self) -> &'static str {
        match self {
            Failure::Refused => "refused",
            Failure::Reset => "reset",
            Failure::Timeout => "timeout",
            Failure::Garbled => "garbled",
        }
    }

    fn of(error: &std::io::Error) -> Failure {
        use std::io::ErrorKind as K;
        match error.kind() {
            K::ConnectionRefused => Failure::Refused,
            K::WouldBlock | K::TimedOut => Failure::Timeout,
            _ => Failure::Reset,
        }
    }
}

/// One request: `method path` to `addr`, with these headers and body.
pub fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    timeout: Duration,
) -> Result<Answer, Failure> {
    let mut stream = TcpStream::connect_timeout(&addr, timeout).map_err(|e| Failure::of(&e))?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|()| stream.set_write_timeout(Some(timeout)))
        .map_err(|e| Failure::of(&e))?;
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream
        .write_all(request.as_bytes())
        .and_then(|()| stream.write_all(body))
        .map_err(|e| Failure::of(&e))?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| Failure::of(&e))?;
    parse(&raw)
}

fn parse(raw: &[u8]) -> Result<Answer, Failure> {
    if raw.is_empty() {
        // Closed without a word: the server died between accepting and answering.
        return Err(Failure::Reset);
    }
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or(Failure::Reset)?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|_| Failure::Garbled)?;
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or(Failure::Garbled)?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut answer = Answer {
        status,
        headers,
        body: Vec::new(),
    };
    let rest = &raw[end + 4..];
    answer.body = if answer
        .header("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        unchunk(rest)?
    } else if let Some(length) = answer.header("content-length") {
        let length: usize = length.parse().map_err(|_| Failure::Garbled)?;
        // Fewer bytes than announced: the connection broke mid-answer.
        rest.get(..length).ok_or(Failure::Reset)?.to_vec()
    } else {
        rest.to_vec()
    };
    Ok(answer)
}

fn unchunk(mut rest: &[u8]) -> Result<Vec<u8>, Failure> {
    let mut body = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or(Failure::Reset)?;
        let size = std::str::from_utf8(&rest[..line_end]).map_err(|_| Failure::Garbled)?;
        let size = usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| Failure::Garbled)?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        body.extend_from_slice(rest.get(..size).ok_or(Failure::Reset)?);
        rest = rest.get(size + 2..).ok_or(Failure::Reset)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_whole_or_counted_as_broken() {
        let whole =
            parse(b"HTTP/1.1 201 Created\r\ncontent-length: 2\r\nETag: \"x\"\r\n\r\n{}").unwrap();
        assert_eq!((whole.status, whole.text()), (201, "{}".to_owned()));
        assert_eq!(whole.header("etag"), Some("\"x\""));
        let chunked = parse(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
            .unwrap();
        assert_eq!(chunked.text(), "abcde");
        assert_eq!(
            parse(b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc").unwrap_err(),
            Failure::Reset
        );
        assert_eq!(parse(b"").unwrap_err(), Failure::Reset);
        assert_eq!(
            parse(b"HTTP/1.1 200 OK\r\ncont").unwrap_err(),
            Failure::Reset
        );
        assert_eq!(parse(b"nonsense\r\n\r\n").unwrap_err(), Failure::Garbled);
    }
}
