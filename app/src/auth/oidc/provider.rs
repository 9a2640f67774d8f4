//! The OpenID Connect protocol with the organisation's provider (openidconnect crate): the
//! authorisation code flow with PKCE (S256), state and nonce; the ID token verified against the
//! provider's published keys (issuer, audience, expiry, nonce, access token hash); the person's
//! identity there (issuer and subject) and the e-mail address taken from the ID token or, when
//! the provider keeps it there, from the userinfo endpoint under the same subject.

use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims,
};
use openidconnect::{
    reqwest, AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl,
    Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse,
};
use serde::{Deserialize, Serialize};

use crate::auth::SignInProblem;

/// How long the provider's discovery document and keys are trusted before they are fetched
/// again (keys rotate; a failed verification also drops them at once).
const METADATA_LIFETIME: Duration = Duration::from_secs(15 * 60);

/// How long a sign-in may take at the provider before its state is no longer accepted.
const PENDING_LIFETIME: chrono::Duration = chrono::Duration::minutes(10);

/// How long the provider may take to answer one request.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// The provider as configured (`ARSHJUL_OIDC_*`).
#[derive(Clone, Debug)]
pub struct OidcSettings {
    /// The issuer's URL; its `/.well-known/openid-configuration` is read.
    pub issuer: String,
    /// The client id Årshjul is registered under.
    pub client_id: String,
    /// The client secret (sent to the token endpoint only).
    pub client_secret: String,
    /// What the sign-in button calls the provider ("Exempelstads konto").
    pub display_name: String,
    /// Where the provider sends the browser back: `{public URL}/oidc/callback`.
    pub redirect_url: String,
    /// Whether an address the provider says nothing about (no `email_verified`) may match a
    /// person at their first sign-in (`ARSHJUL_OIDC_ACCEPT_UNVERIFIED_EMAIL`): some directories
    /// never send the claim. An address the provider calls unverified never matches.
    pub accept_unverified_email: bool,
}

/// What the browser's session keeps while the person is at the provider.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PendingSignIn {
    state: String,
    nonce: String,
    pkce_verifier: String,
    started_at: chrono::DateTime<chrono::Utc>,
}

/// The query the provider sends the browser back with.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Callback {
    /// The authorisation code.
    pub code: Option<String>,
    /// The state the sign-in was started with.
    pub state: Option<String>,
    /// The provider's error code (`access_denied` when the person cancelled).
    pub error: Option<String>,
}

/// Who the provider says signed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProvidedIdentity {
    /// The provider's issuer URL: a subject is unique only within it.
    pub issuer: String,
    /// The provider's lasting id for the person (`sub`), matched first at every sign-in.
    pub subject: String,
    /// The e-mail address as the provider gives it (trimmed): used only for the first match.
    pub email: String,
    /// What the provider says of the address (`email_verified`); `None` when it says nothing.
    pub email_verified: Option<bool>,
    /// The person's name as the provider gives it, for an account made by open sign-up.
    pub name: Option<String>,
}

impl ProvidedIdentity {
    /// The address to match a person by at their first sign-in through the provider, in the
    /// form Årshjul keeps addresses. Refused when the provider calls it unverified, or says
    /// nothing and the organisation has not chosen to accept that, or when it is written with
    /// look-alike characters.
    pub fn email_to_match(&self, accept_unverified: bool) -> Result<String, SignInProblem> {
        match self.email_verified {
            Some(true) => {}
            None if accept_unverified => {}
            _ => return Err(SignInProblem::EmailNotVerified),
        }
        if self.email.is_empty() {
            return Err(SignInProblem::NoEmail);
        }
        if !crate::domain::is_plain_email(&self.email) {
            return Err(SignInProblem::UnknownPerson);
        }
        Ok(crate::domain::normal_email(&self.email))
    }
}

/// The organisation's provider: its settings, an HTTP client that follows no redirects, and
/// the discovery document while it is fresh.
#[derive(Debug)]
pub struct OidcProvider {
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect: RedirectUrl,
    display_name: String,
    accept_unverified_email: bool,
    http: reqwest::Client,
    metadata: tokio::sync::Mutex<Option<(Instant, CoreProviderMetadata)>>,
}

impl OidcProvider {
    /// Checks the settings (URLs that parse) and prepares the HTTP client; the provider itself
    /// is first asked when someone signs in, so Årshjul starts while the provider is down.
    pub fn new(settings: OidcSettings) -> anyhow::Result<OidcProvider> {
        let http = reqwest::ClientBuilder::new()
            // Following redirects would let a provider's answer send Årshjul's requests
            // elsewhere (SSRF).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(PROVIDER_TIMEOUT)
            .build()?;
        Ok(OidcProvider {
            issuer: IssuerUrl::new(settings.issuer)?,
            client_id: ClientId::new(settings.client_id),
            client_secret: ClientSecret::new(settings.client_secret),
            redirect: RedirectUrl::new(settings.redirect_url)?,
            display_name: settings.display_name,
            accept_unverified_email: settings.accept_unverified_email,
            http,
            metadata: tokio::sync::Mutex::new(None),
        })
    }

