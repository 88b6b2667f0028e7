package org.voipguard.cdr.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voipguard.imports.LineLengthCap;

/** A file's format is told from its first lines; the shipped samples are recognised. */
class CdrFormatDetectorTest {

    private static final LineLengthCap CAP = new LineLengthCap(65536);

    @TempDir
    private Path dir;

    @Test
    void theSamplesOfEachFormatAreRecognised() {
        assertThat(format(Path.of("sample-data/cdrs/2026-10-01.csv"))).contains(CdrFormat.CSV);
        assertThat(format(Path.of("sample-data/cdrs-asterisk/Master.csv"))).contains(CdrFormat.ASTERISK_CSV);
        assertThat(format(Path.of("sample-data/cdrs-freeswitch/Master.csv"))).contains(CdrFormat.FREESWITCH_CSV);
        assertThat(format(Path.of("sample-data/cdrs-kamailio/acc-2026-10-24T09.log"))).contains(CdrFormat.KAMAILIO_ACC);
        assertThat(format(Path.of("sample-data/cdrs-kamailio/acc-2026-10-24T10.log"))).contains(CdrFormat.KAMAILIO_ACC);
    }

    @Test
    void aByteOrderMarkBlankLinesAndOtherSyslogLinesBeforeTheFirstAccLineAreFine() throws Exception {
        Path csv = write("bom.csv", "\uFEFFcall_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status\n");
        Path log = write("acc.log", "\n\nOct 24 09:00:00 sip1 kamailio[1]: INFO: <core> started\n"
                + "Oct 24 09:00:01 sip1 kamailio[1]: NOTICE: acc [acc.c:281]: ACC: transaction answered: "
                + "timestamp=1792828800;method=INVITE;call_id=x@y;code=200\n");
        Path empty = write("empty.csv", "");

        assertThat(format(csv)).contains(CdrFormat.CSV);
        assertThat(format(log)).contains(CdrFormat.KAMAILIO_ACC);
        assertThat(format(empty)).as("nothing to read: imports nothing").contains(CdrFormat.CSV);
    }

    @Test
    void anUnknownFileIsRefusedNamingTheFormatsAndShowingItsFirstLineEscapedAndCut() throws Exception {
        Path registrations = write("reg.csv", "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s\n");
        Path hostile = write("evil.csv", "\u001b[31mred\u202Eevil\r\n" + "x".repeat(500) + "\n");
        Path longLine = write("long.csv", "y".repeat(500) + "\n");

        CdrFormatDetector.Detection detection = CdrFormatDetector.detect(registrations, CAP);

        assertThat(detection.format()).isEmpty();
        assertThat(detection.refusal()).startsWith("not a CDR file: the first line must be the header call_id,number,")
                .contains("asterisk-csv", "freeswitch-csv", "kamailio-acc", "\"time,number,source_ip");
        assertThat(CdrFormatDetector.detect(hostile, CAP).refusal()).contains("\\u001b[31mred\\u202eevil\"")
                .doesNotContain("\u001b", "\u202E");
        assertThat(CdrFormatDetector.detect(longLine, CAP).refusal()).contains("y".repeat(80) + "…\"")
                .doesNotContain("y".repeat(81));
    }

    private static Optional<CdrFormat> format(Path file) {
        return CdrFormatDetector.detect(file, CAP).format();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
