-- Issue 7 findings 6 and 11: an application waits for its applicant to confirm their address
-- (status AWAITING_EMAIL_CONFIRMATION, then AWAITING_REFERENCES), and says UNDER_REVIEW while staff
-- review it. The status column (VARCHAR(30)) already fits the new names.

-- When the applicant confirmed their address; NULL for applications submitted before confirmation existed.
ALTER TABLE application ADD COLUMN email_confirmed_at DATETIME(6);

-- Applications in flight before this version: those whose references are all settled, or whose applicant
-- answered the reviewer's question, are with the reviewers now. Services refuse a decision, admission
-- or rejection unless the application is UNDER_REVIEW, so these must say so.
UPDATE application SET status = 'UNDER_REVIEW'
WHERE status = 'AWAITING_REFERENCES'
  AND NOT EXISTS (SELECT 1 FROM reference_check r WHERE r.application_id = application.id AND r.status = 'REQUESTED');
UPDATE application SET status = 'UNDER_REVIEW'
WHERE status = 'MORE_INFORMATION_REQUESTED' AND more_info_answered_at IS NOT NULL;
