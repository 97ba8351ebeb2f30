//! The blocking client.

use std::time::{Duration, Instant};

use base64::Engine;
use serde::de::DeserializeOwned;
use serde_json::Value;
use url::Url;

use crate::error::{Error, ErrorBody};
use crate::types::*;

/// The TAXII 2.1 media type, sent in `Accept` and `Content-Type`.
pub const MEDIA_TYPE: &str = "application/taxii+json;version=2.1";

/// A credential that prints as `<redacted>`.
#[derive(Clone)]
struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Configures a [`Client`].
///
/// ```
/// use std::time::Duration;
///
/// let client = kyoyu_taxii::Client::builder()
///     .basic_auth("analyst", "s3cret")
///     .connect_timeout(Duration::from_secs(5))
///     .max_retries(2)
///     .build();
/// // Credentials never show up in debug output.
/// assert!(!format!("{client:?}").contains("s3cret"));
/// ```
#[derive(Clone, Debug)]
pub struct ClientBuilder {
    auth: Option<Secret>,
    connect_timeout: Duration,
    read_timeout: Duration,
    max_response_bytes: u64,
    max_retries: u32,
    backoff: Duration,
    max_backoff: Duration,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            auth: None,
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(60),
            max_response_bytes: 64 * 1024 * 1024,
            max_retries: 3,
            backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
        }
    }
}

impl ClientBuilder {
    /// HTTP Basic authentication.
    pub fn basic_auth(mut self, user: &str, password: &str) -> Self {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        self.auth = Some(Secret(format!("Basic {token}")));
        self
    }

    /// Bearer-token authentication.
    pub fn bearer_token(mut self, token: &str) -> Self {
        self.auth = Some(Secret(format!("Bearer {token}")));
        self
    }

    /// How long to wait for a connection (and TLS handshake). Default 10 s.
    pub fn connect_timeout(mut self, t: Duration) -> Self {
        self.connect_timeout = t;
        self
    }

    /// How long to wait for the response headers, and for each read of the
    /// body. Default 60 s.
    pub fn read_timeout(mut self, t: Duration) -> Self {
        self.read_timeout = t;
        self
    }

    /// The largest response body accepted; larger ones fail with
    /// [`Error::TooLarge`]. Default 64 MiB.
    pub fn max_response_bytes(mut self, n: u64) -> Self {
        self.max_response_bytes = n;
        self
    }

    /// How often to retry after HTTP 429 or 503. Default 3.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// The first back-off delay, doubled on each retry unless the server
    /// sends `Retry-After`. Default 500 ms.
    pub fn backoff(mut self, t: Duration) -> Self {
        self.backoff = t;
        self
    }

    /// The longest single wait between retries, `Retry-After` included.
    /// Default 30 s.
    pub fn max_backoff(mut self, t: Duration) -> Self {
        self.max_backoff = t;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Client {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(self.connect_timeout))
            .timeout_recv_response(Some(self.read_timeout))
            .timeout_per_read(Some(self.read_timeout))
            .max_redirects(0)
            .user_agent(concat!("kyoyu-taxii/", env!("CARGO_PKG_VERSION")))
            .build();
        Client { agent: config.into(), settings: self }
    }
}

/// A blocking TAXII 2.1 client. Cheap to clone; clones share connections.
#[derive(Clone, Debug)]
pub struct Client {
    agent: ureq::Agent,
    settings: ClientBuilder,
}

/// A collection endpoint: an API root URL plus a collection id.
///
/// ```
/// let c = kyoyu_taxii::CollectionRef::new("http://127.0.0.1:5055/api1", "365fed99-08fa-fdcd-a1b3-fb247eb41d01")?;
/// assert_eq!(c.url().as_str(), "http://127.0.0.1:5055/api1/collections/365fed99-08fa-fdcd-a1b3-fb247eb41d01/");
/// # Ok::<(), kyoyu_taxii::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectionRef {
    api_root: Url,
    id: String,
    url: Url,
}

