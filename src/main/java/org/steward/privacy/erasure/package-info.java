/**
 * Erasure with proof (DSR-7, DSR-10, issue 9): the ErasureProcess, its API and its record. A module of
 * its own inside privacy: it walks the register of personal data ({@code org.steward.privacy}), which
 * every module implements, and uses members, subjects, mail and tasks, so it cannot live in the
 * register's own module without a cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Erasure")
package org.steward.privacy.erasure;
