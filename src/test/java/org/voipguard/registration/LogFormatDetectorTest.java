package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voipguard.imports.LineLengthCap;

class LogFormatDetectorTest {

    private static final String CHAN_SIP = "[2026-11-02 09:10:11] NOTICE[2141] chan_sip.c: Registration from "
            + "'<sip:441632960003@pbx>' failed for '45.95.147.10:5072' - Wrong password";
    private static final String SECURITY = "[2026-11-02 09:00:01] SECURITY[2130] res_security_log.c: "
            + "SecurityEvent=\"SuccessfulAuth\",EventTV=\"2026-11-02T09:00:01.204+0000\"";
    private static final String KAMAILIO = "Nov 29 10:00:00 sbc kamailio[1234]: NOTICE: <script>: VOIPGUARD-REGISTER "
            + "ts=1796300000 user=441632960001 ip=198.51.100.7 port=5060 proto=udp expires=3600 auth=OK ua=x";
    private static final String KAMAILIO_OTHER = "Nov 29 10:00:00 sbc kamailio[1234]: INFO: <core> "
            + "[core/tcp_main.c:4958]: tcpconn_main_timeout(): connection closed";

    private final LineLengthCap cap = new LineLengthCap(65536);

    @TempDir
    private Path dir;

    @Test
    void theCsvIsRecognisedByItsHeaderWithOrWithoutAByteOrderMark() throws IOException {
        assertThat(detect("\uFEFF" + RegistrationCsvLineParser.HEADER + "\r", "x")).isEqualTo(LogFormat.CSV);
        assertThat(detect(RegistrationCsvLineParser.HEADER)).isEqualTo(LogFormat.CSV);
    }

    @Test
    void kamailioIsRecognisedByItsMarkAmongTheFirstHundredLines() throws IOException {
        List<String> lines = new ArrayList<>(Collections.nCopies(99, KAMAILIO_OTHER));
        lines.add(KAMAILIO);

        assertThat(detect(lines.toArray(String[]::new))).isEqualTo(LogFormat.KAMAILIO);
    }

    @Test
    void aMarkPastTheFirstHundredLinesIsNotLookedFor() throws IOException {
        List<String> lines = new ArrayList<>(Collections.nCopies(100, KAMAILIO_OTHER));
        lines.add(KAMAILIO);

        assertThatThrownBy(() -> detect(lines.toArray(String[]::new)))
                .isInstanceOf(LogFormatDetector.UnrecognisedLogException.class);
    }

    @Test
    void anAsteriskMessagesLogIsAsteriskLogEvenWithSecurityEventsInIt() throws IOException {
        assertThat(detect(SECURITY, "", CHAN_SIP)).isEqualTo(LogFormat.ASTERISK_LOG);
        assertThat(detect("[Nov  2 08:59:58] VERBOSE[2130] asterisk.c: Asterisk Ready.")).isEqualTo(LogFormat.ASTERISK_LOG);
    }

    @Test
    void securityEventsAloneAreTheSecurityLog() throws IOException {
        assertThat(detect(SECURITY, "Oct  4 09:03:00 pbx asterisk[2130]: SecurityEvent=\"InvalidPassword\""))
                .isEqualTo(LogFormat.ASTERISK_SECURITY);
    }

    @Test
    void anEmptyFileOrOneOfBlankLinesImportsNothingInAHeaderlessFormat() throws IOException {
        assertThat(detect()).isEqualTo(LogFormat.ASTERISK_LOG);
        assertThat(detect("", "  ")).isEqualTo(LogFormat.ASTERISK_LOG);
    }

    @Test
    void anythingElseIsRefusedNamingTheFormatsAndItsFirstLine() {
        assertThatThrownBy(() -> detect("call_id,number,direction", "c1,+441632960001,OUT"))
                .isInstanceOf(LogFormatDetector.UnrecognisedLogException.class)
                .hasMessage("not a registration log VoIPGuard recognises (csv, asterisk-security, asterisk-log, kamailio;"
                        + " name one with --format): its first line is 'call_id,number,direction'");
    }

    private LogFormat detect(String... lines) throws IOException {
        Path file = dir.resolve("log");
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return LogFormatDetector.detect(file, cap);
    }
}
