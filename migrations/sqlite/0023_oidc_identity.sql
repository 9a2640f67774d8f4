-- The identity the organisation's provider gives a person (its issuer and the `sub` claim) is
-- kept at their first sign-in through it and matched first afterwards: an e-mail address can be
-- reused or renamed at the provider, the subject cannot. One identity belongs to one person.
ALTER TABLE people ADD COLUMN oidc_issuer TEXT;
ALTER TABLE people ADD COLUMN oidc_subject TEXT;
CREATE UNIQUE INDEX people_oidc_identity ON people (oidc_issuer, oidc_subject);
