//! Misbehaving servers: stopping mid-transfer, never answering, asking to
//! retry later, answering too much, redirecting.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use kyoyu_taxii::{Client, Error};

/// Serves `reply(n, stream)` for the n-th connection, on a loopback port.
fn serve(reply: impl Fn(usize, &mut TcpStream) + Send + 'static) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/api1/", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(8) {
            let Ok(mut stream) = stream else { return };
            // Read the request head.
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) && line != "\r\n" {
                line.clear();
            }
            let n = seen.fetch_add(1, Ordering::SeqCst);
            reply(n, &mut stream);
        }
    });
    (url, count)
}

const OK_ROOT: &str =
    r#"{"title":"t","versions":["application/taxii+json;version=2.1"],"max_content_length":1000}"#;

fn respond(stream: &mut TcpStream, status: &str, headers: &str, body: &str) {
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: application/taxii+json;version=2.1\r\nContent-Length: {}\r\n{headers}Connection: close\r\n\r\n{body}",
        body.len()
    );
}

fn quick() -> Client {
    Client::builder()
        .connect_timeout(Duration::from_secs(2))
        .read_timeout(Duration::from_secs(1))
        .backoff(Duration::from_millis(10))
        .build()
}

#[test]
fn server_stopping_mid_transfer_is_a_typed_error() {
    let (url, _) = serve(|_, s| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/taxii+json;version=2.1\r\nContent-Length: 5000\r\n\r\n{\"title\": \"cut off");
        let _ = s.flush();
        let _ = s.shutdown(std::net::Shutdown::Both);
    });
    let start = Instant::now();
    let err = quick().api_root(&url).unwrap_err();
    assert!(matches!(err, Error::Transport { .. } | Error::Decode { .. }), "{err:?}");
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn server_that_never_answers_times_out() {
    let (url, _) = serve(|_, s| {
        std::thread::sleep(Duration::from_secs(5));
        let _ = s.flush();
    });
    let start = Instant::now();
    let err = quick().api_root(&url).unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(start.elapsed() < Duration::from_secs(4), "{:?}", start.elapsed());
}

#[test]
fn retries_after_503_honouring_retry_after() {
    let (url, count) = serve(|n, s| {
        if n == 0 {
            respond(s, "503 Service Unavailable", "Retry-After: 1\r\n", "");
        } else {
            respond(s, "200 OK", "", OK_ROOT);
        }
    });
    let start = Instant::now();
    let root = quick().api_root(&url).unwrap();
    assert_eq!(root.title, "t");
    assert_eq!(count.load(Ordering::SeqCst), 2);
    assert!(start.elapsed() >= Duration::from_secs(1), "Retry-After was not honoured");
}

#[test]
fn gives_up_after_max_retries() {
    let (url, count) = serve(|_, s| {
        respond(s, "429 Too Many Requests", "", r#"{"title":"slow down","http_status":"429"}"#);
    });
    let err =
        Client::builder().max_retries(2).backoff(Duration::from_millis(5)).build().api_root(&url);
    let err = err.unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert!(err.to_string().contains("slow down"), "{err}");
    assert_eq!(count.load(Ordering::SeqCst), 3);
}

#[test]
fn oversized_responses_are_refused() {
    let (url, _) = serve(|_, s| {
        let body = format!(r#"{{"title":"{}"}}"#, "x".repeat(10_000));
        respond(s, "200 OK", "", &body);
    });
    let err = Client::builder().max_response_bytes(1024).build().api_root(&url).unwrap_err();
    assert!(matches!(err, Error::TooLarge { limit: 1024, .. }), "{err:?}");
}

#[test]
fn taxii_error_bodies_are_parsed() {
    let (url, _) = serve(|_, s| {
        respond(
            s,
            "404 Not Found",
            "",
            r#"{"title":"Unknown collection","description":"no such id","http_status":"404"}"#,
        );
    });
    let err = quick().api_root(&url).unwrap_err();
    match &err {
        Error::NotFound { body: Some(b), .. } => {
            assert_eq!(b.title, "Unknown collection");
            assert_eq!(b.description.as_deref(), Some("no such id"));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string().ends_with("not found (HTTP 404): Unknown collection: no such id"),
        "{err}"
    );
}

#[test]
fn redirects_are_not_followed() {
    let (url, count) = serve(|_, s| {
        respond(s, "302 Found", "Location: http://127.0.0.1:9/elsewhere/\r\n", "");
    });
    let err = quick().api_root(&url).unwrap_err();
    assert_eq!(err.status(), Some(302));
    assert_eq!(count.load(Ordering::SeqCst), 1);
}

#[test]
fn non_taxii_bodies_are_decode_errors() {
    let (url, _) = serve(|_, s| respond(s, "200 OK", "", "<html>login page</html>"));
    let err = quick().api_root(&url).unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}

#[test]
fn credentials_in_urls_are_refused() {
    let err = Client::new().discover("https://user:secret@hub.example/taxii2/").unwrap_err();
    assert!(matches!(err, Error::Url { .. }));
    assert!(!err.to_string().contains("secret"), "{err}");
    assert!(Client::new().discover("ftp://hub.example/").is_err());
    assert!(kyoyu_taxii::CollectionRef::new("http://h/api1/", "../x").is_err());
}

#[test]
fn requests_carry_the_taxii_media_type_and_auth() {
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/api1/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut buf = [0u8; 4096];
        let n = s.read(&mut buf).unwrap();
        tx.send(String::from_utf8_lossy(&buf[..n]).into_owned()).unwrap();
        respond(&mut s, "200 OK", "", OK_ROOT);
    });
    Client::builder().bearer_token("tok-123").build().api_root(&url).unwrap();
    let head = rx.recv().unwrap().to_ascii_lowercase();
    assert!(head.contains("accept: application/taxii+json;version=2.1"), "{head}");
    assert!(head.contains("authorization: bearer tok-123"), "{head}");
}
