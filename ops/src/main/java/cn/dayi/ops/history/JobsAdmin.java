package cn.dayi.ops.history;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.ops.scheduling.JobSchedule;
import cn.dayi.ops.scheduling.SchedulerLifecycle;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * What the admin page and API show and do: every scheduled job with its cron, next and previous
 * fire time and last run; the recent runs of all nodes (newest first); "run now" and "retry a
 * failed run" (a retry repeats the run's parameter, e.g. the settlement period).
 *
 * <p>Errors: 404 {@code JOB_NOT_FOUND}, 404 {@code JOB_RUN_NOT_FOUND}, 409 {@code JOB_RUN_NOT_FAILED}
 * (only failed runs are retried), 409 {@code SCHEDULER_OFF} (this node runs without a scheduler).
 */
@Singleton
public class JobsAdmin {

    /** A job as listed: schedule, next / previous fire (UTC, null when unknown), last run. */
    @Serdeable
    public record JobView(String name, String description, String cron, String timeZone, Instant nextFireAt,
                          Instant previousFireAt, @Nullable JobRun lastRun, @Nullable JobRun lastFailure) {
    }

    /** The page's and API's answer. {@code node} is this node's scheduler instance id (null when off). */
    @Serdeable
    public record Overview(boolean schedulerRunning, @Nullable String node, List<JobView> jobs, List<JobRun> runs) {
    }

    private static final String RUN_COLUMNS = "id, job_name, trigger_name, node, scheduled_at, started_at, finished_at,"
            + " outcome, message, items_processed, parameter, recovering, requested_by, retry_of";

    private final Jdbc jdbc;
    private final List<JobSchedule> schedules;
    private final Environment environment;
    private final Scheduler scheduler;
    private final String timeZone;

    public JobsAdmin(Jdbc jdbc, List<JobSchedule> schedules, Environment environment, @Nullable Scheduler scheduler,
                     @Value("${dayi.scheduler.time-zone:Asia/Shanghai}") String timeZone) {
        this.jdbc = jdbc;
        this.schedules = schedules.stream().sorted(Comparator.comparing(JobSchedule::name)).toList();
        this.environment = environment;
        this.scheduler = scheduler;
        this.timeZone = timeZone;
    }

    /** Jobs and the {@code limit} most recent runs (1–500). */
    public Overview overview(int limit) {
        int n = Math.max(1, Math.min(500, limit));
        List<JobRun> runs = jdbc.read(c -> Jdbc.list(c, "SELECT " + RUN_COLUMNS + " FROM job_run ORDER BY id DESC LIMIT " + n,
                JobsAdmin::run));
        List<JobView> jobs = new ArrayList<>();
        for (JobSchedule s : schedules) {
            Optional<JobRun> last = latest("job_name = ?", s.name());
            Optional<JobRun> failure = latest("job_name = ? AND outcome = 'FAILED'", s.name());
            Trigger t = trigger(s.name());
            jobs.add(new JobView(s.name(), s.description(), s.cronIn(environment), timeZone,
                    t == null || t.getNextFireTime() == null ? null : t.getNextFireTime().toInstant(),
                    t == null || t.getPreviousFireTime() == null ? null : t.getPreviousFireTime().toInstant(),
                    last.orElse(null), failure.orElse(null)));
        }
        return new Overview(running(), node(), jobs, runs);
    }

    /** The runs of one job, newest first. */
    public List<JobRun> runs(String job, int limit) {
        schedule(job);
        int n = Math.max(1, Math.min(500, limit));
        return jdbc.read(c -> Jdbc.list(c, "SELECT " + RUN_COLUMNS + " FROM job_run WHERE job_name = ? ORDER BY id DESC LIMIT " + n,
                JobsAdmin::run, job));
    }

    public JobRun run(long id) {
        return latest("id = ?", id).orElseThrow(() -> new ApiException.NotFound("JOB_RUN_NOT_FOUND", "No job run " + id + "."));
    }

    /** Fires the job now on some node of the cluster (it waits if the job is running). */
    public void runNow(String job, long personId) {
        schedule(job);
        trigger(job, new JobDataMap(Map.of(JobParameters.REQUESTED_BY, Long.toString(personId))));
    }

    /** Runs a failed run's job again with the same parameter. */
    public void retry(long runId, long personId) {
        JobRun run = run(runId);
        if (!run.failed()) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "JOB_RUN_NOT_FAILED",
                    "Run " + runId + " of " + run.job() + " did not fail (" + run.outcome() + "); only failed runs are retried.");
        }
        schedule(run.job());
        JobDataMap data = new JobDataMap();
        data.put(JobParameters.REQUESTED_BY, Long.toString(personId));
        data.put(JobParameters.RETRY_OF, Long.toString(runId));
        if (run.parameter() != null && run.parameter().contains("=")) {
            String[] kv = run.parameter().split("=", 2);
            data.put(kv[0], kv[1]);
        }
        trigger(run.job(), data);
    }

    private void trigger(String job, JobDataMap data) {
        if (scheduler == null) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "SCHEDULER_OFF",
                    "The scheduler is off on this node (dayi.scheduler.enabled = false); run the job from a node that schedules.");
        }
        try {
            scheduler.triggerJob(SchedulerLifecycle.jobKey(job), data);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not trigger job " + job + ": " + e.getMessage(), e);
        }
    }

    private JobSchedule schedule(String job) {
        return schedules.stream().filter(s -> s.name().equals(job)).findFirst()
                .orElseThrow(() -> new ApiException.NotFound("JOB_NOT_FOUND", "No job named '" + job + "'."));
    }

    private Optional<JobRun> latest(String where, Object arg) {
        return jdbc.read(c -> Jdbc.one(c, "SELECT " + RUN_COLUMNS + " FROM job_run WHERE " + where + " ORDER BY id DESC LIMIT 1",
                JobsAdmin::run, arg));
    }

    private Trigger trigger(String job) {
        if (scheduler == null) {
            return null;
        }
        try {
            JobKey key = SchedulerLifecycle.jobKey(job);
            return scheduler.getTriggersOfJob(key).stream().filter(t -> t.getKey().getName().equals(job)).findFirst().orElse(null);
        } catch (SchedulerException e) {
            return null;
        }
    }

    private boolean running() {
        try {
            return scheduler != null && scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    private String node() {
        try {
            return scheduler == null ? null : scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return null;
        }
    }

    private static JobRun run(ResultSet rs) throws SQLException {
        return new JobRun(rs.getLong("id"), rs.getString("job_name"), rs.getString("trigger_name"), rs.getString("node"),
                Jdbc.instant(rs, "scheduled_at"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                rs.getString("outcome"), rs.getString("message"), (Integer) rs.getObject("items_processed", Integer.class),
                rs.getString("parameter"), rs.getBoolean("recovering"), rs.getObject("requested_by", Long.class),
                rs.getObject("retry_of", Long.class));
    }
}
