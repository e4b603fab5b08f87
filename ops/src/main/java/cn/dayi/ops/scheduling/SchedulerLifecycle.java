package cn.dayi.ops.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On application start: registers every {@link JobSchedule} (durable job, recovery requested,
 * a cron trigger in the configured time zone that fires once at once after a misfire) and starts
 * the scheduler; on stop, shuts it down and waits for running jobs. Several nodes starting at once
 * is fine: a schedule is only replaced when its cron or time zone changed.
 */
@Singleton
@Requires(property = "dayi.scheduler.enabled", notEquals = "false")
public class SchedulerLifecycle implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLifecycle.class);
    /** Quartz group of the jobs and triggers this application registers. */
    public static final String GROUP = "dayi";

    private final Scheduler scheduler;
    private final List<JobSchedule> schedules;
    private final Environment environment;
    private final TimeZone timeZone;

    public SchedulerLifecycle(Scheduler scheduler, List<JobSchedule> schedules, Environment environment,
                              @Value("${dayi.scheduler.time-zone:Asia/Shanghai}") String timeZone) {
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.environment = environment;
        this.timeZone = TimeZone.getTimeZone(timeZone);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            for (JobSchedule s : schedules) {
                register(s);
            }
            scheduler.start();
            LOG.info("Quartz scheduler {} started as node {} with {} jobs", scheduler.getSchedulerName(),
                    scheduler.getSchedulerInstanceId(), schedules.size());
        } catch (SchedulerException e) {
            throw new IllegalStateException("the Quartz scheduler could not start: " + e.getMessage(), e);
        }
    }

    public static JobKey jobKey(String name) {
        return JobKey.jobKey(name, GROUP);
    }

    static TriggerKey triggerKey(String name) {
        return TriggerKey.triggerKey(name, GROUP);
    }

    private void register(JobSchedule s) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(s.jobClass()).withIdentity(jobKey(s.name())).withDescription(s.description())
                .storeDurably().requestRecovery(true).build();
        scheduler.addJob(job, true);
        String cron = s.cronIn(environment);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey(s.name())).forJob(job)
                .withDescription(cron + " " + timeZone.getID())
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(timeZone)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        if (existing == null) {
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException raced) {
                // another node registered it a moment ago
            }
        } else if (!(existing instanceof CronTrigger c) || !cron.equals(c.getCronExpression())
                || !timeZone.getID().equals(c.getTimeZone().getID())) {
            scheduler.rescheduleJob(trigger.getKey(), trigger);
            LOG.info("Job {} rescheduled: {} {}", s.name(), cron, timeZone.getID());
        }
    }

    @PreDestroy
    void stop() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("Quartz scheduler did not shut down cleanly: {}", e.getMessage());
        }
    }
}
