//! Command-line administration: creating the first administrator outside demo mode, and the
//! nightly sync from the HR system.
//!
//! `server create-admin --org "Exempelstad" --name "Ada Admin" --email ada@example.se`
//! reads the password from `ARSHJUL_ADMIN_PASSWORD` or, if unset, from standard input.
//!
//! `server import [--org <root id>] [--dry-run] export.xlsx` (or two CSV files) compares the
//! export with the organisation, prints what it changes and every rejected row, and applies it
//! in one transaction unless `--dry-run`; the same import as the administrator's page.

use anyhow::{bail, Context};

use app::auth::{db as auth_db, password::hash_password};
use app::db::Db;
use app::domain::{PlanRules, Role};
use app::org::{db as org_db, starting_db};
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
    let org_name =
        arg(args, "--org").unwrap_or_else(|| app::domain::DEFAULT_ORGANISATION_NAME.to_string());
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
    let root = match org_db::roots(db).await?.first() {
        Some(&root) => root,
        None => {
            // A new organisation, which its administrator sets up from the first-run page.
            let root = org_db::insert_node(db, None, &org_name, "kommun").await?;
            org_db::save_rules(db, root, PlanRules::default()).await?;
            install_default_wheel(db, root).await?;
            starting_db::set_setting_up(db, root, true).await?;
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

/// `server import`: reads the export, prints the plan and its rejected rows, and applies it.
pub async fn import(db: &Db, args: &[String]) -> anyhow::Result<()> {
    use app::domain::hr_import::{plan_import, Sheet};
    use app::org::{import_db, import_file::read_files};

    let dry_run = args.iter().any(|a| a == "--dry-run");
    let org_arg = arg(args, "--org");
    let paths: Vec<&String> = args
        .iter()
        .skip(1)
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && args.get(*i).map(String::as_str) != Some("--org"))
        .map(|(_, a)| a)
        .collect();
    if paths.is_empty() {
        bail!("usage: server import [--org <root id>] [--dry-run] <export.xlsx | units.csv people.csv>");
    }
    let org = match org_arg {
        Some(id) => id
            .parse::<i64>()
            .context("--org takes the organisation's root id")?,
        None => {
            let roots = org_db::roots(db).await?;
            match roots.as_slice() {
                [one] => *one,
                [] => bail!("no organisation yet: run `server create-admin` first"),
                _ => bail!("several organisations: name one with --org <root id> ({roots:?})"),
            }
        }
    };
    let mut files = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path).with_context(|| format!("reading {path}"))?;
        files.push((path.to_string(), bytes));
    }
    let file = read_files(&files).map_err(|p| anyhow::anyhow!("{}", p.0))?;
    let started = std::time::Instant::now();
    let current = import_db::current(db, org).await?;
    let plan = plan_import(&current, &file.units, &file.people);
    println!(
        "Enheter: {} nya, {} ändrade, {} flyttade, {} öppnas igen, {} stängs",
        plan.add_units.len(),
        plan.change_units.len(),
        plan.move_units.len(),
        plan.reopen_units.len(),
        plan.close_units.len()
    );
    println!(
        "Personer: {} nya, {} ändrade, {} aktiveras igen, {} inaktiveras",
        plan.add_people.len(),
        plan.change_people.len(),
        plan.reactivate_people.len(),
        plan.deactivate_people.len()
    );
    println!(
        "Roller: {} nya, {} tas bort",
        plan.add_roles.len(),
        plan.remove_roles.len()
    );
    for rejected in &plan.rejected {
        let sheet = match rejected.sheet {
            Sheet::Units => "Organisation",
            Sheet::People => "Personer",
        };
        println!(
            "Avvisad: {sheet} rad {}: {}",
            rejected.line, rejected.reason
        );
    }
    if dry_run {
        println!("Provkörning: inget sparades.");
        return Ok(());
    }
    let now = app::clock::Clock::system().now();
    import_db::apply(db, org, None, &current, &plan, now).await?;
    println!(
        "Importen är genomförd: {} ändringar på {:.1} s.",
        plan.changes(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
