package org.voipguard.cdr.formats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the switches' CDRs are read ({@code voipguard.cdr-formats} in
 * {@code batch-config/application.yml}): which field of each switch's record names the
 * customer's number. The country of numbers written in national form is
 * {@code voipguard.default-country}, as for the switches' registration logs.
 */
@ConfigurationProperties("voipguard.cdr-formats")
public record CdrFormatSettings(
        @DefaultValue Asterisk asterisk,
        @DefaultValue Freeswitch freeswitch) {

    /** The settings of the tests and the analysts' tools: the defaults. */
    public static CdrFormatSettings defaults() {
        return new CdrFormatSettings(new Asterisk(AsteriskCustomer.CHANNEL, false),
                new Freeswitch(FreeswitchCustomer.ACCOUNTCODE));
    }

    /**
     * @param customerField which column holds the customer's number
     * @param usegmtime     true when the switch's {@code cdr.conf} says {@code usegmtime=yes}: times are UTC
     */
    public record Asterisk(@DefaultValue("channel") AsteriskCustomer customerField,
            @DefaultValue("false") boolean usegmtime) {
    }

    public record Freeswitch(@DefaultValue("accountcode") FreeswitchCustomer customerField) {
    }

    /** The Asterisk column that names the customer. */
    public enum AsteriskCustomer {
        /** The endpoint of the calling channel: {@code 441632960001} in {@code PJSIP/441632960001-0000002a}. */
        CHANNEL,
        ACCOUNTCODE,
        SRC
    }

    /** The FreeSWITCH column that names the customer. */
    public enum FreeswitchCustomer {
        ACCOUNTCODE,
        CALLER_ID_NUMBER
    }
}
