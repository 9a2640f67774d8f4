-- A real organisation keeps its own tree and people (issue 21): units carry the HR system's code
-- and may be closed (their records stay readable); every node knows its organisation; node kinds
-- and what their chef is called are the organisation's; people carry the HR system's employee
-- id and their organisation; roles add huvudskyddsombud and facklig företrädare (with the union's
-- name) and say whether the HR import gave them; invitations and password resets are one-time
-- links; the organisation says which e-mail domains are its own.
ALTER TABLE org_nodes ADD COLUMN code TEXT;
ALTER TABLE org_nodes ADD COLUMN closed_at TEXT;
ALTER TABLE org_nodes ADD COLUMN org_id INTEGER REFERENCES org_nodes(id);
WITH RECURSIVE up(id, root) AS (
    SELECT id, id FROM org_nodes WHERE parent_id IS NULL
    UNION ALL
    SELECT n.id, up.root FROM org_nodes n JOIN up ON n.parent_id = up.id
)
UPDATE org_nodes SET org_id = (SELECT root FROM up WHERE up.id = org_nodes.id);
CREATE INDEX org_nodes_org ON org_nodes(org_id);
CREATE UNIQUE INDEX org_nodes_code ON org_nodes(org_id, code) WHERE code IS NOT NULL;

CREATE TABLE node_kinds (
    org_id     INTEGER NOT NULL REFERENCES org_nodes(id),
    code       TEXT NOT NULL CHECK (length(trim(code)) > 0),
    label      TEXT NOT NULL CHECK (length(trim(label)) > 0),
    chef_label TEXT NOT NULL DEFAULT 'Chef',
    position   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, code)
);
INSERT INTO node_kinds (org_id, code, label, chef_label, position)
    SELECT r.id, k.column1, k.column2, k.column3, k.column4
    FROM org_nodes r CROSS JOIN (VALUES
        ('kommun', 'Kommun', 'Kommundirektör', 1),
        ('nämnd', 'Nämnd', 'Ordförande', 2),
        ('förvaltning', 'Förvaltning', 'Förvaltningschef', 3),
        ('avdelning', 'Avdelning', 'Avdelningschef', 4),
        ('enhet', 'Enhet', 'Chef', 5),
        ('stab', 'Stab', 'Stabschef', 6),
        ('skola', 'Skola', 'Rektor', 7),
        ('förskola', 'Förskola', 'Rektor', 8)) AS k
    WHERE r.parent_id IS NULL;

ALTER TABLE people ADD COLUMN employee_id TEXT;
ALTER TABLE people ADD COLUMN org_id INTEGER REFERENCES org_nodes(id);
UPDATE people SET org_id = (
    SELECT n.org_id FROM memberships m JOIN org_nodes n ON n.id = m.node_id
    WHERE m.person_id = people.id ORDER BY m.id LIMIT 1
);
CREATE INDEX people_org ON people(org_id, name);
CREATE UNIQUE INDEX people_employee ON people(org_id, employee_id) WHERE employee_id IS NOT NULL;

CREATE TABLE memberships_new (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    node_id    INTEGER NOT NULL REFERENCES org_nodes(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('chef', 'bitradande_chef', 'skyddsombud',
                   'huvudskyddsombud', 'medarbetare', 'hr', 'facklig_foretradare')),
    union_name TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
    UNIQUE (person_id, node_id, role)
);
INSERT INTO memberships_new (id, person_id, node_id, role)
    SELECT id, person_id, node_id, role FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX memberships_node ON memberships(node_id);

CREATE TABLE account_links (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX account_links_person ON account_links(person_id, purpose);

ALTER TABLE organisation_settings ADD COLUMN email_domains TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation_settings ADD COLUMN open_sign_up BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE organisation_settings ADD COLUMN whom_to_ask TEXT NOT NULL DEFAULT '';

-- An uploaded HR export waits here, read into rows, between its preview and its applying.
CREATE TABLE org_imports (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES org_nodes(id),
    uploaded_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    file_name   TEXT NOT NULL,
    rows_json   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    applied_at  TEXT
);
CREATE INDEX org_imports_org ON org_imports(org_id, id);
