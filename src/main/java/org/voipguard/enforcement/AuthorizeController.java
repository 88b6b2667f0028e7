package org.voipguard.enforcement;

import java.time.Instant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voipguard.billing.PricingException;
import org.voipguard.cdr.CallAuthorizer;
import org.voipguard.numbers.NumberSettings;

/**
 * The questions a switch asks before it relays a call or accepts a registration. Every answer
 * is JSON; bad input is a 400 naming the parameter, never a stack trace.
 */
@RestController
@ConditionalOnWebApplication
class AuthorizeController {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizeController.class);
    private static final String METRIC = "voipguard.decisions";

    private final DecisionInputs inputs;
    private final CallAuthorizer calls;
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    AuthorizeController(DecisionInputs inputs, CallAuthorizer calls, MeterRegistry meters) {
        this.inputs = inputs;
        this.calls = calls;
        this.meters = meters;
    }

    @GetMapping("/v1/calls/authorize")
    ResponseEntity<?> authorizeCall(@RequestParam(required = false) String number,
            @RequestParam(required = false) String dialled, @RequestParam(required = false) String at,
            @RequestParam(required = false) String price) {
        return timed("calls", () -> {
            NumberSettings settings = inputs.settingsOf(RequestValues.number(number));
            try {
                Answers.Call answer = Answers.Call.of(calls.decide(settings, RequestValues.dialled(dialled),
                        RequestValues.at(at), RequestValues.price(price), inputs.rules()));
                return new Decided(answer.decision(), ResponseEntity.ok(answer));
            } catch (PricingException e) {
                throw new BadParameterException(e.field().equals("called") ? "dialled" : e.field(), e.getMessage());
            }
        });
    }

    @GetMapping("/v1/registrations/authorize")
    ResponseEntity<?> authorizeRegistration(@RequestParam(required = false) String number,
            @RequestParam(required = false) String ip) {
        return timed("registrations", () -> {
            NumberSettings settings = inputs.settingsOf(RequestValues.number(number));
            String address = RequestValues.ip(ip);
            String blocklisted = inputs.blocklisted(address, Instant.now())
                    .map(entry -> String.join(",", entry.reasons())).orElse(null);
            String decision = blocklisted == null && settings.accessList().permits(address) ? "ALLOW" : "DENY";
            return new Decided(decision, ResponseEntity.ok(new Answers.Registration(decision, settings.number(),
                    address, settings.accessList().asEntered(), blocklisted)));
        });
    }

    private ResponseEntity<?> timed(String endpoint, Supplier<Decided> decide) {
        Timer.Sample sample = Timer.start(meters);
        Decided decided = decideSafely(decide);
        sample.stop(timers.computeIfAbsent(endpoint + " " + decided.result(), key -> Timer.builder(METRIC)
                .description("Decisions of serve, by endpoint and result").tag("endpoint", endpoint)
                .tag("result", decided.result()).publishPercentileHistogram().register(meters)));
        return decided.response();
    }

    private static Decided decideSafely(Supplier<Decided> decide) {
        try {
            return decide.get();
        } catch (BadParameterException e) {
            return refused("BAD_REQUEST", HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (NotReadyException e) {
            return refused("UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("cannot decide", e);
            return refused("ERROR", HttpStatus.INTERNAL_SERVER_ERROR, "internal error; see the service's log");
        }
    }

    private static Decided refused(String result, HttpStatus status, String message) {
        return new Decided(result, ResponseEntity.status(status).body(new Answers.Error(message)));
    }

    private record Decided(String result, ResponseEntity<?> response) {
    }
}
