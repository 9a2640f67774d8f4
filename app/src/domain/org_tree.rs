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
