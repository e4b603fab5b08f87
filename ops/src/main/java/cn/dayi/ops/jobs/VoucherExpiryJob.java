package cn.dayi.ops.jobs;

import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.voucher.VoucherExpiry;
import io.micronaut.context.annotation.Prototype;
import java.time.Clock;
import java.time.LocalDate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Delegates to {@link VoucherExpiry#expireDue}: grants past their validity lose the quota nobody holds. */
@Prototype
@DisallowConcurrentExecution
class VoucherExpiryJob implements Job {

    private final VoucherExpiry expiry;
    private final Clock clock;

    VoucherExpiryJob(VoucherExpiry expiry, Clock clock) {
        this.expiry = expiry;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        context.setResult(expiry.expireDue(LocalDate.now(clock.withZone(ClockFactory.SHANGHAI))));
    }
}
