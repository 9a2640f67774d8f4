-- A number that changes whenever the organisation tree does: the server keeps the tree in memory
-- and reads only this row per request to know whether its copy is still the tree (every server
-- process sharing the database sees the same number).
CREATE TABLE org_tree_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO org_tree_version (id, version) VALUES (1, 1);

CREATE TRIGGER org_nodes_version_insert AFTER INSERT ON org_nodes
BEGIN
    UPDATE org_tree_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER org_nodes_version_update AFTER UPDATE ON org_nodes
BEGIN
    UPDATE org_tree_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER org_nodes_version_delete AFTER DELETE ON org_nodes
BEGIN
    UPDATE org_tree_version SET version = version + 1 WHERE id = 1;
END;
