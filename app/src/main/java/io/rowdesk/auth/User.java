package io.rowdesk.auth;

/** A person (or script, through a token) that is logged in. */
public record User(long id, String email, Role role) {}
