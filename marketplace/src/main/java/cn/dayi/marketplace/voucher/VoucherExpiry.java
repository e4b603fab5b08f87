package cn.dayi.marketplace.voucher;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.time.ClockFactory;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily voucher expiry: grants whose validity (or whose programme's) ended before today lose the
 * quota nobody holds ({@code expired_fen} = quota − held − captured, state EXPIRED). Amounts still
 * held on open orders stay held: they are captured when the order completes, or lapse (move to
 * expired) when it is cancelled. One UPDATE, so running it twice, or on two nodes, changes nothing
 * the second time.
 *
 * <p>{@link #expireDue(LocalDate)} is the use case the Quartz job of the {@code ops} module will
 * call; the {@code @Scheduled} trigger below is TEMPORARY until that job exists (remove it then).
 */
@Singleton
public class VoucherExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(VoucherExpiry.class);

    private final Jdbc jdbc;
    private final Clock clock;

    VoucherExpiry(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Expires every ACTIVE grant whose last valid day is before {@code today} (Asia/Shanghai); returns how many. */
    public int expireDue(LocalDate today) {
        return jdbc.write(c -> Jdbc.update(c, """
                UPDATE voucher_grant g JOIN voucher_programme p ON p.id = g.programme_id
                SET g.expired_fen = g.quota_fen - g.held_fen - g.captured_fen, g.state = 'EXPIRED',
                    g.updated_at = CURRENT_TIMESTAMP(3)
                WHERE g.state = 'ACTIVE' AND (g.valid_until < ? OR p.valid_until < ?)""", today, today));
    }

    /** TEMPORARY trigger (hourly, idempotent) until the ops module's Quartz job calls {@link #expireDue}. */
    @Scheduled(fixedDelay = "1h", initialDelay = "2m")
    void run() {
        int n = expireDue(LocalDate.now(clock.withZone(ClockFactory.SHANGHAI)));
        if (n > 0) {
            LOG.info("{} voucher grant(s) expired", n);
        }
    }
}
