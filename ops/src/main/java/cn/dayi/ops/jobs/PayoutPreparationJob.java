package cn.dayi.ops.jobs;

import cn.dayi.ops.history.JobParameters;
import cn.dayi.ops.payout.Payouts;
import cn.dayi.ops.settlement.SettlementPeriod;
import io.micronaut.context.annotation.Prototype;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Delegates to {@link Payouts#prepare()}: every approved statement with a share gets its payout (Stripe transfer or
 * bank payout file), payouts waiting for an account are routed, transfers without an answer are asked again with the
 * same key. With the job data's {@code period} (a retry or a manual run) only that period. Result = payouts handled;
 * a run that left transfers without an answer is FAILED (retryable; the next run asks again anyway).
 */
@Prototype
@DisallowConcurrentExecution
class PayoutPreparationJob implements Job {

    private final Payouts payouts;

    PayoutPreparationJob(Payouts payouts) {
        this.payouts = payouts;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String given = context.getMergedJobDataMap().getString(JobParameters.PERIOD);
        Payouts.Result r;
        if (given != null) {
            SettlementPeriod period = SettlementPeriod.parse(given);
            JobParameters.record(context, JobParameters.PERIOD, period.toString());
            r = payouts.prepare(period);
        } else {
            r = payouts.prepare();
        }
        context.setResult(r.handled());
        if (r.unknown() > 0) {
            throw new JobExecutionException(r.unknown() + " Stripe transfers got no answer; they stay UNKNOWN and the next "
                    + "run asks again with the same idempotency key (" + r + ")");
        }
    }
}
