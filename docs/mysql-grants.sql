-- Production grants for Steward on MySQL 8 / MariaDB 10.11 (AUD-3). Run as a database administrator
-- after creating the schema: CREATE DATABASE steward CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--
-- Two users:
--   steward_owner  owns the schema: Flyway's migrations (STEWARD_DB_MIGRATION_USER, every start) and
--                  Camunda's tables (created on the very first start, see README "Database users").
--   steward_app    what the running service connects as (STEWARD_DB_USER): rows only, no DDL, and on the
--                  audit trail INSERT and SELECT only, so the service itself cannot rewrite or remove an entry.
--
-- MySQL and MariaDB cannot grant "every table but one", so steward_app's grants are per table. A new
-- table in a migration needs its line here: DatabaseGrantsTest fails until it has one, and
-- DatabaseGrantsMariaDbTest runs the service as steward_app with exactly these grants.
-- Replace the two passwords; the test substitutes schema, user names and passwords.

CREATE USER IF NOT EXISTS 'steward_owner'@'%' IDENTIFIED BY 'change-me-owner';
CREATE USER IF NOT EXISTS 'steward_app'@'%' IDENTIFIED BY 'change-me-app';

GRANT ALL PRIVILEGES ON steward.* TO 'steward_owner'@'%';

-- The audit trail (V8): appended and read, never changed or removed by the service.
GRANT SELECT, INSERT ON steward.audit_entry TO 'steward_app'@'%';
-- Its one head row: locked (SELECT ... FOR UPDATE) and moved on by every append; never inserted or deleted.
GRANT SELECT, UPDATE ON steward.audit_chain_head TO 'steward_app'@'%';
-- The breach record's deadlines and approvals (BRE-4, BRE-6) are append-only too.
GRANT SELECT, INSERT ON steward.incident_deadline TO 'steward_app'@'%';
GRANT SELECT, INSERT ON steward.incident_approval TO 'steward_app'@'%';
-- The application funnel (V20): a row per case, counted up as the case moves; cases are never removed from it.
GRANT SELECT, INSERT, UPDATE ON steward.application_funnel_case TO 'steward_app'@'%';
-- Flyway's record is written by steward_owner only.
GRANT SELECT ON steward.flyway_schema_history TO 'steward_app'@'%';

-- Steward's own tables (Flyway, src/main/resources/db/migration).
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.application TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.consent_entry TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.consent_expiry_day TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.consent_purpose TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.data_subject TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.erasure_identifier TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.erasure_place_cleared TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.erasure_place_kept TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.erasure_request TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.erasure_residue TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.friend_invitation TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.incident TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.incident_all_members_of TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.incident_listed_member TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.incident_member_notice TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.incident_notice TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.incident_organisation TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.incident_report TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.incident_report_part TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.legal_hold TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.legal_hold_place TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.match_attempt TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.match_candidate TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.match_check_in TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.match_feedback TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.match_introduction TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.match_org_report TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.match_party TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.match_profile TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.match_request TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.member TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.member_deactivation TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.member_link TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.member_organisation TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.member_profile TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.mentor_match TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.newsletter TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.newsletter_recipient TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.outbox_message TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.policy_notice TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.policy_version TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.privacy_export TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.privacy_request TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.privacy_request_correction TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.privacy_request_deadline TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.privacy_request_text TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.processing_restriction TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.processor TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.processor_instruction TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.promotion_release TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.reference_check TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.staff_task_input TO 'steward_app'@'%';

-- Camunda 7.24's tables (engine, history, identity, CMMN, DMN).
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_GE_BYTEARRAY TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_GE_PROPERTY TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_GE_SCHEMA_LOG TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_ACTINST TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_ATTACHMENT TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_BATCH TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_CASEACTINST TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_CASEINST TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_COMMENT TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_DECINST TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_DEC_IN TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_DEC_OUT TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_DETAIL TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_EXT_TASK_LOG TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_IDENTITYLINK TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_INCIDENT TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_JOB_LOG TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_OP_LOG TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_PROCINST TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_TASKINST TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_HI_VARINST TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_ID_GROUP TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_ID_INFO TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_ID_MEMBERSHIP TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_ID_TENANT TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_ID_TENANT_MEMBER TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_ID_USER TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RE_CAMFORMDEF TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RE_CASE_DEF TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RE_DECISION_DEF TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RE_DECISION_REQ_DEF TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RE_DEPLOYMENT TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RE_PROCDEF TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_AUTHORIZATION TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_BATCH TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_CASE_EXECUTION TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_CASE_SENTRY_PART TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_EVENT_SUBSCR TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_EXECUTION TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_EXT_TASK TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_FILTER TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_IDENTITYLINK TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_INCIDENT TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_JOB TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_JOBDEF TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_METER_LOG TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_TASK TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_TASK_METER_LOG TO 'steward_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON steward.ACT_RU_VARIABLE TO 'steward_app'@'%';
