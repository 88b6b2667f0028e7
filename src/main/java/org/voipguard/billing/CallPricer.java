package org.voipguard.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/**
 * Works out a call's class, price per minute and cost. The CDR's own rate and cost win; what the
 * CDR leaves empty comes from the tariff, per second, at four decimal places.
 */
@Component
public class CallPricer {

    static final int ANSWERED = 200;
    private static final int COST_SCALE = 4;
    private static final BigDecimal PENCE_SECONDS_PER_POUND_MINUTE = BigDecimal.valueOf(60 * 100);
    private static final BigDecimal NO_COST = BigDecimal.ZERO.setScale(COST_SCALE);

    private final DialledNumberClassifier classifier;
    private final Tariff tariff;

    public CallPricer(DialledNumberClassifier classifier, Tariff tariff) {
        this.classifier = classifier;
        this.tariff = tariff;
    }

    /**
     * @param ratePpm the CDR's pence per minute, or null to take the tariff's
     * @param costGbp the CDR's cost, or null to compute it from the price (0 for unanswered calls)
     * @throws PricingException naming the CDR field at fault: {@code called}, {@code rate_ppm},
     *                          {@code cost_gbp}, {@code duration_s} or {@code start_time}
     */
    public PricedCall price(String called, OffsetDateTime startTime, int durationS, int sipStatus,
            BigDecimal ratePpm, BigDecimal costGbp) throws PricingException {
        Classification dialled = classifier.classify(called);
        if (durationS < 0) {
            throw new PricingException("duration_s", "the duration cannot be negative");
        }
        BigDecimal pricePpm = ratePpm != null ? checkedRate(ratePpm) : tariffPrice(dialled, startTime);
        BigDecimal cost = costGbp != null ? checkedCost(costGbp) : cost(durationS, sipStatus, pricePpm);
        return new PricedCall(dialled.e164(), dialled.callClass(), dialled.premium(), pricePpm, cost);
    }

    /** The price of a call before it is placed: class and tariff price per minute, cost zero. */
    public PricedCall quote(String called, OffsetDateTime startTime) throws PricingException {
        return price(called, startTime, 0, 0, null, null);
    }

    private BigDecimal tariffPrice(Classification dialled, OffsetDateTime startTime) throws PricingException {
        if (startTime == null) {
            throw new PricingException("start_time", "a start time is needed to price the call from the tariff");
        }
        return tariff.pricePpm(dialled.e164(), startTime).orElseThrow(() -> new PricingException("rate_ppm",
                "no rate in the CDR and no tariff entry for " + dialled.e164()));
    }

    private static BigDecimal checkedRate(BigDecimal ratePpm) throws PricingException {
        if (ratePpm.signum() < 0) {
            throw new PricingException("rate_ppm", "the rate cannot be negative");
        }
        return ratePpm;
    }

    private static BigDecimal checkedCost(BigDecimal costGbp) throws PricingException {
        if (costGbp.signum() < 0) {
            throw new PricingException("cost_gbp", "the cost cannot be negative");
        }
        return costGbp;
    }

    private static BigDecimal cost(int durationS, int sipStatus, BigDecimal pricePpm) {
        if (sipStatus != ANSWERED) {
            return NO_COST;
        }
        return pricePpm.multiply(BigDecimal.valueOf(durationS))
                .divide(PENCE_SECONDS_PER_POUND_MINUTE, COST_SCALE, RoundingMode.HALF_UP);
    }
}
