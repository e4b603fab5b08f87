package cn.dayi.ops.jobs;

import cn.dayi.marketplace.entrustment.Entrustments;
import io.micronaut.context.annotation.Prototype;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Delegates to {@link Entrustments#expireDue}: active entrustments past their last day expire; result = how many. */
@Prototype
@DisallowConcurrentExecution
class EntrustmentExpiryJob implements Job {

    private final Entrustments entrustments;

    EntrustmentExpiryJob(Entrustments entrustments) {
        this.entrustments = entrustments;
    }

    @Override
    public void execute(JobExecutionContext context) {
        context.setResult(entrustments.expireDue(entrustments.today()));
    }
}
