package org.steward.mail;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findBySubjectRefOrderById(String subjectRef);

    List<OutboxMessage> findByRecipientOrderById(String recipient);

    long countByStatus(OutboxMessage.Status status);
}
