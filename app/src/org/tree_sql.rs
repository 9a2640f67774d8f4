//! The organisation tree in SQL, written once: the nodes below a node (its subtree) and the nodes
//! above it (its ancestry), as `WITH RECURSIVE` clauses a query starts with. Both walk the
//! `parent_id` index one level per step, so a query over a city's tree stays one statement.
//!
//! They are macros so a query can stay a `const` (`concat!`) and name its parameter: the CTE
//! starts from the id bound to that parameter, cast so PostgreSQL knows its type.

/// `WITH RECURSIVE subtree(id) AS (…)`: the node bound to `$param` and every node below it.
/// Use as `concat!(subtree_cte!("$1"), " SELECT … WHERE unit_id IN (SELECT id FROM subtree)")`.
#[macro_export]
macro_rules! subtree_cte {
    ($param:literal) => {
        concat!(
            "WITH RECURSIVE subtree(id) AS (SELECT CAST(",
            $param,
            " AS BIGINT) UNION ALL SELECT n.id FROM org_nodes n JOIN subtree s",
            " ON n.parent_id = s.id)"
        )
    };
}

/// `WITH RECURSIVE ancestry(id) AS (…)`: the node bound to `$param` and every node above it, up
/// to the organisation's root.
#[macro_export]
macro_rules! ancestry_cte {
    ($param:literal) => {
        concat!(
            "WITH RECURSIVE ancestry(id) AS (SELECT CAST(",
            $param,
            " AS BIGINT) UNION ALL SELECT n.parent_id FROM org_nodes n JOIN ancestry a",
            " ON n.id = a.id WHERE n.parent_id IS NOT NULL)"
        )
    };
}
