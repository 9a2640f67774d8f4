//! Who may do what with a unit: the single table of role rights.
//!
//! A person holds memberships (a role in a node of the organisation tree). Their access to a unit
//! follows from the memberships on the unit itself and on the nodes above it.

use serde::{Deserialize, Serialize};

/// A role a person holds in one node of the organisation tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Manager: owns the unit's plan.
    Chef,
    /// Deputy manager: may lead APTs and edit the plan like the manager.
    BitradandeChef,
    /// Safety representative: reads the unit (and what lies below) and takes part in follow-ups.
    Skyddsombud,
    /// Chief safety representative (huvudskyddsombud): a safety representative over a whole
    /// subtree, who coordinates the others; takes part in the follow-ups and reads the roll-ups
    /// below the node like a safety representative.
    Huvudskyddsombud,
    /// Employee: reads their own unit.
    Medarbetare,
    /// HR/administrator: sees and manages everything below its node.
    Hr,
    /// Union representative (facklig företrädare, with the union's name on the membership):
    /// reads the node where the role is held, and sits in its cooperation group.
    FackligForetradare,
}

impl Role {
    /// Every role, in the order the product lists them.
    pub const ALL: [Role; 7] = [
        Role::Chef,
        Role::BitradandeChef,
        Role::Skyddsombud,
        Role::Huvudskyddsombud,
        Role::Medarbetare,
        Role::Hr,
        Role::FackligForetradare,
    ];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Role::Chef => "chef",
            Role::BitradandeChef => "bitradande_chef",
            Role::Skyddsombud => "skyddsombud",
            Role::Huvudskyddsombud => "huvudskyddsombud",
            Role::Medarbetare => "medarbetare",
            Role::Hr => "hr",
            Role::FackligForetradare => "facklig_foretradare",
        }
    }

    /// Parses a stored code; unknown codes are refused rather than guessed.
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// A safety representative of either kind, which every rule asking for one accepts.
    pub fn is_safety_representative(self) -> bool {
        matches!(self, Role::Skyddsombud | Role::Huvudskyddsombud)
    }
}

/// One role in one node, as the access rules need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// The node the role is held in.
    pub node_id: i64,
    /// The role held there.
    pub role: Role,
}

/// What a person may do with a unit, from least to most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Access {
    /// May not see the unit at all.
    None,
    /// May read the unit's plan, agendas and published minutes.
    Read,
    /// May change the unit's plan and meetings.
    Edit,
    /// May also manage people, templates and settings (HR).
    Manage,
}

impl Access {
    /// True when the unit may be shown.
    pub fn can_read(self) -> bool {
        self >= Access::Read
    }

    /// True when the unit's plan may be changed.
    pub fn can_edit(self) -> bool {
        self >= Access::Edit
    }
}

/// The access one membership gives, depending on whether it is held in the unit itself or above it.
fn grant(role: Role, in_unit_itself: bool) -> Access {
    match (role, in_unit_itself) {
        (Role::Hr, _) => Access::Manage,
        (Role::Chef | Role::BitradandeChef, true) => Access::Edit,
        (Role::Chef | Role::BitradandeChef, false) => Access::Read,
        (Role::Skyddsombud | Role::Huvudskyddsombud, _) => Access::Read,
        (Role::Medarbetare | Role::FackligForetradare, true) => Access::Read,
        (Role::Medarbetare | Role::FackligForetradare, false) => Access::None,
    }
}

/// A person's access to a unit.
///
/// `ancestry` is the unit's id followed by its parents up to the root. The strongest grant wins.
pub fn access_to_unit(memberships: &[Membership], ancestry: &[i64]) -> Access {
    let Some((&unit, above)) = ancestry.split_first() else {
        return Access::None;
    };
    memberships
        .iter()
        .filter_map(|m| {
            if m.node_id == unit {
                Some(grant(m.role, true))
            } else if above.contains(&m.node_id) {
                Some(grant(m.role, false))
            } else {
                None
            }
        })
        .max()
        .unwrap_or(Access::None)
}

/// Whether the person keeps the organisation's template (topics, recurring points, rule
/// parameters): HR at the organisation's root.
pub fn can_manage_template(memberships: &[Membership], org_id: i64) -> bool {
    access_to_unit(memberships, &[org_id]) == Access::Manage
}

/// Whether the person may push a topic from a node to every unit below it: HR at the node or above
/// it, or the node's own chef (a förvaltning's or avdelning's manager). `ancestry` is the node's
/// id followed by its parents; the caller makes sure the node has units below it.
pub fn can_push_from(memberships: &[Membership], ancestry: &[i64]) -> bool {
    access_to_unit(memberships, ancestry) >= Access::Edit
}

/// Whether the person may answer a unit's follow-up checklists: whoever may edit the unit (its
/// chef, HR) and a safety representative for the unit (held in the unit or above it, as one
/// representative often covers several units), who fills them in with the chef.
pub fn can_fill_checklist(memberships: &[Membership], ancestry: &[i64]) -> bool {
    access_to_unit(memberships, ancestry) >= Access::Edit
        || memberships
            .iter()
            .any(|m| m.role.is_safety_representative() && ancestry.contains(&m.node_id))
}

