/**
 * The register of processors (DSR-7, issue 10 part B): third parties that received personal data from
 * us, and the erasure instruction each active one gets for every erasure (ProcessorInstructionProcess:
 * a mail with a single-use confirmation link, a reminder on day 5, a privacy officers' follow-up task on
 * day 14). Erasure starts the instructions through {@link org.steward.privacy.processors.ErasureInstructions};
 * this module knows nothing of erasure beyond its id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Processors")
package org.steward.privacy.processors;
