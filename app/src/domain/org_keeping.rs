//! The rules of keeping an organisation's tree and people: who may change a part of the tree
//! and give roles in it, what a node's name and an e-mail address may be, and where a node may
//! be moved. Plain data in, a decision or a Swedish sentence out.

use super::access::{Membership, Role};
use super::form_input::{problem, FieldProblem};
use super::org_tree::OrgTree;

/// The longest name a node may have (a förvaltning's full name fits with room to spare).
pub const MAX_NODE_NAME: usize = 120;

/// Whether the person keeps the node: adds nodes below it, renames, moves or closes it, and
/// adds people and gives roles in it. HR held at the node or above it; at a root that is the
/// organisation's administrator. `ancestry` is the node's id followed by its parents.
pub fn can_keep_node(memberships: &[Membership], ancestry: &[i64]) -> bool {
    memberships
        .iter()
        .any(|m| m.role == Role::Hr && ancestry.contains(&m.node_id))
}

/// Whether the person may give (or take away) a role at the node to someone: they keep the
/// node, and the someone is not themselves, so nobody widens their own rights.
pub fn can_grant_role(
    memberships: &[Membership],
    granter_id: i64,
    person_id: i64,
    ancestry: &[i64],
) -> bool {
    granter_id != person_id && can_keep_node(memberships, ancestry)
}

/// Why a node cannot go where it was asked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveProblem {
    /// An organisation's root has no place above it.
    Root,
    /// The new place is the node itself or lies below it.
    IntoItself,
    /// The new place is in another organisation.
    OtherOrganisation,
}

impl MoveProblem {
    /// What the form says beside the chosen place.
    pub fn message(self) -> &'static str {
        match self {
            MoveProblem::Root => "Organisationens översta nivå kan inte flyttas.",
            MoveProblem::IntoItself => {
                "En del kan inte flyttas till sig själv eller till en del under sig."
            }
            MoveProblem::OtherOrganisation => "Välj en plats i samma organisation.",
        }
    }
}

/// Checks that `node` may be moved under `new_parent`: not a root, not into itself or a node
/// below it, not into another organisation.
pub fn check_move(tree: &OrgTree, node: i64, new_parent: i64) -> Result<(), MoveProblem> {
    let ancestry = tree.ancestry(node);
    if ancestry.len() <= 1 {
        return Err(MoveProblem::Root);
    }
    if tree.ancestry(new_parent).contains(&node) {
        return Err(MoveProblem::IntoItself);
    }
    if tree.root_of(new_parent) != tree.root_of(node) {
        return Err(MoveProblem::OtherOrganisation);
    }
    Ok(())
}

/// A node's name, trimmed: between 1 and [`MAX_NODE_NAME`] characters.
pub fn check_node_name(text: &str) -> Result<String, FieldProblem> {
    let name = text.trim();
    if name.is_empty() {
        return Err(problem("name", "Skriv ett namn."));
    }
    if name.chars().count() > MAX_NODE_NAME {
        return Err(problem(
            "name",
            format!("Namnet får vara högst {MAX_NODE_NAME} tecken."),
        ));
    }
    Ok(name.to_string())
}

/// An e-mail address as people are known by: trimmed and in lower case, one `@` with something
/// on each side and a dot in the domain. Anything finer is the mail server's to judge.
pub fn check_email(text: &str) -> Result<String, FieldProblem> {
    let email = text.trim().to_lowercase();
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(email)
    } else {
        Err(problem(
            "email",
            "Skriv en e-postadress, till exempel namn@kommun.se.",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org_tree::TreeNode;

    const ROOT: i64 = 1;
    const DEPT: i64 = 2;
    const UNIT: i64 = 3;
    const OTHER_DEPT: i64 = 4;
    const OTHER_ROOT: i64 = 9;

    fn tree() -> OrgTree {
        let n = |id, parent_id| TreeNode { id, parent_id };
        OrgTree::new([
            n(ROOT, None),
            n(DEPT, Some(ROOT)),
            n(UNIT, Some(DEPT)),
            n(OTHER_DEPT, Some(ROOT)),
            n(OTHER_ROOT, None),
        ])
    }

    fn m(node_id: i64, role: Role) -> Membership {
        Membership { node_id, role }
    }

    #[test]
    fn hr_at_or_above_a_node_keeps_it_and_nobody_else_does() {
        let unit = [UNIT, DEPT, ROOT];
        assert!(can_keep_node(&[m(DEPT, Role::Hr)], &unit));
        assert!(can_keep_node(&[m(ROOT, Role::Hr)], &unit));
        assert!(!can_keep_node(&[m(OTHER_DEPT, Role::Hr)], &unit));
        assert!(!can_keep_node(&[m(UNIT, Role::Chef)], &unit));
        assert!(
            !can_keep_node(&[m(DEPT, Role::Hr)], &[ROOT]),
            "not above its own node"
        );
    }

    #[test]
    fn nobody_gives_themselves_a_role() {
        let hr = [m(ROOT, Role::Hr)];
        assert!(can_grant_role(&hr, 7, 8, &[UNIT, DEPT, ROOT]));
        assert!(!can_grant_role(&hr, 7, 7, &[UNIT, DEPT, ROOT]));
        assert!(!can_grant_role(
            &[m(UNIT, Role::Chef)],
            7,
            8,
            &[UNIT, DEPT, ROOT]
        ));
    }

    #[test]
    fn a_node_moves_within_its_organisation_but_never_under_itself() {
        let t = tree();
        assert_eq!(check_move(&t, UNIT, OTHER_DEPT), Ok(()));
        assert_eq!(check_move(&t, UNIT, ROOT), Ok(()));
        assert_eq!(check_move(&t, DEPT, UNIT), Err(MoveProblem::IntoItself));
        assert_eq!(check_move(&t, DEPT, DEPT), Err(MoveProblem::IntoItself));
        assert_eq!(check_move(&t, ROOT, DEPT), Err(MoveProblem::Root));
        assert_eq!(
            check_move(&t, UNIT, OTHER_ROOT),
            Err(MoveProblem::OtherOrganisation)
        );
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(check_node_name("  Stab  ").unwrap(), "Stab");
        assert_eq!(check_node_name(" ").unwrap_err().field, "name");
        assert!(check_node_name(&"å".repeat(MAX_NODE_NAME)).is_ok());
        assert!(check_node_name(&"å".repeat(MAX_NODE_NAME + 1)).is_err());
    }

    #[test]
    fn e_mail_addresses_are_lower_cased_and_roughly_checked() {
        assert_eq!(
            check_email(" Anna.Berg@Kommun.SE ").unwrap(),
            "anna.berg@kommun.se"
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@kommun.se",
            "anna@kommun",
            "a b@kommun.se",
            "a@b@c.se",
            "a@.se",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }
}
