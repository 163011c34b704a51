-- MAT-1 at scale (issue 12, MatchRankingBenchmark): what the scorer reads about a mentor, kept next to matching's own
-- columns so that ranking reads one narrow row per mentor instead of asking the members API in chunks. A copy of the
-- profile fields (personal data, in matching's place of the register: exported and erased with match_profile) and
-- of whether the member is active, kept up to date from the members module's events in the same transaction
-- (ProfileRecorded, MemberDeactivated, MemberReactivated; see ScoringInputs). Portable between H2 (MODE=MySQL)
-- and MySQL 8 / MariaDB.
ALTER TABLE match_profile ADD COLUMN industry VARCHAR(100);
ALTER TABLE match_profile ADD COLUMN expertise VARCHAR(1000);
ALTER TABLE match_profile ADD COLUMN languages VARCHAR(300);
ALTER TABLE match_profile ADD COLUMN city VARCHAR(100);
ALTER TABLE match_profile ADD COLUMN postal_code VARCHAR(20);
ALTER TABLE match_profile ADD COLUMN member_active BOOLEAN NOT NULL DEFAULT TRUE;

-- Backfill for the profiles that exist already (MatchRankingBenchmark runs these same statements on its rows).
UPDATE match_profile SET
    industry = (SELECT mp.industry FROM member_profile mp WHERE mp.subject_id = match_profile.subject_id),
    expertise = (SELECT mp.expertise FROM member_profile mp WHERE mp.subject_id = match_profile.subject_id),
    languages = (SELECT mp.languages FROM member_profile mp WHERE mp.subject_id = match_profile.subject_id),
    city = (SELECT mp.city FROM member_profile mp WHERE mp.subject_id = match_profile.subject_id),
    postal_code = (SELECT mp.postal_code FROM member_profile mp WHERE mp.subject_id = match_profile.subject_id);
UPDATE match_profile SET
    member_active = CASE WHEN EXISTS (SELECT 1 FROM member m WHERE m.id = match_profile.member_id AND m.status = 'ACTIVE')
                         THEN TRUE ELSE FALSE END;

-- Ranking counts every mentor's active matches in one query: by status first, so closed matches are not read.
CREATE INDEX ix_mentor_match_status ON mentor_match (status, mentor_member_id);
-- Ranking lists the mentors' industries and reads the mentors of the best-scoring ones first (CandidateSearch).
CREATE INDEX ix_match_profile_industry ON match_profile (kind, industry);
