package cn.dayi.ops.jobs;

import cn.dayi.ops.history.JobParameters;
import cn.dayi.ops.settlement.SettlementPeriod;
import cn.dayi.ops.settlement.Settlements;
import io.micronaut.context.annotation.Prototype;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Delegates to {@link Settlements#settle} for an explicit period: the job data's {@code period}
 * ({@code YYYY-MM}; set by a retry or a manual run) or else the month before the trigger's
 * scheduled fire time in Asia/Shanghai (the 1st, 02:00 → the previous month, also when the fire
 * is recovered or misfired later). Result = statements written by this run.
 */
@Prototype
@DisallowConcurrentExecution
class MonthlySettlementJob implements Job {

    private final Settlements settlements;

    MonthlySettlementJob(Settlements settlements) {
        this.settlements = settlements;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String given = context.getMergedJobDataMap().getString(JobParameters.PERIOD);
        Instant due = context.getScheduledFireTime() != null ? context.getScheduledFireTime().toInstant()
                : context.getFireTime().toInstant();
        SettlementPeriod period = given != null ? SettlementPeriod.parse(given) : SettlementPeriod.monthBefore(due);
        JobParameters.record(context, JobParameters.PERIOD, period.toString());
        context.setResult(settlements.settle(period).writtenNow());
    }
}
