package org.voipguard.users;

/** A person who may log in to the control page, with the BCrypt hash of their password. */
public record UserAccount(String name, Role role, String passwordHash) {
}
