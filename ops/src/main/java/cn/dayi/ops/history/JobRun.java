package cn.dayi.ops.history;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One run of a job, as in {@code job_run}. Instants are UTC; {@code outcome} is RUNNING,
 * SUCCEEDED or FAILED; {@code trigger} is the schedule's name or {@code manual};
 * {@code parameter} is e.g. {@code period=2026-10}.
 */
@Serdeable
public record JobRun(long id, String job, String trigger, String node, Instant scheduledAt, Instant startedAt,
                     Instant finishedAt, String outcome, String message, Integer itemsProcessed, String parameter,
                     boolean recovering, Long requestedBy, Long retryOf) {

    public boolean failed() {
        return "FAILED".equals(outcome);
    }
}