impl CollectionRef {
    /// A collection of an API root.
    ///
    /// # Errors
    ///
    /// [`Error::Url`] for a URL that does not parse, is not http(s),
    /// carries credentials, or an id that is empty or has `/`, `?` or `#`.
    pub fn new(api_root: &str, id: &str) -> Result<CollectionRef, Error> {
        let api_root = parse_base(api_root)?;
        if id.is_empty() || id.contains(['/', '?', '#']) {
            return Err(Error::Url { url: id.to_owned(), message: "not a collection id".into() });
        }
        let url = join(&api_root, &format!("collections/{id}/"))?;
        Ok(CollectionRef { api_root, id: id.to_owned(), url })
    }

    /// The API root.
    pub fn api_root(&self) -> &Url {
        &self.api_root
    }

    /// The collection id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The collection's URL.
    pub fn url(&self) -> &Url {
        &self.url
    }
}

/// Parses a base URL (discovery or API root) and makes it end with `/`.
fn parse_base(s: &str) -> Result<Url, Error> {
    let mut url =
        Url::parse(s).map_err(|e| Error::Url { url: redact(s), message: e.to_string() })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::Url { url: redact(s), message: "scheme must be http or https".into() });
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Url {
            url: redact(s),
            message: "credentials in URLs are not accepted; use basic_auth or a token".into(),
        });
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

fn join(base: &Url, rel: &str) -> Result<Url, Error> {
    base.join(rel).map_err(|e| Error::Url { url: base.to_string(), message: e.to_string() })
}

/// A URL as it may appear in an error: without user-info.
fn redact(s: &str) -> String {
    match Url::parse(s) {
        Ok(mut u) => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        }
        Err(_) => s.chars().take(200).collect(),
    }
}

/// Filters and paging for the object, manifest and versions endpoints.
///
/// ```
/// let f = kyoyu_taxii::Filter::default().limit(100).match_type(["indicator", "malware"]);
/// assert_eq!(f.query(), vec![("limit".to_owned(), "100".to_owned()),
///                            ("match[type]".to_owned(), "indicator,malware".to_owned())]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    limit: Option<u32>,
    next: Option<String>,
    added_after: Option<String>,
    match_id: Vec<String>,
    match_type: Vec<String>,
    match_version: Vec<String>,
    match_spec_version: Vec<String>,
}

impl Filter {
    /// At most `n` objects per page.
    pub fn limit(mut self, n: u32) -> Self {
        self.limit = Some(n);
        self
    }
    /// Continue from the `next` token of an earlier page.
    pub fn next(mut self, token: impl Into<String>) -> Self {
        self.next = Some(token.into());
        self
    }
    /// Only objects added after this timestamp.
    pub fn added_after(mut self, timestamp: impl Into<String>) -> Self {
        self.added_after = Some(timestamp.into());
        self
    }
    /// Only these ids.
    pub fn match_id<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.match_id = ids.into_iter().map(Into::into).collect();
        self
    }
    /// Only these STIX types.
    pub fn match_type<I: IntoIterator<Item = S>, S: Into<String>>(mut self, types: I) -> Self {
        self.match_type = types.into_iter().map(Into::into).collect();
        self
    }
    /// Only these versions (`last`, `first`, `all` or timestamps).
    pub fn match_version<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.match_version = v.into_iter().map(Into::into).collect();
        self
    }
    /// Only these STIX spec versions.
    pub fn match_spec_version<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.match_spec_version = v.into_iter().map(Into::into).collect();
        self
    }

    /// The query parameters, in a fixed order.
    pub fn query(&self) -> Vec<(String, String)> {
        let mut q = Vec::new();
        if let Some(n) = self.limit {
            q.push(("limit".to_owned(), n.to_string()));
        }
        if let Some(t) = &self.next {
            q.push(("next".to_owned(), t.clone()));
        }
        if let Some(t) = &self.added_after {
            q.push(("added_after".to_owned(), t.clone()));
        }
        for (key, values) in [
            ("match[id]", &self.match_id),
            ("match[type]", &self.match_type),
            ("match[version]", &self.match_version),
            ("match[spec_version]", &self.match_spec_version),
        ] {
            if !values.is_empty() {
                q.push((key.to_owned(), values.join(",")));
            }
        }
        q
    }
}

