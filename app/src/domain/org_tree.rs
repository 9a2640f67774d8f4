//! The organisation tree (kommun → förvaltning → avdelning → enhet, any depth) as plain data:
//! walking up for access checks and down for roll-ups, without a query per node.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// A node offered in a "part of the organisation" list (the roll-ups, the audit log): its name
/// indented by its depth below the highest node the viewer sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeChoice {
    /// Node id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// 0 for the highest the viewer sees, 1 below it, …
    pub depth: u32,
    /// Closed (its records stay readable): marked in the picker.
    #[serde(default)]
    pub closed: bool,
}

/// One node as the tree needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeNode {
    /// The node's id.
    pub id: i64,
    /// Its parent; `None` for an organisation's root.
    pub parent_id: Option<i64>,
}

/// An organisation tree loaded once, answering ancestry and descendant questions in memory.
#[derive(Clone, Debug, Default)]
pub struct OrgTree {
    parent: HashMap<i64, Option<i64>>,
    children: HashMap<i64, Vec<i64>>,
}

impl OrgTree {
    /// Builds the tree from its nodes in any order.
    pub fn new(nodes: impl IntoIterator<Item = TreeNode>) -> OrgTree {
        let mut tree = OrgTree::default();
        for node in nodes {
            tree.parent.insert(node.id, node.parent_id);
            if let Some(parent) = node.parent_id {
                tree.children.entry(parent).or_default().push(node.id);
            }
        }
        tree
    }

    /// True when the node exists.
    pub fn contains(&self, id: i64) -> bool {
        self.parent.contains_key(&id)
    }

    /// The node followed by its parents up to the root; empty for an unknown node.
    /// A cycle in bad data ends the walk instead of looping.
    pub fn ancestry(&self, id: i64) -> Vec<i64> {
        let mut chain = Vec::new();
        let mut current = self.parent.get(&id).map(|_| id);
        while let Some(node) = current {
            if chain.contains(&node) {
                break;
            }
            chain.push(node);
            current = self.parent.get(&node).copied().flatten();
        }
        chain
    }

    /// The root of the node's organisation.
    pub fn root_of(&self, id: i64) -> Option<i64> {
        self.ancestry(id).last().copied()
    }

    /// True when the node has no children: a unit that holds plans.
    pub fn is_leaf(&self, id: i64) -> bool {
        self.contains(id) && self.children.get(&id).is_none_or(Vec::is_empty)
    }

    /// The node's children, in no particular order (empty for a leaf or an unknown node).
    pub fn children(&self, id: i64) -> &[i64] {
        self.children.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The leaves (units) at or below `id`, ascending: walked down from the node, so a roll-up
    /// over one department never looks at the rest of a city. A cycle in bad data is walked once.
    pub fn leaves_under(&self, id: i64) -> Vec<i64> {
        let mut leaves = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            if !self.contains(node) || !seen.insert(node) {
                continue;
            }
            match self.children.get(&node) {
                Some(kids) if !kids.is_empty() => stack.extend(kids),
                _ => leaves.push(node),
            }
        }
        leaves.sort_unstable();
        leaves
    }

    /// The child of `top` that `id` lies under (`id` itself when it is a child of `top`), or
    /// `None` when `id` is `top` or not below it: which part of a roll-up a unit counts in.
    pub fn branch_of(&self, id: i64, top: i64) -> Option<i64> {
        let ancestry = self.ancestry(id);
        let at = ancestry.iter().position(|&n| n == top)?;
        at.checked_sub(1).map(|i| ancestry[i])
    }

    /// Every leaf (unit) of the whole tree.
    pub fn leaves(&self) -> Vec<i64> {
        let mut leaves: Vec<i64> = self
            .parent
            .keys()
            .copied()
            .filter(|&id| self.is_leaf(id))
            .collect();
        leaves.sort_unstable();
        leaves
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> OrgTree {
        // 1 kommun → 2 förvaltning → 3, 4 avdelningar → 5, 6 (under 3) and 7 (under 4)
        OrgTree::new([
            TreeNode {
                id: 5,
                parent_id: Some(3),
            },
            TreeNode {
                id: 1,
                parent_id: None,
            },
            TreeNode {
                id: 2,
                parent_id: Some(1),
            },
            TreeNode {
                id: 3,
                parent_id: Some(2),
            },
            TreeNode {
                id: 4,
                parent_id: Some(2),
            },
            TreeNode {
                id: 6,
                parent_id: Some(3),
            },
            TreeNode {
                id: 7,
                parent_id: Some(4),
            },
        ])
    }

    #[test]
    fn ancestry_walks_from_the_unit_to_the_root() {
        assert_eq!(tree().ancestry(5), vec![5, 3, 2, 1]);
        assert_eq!(tree().ancestry(1), vec![1]);
        assert_eq!(tree().root_of(7), Some(1));
    }

    #[test]
    fn an_unknown_node_has_no_ancestry() {
        assert!(tree().ancestry(99).is_empty());
        assert!(!tree().is_leaf(99));
    }

    #[test]
    fn leaves_are_the_units() {
        assert_eq!(tree().leaves(), vec![5, 6, 7]);
    }

    #[test]
    fn leaves_under_a_node_are_its_units_only() {
        assert_eq!(tree().leaves_under(3), vec![5, 6]);
        assert_eq!(tree().leaves_under(1), vec![5, 6, 7]);
        assert_eq!(tree().leaves_under(7), vec![7]);
        assert!(tree().leaves_under(99).is_empty());
    }

    #[test]
    fn a_unit_counts_in_the_branch_of_the_child_it_lies_under() {
        let t = tree();
        assert_eq!(t.branch_of(5, 2), Some(3));
        assert_eq!(t.branch_of(7, 2), Some(4));
        assert_eq!(t.branch_of(3, 2), Some(3));
        assert_eq!(t.branch_of(2, 2), None);
        assert_eq!(t.branch_of(7, 3), None);
        let mut kids = t.children(3).to_vec();
        kids.sort_unstable();
        assert_eq!(kids, vec![5, 6]);
        assert!(t.children(5).is_empty());
    }

    #[test]
    fn a_cycle_in_bad_data_ends_the_walk() {
        let cyclic = OrgTree::new([
            TreeNode {
                id: 1,
                parent_id: Some(2),
            },
            TreeNode {
                id: 2,
                parent_id: Some(1),
            },
        ]);
        assert_eq!(cyclic.ancestry(1), vec![1, 2]);
    }
}
