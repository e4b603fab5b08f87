package cn.dayi.ops.jobs;

import cn.dayi.marketplace.payment.CardReconciliation;
import io.micronaut.context.annotation.Prototype;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Delegates to {@link CardReconciliation#reconcile}: card payments still PENDING/UNKNOWN are asked about at Stripe. */
@Prototype
@DisallowConcurrentExecution
class CardReconciliationJob implements Job {

    private final CardReconciliation reconciliation;

    CardReconciliationJob(CardReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /**
     * Result: card payments and card refunds checked; a run where Stripe could not be asked about some of them is
     * FAILED (retryable).
     */
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        CardReconciliation.Result r = reconciliation.reconcile();
        context.setResult(r.checked() + r.refundsChecked());
        if (r.errors() > 0) {
            throw new JobExecutionException(r.errors() + " of " + r.checked() + " open card payments could not be checked "
                    + "at Stripe (confirmed " + r.confirmed() + ", failed " + r.failed() + ", flagged " + r.flagged()
                    + "); they stay open and the next run asks again");
        }
    }
}
