package org.steward.privacy.requests;

/** DSR-9: a downloaded export: its content, media type and file name. */
public record ExportFile(String content, String mediaType, String filename) {
}
