//! Command-line administration: creating the first administrator outside demo mode, and the
//! nightly sync from the HR system.
//!
//! `server create-admin --org "Exempelstad" --name "Ada Admin" --email ada@example.se`
//! reads the password from `ARSHJUL_ADMIN_PASSWORD` or, if unset, from standard input.
//!
//! `server set-password --email a@example.se [--email …] [--emails-from file]` gives existing
//! accounts a password, read the same way: for an administrator locked out where no mail goes
//! out, and for the load run's simulated people. Their sessions end and the trail records it.
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

/// Every value of a repeated option (`--email a --email b`).
fn args_of<'a>(args: &'a [String], name: &'a str) -> impl Iterator<Item = &'a String> {
    args.windows(2).filter(move |w| w[0] == name).map(|w| &w[1])
}

/// The password for the command: `ARSHJUL_ADMIN_PASSWORD`, or a line of standard input.
fn read_password(for_whom: &str) -> anyhow::Result<String> {
    match std::env::var("ARSHJUL_ADMIN_PASSWORD") {
        Ok(p) => Ok(p),
        Err(_) => {
            eprintln!("Lösenord för {for_whom}:");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            Ok(line.trim_end_matches(['\r', '\n']).to_string())
        }
    }
}

/// Creates (or updates) an HR/administrator at the root of the organisation, creating the
/// organisation with the default annual wheel when none exists.
pub async fn create_admin(db: &Db, args: &[String]) -> anyhow::Result<()> {
    let email = arg(args, "--email").context("--email is required")?;
    let name = arg(args, "--name").context("--name is required")?;
    let org_name =
        arg(args, "--org").unwrap_or_else(|| app::domain::DEFAULT_ORGANISATION_NAME.to_string());
    let password = read_password(&email)?;
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

/// `server set-password`: the same password, checked by the rules of the link's page (long
/// enough, not guessable from the person's own name or address), for each existing account
/// named; every one of them is signed out and the trail records it.
pub async fn set_password(db: &Db, args: &[String]) -> anyhow::Result<()> {
    use app::audit::db::{append, NewEntry};
    use app::auth::{password::too_guessable, sessions_db};
    use app::domain::account_links::check_new_password;

    let mut emails: Vec<String> = args_of(args, "--email").cloned().collect();
    if let Some(file) = arg(args, "--emails-from") {
        let text = std::fs::read_to_string(&file).with_context(|| format!("reading {file}"))?;
        emails.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string),
        );
    }
    if emails.is_empty() {
        bail!("usage: server set-password --email <address> [--email …] [--emails-from <file>]");
    }
    let whom = if emails.len() == 1 {
        emails[0].clone()
    } else {
        format!("{} konton", emails.len())
    };
    let password = read_password(&whom)?;
    check_new_password(&password, &password).map_err(|p| anyhow::anyhow!("{}", p.message))?;
    // Every account is found before any is changed: a typo changes nothing.
    let mut people = Vec::with_capacity(emails.len());
    for email in &emails {
        let email = app::domain::normal_email(email);
        let Some(found) = auth_db::find_login(db, &email).await? else {
            bail!("no account has the address {email}");
        };
        if !found.active {
            bail!("the account {email} is switched off");
        }
        if too_guessable(&password, &[&found.user.name, &found.user.email]) {
            bail!("the password is too easy to guess for {email}");
        }
        people.push(found.user);
    }
    let now = app::clock::Clock::system().now();
    for person in &people {
        let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
        auth_db::set_password_hash(db, person.id, &hash).await?;
        sessions_db::end_all_of(db, person.id, None, "password_changed", now).await?;
        let entry = NewEntry {
            actor_id: Some(person.id),
            actor: person.name.clone(),
            action: "password_set".into(),
            subject: format!("person:{}", person.id),
            detail: "server set-password".into(),
            address: "kommandoraden".into(),
            ..NewEntry::default()
        };
        append(db, &entry, now).await?;
    }
    println!("{} konton har fått det nya lösenordet.", people.len());
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