    /// What the sign-in page calls the provider.
    pub fn display_name(&self) -> &str {
        &self.display_name
    }

    /// Whether an address without `email_verified` may match a person (see [`OidcSettings`]).
    pub fn accepts_unverified_email(&self) -> bool {
        self.accept_unverified_email
    }

    /// The provider's discovery document, fetched again when older than the lifetime.
    async fn metadata(&self) -> Result<CoreProviderMetadata, SignInProblem> {
        let mut cached = self.metadata.lock().await;
        if let Some((fetched, metadata)) = cached.as_ref() {
            if fetched.elapsed() < METADATA_LIFETIME {
                return Ok(metadata.clone());
            }
        }
        let metadata = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|err| {
                tracing::warn!(issuer = %self.issuer.as_str(), error = %chain(&err), "OpenID provider discovery failed");
                SignInProblem::Unavailable
            })?;
        *cached = Some((Instant::now(), metadata.clone()));
        Ok(metadata)
    }

    /// Forgets the discovery document, so rotated keys are fetched on the next sign-in.
    async fn forget_metadata(&self) {
        *self.metadata.lock().await = None;
    }

    /// Starts a sign-in: the provider's authorisation URL to send the browser to, and what the
    /// session must keep to finish it.
    pub async fn begin(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(String, PendingSignIn), SignInProblem> {
        let client = CoreClient::from_provider_metadata(
            self.metadata().await?,
            self.client_id.clone(),
            Some(self.client_secret.clone()),
        )
        .set_redirect_uri(self.redirect.clone());
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let pending = PendingSignIn {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            started_at: now,
        };
        Ok((url.to_string(), pending))
    }

    /// Finishes a sign-in the session started: checks the state and its age, exchanges the code
    /// (with the PKCE verifier and the client secret), verifies the ID token and returns whom
    /// the provider says signed in.
    pub async fn finish(
        &self,
        pending: Option<PendingSignIn>,
        callback: Callback,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<ProvidedIdentity, SignInProblem> {
        let pending = check_callback(pending, &callback, now)?;
        let code = callback.code.ok_or(SignInProblem::Unverified)?;
        let client = CoreClient::from_provider_metadata(
            self.metadata().await?,
            self.client_id.clone(),
            Some(self.client_secret.clone()),
        )
        .set_redirect_uri(self.redirect.clone());
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|err| {
                tracing::error!(error = %chain(&err), "the OpenID provider has no token endpoint");
                SignInProblem::Unavailable
            })?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|err| {
                tracing::warn!(error = %chain(&err), "the OpenID provider refused the code");
                SignInProblem::Unavailable
            })?;
        let Some(id_token) = tokens.id_token() else {
            tracing::warn!("the OpenID provider sent no ID token");
            return Err(SignInProblem::Unverified);
        };
        let verifier = client.id_token_verifier();
        let claims = match id_token.claims(&verifier, &Nonce::new(pending.nonce)) {
            Ok(claims) => claims,
            Err(err) => {
                tracing::warn!(error = %chain(&err), "an ID token failed verification");
                self.forget_metadata().await;
                return Err(SignInProblem::Unverified);
            }
        };
        if let Some(expected) = claims.access_token_hash() {
            let actual = id_token
                .signing_alg()
                .ok()
                .zip(id_token.signing_key(&verifier).ok())
                .and_then(|(alg, key)| {
                    AccessTokenHash::from_token(tokens.access_token(), alg, key).ok()
                });
            if actual.as_ref() != Some(expected) {
                tracing::warn!("the access token does not match the ID token's hash");
                return Err(SignInProblem::Unverified);
            }
        }
        let name = claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().trim().to_string())
            .filter(|n| !n.is_empty());
        let (email, verified) = match claims.email() {
            Some(email) => (email.to_string(), claims.email_verified()),
            None => {
                // Providers that follow the specification strictly keep the e-mail address at
                // the userinfo endpoint when the code flow is used.
                let info: CoreUserInfoClaims = client
                    .user_info(
                        tokens.access_token().clone(),
                        Some(claims.subject().clone()),
                    )
                    .map_err(|_| SignInProblem::NoEmail)?
                    .request_async(&self.http)
                    .await
                    .map_err(|err| {
                        tracing::warn!(error = %chain(&err), "the userinfo request failed");
                        SignInProblem::Unavailable
                    })?;
                let email = info.email().ok_or(SignInProblem::NoEmail)?;
                (email.to_string(), info.email_verified())
            }
        };
        Ok(ProvidedIdentity {
            issuer: claims.issuer().as_str().to_string(),
            subject: claims.subject().as_str().to_string(),
            email: email.trim().to_string(),
            email_verified: verified,
            name,
        })
    }
}

