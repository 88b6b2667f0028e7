package org.voipguard.cdr;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.PricedCall;
import org.voipguard.billing.PricingException;
import org.voipguard.cdr.formats.CdrFormatParser;
import org.voipguard.cdr.formats.ParsedCdr;
import org.voipguard.imports.PlausibleTimes;

/**
 * Validates, classifies and prices each CDR line, read by its file's format into the records
 * of the canonical CSV; a bad line becomes a rejection, never an exception. Blank lines are not
 * records and are passed over.
 */
public class CdrLineProcessor implements ItemProcessor<CdrLine, CdrOutcome> {

    private final CdrFormatParser parser;
    private final CallPricer pricer;

    /** The canonical CSV, believing any start time: for the analysts' scenarios. */
    public CdrLineProcessor(CallPricer pricer) {
        this(pricer, PlausibleTimes.any());
    }

    /** The canonical CSV. */
    public CdrLineProcessor(CallPricer pricer, PlausibleTimes plausibleTimes) {
        this(canonical(new CdrLineParser(plausibleTimes)), pricer);
    }

    /** @param parser the file's format: one parser per file */
    public CdrLineProcessor(CdrFormatParser parser, CallPricer pricer) {
        this.parser = parser;
        this.pricer = pricer;
    }

    private static CdrFormatParser canonical(CdrLineParser parser) {
        return line -> new ParsedCdr.Call(parser.parse(line));
    }

    @Override
    public CdrOutcome process(CdrLine line) {
        if (line.tooLong() != null) {
            return new CdrOutcome.Rejected(line.lineNumber(), "line", line.tooLong(), line.text());
        }
        String text = line.text().startsWith("\uFEFF") ? line.text().substring(1) : line.text();
        if (text.isBlank()) {
            return null;
        }
        try {
            ParsedCdr parsed = parser.parse(text);
            if (parsed instanceof ParsedCdr.Skipped skipped) {
                return new CdrOutcome.Skipped(line.lineNumber(), skipped.what());
            }
            CdrRecord record = ((ParsedCdr.Call) parsed).record();
            return new CdrOutcome.Call(line.lineNumber(), record, priced(record));
        } catch (InvalidCdrException e) {
            return new CdrOutcome.Rejected(line.lineNumber(), e.field(), e.getMessage(), line.text());
        } catch (PricingException e) {
            return new CdrOutcome.Rejected(line.lineNumber(), e.field(), e.getMessage(), line.text());
        }
    }

    private PricedCall priced(CdrRecord record) throws PricingException {
        if (record.direction() == CdrRecord.Direction.IN) {
            return null;
        }
        return pricer.price(record.called(), record.startTime(), record.durationS(), record.status(),
                record.ratePpm(), record.costGbp());
    }
}
