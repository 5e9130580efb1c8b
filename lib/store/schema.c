/* schema.c - the database schema and its migrations; see schema.h. */
#include "store/schema.h"

#include <stdio.h>

/* migrations[i] moves the schema from version i to version i + 1.
 * Append new migrations; never edit a released one. */
static const char *const migrations[] = {
	/* 0 -> 1: documents, texts, outlets, origins, the ingest log */
	"CREATE TABLE meta("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"

	"CREATE TABLE texts("
	"  id INTEGER PRIMARY KEY,"
	"  hash BLOB NOT NULL UNIQUE,"
	"  bytes INTEGER NOT NULL,"
	"  text TEXT NOT NULL);"

	"CREATE TABLE outlets("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  domains TEXT,"
	"  country TEXT,"
	"  type TEXT,"
	"  state_affiliated INTEGER,"
	"  owner TEXT,"
	"  language TEXT,"
	"  source TEXT NOT NULL);"

	"CREATE TABLE outlet_aliases("
	"  alias TEXT PRIMARY KEY COLLATE NOCASE,"
	"  outlet INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE"
	") WITHOUT ROWID;"
	"CREATE INDEX outlet_aliases_outlet ON outlet_aliases(outlet);"

	"CREATE TABLE blocs("
	"  country TEXT PRIMARY KEY,"
	"  bloc TEXT NOT NULL) WITHOUT ROWID;"

	"CREATE TABLE origins("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  country TEXT,"
	"  reliability TEXT NOT NULL DEFAULT 'F',"
	"  source TEXT NOT NULL) WITHOUT ROWID;"

	"CREATE TABLE origin_aliases("
	"  alias TEXT PRIMARY KEY COLLATE NOCASE,"
	"  origin TEXT NOT NULL REFERENCES origins(id) ON DELETE CASCADE"
	") WITHOUT ROWID;"

	"CREATE TABLE ingest_files("
	"  id INTEGER PRIMARY KEY,"
	"  path TEXT NOT NULL,"
	"  format TEXT,"
	"  started TEXT NOT NULL,"
	"  finished TEXT,"
	"  status TEXT NOT NULL,"
	"  records INTEGER NOT NULL DEFAULT 0,"
	"  added INTEGER NOT NULL DEFAULT 0,"
	"  duplicates INTEGER NOT NULL DEFAULT 0,"
	"  rejected INTEGER NOT NULL DEFAULT 0,"
	"  error TEXT);"

	"CREATE TABLE ingest_rejections("
	"  file INTEGER NOT NULL REFERENCES ingest_files(id),"
	"  line INTEGER NOT NULL,"
	"  reason TEXT NOT NULL);"
	"CREATE INDEX ingest_rejections_file ON ingest_rejections(file);"

	"CREATE TABLE documents("
	"  doc INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  text INTEGER NOT NULL REFERENCES texts(id),"
	"  outlet_name TEXT,"
	"  outlet INTEGER REFERENCES outlets(id),"
	"  url TEXT,"
	"  title TEXT,"
	"  author TEXT,"
	"  published TEXT,"
	"  published_ts INTEGER,"
	"  language TEXT,"
	"  language_detected INTEGER NOT NULL DEFAULT 0,"
	"  meta TEXT,"
	"  ingest_file INTEGER REFERENCES ingest_files(id),"
	"  record INTEGER);"
	"CREATE INDEX documents_text ON documents(text);"
	"CREATE INDEX documents_outlet ON documents(outlet);"
	"CREATE INDEX documents_published ON documents(published_ts);"

	/* Texts published more than once: the exact-duplicate groups. */
	"CREATE VIEW duplicate_groups AS"
	"  SELECT text AS dup_group, count(*) AS documents,"
	"         min(doc) AS first_doc"
	"  FROM documents GROUP BY text HAVING count(*) > 1;"

	/* Outlets with their bloc: unknown without a country. */
	"CREATE VIEW outlet_blocs AS"
	"  SELECT o.*, CASE WHEN o.country IS NULL OR o.country = ''"
	"    THEN 'unknown' ELSE coalesce(b.bloc, 'Other') END AS bloc"
	"  FROM outlets o LEFT JOIN blocs b ON b.country = o.country;",

	/* 1 -> 2: text reuse (SPEC 4.2) */
	"CREATE TABLE reuse_texts("
	"  text INTEGER PRIMARY KEY REFERENCES texts(id),"
	"  content_tokens INTEGER NOT NULL,"
	"  sketch BLOB);"

	/* Passages: a JSON array of [a_start, a_end, b_start, b_end,
	 * a_first, a_last, b_first, b_last, score] (see docs/schema.md). */
	"CREATE TABLE text_pairs("
	"  id INTEGER PRIMARY KEY,"
	"  a_text INTEGER NOT NULL REFERENCES texts(id),"
	"  b_text INTEGER NOT NULL REFERENCES texts(id),"
	"  a_coverage REAL NOT NULL,"
	"  b_coverage REAL NOT NULL,"
	"  passages TEXT NOT NULL,"
	"  UNIQUE(a_text, b_text));"
	"CREATE INDEX text_pairs_b ON text_pairs(b_text);"

	"CREATE TABLE reuse_docs("
	"  doc INTEGER PRIMARY KEY REFERENCES documents(doc),"
	"  reuse_fraction REAL NOT NULL,"
	"  reuse_class TEXT NOT NULL,"
	"  sources TEXT,"
	"  near_dup_group INTEGER);",

	/* 2 -> 3: per-text features and stories (SPEC 4.3) */
	"CREATE TABLE text_features("
	"  text INTEGER PRIMARY KEY REFERENCES texts(id),"
	"  terms BLOB NOT NULL);"

	"CREATE TABLE stories("
	"  id INTEGER PRIMARY KEY,"
	"  label TEXT NOT NULL,"
	"  headline TEXT,"
	"  headline_doc INTEGER REFERENCES documents(doc));"

	"CREATE TABLE story_docs("
	"  doc INTEGER PRIMARY KEY REFERENCES documents(doc),"
	"  story INTEGER NOT NULL REFERENCES stories(id),"
	"  similarity REAL NOT NULL);"
	"CREATE INDEX story_docs_story ON story_docs(story);",

	/* 3 -> 4: attribution, claims, origins and echo (SPEC 4.4, 4.5).
	 * The per-text pass runs again to find attributions and mentions. */
	"DELETE FROM text_features;"
	"ALTER TABLE text_features ADD COLUMN mentions BLOB;"

	"CREATE TABLE attributions("
	"  id INTEGER PRIMARY KEY,"
	"  text INTEGER NOT NULL REFERENCES texts(id),"
	"  seq INTEGER NOT NULL,"
	"  source_start INTEGER, source_end INTEGER,"
	"  cue_start INTEGER, cue_end INTEGER,"
	"  content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,"
	"  resolved_start INTEGER, resolved_end INTEGER,"
	"  kind TEXT NOT NULL,"
	"  source_kind TEXT NOT NULL,"
	"  hedged INTEGER NOT NULL,"
	"  UNIQUE(text, seq));"

	"CREATE TABLE found_origins("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  specificity TEXT NOT NULL,"
	"  country TEXT,"
	"  known TEXT);"

	"CREATE TABLE claims("
	"  id INTEGER PRIMARY KEY,"
	"  story INTEGER,"
	"  rep_text INTEGER NOT NULL REFERENCES texts(id),"
	"  rep_start INTEGER NOT NULL,"
	"  rep_end INTEGER NOT NULL,"
	"  polarity TEXT NOT NULL,"
	"  quantities TEXT NOT NULL,"
	"  reports INTEGER NOT NULL,"
	"  effective_origins REAL NOT NULL,"
	"  echo_ratio REAL NOT NULL,"
	"  first_doc INTEGER,"
	"  first_seen TEXT);"
	"CREATE INDEX claims_story ON claims(story);"

	"CREATE TABLE claim_mentions("
	"  claim INTEGER NOT NULL REFERENCES claims(id),"
	"  doc INTEGER NOT NULL REFERENCES documents(doc),"
	"  start INTEGER NOT NULL, end INTEGER NOT NULL,"
	"  attribution INTEGER,"
	"  origin INTEGER NOT NULL REFERENCES found_origins(id),"
	"  via INTEGER);"
	"CREATE INDEX claim_mentions_claim ON claim_mentions(claim);"
	"CREATE INDEX claim_mentions_doc ON claim_mentions(doc);"
	"CREATE INDEX claim_mentions_origin ON claim_mentions(origin);"

	"ALTER TABLE stories ADD COLUMN claims INTEGER;"
	"ALTER TABLE stories ADD COLUMN origins INTEGER;"
	"ALTER TABLE stories ADD COLUMN effective_origins REAL;"
	"ALTER TABLE stories ADD COLUMN echo_ratio REAL;",

	/* 4 -> 5: the analyst's workbench (SPEC 5): ACH matrices, key
	 * assumptions and actor models.  Claims are renumbered by every
	 * analysis, so what evidence drew from a claim is kept as a copy of
	 * its reports (wb_reports), with the claim's id of the time. */
	"CREATE TABLE ach_matrices("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  question TEXT,"
	"  weights TEXT);"

	"CREATE TABLE ach_hypotheses("
	"  id INTEGER PRIMARY KEY,"
	"  matrix INTEGER NOT NULL REFERENCES ach_matrices(id)"
	"   ON DELETE CASCADE,"
	"  label TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  UNIQUE(matrix, label));"

	"CREATE TABLE ach_evidence("
	"  id INTEGER PRIMARY KEY,"
	"  matrix INTEGER NOT NULL REFERENCES ach_matrices(id)"
	"   ON DELETE CASCADE,"
	"  label TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  claim INTEGER,"
	"  origin TEXT,"
	"  credibility TEXT,"
	"  relevance TEXT NOT NULL DEFAULT 'medium',"
	"  UNIQUE(matrix, label));"

	"CREATE TABLE ach_ratings("
	"  evidence INTEGER NOT NULL REFERENCES ach_evidence(id)"
	"   ON DELETE CASCADE,"
	"  hypothesis INTEGER NOT NULL REFERENCES ach_hypotheses(id)"
	"   ON DELETE CASCADE,"
	"  rating TEXT NOT NULL,"
	"  PRIMARY KEY(evidence, hypothesis)) WITHOUT ROWID;"
	"CREATE INDEX ach_ratings_hypothesis ON ach_ratings(hypothesis);"

	"CREATE TABLE assumptions("
	"  id INTEGER PRIMARY KEY,"
	"  label TEXT NOT NULL UNIQUE,"
	"  text TEXT NOT NULL);"

	/* A claim (claim set, with its reports copied) or an ACH evidence
	 * item named by its matrix and label. */
	"CREATE TABLE assumption_support("
	"  id INTEGER PRIMARY KEY,"
	"  assumption INTEGER NOT NULL REFERENCES assumptions(id)"
	"   ON DELETE CASCADE,"
	"  claim INTEGER,"
	"  matrix TEXT,"
	"  evidence TEXT,"
	"  note TEXT);"
	"CREATE INDEX assumption_support_assumption"
	"  ON assumption_support(assumption);"

	"CREATE TABLE wb_reports("
	"  id INTEGER PRIMARY KEY,"
	"  evidence INTEGER REFERENCES ach_evidence(id) ON DELETE CASCADE,"
	"  support INTEGER REFERENCES assumption_support(id)"
	"   ON DELETE CASCADE,"
	"  doc TEXT NOT NULL,"
	"  start INTEGER, end INTEGER,"
	"  outlet TEXT, bloc TEXT,"
	"  origin TEXT NOT NULL,"
	"  origin_name TEXT, origin_kind TEXT, origin_country TEXT,"
	"  origin_bloc TEXT, reliability TEXT);"
	"CREATE INDEX wb_reports_evidence ON wb_reports(evidence);"
	"CREATE INDEX wb_reports_support ON wb_reports(support);"

	"CREATE TABLE actors("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  description TEXT,"
	"  analyst TEXT);"

	"CREATE TABLE actor_options("
	"  id INTEGER PRIMARY KEY,"
	"  actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,"
	"  label TEXT NOT NULL,"
	"  text TEXT,"
	"  UNIQUE(actor, label));"

	"CREATE TABLE actor_criteria("
	"  id INTEGER PRIMARY KEY,"
	"  actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,"
	"  label TEXT NOT NULL,"
	"  text TEXT,"
	"  weight REAL NOT NULL,"
	"  analyst_weight REAL,"
	"  UNIQUE(actor, label));"

	"CREATE TABLE actor_scores("
	"  option INTEGER NOT NULL REFERENCES actor_options(id)"
	"   ON DELETE CASCADE,"
	"  criterion INTEGER NOT NULL REFERENCES actor_criteria(id)"
	"   ON DELETE CASCADE,"
	"  score REAL NOT NULL,"
	"  PRIMARY KEY(option, criterion)) WITHOUT ROWID;"
	"CREATE INDEX actor_scores_criterion ON actor_scores(criterion);",
};

