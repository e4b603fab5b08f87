package cn.dayi.ops.jobs;

import cn.dayi.marketplace.booking.Bookings;
import io.micronaut.context.annotation.Prototype;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Delegates to {@link Bookings#expireDue}: orders whose hold lapsed become EXPIRED; result = how many. */
@Prototype
@DisallowConcurrentExecution
class HoldExpiryJob implements Job {

    private final Bookings bookings;
    private final Clock clock;

    HoldExpiryJob(Bookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        context.setResult(bookings.expireDue(clock.instant()));
    }
}
