-- veille knowledge base, schema version 1. One SQLite file, WAL journal.
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE IF NOT EXISTS documents (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL UNIQUE,
  text               TEXT NOT NULL,
  hash               TEXT NOT NULL,
  lang               TEXT,
  published          TEXT,
  published_inferred TEXT,
  source             TEXT,
  title              TEXT,
  url                TEXT,
  chars              INTEGER NOT NULL,
  words              INTEGER NOT NULL DEFAULT 0,
  ingested_at        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(hash);

-- actors: curated ones (origin 'kb') and ones first met in a text (origin 'text', id from the normalised name)
CREATE TABLE IF NOT EXISTS entities (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  type    TEXT NOT NULL,
  name_fr TEXT,
  name_en TEXT,
  qid     TEXT,
  origin  TEXT NOT NULL DEFAULT 'kb'
);

-- every surface form seen for an entity, and why it was merged into it
CREATE TABLE IF NOT EXISTS aliases (
  entity TEXT NOT NULL REFERENCES entities(id),
  alias  TEXT NOT NULL,
  norm   TEXT NOT NULL,
  origin TEXT NOT NULL,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  count  INTEGER NOT NULL DEFAULT 1,
  detail TEXT,
  PRIMARY KEY (entity, norm, origin, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases(norm);

CREATE TABLE IF NOT EXISTS mentions (
  id     INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start  INTEGER NOT NULL,
  end    INTEGER NOT NULL,
  text   TEXT NOT NULL,
  entity TEXT NOT NULL REFERENCES entities(id),
  origin TEXT NOT NULL,
  label  TEXT
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id, start);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);

CREATE TABLE IF NOT EXISTS timexes (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start  INTEGER NOT NULL,
  end    INTEGER NOT NULL,
  text   TEXT NOT NULL,
  value  TEXT NOT NULL,  -- JSON: "1992" or {"from": "1999", "to": "2008"}
  mod    TEXT,
  PRIMARY KEY (doc_id, start)
) WITHOUT ROWID;

-- a fact as the knowledge base holds it: one row per distinct (subject, relation, object, dates) statement,
-- whatever the number of documents stating it
CREATE TABLE IF NOT EXISTS facts (
  id         INTEGER PRIMARY KEY,
  subject    TEXT NOT NULL REFERENCES entities(id),
  relation   TEXT NOT NULL,
  object     TEXT REFERENCES entities(id),
  start      TEXT,
  end        TEXT,
  what       TEXT,
  quantity   TEXT,
  plover     TEXT,
  confidence REAL NOT NULL DEFAULT 0.5
);
-- covering indexes: an actor's timeline is read from the index alone, already in date order
CREATE INDEX IF NOT EXISTS facts_subject ON facts(subject, start, end, id, relation, object, what, quantity, confidence);
CREATE INDEX IF NOT EXISTS facts_object ON facts(object, start, end, id, relation, subject, what, quantity, confidence);
CREATE INDEX IF NOT EXISTS facts_relation ON facts(relation);

-- where a document states a fact: the exact characters, and the passage it was copied from if any
CREATE TABLE IF NOT EXISTS fact_sources (
  id           INTEGER PRIMARY KEY,
  fact_id      INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
  doc_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  quote        TEXT NOT NULL,
  start_value  TEXT,
  end_value    TEXT,
  what         TEXT,
  quantity     TEXT,
  trigger      TEXT,
  confidence   REAL,
  detail       TEXT,   -- JSON: argument and date spans
  copied_from  INTEGER REFERENCES documents(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS fact_sources_fact ON fact_sources(fact_id);
CREATE INDEX IF NOT EXISTS fact_sources_doc ON fact_sources(doc_id);

-- two sources disagreeing on the dates or quantity of what is otherwise the same fact
CREATE TABLE IF NOT EXISTS conflicts (
  fact_a INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
  fact_b INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
  field  TEXT NOT NULL,
  PRIMARY KEY (fact_a, fact_b, field)
) WITHOUT ROWID;

-- documents that could not be ingested, by name, with the reason (latest attempt)
CREATE TABLE IF NOT EXISTS rejected (
  name   TEXT PRIMARY KEY,
  reason TEXT NOT NULL,
  at     TEXT NOT NULL
);

-- full-text search over documents, accents folded (FR and EN alike)
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
  name, title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, name, title, text) VALUES (new.id, new.name, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, name, title, text)
  VALUES ('delete', old.id, old.name, coalesce(old.title, ''), old.text);
END;
