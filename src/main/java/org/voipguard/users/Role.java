package org.voipguard.users;

import java.util.Locale;

/** What a control-page user is: both read every page; the role is kept for the pages that will change things. */
public enum Role {
    OPERATOR, ANALYST;

    /** {@code operator} or {@code analyst}, in any case. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role '" + text + "': operator or analyst");
    }

    public String shown() {
        return name().toLowerCase(Locale.ROOT);
    }
}