/// Whether the person votes in the unit's anonymous workload check: the unit's own people (any
/// role held in the unit itself), never someone who reads it from above (HR, a safety
/// representative of the avdelning), whose votes would blur the unit's picture.
pub fn can_vote_in(memberships: &[Membership], unit_id: i64) -> bool {
    memberships.iter().any(|m| m.node_id == unit_id)
}

/// Whether the person sees the roll-up of a node (every unit's answers and actions below it): HR,
/// a manager or a safety representative held at the node or above it (the cooperation group's
/// members). `ancestry` is the node's id followed by its parents.
pub fn can_see_rollup(memberships: &[Membership], ancestry: &[i64]) -> bool {
    memberships.iter().any(|m| {
        ancestry.contains(&m.node_id)
            && matches!(
                m.role,
                Role::Hr
                    | Role::Chef
                    | Role::BitradandeChef
                    | Role::Skyddsombud
                    | Role::Huvudskyddsombud
            )
    })
}

/// Whether the person may disable or re-enable an account: HR at or above every node where the
/// account holds a role, so HR of one part of the tree cannot lock someone out of another part,
/// and nobody can disable themselves. `account_ancestries` are the ancestries of the account's
/// role nodes; an account without roles is the root's HR's to manage (pass the root's ancestry).
pub fn can_manage_account(
    memberships: &[Membership],
    own_account: bool,
    account_ancestries: &[Vec<i64>],
) -> bool {
    !own_account
        && !account_ancestries.is_empty()
        && account_ancestries.iter().all(|ancestry| {
            memberships
                .iter()
                .any(|m| m.role == Role::Hr && ancestry.contains(&m.node_id))
        })
}

