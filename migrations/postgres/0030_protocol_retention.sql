-- Retention covers the cooperation groups' protocols: a rule of the kind 'protocols'.
ALTER TABLE retention_rules DROP CONSTRAINT retention_rules_record_kind_check;
ALTER TABLE retention_rules ADD CONSTRAINT retention_rules_record_kind_check
    CHECK (record_kind IN ('minutes', 'agendas', 'checklists', 'action_plans', 'audit',
                           'protocols'));
