/**
 * Operability (issue 14): what operators watch and how a case's owner hears of trouble the case cannot see. Metrics
 * for Prometheus, the health groups, and the incident raised on a case whose mail could never be delivered. Reads the
 * other modules through their APIs only; nothing depends on it.
 */
package org.steward.operations;
