//! The rules of keeping an organisation's tree and people: who may change a part of the tree
//! and give roles in it, what a node's name and an e-mail address may be, and where a node may
//! be moved. Plain data in, a decision or a Swedish sentence out.

use super::access::{Membership, Role};
use super::form_input::{problem, FieldProblem};

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

/// Checks that a node may be moved under a new parent: not a root, not into itself or a node
/// below it, not into another organisation. Each ancestry is the node's id followed by its
/// parents up to the root (as the ancestry query returns them), so no whole tree is needed.
pub fn check_move(node_ancestry: &[i64], new_parent_ancestry: &[i64]) -> Result<(), MoveProblem> {
    let Some(&node) = node_ancestry.first() else {
        return Err(MoveProblem::Root);
    };
    if node_ancestry.len() <= 1 {
        return Err(MoveProblem::Root);
    }
    if new_parent_ancestry.contains(&node) {
        return Err(MoveProblem::IntoItself);
    }
    if new_parent_ancestry.last() != node_ancestry.last() {
        return Err(MoveProblem::OtherOrganisation);
    }
    Ok(())
}

/// A node's name, trimmed: between 1 and [`MAX_NODE_NAME`] characters.
pub fn check_node_name(text: &str) -> Result<String, FieldProblem> {
    bounded_name(text, "Skriv ett namn.")
}

/// A name in the `name` field, trimmed, not empty (`empty` says so) and at most
/// [`MAX_NODE_NAME`] characters: the one rule for nodes' and people's names.
fn bounded_name(text: &str, empty: &str) -> Result<String, FieldProblem> {
    let name = text.trim();
    if name.is_empty() {
        return Err(problem("name", empty));
    }
    if name.chars().count() > MAX_NODE_NAME {
        return Err(problem(
            "name",
            format!("Namnet får vara högst {MAX_NODE_NAME} tecken."),
        ));
    }
    Ok(name.to_string())
}

/// An e-mail address as people are known by: in its normal form ([`super::normal_email`]), one
/// `@` with something on each side and a dot in the domain. Anything finer is the mail server's
/// to judge.
pub fn check_email(text: &str) -> Result<String, FieldProblem> {
    let email = super::normal_email(text);
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

/// The longest code a node may carry (the HR system's unit code).
pub const MAX_NODE_CODE: usize = 40;

/// The name `server create-admin` gives a new organisation when told none; the first-run page
/// asks for the real one until it is changed.
pub const DEFAULT_ORGANISATION_NAME: &str = "Organisationen";

/// A node's code from the HR system: optional, trimmed, at most [`MAX_NODE_CODE`] characters
/// and without spaces inside, so it can be typed and matched exactly.
pub fn check_node_code(text: &str) -> Result<Option<String>, FieldProblem> {
    let code = text.trim();
    if code.is_empty() {
        return Ok(None);
    }
    if code.chars().count() > MAX_NODE_CODE || code.chars().any(char::is_whitespace) {
        return Err(problem(
            "code",
            format!("Koden får vara högst {MAX_NODE_CODE} tecken, utan mellanslag."),
        ));
    }
    Ok(Some(code.to_string()))
}

/// A person's name: trimmed, not empty, at most [`MAX_NODE_NAME`] characters.
pub fn check_person_name(text: &str) -> Result<String, FieldProblem> {
    bounded_name(text, "Skriv personens namn.")
}

/// A person's job title: trimmed, `None` when empty, at most [`MAX_NODE_NAME`] characters.
pub fn check_person_title(text: &str) -> Result<Option<String>, FieldProblem> {
    let title = text.trim();
    if title.chars().count() > MAX_NODE_NAME {
        return Err(problem(
            "title",
            format!("Titeln är för lång (högst {MAX_NODE_NAME} tecken)."),
        ));
    }
    Ok((!title.is_empty()).then(|| title.to_string()))
}

/// The union's name that goes with a role: required for a union representative (the
/// cooperation group needs to know whom they speak for), never stored for another role.
pub fn check_union_name(role: Role, text: &str) -> Result<String, FieldProblem> {
    let name = text.trim();
    match role {
        Role::FackligForetradare if name.is_empty() => Err(problem(
            "union_name",
            "Skriv vilket fackförbund den fackliga företrädaren företräder.",
        )),
        Role::FackligForetradare if name.chars().count() > MAX_NODE_NAME => Err(problem(
            "union_name",
            format!("Namnet får vara högst {MAX_NODE_NAME} tecken."),
        )),
        Role::FackligForetradare => Ok(name.to_string()),
        _ => Ok(String::new()),
    }
}

/// A role chosen in a form: one of the product's roles.
pub fn check_role(text: &str) -> Result<Role, FieldProblem> {
    Role::from_code(text.trim()).ok_or_else(|| problem("role", "Välj en roll i listan."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org_tree::{OrgTree, TreeNode};

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
        let check = |node, to| check_move(&t.ancestry(node), &t.ancestry(to));
        assert_eq!(check(UNIT, OTHER_DEPT), Ok(()));
        assert_eq!(check(UNIT, ROOT), Ok(()));
        assert_eq!(check(DEPT, UNIT), Err(MoveProblem::IntoItself));
        assert_eq!(check(DEPT, DEPT), Err(MoveProblem::IntoItself));
        assert_eq!(check(ROOT, DEPT), Err(MoveProblem::Root));
        assert_eq!(check(UNIT, OTHER_ROOT), Err(MoveProblem::OtherOrganisation));
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

    #[test]
    fn codes_are_optional_but_exact() {
        assert_eq!(check_node_code("  ").unwrap(), None);
        assert_eq!(check_node_code(" 1042 ").unwrap().as_deref(), Some("1042"));
        assert_eq!(check_node_code("10 42").unwrap_err().field, "code");
        assert!(check_node_code(&"x".repeat(MAX_NODE_CODE + 1)).is_err());
    }

    #[test]
    fn a_union_representative_names_the_union_and_no_other_role_keeps_one() {
        assert_eq!(
            check_union_name(Role::FackligForetradare, " Vision ").unwrap(),
            "Vision"
        );
        assert_eq!(
            check_union_name(Role::FackligForetradare, "")
                .unwrap_err()
                .field,
            "union_name"
        );
        assert_eq!(check_union_name(Role::Chef, "Vision").unwrap(), "");
    }

    #[test]
    fn roles_come_from_their_list() {
        assert_eq!(check_role("huvudskyddsombud"), Ok(Role::Huvudskyddsombud));
        assert_eq!(check_role("kung").unwrap_err().field, "role");
        assert_eq!(check_person_name("  ").unwrap_err().field, "name");
    }

    #[test]
    fn a_title_is_optional_and_bounded() {
        assert_eq!(check_person_title("  "), Ok(None));
        assert_eq!(
            check_person_title(" Enhetschef "),
            Ok(Some("Enhetschef".into()))
        );
        let long = "x".repeat(MAX_NODE_NAME + 1);
        assert_eq!(check_person_title(&long).unwrap_err().field, "title");
    }
}
