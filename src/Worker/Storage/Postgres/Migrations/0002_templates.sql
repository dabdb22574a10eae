-- Version 2: template versions. The shipped files are version 1 of each template and language;
-- admin edits are later versions. template_live says which version recipients get.
CREATE TABLE template_versions (
    name         TEXT    NOT NULL,
    language     TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    source_hash  TEXT    NOT NULL,
    origin       TEXT    NOT NULL,                     -- file | admin
    author_id    BIGINT,                               -- null for shipped files
    note         TEXT,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (name, language, version)
);

CREATE TABLE template_live (
    name        TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    changed_by  BIGINT,
    changed_at  BIGINT  NOT NULL,
    PRIMARY KEY (name, language)
);