/// The checks on the way back that need no provider: the provider's own error, the state the
/// session started with, and the sign-in's age.
fn check_callback(
    pending: Option<PendingSignIn>,
    callback: &Callback,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<PendingSignIn, SignInProblem> {
    if let Some(error) = &callback.error {
        tracing::info!(error = %error.chars().take(80).collect::<String>(), "the OpenID provider answered with an error");
        return Err(if error == "access_denied" || error == "login_required" {
            SignInProblem::Cancelled
        } else {
            SignInProblem::Unavailable
        });
    }
    let pending = pending.ok_or(SignInProblem::Expired)?;
    if callback.state.as_deref() != Some(pending.state.as_str()) {
        return Err(SignInProblem::Expired);
    }
    if now - pending.started_at > PENDING_LIFETIME || now < pending.started_at {
        return Err(SignInProblem::Expired);
    }
    Ok(pending)
}

/// An error with its causes, for the log.
fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn pending(at: chrono::DateTime<Utc>) -> PendingSignIn {
        PendingSignIn {
            state: "s1".into(),
            nonce: "n1".into(),
            pkce_verifier: "v1".into(),
            started_at: at,
        }
    }

    fn callback(state: &str) -> Callback {
        Callback {
            code: Some("c".into()),
            state: Some(state.into()),
            error: None,
        }
    }

    #[test]
    fn the_way_back_needs_the_same_state_within_ten_minutes() {
        let start = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let soon = start + chrono::Duration::minutes(3);
        assert!(check_callback(Some(pending(start)), &callback("s1"), soon).is_ok());
        assert_eq!(
            check_callback(Some(pending(start)), &callback("other"), soon).err(),
            Some(SignInProblem::Expired)
        );
        assert_eq!(
            check_callback(None, &callback("s1"), soon).err(),
            Some(SignInProblem::Expired)
        );
        let late = start + chrono::Duration::minutes(11);
        assert_eq!(
            check_callback(Some(pending(start)), &callback("s1"), late).err(),
            Some(SignInProblem::Expired)
        );
    }

    #[test]
    fn the_providers_refusal_is_a_cancel_and_other_errors_mean_it_failed() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let refused = Callback {
            error: Some("access_denied".into()),
            ..Callback::default()
        };
        assert_eq!(
            check_callback(Some(pending(now)), &refused, now).err(),
            Some(SignInProblem::Cancelled)
        );
        let broken = Callback {
            error: Some("server_error".into()),
            ..Callback::default()
        };
        assert_eq!(
            check_callback(Some(pending(now)), &broken, now).err(),
            Some(SignInProblem::Unavailable)
        );
    }

    fn identity(email: &str, verified: Option<bool>) -> ProvidedIdentity {
        ProvidedIdentity {
            issuer: "https://login.exempelstad.se".into(),
            subject: "3f9c".into(),
            email: email.into(),
            email_verified: verified,
            name: None,
        }
    }

    #[test]
    fn only_a_verified_plain_address_is_matched_at_the_first_sign_in() {
        assert_eq!(
            identity("Anna.Berg@Exempelstad.se", Some(true)).email_to_match(false),
            Ok("anna.berg@exempelstad.se".into())
        );
        assert_eq!(
            identity("anna@exempelstad.se", Some(false)).email_to_match(true),
            Err(SignInProblem::EmailNotVerified)
        );
        // Saying nothing is refused unless the organisation accepts it.
        assert_eq!(
            identity("anna@exempelstad.se", None).email_to_match(false),
            Err(SignInProblem::EmailNotVerified)
        );
        assert!(identity("anna@exempelstad.se", None)
            .email_to_match(true)
            .is_ok());
        assert_eq!(
            identity("", Some(true)).email_to_match(false),
            Err(SignInProblem::NoEmail)
        );
        // The Kelvin sign would fold into a plain k: it matches nobody.
        assert_eq!(
            identity("\u{212A}alle@exempelstad.se", Some(true)).email_to_match(false),
            Err(SignInProblem::UnknownPerson)
        );
    }

    #[test]
    fn the_settings_must_hold_real_addresses() {
        let settings = OidcSettings {
            issuer: "https://login.exempelstad.se".into(),
            client_id: "arshjul".into(),
            client_secret: "hemligt".into(),
            display_name: "Exempelstads konto".into(),
            redirect_url: "https://arshjul.exempelstad.se/oidc/callback".into(),
            accept_unverified_email: false,
        };
        assert!(OidcProvider::new(settings.clone()).is_ok());
        let broken = OidcSettings {
            redirect_url: "inte en adress".into(),
            ..settings
        };
        assert!(OidcProvider::new(broken).is_err());
    }
}
