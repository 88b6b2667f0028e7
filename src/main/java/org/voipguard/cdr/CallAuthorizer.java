package org.voipguard.cdr;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Component;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.PricedCall;
import org.voipguard.billing.PricingException;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.facts.OutgoingCall;

/**
 * The P1 decision for one call before it is placed: the import's pricing, fact and rules, for
 * {@code calls check} and the service a switch asks. It is given the number's settings and the
 * rule book, so it reads no database and knows nothing of where the question came from.
 */
@Component
public class CallAuthorizer {

    /** The call id of the fact of a call that was not placed yet. */
    static final String CALL_ID = "check";

    private final CallPricer pricer;

    public CallAuthorizer(CallPricer pricer) {
        this.pricer = pricer;
    }

    /**
     * @param pricePpm the price per minute, or null to take the tariff's at {@code at}
     * @throws PricingException naming the field at fault ({@code called}, {@code rate_ppm} …)
     */
    public CallDecision decide(NumberSettings settings, String dialled, OffsetDateTime at, BigDecimal pricePpm,
            RuleBook rules) throws PricingException {
        PricedCall priced = pricer.price(dialled, at, 60, 200, pricePpm, null);
        OutgoingCall call = OutgoingCallFacts.of(CALL_ID, settings.number(), dialled, priced, settings, at.toString());
        List<RaisedAlert> breaches = rules.evaluate(List.of(call));
        return new CallDecision(breaches.isEmpty(), settings.number(), priced.dialledE164(), priced.callClass(),
                priced.premium(), priced.pricePpm(), call.getLimitPpm(),
                breaches.stream().map(RaisedAlert::ruleName).findFirst(), rules.version());
    }
}