#define CURRENT_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int ue_schema_version(void)
{
	return CURRENT_VERSION;
}

static int user_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

ue_status ue_schema_migrate(sqlite3 *db, char *err, size_t errlen)
{
	int v = user_version(db);
	if (v < 0) {
		snprintf(err, errlen, "cannot read schema version: %s",
		         sqlite3_errmsg(db));
		return UE_EDB;
	}
	if (v > CURRENT_VERSION) {
		snprintf(err, errlen, "database schema version %d is newer than "
		         "this unecho's (%d): upgrade unecho", v, CURRENT_VERSION);
		return UE_ESCHEMA;
	}
	while (v < CURRENT_VERSION) {
		char *msg = NULL;
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg))
			goto fail;
		/* Another process may have migrated while we waited. */
		v = user_version(db);
		if (v < CURRENT_VERSION) {
			char sql[64];
			snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
			if (sqlite3_exec(db, migrations[v], NULL, NULL, &msg) ||
			    sqlite3_exec(db, sql, NULL, NULL, &msg))
				goto fail;
			v++;
		}
		if (sqlite3_exec(db, "COMMIT", NULL, NULL, &msg))
			goto fail;
		continue;
fail:
		snprintf(err, errlen, "schema migration to version %d failed: %s",
		         v + 1, msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return UE_EDB;
	}
	return UE_OK;
}