/// A response: status, the TAXII date headers, and the body.
struct Reply {
    status: u16,
    date_added_first: Option<String>,
    date_added_last: Option<String>,
    body: Vec<u8>,
}

#[derive(Clone, Copy)]
enum Method {
    Get,
    Post,
    Delete,
}

impl Client {
    /// A builder with the defaults.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client without credentials and with the defaults.
    pub fn new() -> Client {
        ClientBuilder::default().build()
    }

    /// Reads the discovery resource, such as `https://hub.example/taxii2/`.
    ///
    /// # Errors
    ///
    /// Any [`Error`]: transport, HTTP status (typed for 401/403/404), size
    /// limit, or a body that is not a discovery resource.
    pub fn discover(&self, url: &str) -> Result<Discovery, Error> {
        let url = parse_base(url)?;
        self.get_json(&url)
    }

    /// Reads an API root's information.
    ///
    /// # Errors
    ///
    /// As [`Client::discover`].
    pub fn api_root(&self, api_root: &str) -> Result<ApiRoot, Error> {
        let url = parse_base(api_root)?;
        self.get_json(&url)
    }

    /// Lists the collections of an API root.
    ///
    /// # Errors
    ///
    /// As [`Client::discover`].
    pub fn collections(&self, api_root: &str) -> Result<Vec<Collection>, Error> {
        let url = join(&parse_base(api_root)?, "collections/")?;
        Ok(self.get_json::<Collections>(&url)?.collections)
    }

    /// Reads one collection's information.
    ///
    /// # Errors
    ///
    /// As [`Client::discover`].
    pub fn collection(&self, collection: &CollectionRef) -> Result<Collection, Error> {
        self.get_json(collection.url())
    }

    /// One page of objects.
    ///
    /// # Errors
    ///
    /// As [`Client::discover`].
    pub fn get_objects(&self, c: &CollectionRef, filter: &Filter) -> Result<Envelope, Error> {
        let url = with_query(join(c.url(), "objects/")?, filter);
        let reply = self.send(Method::Get, &url, None)?;
        let mut envelope: Envelope = self.decode(&url, reply.status, &reply.body)?;
        envelope.date_added_first = reply.date_added_first;
        envelope.date_added_last = reply.date_added_last;
        Ok(envelope)
    }

