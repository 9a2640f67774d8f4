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

/// Whether a new password is too easy to guess: zxcvbn's estimate (its dictionaries of the
/// commonest passwords, names and words, keyboard patterns, dates) below "safely unguessable",
/// with the person's own name and e-mail counted as guessable too (and a password that is little
/// more than them refused outright).
pub fn too_guessable(password: &str, own: &[&str]) -> bool {
    let words: Vec<String> = own
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect();
    // Mostly one's own name or address, whatever the estimate says of the letters.
    let mut rest: String = password
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    for word in &words {
        rest = rest.replace(word.as_str(), "");
    }
    if rest.chars().count() < 6 {
        return true;
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    u8::from(zxcvbn::zxcvbn(password, &words).score()) < 3
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

    #[test]
    fn the_commonest_passwords_and_ones_own_name_are_too_guessable() {
        assert!(too_guessable("password123", &[]));
        assert!(too_guessable("qwertyuiop", &[]));
        assert!(too_guessable(
            "annaandersson1",
            &["Anna Andersson", "anna@kommun.se"]
        ));
        assert!(!too_guessable(
            "gröna tåg susar i natt",
            &["Anna Andersson"]
        ));
    }
}
