package cn.dayi.ops.history;

import cn.dayi.ops.scheduling.JobSchedule;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Test job that fails while {@link #FAILING} is set, like a job whose remote party is down. */
@Prototype
@DisallowConcurrentExecution
public class FlakyJob implements Job {

    static final AtomicBoolean FAILING = new AtomicBoolean();
    static final String REASON = "instrument register unreachable (test)";

    @Override
    public void execute(JobExecutionContext context) {
        if (FAILING.get()) {
            throw new IllegalStateException(REASON);
        }
        context.setResult(7);
    }

    /** Its schedule: never by itself (year 2099), only run now / retry. */
    @Factory
    static class Schedule {
        @Singleton
        @Named("test-flaky")
        JobSchedule flaky() {
            return new JobSchedule("test-flaky", FlakyJob.class, "0 0 0 1 1 ? 2099", "test job that fails on demand");
        }
    }
}
