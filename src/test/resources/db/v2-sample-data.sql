-- Rows as V1/V2 stored them before issue 15: one member (also a referee), a rejected and a pending
-- application by one person, a reduced and two live references, outbox rows and incident notices.
INSERT INTO member_organisation (name, website, created_at, updated_at, iso_name, iso_email) VALUES ('Acme', NULL, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'Ines Officer', 'iso@acme.example');
INSERT INTO member (status, kind, name, email, postal_code, industry, expertise, languages, organisation_id, essential_communications, joined_at, birth_year)
 VALUES ('ACTIVE','MENTOR','Ana Lima','ana@example.org','10115','Software','Teams','English',1,TRUE,'2026-01-02 00:00:00',1985);
INSERT INTO application (status, kind, name, email, pending_email, postal_code, industry, expertise, languages, organisation_id, member_id, submitted_at, birth_year)
 VALUES ('APPROVED','MENTOR','Ana Lima','ana@example.org',NULL,'10115','Software','Teams','English',1,1,'2026-01-01 00:00:00',1985);
INSERT INTO application (status, kind, name, email, pending_email, postal_code, industry, expertise, languages, submitted_at)
 VALUES ('REJECTED','ENTREPRENEUR','Kofi M','kofi@example.org',NULL,'00233','Agri','Cassava','Twi','2026-01-01 00:00:00');
INSERT INTO application (status, kind, name, email, pending_email, postal_code, industry, expertise, languages, submitted_at)
 VALUES ('AWAITING_REFERENCES','ENTREPRENEUR','Kofi Mensah','kofi@example.org','kofi@example.org','00233','Agriculture','Cassava processing','English, Twi','2026-02-01 00:00:00');
INSERT INTO reference_check (application_id, status, referee_name, referee_email, relationship, requested_at) VALUES (1,'RECEIVED',NULL,NULL,NULL,'2026-01-01 00:00:00');
INSERT INTO reference_check (application_id, status, referee_name, referee_email, relationship, requested_at) VALUES (3,'REQUESTED','Ama Owusu','ama@example.org','Partner','2026-02-01 00:00:00');
INSERT INTO reference_check (application_id, status, referee_name, referee_email, relationship, requested_at) VALUES (3,'REQUESTED','Ana L.','ana@example.org','Mentor','2026-02-01 00:00:00');
INSERT INTO outbox_message (idempotency_key, subject_ref, template, recipient, subject, html_body, text_body, status, next_attempt_at, created_at)
 VALUES ('k1','reference:2','t','ama@example.org','s','h','t','PENDING','2026-02-01 00:00:00','2026-02-01 00:00:00');
INSERT INTO outbox_message (idempotency_key, subject_ref, template, recipient, subject, html_body, text_body, status, next_attempt_at, created_at)
 VALUES ('k2','incident:1','t','iso@acme.example','s','h','t','PENDING','2026-02-01 00:00:00','2026-02-01 00:00:00');
INSERT INTO incident (status, discovered_at, reported_at, summary, data_categories) VALUES ('REPORTED','2026-02-01 00:00:00','2026-02-01 00:00:00','x','y');
INSERT INTO incident_notice (incident_id, kind, organisation_id, recipient, outbox_key, queued_at) VALUES (1,'ISO_NOTICE',1,'iso@acme.example','k2','2026-02-01 00:00:00');
INSERT INTO incident_notice (incident_id, kind, recipient, outbox_key, queued_at) VALUES (1,'ESCALATION','sam@steward.local','k3','2026-02-01 00:00:00');
