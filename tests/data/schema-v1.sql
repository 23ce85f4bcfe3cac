-- A project written by Comb's first schema (version 1). Do not regenerate: later builds must
-- keep opening exactly this.
PRAGMA application_id = 1131375970;
PRAGMA user_version = 1;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('change_counter','3');
INSERT INTO meta VALUES('language','en');
CREATE TABLE texts(id INTEGER PRIMARY KEY, hash TEXT NOT NULL, content TEXT NOT NULL);
INSERT INTO texts VALUES(1,'fc4bc9888505c08d1848d60ef5ed5ac792456746868797813361005fc0190e3c',replace('Interviewer: Why?\nP1: Time is short 😀.\n','\n',char(10)));
CREATE TABLE cases(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '');
INSERT INTO cases VALUES(1,'P1','');
CREATE TABLE documents(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  case_id INTEGER REFERENCES cases(id),
  text_id INTEGER NOT NULL REFERENCES texts(id),
  chars INTEGER NOT NULL, position INTEGER NOT NULL,
  paragraphs TEXT NOT NULL, metadata TEXT NOT NULL, created TEXT NOT NULL);
INSERT INTO documents VALUES(1,'P1 interview',1,1,39,0,'[[0,17],[18,38]]','{"encoding":"UTF-8","format":"txt","hash":"fc4bc9888505c08d1848d60ef5ed5ac792456746868797813361005fc0190e3c","source_file":"P1 interview.txt"}','');
CREATE TABLE turns(
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  body_start INTEGER NOT NULL, body_end INTEGER NOT NULL,
  speaker TEXT NOT NULL, is_interviewer INTEGER NOT NULL,
  time_start REAL, time_end REAL,
  PRIMARY KEY(document_id, seq));
INSERT INTO turns VALUES(1,0,0,17,13,17,'Interviewer',1,NULL,NULL);
INSERT INTO turns VALUES(1,1,18,38,22,38,'P1',0,NULL,NULL);
CREATE TABLE attributes(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, type TEXT NOT NULL, choices TEXT NOT NULL);
CREATE TABLE attribute_values(
  case_id INTEGER NOT NULL REFERENCES cases(id),
  attribute_id INTEGER NOT NULL REFERENCES attributes(id),
  value TEXT NOT NULL, PRIMARY KEY(case_id, attribute_id));
CREATE TABLE codes(
  id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES codes(id),
  name TEXT NOT NULL, colour TEXT NOT NULL, definition TEXT NOT NULL, inclusion TEXT NOT NULL,
  exclusion TEXT NOT NULL, example TEXT NOT NULL,
  comb TEXT NOT NULL, tdf TEXT NOT NULL, level TEXT, actor TEXT NOT NULL, valence TEXT,
  position INTEGER NOT NULL, guid TEXT NOT NULL, inductive INTEGER NOT NULL);
INSERT INTO codes VALUES(1,NULL,'Time','#E6194B','','','','','O.Ph','','organisational','','barrier',0,'d0c01221-48bd-4f64-a776-88110f70a119',1);
CREATE TABLE codings(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  code_id INTEGER NOT NULL REFERENCES codes(id),
  coder TEXT NOT NULL, created TEXT NOT NULL, tag_override TEXT, pinned INTEGER NOT NULL,
  CHECK(start >= 0 AND "end" > start));
INSERT INTO codings VALUES(1,1,22,35,1,'fixture','2025-01-01T00:00:00Z',NULL,0);
CREATE TABLE memos(
  id INTEGER PRIMARY KEY, target TEXT NOT NULL, target_id INTEGER NOT NULL,
  title TEXT NOT NULL, text TEXT NOT NULL, author TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE themes(
  id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES themes(id),
  name TEXT NOT NULL UNIQUE, description TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE theme_codes(
  theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id),
  position INTEGER NOT NULL, PRIMARY KEY(theme_id, code_id));
CREATE TABLE history(
  seq INTEGER PRIMARY KEY, label TEXT NOT NULL, time TEXT NOT NULL,
  changes TEXT NOT NULL, applied INTEGER NOT NULL);
INSERT INTO history VALUES(1,'Import P1 interview','2025-01-01T00:00:00Z','[{"after":{"description":"","id":1,"kind":"case","name":"P1"},"before":null},{"after":{"case":1,"chars":39,"created":"","id":1,"kind":"document","metadata":{"encoding":"UTF-8","format":"txt","hash":"fc4bc9888505c08d1848d60ef5ed5ac792456746868797813361005fc0190e3c","source_file":"P1 interview.txt"},"name":"P1 interview","paragraphs":[[0,17],[18,38]],"position":0,"text":1,"turns":[{"body":[13,17],"interviewer":true,"span":[0,17],"speaker":"Interviewer","t0":null,"t1":null},{"body":[22,38],"interviewer":false,"span":[18,38],"speaker":"P1","t0":null,"t1":null}]},"before":null}]',1);
INSERT INTO history VALUES(2,'Code passage as Time','2025-01-01T00:00:00Z','[{"after":{"colour":"#E6194B","definition":"","example":"","exclusion":"","guid":"d0c01221-48bd-4f64-a776-88110f70a119","id":1,"inclusion":"","inductive":true,"kind":"code","name":"Time","parent":null,"position":0,"tags":""},"before":null},{"after":{"code":1,"coder":"fixture","created":"2025-01-01T00:00:00Z","document":1,"id":1,"kind":"coding","override":null,"pinned":false,"span":[22,35]},"before":null}]',1);
INSERT INTO history VALUES(3,'Tag code Time','2025-01-01T00:00:00Z','[{"after":{"colour":"#E6194B","definition":"","example":"","exclusion":"","guid":"d0c01221-48bd-4f64-a776-88110f70a119","id":1,"inclusion":"","inductive":true,"kind":"code","name":"Time","parent":null,"position":0,"tags":"comb=O.Ph; level=organisational; valence=barrier"},"before":{"colour":"#E6194B","definition":"","example":"","exclusion":"","guid":"d0c01221-48bd-4f64-a776-88110f70a119","id":1,"inclusion":"","inductive":true,"kind":"code","name":"Time","parent":null,"position":0,"tags":""}}]',1);
CREATE INDEX texts_hash ON texts(hash);
CREATE INDEX codes_parent ON codes(parent_id);
CREATE INDEX codings_document ON codings(document_id, start);
CREATE INDEX codings_code ON codings(code_id);
COMMIT;
