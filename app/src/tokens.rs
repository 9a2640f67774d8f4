//! Unguessable keys and tokens (a session's key, a calendar feed's address): one source of
//! randomness for every secret the app hands out.

/// 32 random bytes as hex.
pub fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
