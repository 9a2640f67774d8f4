//! Password hashing with argon2id. The hash type is not `Serialize`, so it cannot leak into a
//! server function's answer by accident.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// A stored argon2id hash in PHC string form.
#[derive(Clone)]
pub struct PasswordHashString(pub String);

impl std::fmt::Debug for PasswordHashString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHashString(..)")
    }
}

/// Hashes a password with argon2id and a fresh random salt.
pub fn hash_password(password: &str) -> Result<PasswordHashString, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    let hash = Argon2::default().hash_password(password.as_bytes(), &salt)?;
    Ok(PasswordHashString(hash.to_string()))
}

/// Checks a password against a stored hash. A malformed hash never verifies.
pub fn verify_password(password: &str, stored: &PasswordHashString) -> bool {
    PasswordHash::new(&stored.0)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the same work as a real check when the account does not exist, so response time does
/// not tell which e-mail addresses have accounts.
pub fn verify_against_dummy(password: &str) {
    static DUMMY: std::sync::OnceLock<Option<PasswordHashString>> = std::sync::OnceLock::new();
    if let Some(dummy) = DUMMY.get_or_init(|| hash_password("arshjul-dummy-password").ok()) {
        let _ = verify_password(password, dummy);
    }
}

/// Checks a password against the account's hash, or against the dummy when there is no usable
/// account, on a blocking thread: argon2 is deliberately slow, and a burst of sign-ins must not
/// hold up the threads that serve everyone else.
pub async fn check_password(password: String, stored: Option<PasswordHashString>) -> bool {
    let check = move || match &stored {
        Some(hash) => verify_password(&password, hash),
        None => {
            verify_against_dummy(&password);
            false
        }
    };
    tokio::task::spawn_blocking(check).await.unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let hash = hash_password("rätt lösenord").unwrap();
        assert!(hash.0.starts_with("$argon2id$"));
        assert!(verify_password("rätt lösenord", &hash));
        assert!(!verify_password("fel lösenord", &hash));
    }

    #[test]
    fn a_malformed_hash_never_verifies() {
        assert!(!verify_password(
            "x",
            &PasswordHashString("not a hash".into())
        ));
    }
}
