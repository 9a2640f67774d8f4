//! Command-line administration: creating the first administrator outside demo mode.
//!
//! `server create-admin --org "Exempelstad" --name "Ada Admin" --email ada@example.se`
//! reads the password from `ARSHJUL_ADMIN_PASSWORD` or, if unset, from standard input.

use anyhow::{bail, Context};

use app::auth::{db as auth_db, password::hash_password};
use app::db::Db;
use app::domain::{PlanRules, Role};
use app::org::db as org_db;
use app::plan::template::install_default_wheel;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// Creates (or updates) an HR/administrator at the root of the organisation, creating the
/// organisation with the default annual wheel when none exists.
pub async fn create_admin(db: &Db, args: &[String]) -> anyhow::Result<()> {
    let email = arg(args, "--email").context("--email is required")?;
    let name = arg(args, "--name").context("--name is required")?;
    let org_name = arg(args, "--org").unwrap_or_else(|| "Organisationen".to_string());
    let password = match std::env::var("ARSHJUL_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!("Lösenord för {email}:");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    if password.chars().count() < 12 {
        bail!("the password must be at least 12 characters");
    }
    let tree = org_db::load_tree(db).await?;
    let root = match tree
        .tree
        .leaves()
        .first()
        .and_then(|&l| tree.tree.root_of(l))
    {
        Some(root) => root,
        None => {
            let root = org_db::insert_node(db, None, &org_name, "kommun").await?;
            org_db::save_rules(db, root, PlanRules::default()).await?;
            install_default_wheel(db, root).await?;
            root
        }
    };
    let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
    let person =
        auth_db::upsert_person(db, &name, &email, Some("Administratör"), Some(&hash)).await?;
    auth_db::grant_role(db, person, root, Role::Hr).await?;
    println!("Administratören {email} kan nu logga in.");
    Ok(())
}
