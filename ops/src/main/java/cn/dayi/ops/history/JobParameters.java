package cn.dayi.ops.history;

import org.quartz.JobExecutionContext;

/**
 * Keys of the job data (strings, as the job store keeps them) that the history and the admin
 * actions use, and how a job records the business parameter of its run (e.g. the settlement
 * period) so that the history shows it and a retry repeats it.
 */
public final class JobParameters {

    /** Settlement period {@code YYYY-MM}. */
    public static final String PERIOD = "period";
    /** Person who pressed run now / retry. */
    public static final String REQUESTED_BY = "requestedBy";
    /** The failed run a retry repeats. */
    public static final String RETRY_OF = "retryOf";

    static final String RECORDED = "dayi.parameter";

    private JobParameters() {
    }

    /** Records {@code key=value} as the run's parameter (a retry passes it back in the job data). */
    public static void record(JobExecutionContext context, String key, String value) {
        context.put(RECORDED, key + "=" + value);
    }
}
