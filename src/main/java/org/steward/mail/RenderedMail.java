package org.steward.mail;

record RenderedMail(String subject, String html, String text) {
}
