package cn.dayi.ops.scheduling;

import org.quartz.Job;

/**
 * One scheduled job: its name (the Quartz job key, also shown on the admin page and kept in the
 * job history), the job class (a bean that only delegates to a use case), its cron expression
 * (Quartz syntax, seconds first, evaluated in {@code dayi.scheduler.time-zone}, Asia/Shanghai by
 * default) and a one-line description for people. Declare one as a bean and {@link
 * SchedulerLifecycle} registers it on start; the cron comes from
 * {@code dayi.scheduler.jobs.<name>.cron} when set, else {@code defaultCron}.
 *
 * <p><b>Adding a job</b> (e.g. the hourly Stripe reconciliation): (1) a use-case bean in its
 * feature that does the work idempotently and returns how many items it handled; (2) a job class
 * in {@code cn.dayi.ops.jobs}, {@code @Prototype @DisallowConcurrentExecution}, whose
 * {@code execute} calls the use case and sets {@code context.setResult(count)}; (3) a
 * {@code JobSchedule} bean in {@code cn.dayi.ops.jobs.JobSchedules}. History, "run now", retry,
 * clustering and recovery come with it.
 */
public record JobSchedule(String name, Class<? extends Job> jobClass, String defaultCron, String description) {

    /** The cron expression in effect: {@code dayi.scheduler.jobs.<name>.cron} when set, else {@link #defaultCron()}. */
    public String cronIn(io.micronaut.core.value.PropertyResolver properties) {
        return properties.getProperty("dayi.scheduler.jobs." + name + ".cron", String.class).orElse(defaultCron);
    }

    public JobSchedule {
        if (name == null || name.isBlank() || jobClass == null || defaultCron == null) {
            throw new IllegalArgumentException("a job schedule needs a name, a job class and a cron expression");
        }
    }
}
