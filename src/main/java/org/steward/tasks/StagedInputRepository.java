package org.steward.tasks;

import org.springframework.data.jpa.repository.JpaRepository;

interface StagedInputRepository extends JpaRepository<StagedInput, String> {
}
