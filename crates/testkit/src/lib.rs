//! Test support for the kyoyu workspace (not published): the Python venv
//! with the reference tools, a medallion TAXII 2.1 server per test, and
//! temporary directories.
//!
//! The venv is made by `scripts/test.sh` at `.venv-interop/` in the
//! workspace (or pointed at with `KYOYU_INTEROP_VENV`). Without it the
//! interop tests fail with a message saying so: interop is proven by the
//! real tools or not at all.

// Test support panics on purpose: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The read/write collection of the test server.
pub const RW: &str = "365fed99-08fa-fdcd-a1b3-fb247eb41d01";
/// The read-only collection of the test server.
pub const RO: &str = "472c94ae-3113-4e3e-a4dd-a9f4ac7471d4";
/// The test server's user.
pub const USER: &str = "ci";
/// The test server's password.
pub const PASSWORD: &str = "ci-password";

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// The interop venv; panics with instructions when it is missing.
pub fn venv() -> PathBuf {
    let venv = std::env::var_os("KYOYU_INTEROP_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join(".venv-interop"));
    assert!(
        venv.join("bin/medallion").exists(),
        "medallion not found in {}: run scripts/test.sh, which creates the interop venv",
        venv.display()
    );
    venv
}

/// A medallion server on a free loopback port, stopped when dropped (also
/// when the test panics).
#[derive(Debug)]
pub struct Medallion {
    child: Child,
    /// The loopback port.
    pub port: u16,
    _dir: TempDir,
}

impl Medallion {
    /// Starts a server with the bundled configuration on a free port and
    /// waits until it accepts connections.
    pub fn start() -> Medallion {
        let venv = venv();
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = TempDir::new();
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("medallion");
        let data = std::fs::read_to_string(here.join("data.json"))
            .unwrap()
            .replace("@PORT@", &port.to_string());
        let data_path = dir.0.join("data.json");
        std::fs::write(&data_path, data).unwrap();
        let config = std::fs::read_to_string(here.join("config.json"))
            .unwrap()
            .replace("@DATA_FILE@", data_path.to_str().unwrap());
        std::fs::write(dir.0.join("config.json"), config).unwrap();
        let log = std::fs::File::create(dir.0.join("medallion.log")).unwrap();
        let child = Command::new(venv.join("bin/medallion"))
            .args(["--host", "127.0.0.1", "--port", &port.to_string(), "--log-level", "WARN"])
            .arg(dir.0.join("config.json"))
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let log_path = dir.0.join("medallion.log");
        let mut server = Medallion { child, port, _dir: dir };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            let exited = server.child.try_wait().unwrap();
            if exited.is_some() || start.elapsed() > Duration::from_secs(30) {
                let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                panic!("medallion did not start ({exited:?}):\n{log}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// The discovery URL.
    pub fn discovery(&self) -> String {
        format!("http://127.0.0.1:{}/taxii2/", self.port)
    }

    /// The API root URL.
    pub fn api_root(&self) -> String {
        format!("http://127.0.0.1:{}/api1/", self.port)
    }
}

impl Drop for Medallion {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A temporary directory removed on drop.
#[derive(Debug)]
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A new, empty directory under the system temporary directory.
    pub fn new() -> TempDir {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir =
            std::env::temp_dir().join(format!("kyoyu-test-{}-{n}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Default for TempDir {
    fn default() -> Self {
        TempDir::new()
    }
}

/// Runs `scripts/interop/taxii2_client.py` with the venv's Python and
/// returns its standard output.
pub fn taxii2_client(args: &[&str]) -> String {
    let script = workspace().join("scripts/interop/taxii2_client.py");
    let out = Command::new(venv().join("bin/python"))
        .arg(script)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "taxii2-client failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
