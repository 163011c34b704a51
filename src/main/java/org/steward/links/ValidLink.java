package org.steward.links;

/** A usable link: what it is for and whose record it points to. */
public record ValidLink(String purpose, long subjectId) {
}
