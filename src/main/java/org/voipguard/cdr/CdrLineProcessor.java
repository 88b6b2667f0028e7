package org.voipguard.cdr;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.PricedCall;
import org.voipguard.billing.PricingException;
import org.voipguard.cdr.formats.CdrFormatParser;
import org.voipguard.cdr.formats.ParsedCdr;
import org.voipguard.imports.NumberPartition;
import org.voipguard.imports.PlausibleTimes;

/**
 * Validates, classifies and prices each CDR line, read by its file's format into the records
 * of the canonical CSV; a bad line becomes a rejection, never an exception. Blank lines are not
 * records and are passed over, and so are the records of the import's other parts
 * ({@link NumberPartition}), before they are priced.
 */
public class CdrLineProcessor implements ItemProcessor<CdrLine, CdrOutcome> {

    private final CdrFormatParser parser;
    private final CallPricer pricer;
    private final NumberPartition partition;

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
        this(parser, pricer, NumberPartition.WHOLE);
    }

    /** @param partition the part of the file's records this processor keeps */
    public CdrLineProcessor(CdrFormatParser parser, CallPricer pricer, NumberPartition partition) {
        this.parser = parser;
        this.pricer = pricer;
        this.partition = partition;
    }

    private static CdrFormatParser canonical(CdrLineParser parser) {
        return line -> new ParsedCdr.Call(parser.parse(line));
    }

    @Override
    public CdrOutcome process(CdrLine line) {
        if (line.tooLong() != null) {
            return rejectedIfOwned(line, "line", line.tooLong());
        }
        String text = line.text().startsWith("\uFEFF") ? line.text().substring(1) : line.text();
        if (text.isBlank()) {
            return null;
        }
        try {
            ParsedCdr parsed = parser.parse(text);
            if (parsed instanceof ParsedCdr.Skipped skipped) {
                return partition.ownsLine(line.lineNumber()) ? new CdrOutcome.Skipped(line.lineNumber(), skipped.what())
                        : null;
            }
            CdrRecord record = ((ParsedCdr.Call) parsed).record();
            if (!partition.ownsNumber(record.number())) {
                return null;
            }
            return new CdrOutcome.Call(line.lineNumber(), record, priced(record));
        } catch (InvalidCdrException e) {
            return rejectedIfOwned(line, e.field(), e.getMessage());
        } catch (PricingException e) {
            return new CdrOutcome.Rejected(line.lineNumber(), e.field(), e.getMessage(), line.text());
        }
    }

    /** A line rejected before its number is known belongs to a part by its line number. */
    private CdrOutcome rejectedIfOwned(CdrLine line, String field, String reason) {
        return partition.ownsLine(line.lineNumber())
                ? new CdrOutcome.Rejected(line.lineNumber(), field, reason, line.text())
                : null;
    }

    private PricedCall priced(CdrRecord record) throws PricingException {
        if (record.direction() == CdrRecord.Direction.IN) {
            return null;
        }
        return pricer.price(record.called(), record.startTime(), record.durationS(), record.status(),
                record.ratePpm(), record.costGbp());
    }
}
