package org.voipguard.cdr;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.PricedCall;
import org.voipguard.billing.PricingException;
import org.voipguard.imports.PlausibleTimes;

/**
 * Validates, classifies and prices each CDR line; a bad line becomes a rejection, never an
 * exception. Blank lines are not records and are passed over.
 */
public class CdrLineProcessor implements ItemProcessor<CdrLine, CdrOutcome> {

    private final CdrLineParser parser;
    private final CallPricer pricer;

    /** Believes any start time: for the analysts' scenarios. */
    public CdrLineProcessor(CallPricer pricer) {
        this(pricer, PlausibleTimes.any());
    }

    public CdrLineProcessor(CallPricer pricer, PlausibleTimes plausibleTimes) {
        this.parser = new CdrLineParser(plausibleTimes);
        this.pricer = pricer;
    }

    @Override
    public CdrOutcome process(CdrLine line) {
        if (line.tooLong() != null) {
            return new CdrOutcome.Rejected(line.lineNumber(), "line", line.tooLong(), line.text());
        }
        if (line.text().isBlank()) {
            return null;
        }
        try {
            CdrRecord record = parser.parse(line.text());
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
