package org.voipguard.numbers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;

/**
 * SIP passwords for the registrar. A new password is drawn from {@link SecureRandom}, handed
 * back once to be shown to the customer, and only the digest a SIP registrar verifies with is
 * kept: HA1 = MD5(username:realm:password), the username being the number. The password itself
 * is never stored and never logged.
 */
@Component
public class SipPasswords {

    /** Letters and digits without the look-alikes 0 O o 1 l I: easy to read out and to type on a phone. */
    static final String ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    /** 24 characters of 56: over 139 bits. */
    static final int LENGTH = 24;

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final String realm;

    public SipPasswords(JdbcTemplate jdbc, VoipGuardProperties properties) {
        this.jdbc = jdbc;
        this.realm = properties.sip().realm();
    }

    /** Makes a new password for a number, stores its HA1 and returns the password, which is not kept. */
    public String makePassword(String number) {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String ha1 = ha1(number, realm, password.toString());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (jdbc.update("UPDATE sip_credential SET realm = ?, ha1 = ?, changed_at = ? WHERE number = ?",
                realm, ha1, now, number) == 0) {
            jdbc.update("INSERT INTO sip_credential (number, realm, ha1, changed_at) VALUES (?, ?, ?, ?)",
                    number, realm, ha1, now);
        }
        return password.toString();
    }

    /** When the number's password was last changed; empty when it never had one. */
    public Optional<OffsetDateTime> lastChanged(String number) {
        return jdbc.queryForList("SELECT changed_at FROM sip_credential WHERE number = ?", OffsetDateTime.class, number)
                .stream().findFirst();
    }

    /** Every stored digest, by number: what a registrar needs to authenticate the phones. */
    public List<Credential> all() {
        return jdbc.query("SELECT number, realm, ha1 FROM sip_credential ORDER BY number",
                (rs, row) -> new Credential(rs.getString("number"), rs.getString("realm"), rs.getString("ha1")));
    }

    /** A number's digest for one realm; the password itself is not known. */
    public record Credential(String number, String realm, String ha1) {
    }

    /** HA1 of RFC 2617 digest authentication, lower-case hex. */
    public static String ha1(String username, String realm, String password) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
