//! Reading the next APT offline: the service worker at `/sw.js`, made at start-up for the build
//! being served. Its cache is named after the build's asset hashes and the worker's own text, so
//! a new build replaces the old copy; it keeps only the "next APT" page and the files listed here.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use leptos::config::LeptosOptions;
use sha2::{Digest, Sha256};

use crate::ServerState;

pub mod owner;

/// The worker's text before the build's cache name and asset list are filled in.
const TEMPLATE: &str = include_str!("sw.js");

/// Static files (from `public/`) the offline page needs besides the build's bundle.
const STATIC_FILES: [&str; 3] = ["/offline.js", "/favicon.svg", "/manifest.webmanifest"];

/// The service worker for this build, ready to serve.
#[derive(Clone, Debug)]
pub struct ServiceWorker(Arc<str>);

impl ServiceWorker {
    /// Makes the worker from the build's hash file (written by cargo-leptos next to the server
    /// binary, as Leptos itself reads it) and the static files in the site root.
    pub fn for_build(options: &LeptosOptions) -> Self {
        let hashes = if options.hash_files {
            std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(Path::to_path_buf))
                .map(|dir| dir.join(options.hash_file.as_ref()))
                .and_then(|path| std::fs::read_to_string(path).ok())
        } else {
            None
        };
        let site_root = PathBuf::from(options.site_root.as_ref());
        Self::from_parts(
            hashes.as_deref(),
            &options.output_name,
            &options.site_pkg_dir,
            &site_root,
        )
    }

    fn from_parts(hashes: Option<&str>, name: &str, pkg: &str, site_root: &Path) -> Self {
        let hash_of = |kind: &str| {
            hashes.and_then(|text| {
                text.lines().find_map(|line| {
                    let (file, hash) = line.split_once(':')?;
                    (file.trim() == kind).then(|| format!(".{}", hash.trim()))
                })
            })
        };
        // The next APT page is served without the wasm (it has no island): only its style.
        let mut assets = vec![format!(
            "/{pkg}/{name}{}.css",
            hash_of("css").unwrap_or_default()
        )];
        assets.extend(STATIC_FILES.iter().map(|f| (*f).to_string()));

        let mut digest = Sha256::new();
        digest.update(TEMPLATE.as_bytes());
        digest.update(hashes.unwrap_or_default().as_bytes());
        for file in STATIC_FILES {
            if let Ok(bytes) = std::fs::read(site_root.join(file.trim_start_matches('/'))) {
                digest.update(&bytes);
            }
        }
        let version: String = digest
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        let list = serde_json::to_string(&assets).unwrap_or_else(|_| "[]".to_string());
        let text = TEMPLATE
            .replace("__CACHE__", &format!("arshjul-{version}"))
            .replace("__ASSETS__", &list);
        Self(text.into())
    }

    /// The worker's text.
    pub fn text(&self) -> &str {
        &self.0
    }
}

/// `GET /sw.js`: the worker, always revalidated so a new build's worker is found at once.
pub async fn service_worker(State(state): State<ServerState>) -> Response {
    let mut response = state.service_worker.text().to_string().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_hashed_style_and_names_the_cache_after_the_build() {
        let dir = tempfile::tempdir().unwrap();
        let one = ServiceWorker::from_parts(
            Some("js: AAA\nwasm: BBB\ncss: CCC\n"),
            "arshjul",
            "pkg",
            dir.path(),
        );
        let text = one.text();
        assert!(text.contains(r#"["/pkg/arshjul.CCC.css","/offline.js""#));
        assert!(
            !text.contains(".wasm") && !text.contains("/pkg/arshjul.AAA.js"),
            "the page needs no wasm, so none is kept"
        );
        assert!(!text.contains("__CACHE__") && !text.contains("__ASSETS__"));

        let other = ServiceWorker::from_parts(
            Some("js: AAA\nwasm: BBB\ncss: DDD\n"),
            "arshjul",
            "pkg",
            dir.path(),
        );
        let cache = |w: &ServiceWorker| {
            let start = w.text().find("arshjul-").unwrap();
            w.text()[start..start + 24].to_string()
        };
        assert_ne!(cache(&one), cache(&other), "a new build gets a new cache");
    }

    #[test]
    fn without_hashes_uses_the_plain_style_name() {
        let dir = tempfile::tempdir().unwrap();
        let worker = ServiceWorker::from_parts(None, "arshjul", "pkg", dir.path());
        assert!(worker
            .text()
            .contains(r#"["/pkg/arshjul.css","/offline.js""#));
    }
}
