package org.voipguard.users;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** The control page's users (table {@code control_page_user}); passwords are kept as BCrypt hashes only. */
@Repository
public class UserAccounts {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final int MIN_PASSWORD_LENGTH = 12;
    /** BCrypt reads no further than 72 bytes: a longer password would be cut without a word. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final PasswordEncoder BCRYPT = new BCryptPasswordEncoder();

    private final JdbcTemplate jdbc;

    public UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The encoder the stored hashes were made with, for checking a password at login. */
    public static PasswordEncoder passwordEncoder() {
        return BCRYPT;
    }

    /**
     * Adds a user with the hash of the password.
     *
     * @throws IllegalArgumentException naming what is wrong with the name or the password, or that the name is taken
     */
    public void add(String name, Role role, char[] password) {
        requireValidName(name);
        String checked = checkedPassword(password);
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("user '" + name + "' exists already; 'users remove " + name
                    + "' first to give it a new password or role");
        }
        jdbc.update("INSERT INTO control_page_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                name, role.name(), BCRYPT.encode(checked), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Removes the user; false when there was none of that name. */
    public boolean remove(String name) {
        return jdbc.update("DELETE FROM control_page_user WHERE name = ?", name) > 0;
    }

    public Optional<UserAccount> find(String name) {
        return jdbc.query("SELECT name, role, password_hash FROM control_page_user WHERE name = ?",
                (rs, row) -> new UserAccount(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)), name)
                .stream().findFirst();
    }

    /** Names and roles, without the hashes, by name. */
    public List<UserAccount> list() {
        return jdbc.query("SELECT name, role FROM control_page_user ORDER BY name",
                (rs, row) -> new UserAccount(rs.getString(1), Role.valueOf(rs.getString(2)), null));
    }

    public boolean none() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM control_page_user", Integer.class);
        return count == null || count == 0;
    }

    static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits and . _ @ -, starting with a"
                    + " letter or digit");
        }
    }

    private static String checkedPassword(char[] password) {
        String text = new String(password);
        if (text.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password is shorter than " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("the password is longer than " + MAX_PASSWORD_BYTES
                    + " bytes, more than BCrypt reads");
        }
        return text;
    }
}
