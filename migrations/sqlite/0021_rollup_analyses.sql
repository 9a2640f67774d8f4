-- A node's own analysis of a checklist rolled up over it, for the work environment report, under
-- the three headings of seed 002 (Förbättringsområden, Framgångsfaktorer, Föregående års
-- aktiviteter från årlig uppföljning – analys av utfall): one per node, checklist and year.
CREATE TABLE rollup_analyses (
    node_id         INTEGER NOT NULL REFERENCES org_nodes(id),
    kind            TEXT NOT NULL,
    year            INTEGER NOT NULL,
    improvements    TEXT NOT NULL DEFAULT '',
    success_factors TEXT NOT NULL DEFAULT '',
    previous_year   TEXT NOT NULL DEFAULT '',
    updated_by      INTEGER REFERENCES people(id) ON DELETE SET NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (node_id, kind, year)
);
