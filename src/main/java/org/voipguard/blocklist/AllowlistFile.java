package org.voipguard.blocklist;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;

/**
 * The allowlist file ({@code voipguard.blocklist.allowlist-file}), read afresh each time it is
 * asked for. A missing or malformed file is a configuration error: reading it as empty could
 * put the provider's own networks on the blocklist.
 */
@Component
public class AllowlistFile {

    private final Path file;

    public AllowlistFile(VoipGuardProperties properties) {
        this.file = properties.blocklist().allowlistFile();
    }

    /** @throws IllegalStateException naming the file (and the line) when it cannot be used */
    public Allowlist read() {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Allowlist.parse(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the allowlist " + file + " (voipguard.blocklist.allowlist-file) does not"
                    + " exist; create it, empty if the provider has no address of its own to protect");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the allowlist " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the allowlist cannot be used: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }
}
