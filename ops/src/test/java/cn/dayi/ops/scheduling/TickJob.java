package cn.dayi.ops.scheduling;

import io.micronaut.context.annotation.Prototype;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;

/**
 * Test job: records which node ran each scheduled fire. Concurrent execution is allowed on purpose,
 * so only clustering keeps a fire from running on two nodes.
 */
@Prototype
public class TickJob implements Job {

    /** Scheduled fire time (ms) → the nodes that ran it. */
    static final Map<Long, List<String>> RUNS = new ConcurrentHashMap<>();

    @Override
    public void execute(JobExecutionContext context) {
        try {
            RUNS.computeIfAbsent(context.getScheduledFireTime().getTime(), k -> new CopyOnWriteArrayList<>())
                    .add(context.getScheduler().getSchedulerInstanceId());
            Thread.sleep(100);
        } catch (SchedulerException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        context.setResult(1);
    }
}
