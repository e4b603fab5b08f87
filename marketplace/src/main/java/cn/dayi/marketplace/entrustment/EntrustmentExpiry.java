package cn.dayi.marketplace.entrustment;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires active entrustments after their last day, every hour (idempotent: an expired one is not
 * active any more, and the state move is conditional). Moves to the Quartz scheduler with the
 * other jobs when the ops module arrives.
 */
@Singleton
public class EntrustmentExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(EntrustmentExpiry.class);

    private final Entrustments entrustments;

    public EntrustmentExpiry(Entrustments entrustments) {
        this.entrustments = entrustments;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void run() {
        int n = entrustments.expireDue(entrustments.today());
        if (n > 0) {
            LOG.info("Expired {} entrustments whose term ended", n);
        }
    }
}
