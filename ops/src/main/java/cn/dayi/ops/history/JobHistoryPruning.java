package cn.dayi.ops.history;

import cn.dayi.marketplace.db.Jdbc;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the job history small: deletes SUCCEEDED runs that started more than
 * {@code dayi.scheduler.history-days} (default 30) days ago. Failed runs stay until someone has seen
 * them (they are few); hold expiry alone writes 1,440 rows a day.
 */
@Singleton
public class JobHistoryPruning {

    private final Jdbc jdbc;
    private final Clock clock;
    private final int days;

    public JobHistoryPruning(Jdbc jdbc, Clock clock, @Value("${dayi.scheduler.history-days:30}") int days) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.days = Math.max(1, days);
    }

    /** Deletes the old successful runs; returns how many. Idempotent. */
    public int prune() {
        Instant before = clock.instant().minus(Duration.ofDays(days));
        return jdbc.write(c -> Jdbc.update(c, "DELETE FROM job_run WHERE outcome = 'SUCCEEDED' AND started_at < ?", before));
    }
}
