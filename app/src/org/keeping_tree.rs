//! Changing the tree at `/organisation/{node}`: adding, renaming, moving and closing nodes, each
//! by HR at or above the node (`keeping::check::kept`), with a Swedish message beside the field
//! on bad input.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::keeping::check;
use crate::error::AppError;

/// Adds a node below `parent_id`; returns the new node's id.
#[server(prefix = "/api", endpoint = "organisation/ny")]
pub async fn add_node(
    parent_id: i64,
    name: String,
    kind: String,
    code: String,
) -> Result<i64, AppError> {
    use super::keeping_db;
    use crate::domain::{check_node_code, check_node_kind, check_node_name};

    let kept = check::kept(parent_id).await?;
    let db = &kept.state.db;
    if kept.node().closed_at.is_some() {
        return Err(crate::domain::form_input::problem(
            "name",
            "Delen är stängd. Öppna den igen innan du lägger till något under den.",
        )
        .into());
    }
    let name = check_node_name(&name)?;
    let kinds = keeping_db::node_kinds(db, kept.org_id()).await?;
    let kind = check_node_kind(&kind, &kinds)?;
    let code = check_node_code(&code)?;
    refuse_taken_code(&kept, code.as_deref(), 0).await?;
    let id = keeping_db::add_node(db, Some(parent_id), &name, &kind, code.as_deref()).await?;
    Ok(id)
}

/// Renames a node and sets its kind and code.
#[server(prefix = "/api", endpoint = "organisation/andra")]
pub async fn edit_node(
    node_id: i64,
    name: String,
    kind: String,
    code: String,
) -> Result<(), AppError> {
    use super::keeping_db;
    use crate::domain::{check_node_code, check_node_kind, check_node_name};

    let kept = check::kept(node_id).await?;
    let db = &kept.state.db;
    let name = check_node_name(&name)?;
    let kinds = keeping_db::node_kinds(db, kept.org_id()).await?;
    let kind = check_node_kind(&kind, &kinds)?;
    let code = check_node_code(&code)?;
    refuse_taken_code(&kept, code.as_deref(), node_id).await?;
    if !keeping_db::edit_node(db, node_id, &name, &kind, code.as_deref()).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Refuses a code another node of the organisation already carries, beside the code field.
#[cfg(feature = "ssr")]
async fn refuse_taken_code(
    kept: &check::Kept,
    code: Option<&str>,
    except: i64,
) -> Result<(), AppError> {
    if let Some(code) = code {
        if super::keeping_db::code_taken(&kept.state.db, kept.org_id(), code, except).await? {
            return Err(crate::domain::form_input::problem(
                "code",
                "En annan del av organisationen har redan den koden.",
            )
            .into());
        }
    }
    Ok(())
}

/// Moves a node under another node of the same organisation, named by its code or its name.
/// Its plans, minutes, checklists and actions move with it.
#[server(prefix = "/api", endpoint = "organisation/flytta")]
pub async fn move_node(node_id: i64, place: String) -> Result<(), AppError> {
    use super::keeping_db;
    use crate::domain::{can_keep_node, check_move, form_input::problem};

    let kept = check::kept(node_id).await?;
    let db = &kept.state.db;
    let text = place.trim();
    if text.is_empty() {
        return Err(problem("place", "Skriv koden eller namnet på den nya platsen.").into());
    }
    let found = keeping_db::find_place(db, kept.org_id(), text).await?;
    let target = match found.as_slice() {
        [] => {
            return Err(problem(
                "place",
                "Ingen del av organisationen har den koden eller det namnet.",
            )
            .into())
        }
        [one] => one.id,
        _ => return Err(problem("place", "Flera delar heter så. Skriv koden i stället.").into()),
    };
    let target_ancestry: Vec<i64> = keeping_db::node_and_ancestry(db, target)
        .await?
        .iter()
        .map(|n| n.id)
        .collect();
    check_move(&kept.ids(), &target_ancestry).map_err(|p| problem("place", p.message()))?;
    if found.first().is_some_and(|n| n.closed_at.is_some()) {
        return Err(problem("place", "Den delen är stängd. Välj en öppen plats.").into());
    }
    if !can_keep_node(&kept.viewer.memberships, &target_ancestry) {
        return Err(problem(
            "place",
            "Du kan bara flytta till en del som du själv förvaltar.",
        )
        .into());
    }
    if kept.node().parent_id == Some(target) {
        return Ok(());
    }
    keeping_db::move_node(db, node_id, target).await?;
    Ok(())
}

/// Closes a node (its records stay readable and follow the culling rules) or opens it again.
#[server(prefix = "/api", endpoint = "organisation/stang")]
pub async fn close_node(node_id: i64, close: bool) -> Result<(), AppError> {
    use super::keeping_db;
    use crate::domain::form_input::problem;

    let kept = check::kept(node_id).await?;
    let db = &kept.state.db;
    if close {
        if kept.node().parent_id.is_none() {
            return Err(problem("close", "Organisationens översta nivå kan inte stängas.").into());
        }
        if keeping_db::open_children(db, node_id).await? > 0 {
            return Err(problem(
                "close",
                "Stäng eller flytta först de delar som ligger under.",
            )
            .into());
        }
        keeping_db::set_closed(db, node_id, Some(kept.state.clock.now())).await?;
    } else {
        keeping_db::set_closed(db, node_id, None).await?;
    }
    Ok(())
}