    /// Every page of objects, fetched one at a time as the iterator is
    /// advanced: memory holds one page, however large the collection.
    pub fn pages(&self, c: &CollectionRef, filter: Filter) -> Pages<'_> {
        Pages { client: self, collection: c.clone(), filter: Some(filter) }
    }

    /// One object (its versions selected by `filter`).
    ///
    /// # Errors
    ///
    /// As [`Client::discover`]; [`Error::NotFound`] when the id is unknown.
    pub fn get_object(
        &self,
        c: &CollectionRef,
        id: &str,
        filter: &Filter,
    ) -> Result<Envelope, Error> {
        let url = with_query(join(c.url(), &format!("objects/{}/", segment(id)?))?, filter);
        self.get_json(&url)
    }

    /// The versions of one object.
    ///
    /// # Errors
    ///
    /// As [`Client::get_object`].
    pub fn object_versions(
        &self,
        c: &CollectionRef,
        id: &str,
        filter: &Filter,
    ) -> Result<Versions, Error> {
        let url =
            with_query(join(c.url(), &format!("objects/{}/versions/", segment(id)?))?, filter);
        self.get_json(&url)
    }

    /// One page of the collection's manifest.
    ///
    /// # Errors
    ///
    /// As [`Client::discover`].
    pub fn manifest(&self, c: &CollectionRef, filter: &Filter) -> Result<Manifest, Error> {
        let url = with_query(join(c.url(), "manifest/")?, filter);
        self.get_json(&url)
    }

    /// Deletes an object (the versions selected by `filter`).
    ///
    /// # Errors
    ///
    /// As [`Client::get_object`].
    pub fn delete_object(&self, c: &CollectionRef, id: &str, filter: &Filter) -> Result<(), Error> {
        let url = with_query(join(c.url(), &format!("objects/{}/", segment(id)?))?, filter);
        let reply = self.send(Method::Delete, &url, None)?;
        self.check(&url, reply.status, &reply.body)
    }

    /// Adds objects: posts them as a TAXII envelope (`{"objects": [...]}`,
    /// not a STIX bundle) and returns the first status, which may still be
    /// `pending`.
    ///
    /// # Errors
    ///
    /// As [`Client::discover`]; [`Error::Forbidden`] for a collection the
    /// caller may not write.
    pub fn add_objects(&self, c: &CollectionRef, objects: &[Value]) -> Result<Status, Error> {
        let body = serde_json::to_vec(&serde_json::json!({ "objects": objects }))
            .map_err(|e| Error::Encode(e.to_string()))?;
        let url = join(c.url(), "objects/")?;
        let reply = self.send(Method::Post, &url, Some(&body))?;
        self.decode(&url, reply.status, &reply.body)
    }

    /// Reads a status.
    ///
    /// # Errors
    ///
    /// As [`Client::discover`].
    pub fn status(&self, api_root: &Url, id: &str) -> Result<Status, Error> {
        let url = join(api_root, &format!("status/{}/", segment(id)?))?;
        self.get_json(&url)
    }

    /// Polls a status every `interval` until it is complete or `timeout`
    /// has passed.
    ///
    /// # Errors
    ///
    /// As [`Client::discover`]; [`Error::StatusTimeout`] when still pending.
    pub fn wait_for_status(
        &self,
        api_root: &Url,
        status: Status,
        interval: Duration,
        timeout: Duration,
    ) -> Result<Status, Error> {
        let start = Instant::now();
        let mut status = status;
        while !status.is_complete() {
            if start.elapsed() >= timeout {
                return Err(Error::StatusTimeout { id: status.id, seconds: timeout.as_secs() });
            }
            std::thread::sleep(interval);
            status = self.status(api_root, &status.id)?;
        }
        Ok(status)
    }

    /// [`Client::add_objects`], then [`Client::wait_for_status`] (polling
    /// each second, up to `timeout`).
    ///
    /// # Errors
    ///
    /// As both.
    pub fn add_objects_and_wait(
        &self,
        c: &CollectionRef,
        objects: &[Value],
        timeout: Duration,
    ) -> Result<Status, Error> {
        let status = self.add_objects(c, objects)?;
        self.wait_for_status(c.api_root(), status, Duration::from_millis(500), timeout)
    }

    fn get_json<T: DeserializeOwned>(&self, url: &Url) -> Result<T, Error> {
        let reply = self.send(Method::Get, url, None)?;
        self.decode(url, reply.status, &reply.body)
    }

    fn check(&self, url: &Url, status: u16, body: &[u8]) -> Result<(), Error> {
        if (200..300).contains(&status) {
            return Ok(());
        }
        let body = serde_json::from_slice::<ErrorBody>(body).ok().map(Box::new);
        let url = url.to_string();
        Err(match status {
            401 => Error::Unauthorized { url, body },
            403 => Error::Forbidden { url, body },
            404 => Error::NotFound { url, body },
            _ => Error::Http { url, status, body },
        })
    }

    fn decode<T: DeserializeOwned>(&self, url: &Url, status: u16, body: &[u8]) -> Result<T, Error> {
        self.check(url, status, body)?;
        serde_json::from_slice(body)
            .map_err(|e| Error::Decode { url: url.to_string(), message: e.to_string() })
    }

    /// Sends a request, retrying after 429 and 503.
    fn send(&self, method: Method, url: &Url, body: Option<&[u8]>) -> Result<Reply, Error> {
        let s = &self.settings;
        let mut attempt = 0;
        loop {
            let reply = self.send_once(method, url, body)?;
            let retryable = matches!(reply.0.status, 429 | 503);
            if !retryable || attempt >= s.max_retries {
                return Ok(reply.0);
            }
            let backoff = s.backoff.saturating_mul(1 << attempt.min(16));
            let wait = reply.1.unwrap_or(backoff).min(s.max_backoff);
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    /// One exchange: the reply and the server's `Retry-After`, if any.
    fn send_once(
        &self,
        method: Method,
        url: &Url,
        body: Option<&[u8]>,
    ) -> Result<(Reply, Option<Duration>), Error> {
        let s = &self.settings;
        let transport = |e: ureq::Error| map_transport(url, e, s.max_response_bytes);
        let mut response = match method {
            Method::Get | Method::Delete => {
                let mut req = match method {
                    Method::Delete => self.agent.delete(url.as_str()),
                    _ => self.agent.get(url.as_str()),
                }
                .header("Accept", MEDIA_TYPE);
                if let Some(auth) = &s.auth {
                    req = req.header("Authorization", auth.0.as_str());
                }
                req.call().map_err(transport)?
            }
            Method::Post => {
                let mut req = self
                    .agent
                    .post(url.as_str())
                    .header("Accept", MEDIA_TYPE)
                    .header("Content-Type", MEDIA_TYPE);
                if let Some(auth) = &s.auth {
                    req = req.header("Authorization", auth.0.as_str());
                }
                req.send(body.unwrap_or_default()).map_err(transport)?
            }
        };
        let header = |name: &str| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
        };
        let retry_after = header("Retry-After")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let date_added_first = header("X-TAXII-Date-Added-First");
        let date_added_last = header("X-TAXII-Date-Added-Last");
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(s.max_response_bytes)
            .read_to_vec()
            .map_err(transport)?;
        Ok((Reply { status, date_added_first, date_added_last, body }, retry_after))
    }
}

