-- Follow-up checklists (the annual SAM follow-up, Aktiva åtgärder, work environment rounds) and
-- the action plan's remaining fields (seed 002, "Åtgärder från checklistor").

-- A checklist template of an organisation for a year. A version a unit has opened is never
-- changed: an edit inserts the next version (supersedes_id) and retires this one.
CREATE TABLE checklist_templates (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES org_nodes(id),
    year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    kind          TEXT NOT NULL CHECK (kind IN ('sam_annual', 'active_measures', 'round_physical',
                                                'round_social', 'round_threats')),
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    version       INTEGER NOT NULL DEFAULT 1,
    supersedes_id INTEGER REFERENCES checklist_templates(id),
    retired       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX checklist_templates_org ON checklist_templates(org_id, year, retired);

-- A question of a template, under its area. origin_id ties a question to the one it was copied
-- from in an earlier version, so a roll-up lines answers up across versions.
CREATE TABLE checklist_questions (
    id          INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES checklist_templates(id) ON DELETE CASCADE,
    origin_id   INTEGER REFERENCES checklist_questions(id),
    area        TEXT NOT NULL CHECK (length(trim(area)) > 0),
    sort_order  INTEGER NOT NULL,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    help        TEXT NOT NULL DEFAULT '',
    scale       TEXT NOT NULL CHECK (scale IN ('agreement', 'yes_no'))
);
CREATE INDEX checklist_questions_template ON checklist_questions(template_id, sort_order);

-- A unit's checklist for a period (a year), filled in by the chef with the safety representative.
CREATE TABLE unit_checklists (
    id                 INTEGER PRIMARY KEY,
    unit_id            INTEGER NOT NULL REFERENCES org_nodes(id),
    template_id        INTEGER NOT NULL REFERENCES checklist_templates(id),
    year               INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    other_participants TEXT NOT NULL DEFAULT '',
    done_at            TEXT,
    done_by            INTEGER REFERENCES people(id) ON DELETE SET NULL,
    version            INTEGER NOT NULL DEFAULT 1,
    created_by         INTEGER REFERENCES people(id) ON DELETE SET NULL,
    created_at         TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (unit_id, template_id, year)
);
CREATE INDEX unit_checklists_template ON unit_checklists(template_id, year);

CREATE TABLE checklist_participants (
    checklist_id INTEGER NOT NULL REFERENCES unit_checklists(id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (checklist_id, person_id)
);

-- One answer. An answer that asks for an action either has one (actions.question_id) or a
-- reason why not (no_action_reason).
CREATE TABLE checklist_answers (
    checklist_id     INTEGER NOT NULL REFERENCES unit_checklists(id) ON DELETE CASCADE,
    question_id      INTEGER NOT NULL REFERENCES checklist_questions(id),
    answer           TEXT NOT NULL CHECK (answer IN ('fully_agree', 'partly_agree', 'disagree',
                                      'dont_know', 'not_relevant', 'yes', 'partly', 'no')),
    analysis         TEXT NOT NULL DEFAULT '',
    no_action_reason TEXT,
    answered_by      INTEGER REFERENCES people(id) ON DELETE SET NULL,
    answered_at      TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (checklist_id, question_id)
);
CREATE INDEX checklist_answers_question ON checklist_answers(question_id);

-- The action plan's fields from the seed: where an action comes from (Koppling till), the answer
-- that caused it (Resultat), start date (due_date is the end date), comment, and the effect check.
ALTER TABLE actions ADD COLUMN source TEXT NOT NULL DEFAULT 'meeting'
    CHECK (source IN ('meeting', 'checklist', 'round', 'risk_assessment', 'employee_survey',
                      'incident', 'other'));
ALTER TABLE actions ADD COLUMN checklist_id INTEGER REFERENCES unit_checklists(id) ON DELETE SET NULL;
ALTER TABLE actions ADD COLUMN question_id INTEGER REFERENCES checklist_questions(id);
ALTER TABLE actions ADD COLUMN source_note TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN answer TEXT;
ALTER TABLE actions ADD COLUMN start_date TEXT;
ALTER TABLE actions ADD COLUMN comment TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN effect TEXT CHECK (effect IN ('yes', 'partly', 'no'));
ALTER TABLE actions ADD COLUMN effect_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actions ADD COLUMN closed_at TEXT;
ALTER TABLE actions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX actions_checklist ON actions(checklist_id, question_id);
CREATE INDEX actions_responsible ON actions(responsible_id, status);

-- An agenda item that brings an action back to an APT for feedback (återkoppling); the meeting
-- links to the action and the action to the meeting.
ALTER TABLE agenda_items ADD COLUMN action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL;
CREATE INDEX agenda_items_action ON agenda_items(action_id);

-- Reminders to an action's responsible person (a week before, the day before, overdue), each
-- sent once; the message goes through the outbox like a notice.
CREATE TABLE action_reminders (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('week_before', 'day_before', 'overdue')),
    sent_on   TEXT NOT NULL,
    PRIMARY KEY (action_id, kind)
);
ALTER TABLE outbox ADD COLUMN action_id INTEGER REFERENCES actions(id) ON DELETE CASCADE;

-- One current (not retired) template per organisation, year and kind.
CREATE UNIQUE INDEX checklist_templates_current ON checklist_templates(org_id, year, kind)
    WHERE NOT retired;
