-- A number that changes whenever the organisation tree does: the server keeps the tree in memory
-- and reads only this row per request to know whether its copy is still the tree (every server
-- process sharing the database sees the same number).
CREATE TABLE org_tree_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO org_tree_version (id, version) VALUES (1, 1);

CREATE FUNCTION org_tree_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE org_tree_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER org_nodes_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_nodes
    FOR EACH STATEMENT EXECUTE FUNCTION org_tree_version_bump();