impl Default for Client {
    fn default() -> Self {
        Client::new()
    }
}

fn map_transport(url: &Url, e: ureq::Error, limit: u64) -> Error {
    let url = url.to_string();
    match e {
        ureq::Error::Timeout(t) => Error::Timeout { url, what: t.to_string() },
        ureq::Error::BodyExceedsLimit(_) => Error::TooLarge { url, limit },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            Error::Timeout { url, what: io.to_string() }
        }
        other => Error::Transport { url, message: other.to_string() },
    }
}

fn segment(id: &str) -> Result<&str, Error> {
    if id.is_empty() || id.contains(['/', '?', '#']) {
        return Err(Error::Url {
            url: id.to_owned(),
            message: "not an object or status id".into(),
        });
    }
    Ok(id)
}

fn with_query(mut url: Url, filter: &Filter) -> Url {
    let q = filter.query();
    if !q.is_empty() {
        url.query_pairs_mut().extend_pairs(q);
    }
    url
}

/// Pages of objects; see [`Client::pages`].
#[derive(Debug)]
pub struct Pages<'a> {
    client: &'a Client,
    collection: CollectionRef,
    filter: Option<Filter>,
}

impl Iterator for Pages<'_> {
    type Item = Result<Envelope, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let filter = self.filter.take()?;
        match self.client.get_objects(&self.collection, &filter) {
            Ok(page) => {
                if page.more {
                    // Prefer the server's `next` token; servers that page by
                    // time give the last added date instead.
                    self.filter = match (&page.next, &page.date_added_last) {
                        (Some(token), _) => Some(filter.next(token.clone())),
                        (None, Some(last)) => Some(filter.added_after(last.clone())),
                        (None, None) => None,
                    };
                }
                Some(Ok(page))
            }
            Err(e) => Some(Err(e)),
        }
    }
}
