package cn.dayi.ops.history;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.ops.scheduling.SchedulerLifecycle;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the job history: a RUNNING row when a job starts on this node, completed with the
 * outcome, the message and the job's result (items processed, an {@code Integer}) when it ends.
 * A failure to write history is logged and never fails the job.
 */
@Singleton
public class JobHistoryListener implements JobListener {

    private static final Logger LOG = LoggerFactory.getLogger(JobHistoryListener.class);

    private final Jdbc jdbc;
    private final Clock clock;

    public JobHistoryListener(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return "dayi-job-history";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        // schedules are in the application's group; "run now" / retry triggers are Quartz's MT_… in DEFAULT
        boolean manual = !SchedulerLifecycle.GROUP.equals(context.getTrigger().getKey().getGroup()) && !context.isRecovering();
        String parameter = data.containsKey(JobParameters.PERIOD) ? JobParameters.PERIOD + "=" + data.getString(JobParameters.PERIOD) : null;
        try {
            jdbc.write(c -> Jdbc.update(c, "INSERT INTO job_run (job_name, trigger_name, fire_instance_id, node, scheduled_at,"
                            + " started_at, outcome, parameter, recovering, requested_by, retry_of)"
                            + " VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?)",
                    context.getJobDetail().getKey().getName(), manual ? "manual" : context.isRecovering() ? "recovery" : context.getTrigger().getKey().getName(),
                    context.getFireInstanceId(), node(context),
                    manual || context.getScheduledFireTime() == null ? null : context.getScheduledFireTime().toInstant(),
                    clock.instant(), parameter, context.isRecovering(), number(data, JobParameters.REQUESTED_BY),
                    number(data, JobParameters.RETRY_OF)));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the start of job {}: {}", context.getJobDetail().getKey(), e.getMessage());
        }
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
        // no trigger listener vetoes
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        Instant now = clock.instant();
        String outcome = failure == null ? "SUCCEEDED" : "FAILED";
        String message = failure == null ? successMessage(context) : reason(failure);
        Integer items = context.getResult() instanceof Number n ? n.intValue() : null;
        Object recorded = context.get(JobParameters.RECORDED);
        try {
            jdbc.write(c -> Jdbc.update(c, "UPDATE job_run SET finished_at = ?, outcome = ?, message = ?, items_processed = ?,"
                            + " parameter = COALESCE(?, parameter) WHERE fire_instance_id = ?",
                    now, outcome, clip(message), items, recorded == null ? null : recorded.toString(),
                    context.getFireInstanceId()));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the end of job {} ({}): {}", context.getJobDetail().getKey(), outcome, e.getMessage());
        }
        if (failure != null) {
            LOG.warn("Job {} failed: {}", context.getJobDetail().getKey().getName(), message);
        }
    }

    private static String successMessage(JobExecutionContext context) {
        return context.getResult() instanceof Number n ? n + " processed" : "done";
    }

    /** The innermost cause's message: what actually went wrong, without the Quartz wrapping. */
    static String reason(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null || m.isBlank()) ? t.getClass().getSimpleName() : m;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "…";
    }

    private static Long number(JobDataMap data, String key) {
        String v = data.containsKey(key) ? data.getString(key) : null;
        try {
            return v == null ? null : Long.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String node(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
