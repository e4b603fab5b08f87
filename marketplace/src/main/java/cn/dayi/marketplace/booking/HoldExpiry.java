package cn.dayi.marketplace.booking;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires orders whose hold lapsed (unanswered SUBMITTED, unpaid AWAITING_PAYMENT) every minute and
 * frees their slots. Idempotent: the state move is conditional on the order's version, so a re-run
 * or a second node changes nothing twice. A Micronaut {@code @Scheduled} job for now; it moves to
 * the clustered Quartz scheduler with the money issue.
 */
@Singleton
public class HoldExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(HoldExpiry.class);

    private final Bookings bookings;
    private final Clock clock;

    public HoldExpiry(Bookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void run() {
        int n = bookings.expireDue(clock.instant());
        if (n > 0) {
            LOG.info("Expired {} orders whose hold lapsed", n);
        }
    }
}