/// Whether the person reads the audit trail of a node (and everything below it): HR at the node
/// or above it. Entries that belong to no node (an organisation-wide change, a refused request
/// before any unit was named) are read by HR at a root.
pub fn can_read_audit(memberships: &[Membership], ancestry: &[i64]) -> bool {
    memberships
        .iter()
        .any(|m| m.role == Role::Hr && ancestry.contains(&m.node_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hr_at_or_above_reads_the_audit_trail() {
        let hr_dept = [Membership {
            node_id: DEPT,
            role: Role::Hr,
        }];
        assert!(can_read_audit(&hr_dept, &ANCESTRY));
        assert!(can_read_audit(&hr_dept, &[DEPT, ROOT]));
        assert!(!can_read_audit(&hr_dept, &[ROOT]));
        let chef_root = [Membership {
            node_id: ROOT,
            role: Role::Chef,
        }];
        assert!(!can_read_audit(&chef_root, &ANCESTRY));
    }

    const ROOT: i64 = 1;
    const DEPT: i64 = 2;
    const UNIT: i64 = 3;
    const OTHER_UNIT: i64 = 4;
    const ANCESTRY: [i64; 3] = [UNIT, DEPT, ROOT];

    fn access(role: Role, node_id: i64) -> Access {
        access_to_unit(&[Membership { node_id, role }], &ANCESTRY)
    }

    #[test]
    fn the_role_table_holds_for_every_role_and_place() {
        use Access::*;
        // role, held in the unit, held above it, held in another unit
        let table = [
            (Role::Chef, Edit, Read, None),
            (Role::BitradandeChef, Edit, Read, None),
            (Role::Skyddsombud, Read, Read, None),
            (Role::Huvudskyddsombud, Read, Read, None),
            (Role::Medarbetare, Read, None, None),
            (Role::Hr, Manage, Manage, None),
            (Role::FackligForetradare, Read, None, None),
        ];
        assert_eq!(table.len(), Role::ALL.len(), "every role is in the table");
        for (role, own, above, other) in table {
            assert_eq!(access(role, UNIT), own, "{role:?} in own unit");
            assert_eq!(access(role, DEPT), above, "{role:?} above the unit");
            assert_eq!(access(role, ROOT), above, "{role:?} at the root");
            assert_eq!(access(role, OTHER_UNIT), other, "{role:?} in another unit");
        }
    }

    #[test]
    fn the_strongest_membership_wins() {
        let memberships = [
            Membership {
                node_id: UNIT,
                role: Role::Medarbetare,
            },
            Membership {
                node_id: UNIT,
                role: Role::BitradandeChef,
            },
        ];
        assert_eq!(access_to_unit(&memberships, &ANCESTRY), Access::Edit);
    }

    #[test]
    fn nobody_reads_a_unit_without_a_role_in_it() {
        assert_eq!(access_to_unit(&[], &ANCESTRY), Access::None);
        assert!(!Access::None.can_read());
        assert!(Access::Read.can_read() && !Access::Read.can_edit());
        assert!(Access::Edit.can_edit() && Access::Manage.can_edit());
    }

    #[test]
    fn an_empty_ancestry_grants_nothing() {
        let hr = [Membership {
            node_id: ROOT,
            role: Role::Hr,
        }];
        assert_eq!(access_to_unit(&hr, &[]), Access::None);
    }

    #[test]
    fn only_hr_at_the_root_keeps_the_template() {
        let one = |role, node_id| [Membership { node_id, role }];
        assert!(can_manage_template(&one(Role::Hr, ROOT), ROOT));
        assert!(!can_manage_template(&one(Role::Hr, DEPT), ROOT));
        assert!(!can_manage_template(&one(Role::Chef, ROOT), ROOT));
    }

    #[test]
    fn a_topic_is_pushed_by_the_nodes_chef_or_hr_above_it() {
        let one = |role, node_id| [Membership { node_id, role }];
        let dept = [DEPT, ROOT];
        assert!(can_push_from(&one(Role::Chef, DEPT), &dept));
        assert!(can_push_from(&one(Role::Hr, ROOT), &dept));
        assert!(
            !can_push_from(&one(Role::Chef, ROOT), &dept),
            "a chef above reads only"
        );
        assert!(!can_push_from(&one(Role::Skyddsombud, DEPT), &dept));
        assert!(!can_push_from(&one(Role::Chef, UNIT), &dept));
    }

    #[test]
    fn role_codes_round_trip_and_unknown_codes_are_refused() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("admin"), None);
    }

    #[test]
    fn a_safety_representative_for_the_unit_fills_in_checklists_with_the_chef_but_no_employee_does()
    {
        let m = |node, role| Membership {
            node_id: node,
            role,
        };
        assert!(can_fill_checklist(&[m(UNIT, Role::Chef)], &ANCESTRY));
        assert!(can_fill_checklist(&[m(UNIT, Role::Skyddsombud)], &ANCESTRY));
        assert!(can_fill_checklist(&[m(ROOT, Role::Hr)], &ANCESTRY));
        assert!(!can_fill_checklist(
            &[m(UNIT, Role::Medarbetare)],
            &ANCESTRY
        ));
        assert!(can_fill_checklist(&[m(DEPT, Role::Skyddsombud)], &ANCESTRY));
        assert!(!can_fill_checklist(
            &[m(OTHER_UNIT, Role::Skyddsombud)],
            &ANCESTRY
        ));
        assert!(!can_fill_checklist(&[m(DEPT, Role::Chef)], &ANCESTRY));
        assert!(can_fill_checklist(
            &[m(DEPT, Role::Huvudskyddsombud)],
            &ANCESTRY
        ));
        assert!(!can_fill_checklist(
            &[m(UNIT, Role::FackligForetradare)],
            &ANCESTRY
        ));
    }

    #[test]
    fn managers_hr_and_safety_representatives_above_a_node_see_its_roll_up() {
        let m = |node, role| Membership {
            node_id: node,
            role,
        };
        let dept = [DEPT, ROOT];
        assert!(can_see_rollup(&[m(ROOT, Role::Hr)], &dept));
        assert!(can_see_rollup(&[m(DEPT, Role::Chef)], &dept));
        assert!(can_see_rollup(&[m(DEPT, Role::Skyddsombud)], &dept));
        assert!(can_see_rollup(&[m(ROOT, Role::Huvudskyddsombud)], &dept));
        assert!(!can_see_rollup(&[m(DEPT, Role::FackligForetradare)], &dept));
        assert!(!can_see_rollup(&[m(UNIT, Role::Chef)], &dept));
        assert!(!can_see_rollup(&[m(DEPT, Role::Medarbetare)], &dept));
    }

    #[test]
    fn hr_manages_accounts_wholly_within_its_part_of_the_tree() {
        let hr_dept = [Membership {
            node_id: DEPT,
            role: Role::Hr,
        }];
        let in_unit = vec![vec![UNIT, DEPT, ROOT]];
        assert!(can_manage_account(&hr_dept, false, &in_unit));
        assert!(!can_manage_account(&hr_dept, true, &in_unit), "not oneself");
        let also_elsewhere = vec![vec![UNIT, DEPT, ROOT], vec![9, ROOT]];
        assert!(!can_manage_account(&hr_dept, false, &also_elsewhere));
        let chef = [Membership {
            node_id: DEPT,
            role: Role::Chef,
        }];
        assert!(!can_manage_account(&chef, false, &in_unit));
        assert!(!can_manage_account(&hr_dept, false, &[]));
    }

    #[test]
    fn only_the_units_own_people_vote() {
        let m = |node_id, role| Membership { node_id, role };
        assert!(can_vote_in(&[m(UNIT, Role::Medarbetare)], UNIT));
        assert!(can_vote_in(&[m(UNIT, Role::Chef)], UNIT));
        assert!(!can_vote_in(&[m(DEPT, Role::Hr)], UNIT));
        assert!(!can_vote_in(&[m(DEPT, Role::Skyddsombud)], UNIT));
        assert!(!can_vote_in(&[m(OTHER_UNIT, Role::Medarbetare)], UNIT));
    }
}
