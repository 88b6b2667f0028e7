package org.voipguard.blocklist;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.voipguard.numbers.IpAccessList;
import org.voipguard.numbers.JdbcNumberDirectory;
import org.voipguard.numbers.NumberSettings;

/** Builds the blocklist from the running bans, the allowlist file and every number's access list. */
@Service
public class BlocklistService {

    private final AddressBans bans;
    private final AllowlistFile allowlistFile;
    private final JdbcNumberDirectory numbers;

    public BlocklistService(AddressBans bans, AllowlistFile allowlistFile, JdbcNumberDirectory numbers) {
        this.bans = bans;
        this.allowlistFile = allowlistFile;
        this.numbers = numbers;
    }

    /** @throws IllegalStateException when the allowlist file cannot be used */
    public Blocklist at(Instant at, Optional<Duration> since) {
        Allowlist allowlist = allowlistFile.read();
        List<AddressBans.Ban> running = bans.runningAt(at);
        List<IpAccessList> accessLists = running.isEmpty() ? List.of() : distinctAccessLists();
        return Blocklist.of(running, at, since, allowlist, accessLists);
    }

    private List<IpAccessList> distinctAccessLists() {
        Map<String, IpAccessList> lists = new LinkedHashMap<>();
        for (NumberSettings settings : numbers.findEveryStored().values()) {
            IpAccessList list = settings.accessList();
            if (list != null && !list.isEmpty()) {
                lists.putIfAbsent(list.asEntered(), list);
            }
        }
        return List.copyOf(lists.values());
    }
}
