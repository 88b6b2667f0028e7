package org.voipguard.rules.facts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests from one address whose User-Agent starts with a known scanner's
 * ({@code rules/scanner-user-agents.txt}, check {@code SCANNER}). The alert goes to the
 * operators, and the address onto the blocklist. {@code userAgent} is network text.
 */
public final class ScannerRequests extends ThresholdCount {

    private final String sourceIp;
    private final String scanner;
    private final String userAgent;

    public ScannerRequests(String sourceIp, long requests, Duration window, String firstTime, String lastTime,
            long warning, long critical, String severity, String scanner, String userAgent) {
        super(sourceIp, requests, window, firstTime, lastTime, warning, critical, severity);
        this.sourceIp = sourceIp;
        this.scanner = scanner;
        this.userAgent = userAgent;
    }

    @Override public String getNumber() { return null; }
    @Override public String getAddress() { return sourceIp; }
    public String getSourceIp() { return sourceIp; }
    /** Requests from the address with a scanner's User-Agent within the window. */
    public long getRequests() { return getCount(); }
    /** The prefix of the list the User-Agent matched, as the list writes it. */
    public String getScanner() { return scanner; }
    /** The User-Agent of the request that reached the threshold, as sent: never trust it. */
    public String getUserAgent() { return userAgent; }

    @Override
    public Map<String, String> describe() {
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("source_ip", sourceIp);
        subject.put("scanner", scanner);
        subject.put("user_agent", userAgent);
        return describe(subject, "requests");
    }

    @Override
    public String toString() {
        return "ScannerRequests[" + sourceIp + " " + scanner + ": " + getCount() + ", " + getSeverity() + "]";
    }
}
