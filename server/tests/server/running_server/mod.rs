//! The real server binary for the tests that drive it over HTTP (crash safety, sign-in modes):
//! a free port, the demo-mode command, and a start that waits until the server answers.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A port nobody listens on yet.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The server in demo mode on the database at `url`, on `port`, serving `site`; the caller
/// adds its own settings before [`start`].
pub fn demo_command(url: &str, port: u16, site: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .env("DATABASE_URL", url)
        .env("ARSHJUL_DEMO", "1")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", site)
        .env("LEPTOS_OUTPUT_NAME", "arshjul")
        .env("RUST_LOG", "error")
        .env_remove("ARSHJUL_OIDC_ISSUER")
        .env_remove("ARSHJUL_LOCAL_ACCOUNTS");
    command
}

/// Starts the server and waits until its health check answers (a minute at most).
pub fn start(mut command: Command, port: u16) -> Child {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    let health = format!("http://127.0.0.1:{port}/healthz");
    while Instant::now() < deadline {
        if ureq::get(&health).call().is_ok() {
            return child;
        }
        if let Some(status) = child.try_wait().ok().flatten() {
            panic!("the server stopped while starting: {status}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not answer within a minute");
}
