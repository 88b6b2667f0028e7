package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The application context prices with the shipped {@code batch-config/tariff.csv}. */
@SpringBootTest
class CallPricerWiringTest {

    @Autowired
    CallPricer pricer;

    @Test
    void pricesAPremiumCallFromTheShippedTariff() throws PricingException {
        PricedCall call = pricer.price("09098 790123", OffsetDateTime.parse("2025-07-16T07:30:00Z"), 120, 200,
                null, null);

        assertThat(call).isEqualTo(new PricedCall("+449098790123", CallClass.NATIONAL, true,
                new BigDecimal("150"), new BigDecimal("3.0000")));
    }
}
