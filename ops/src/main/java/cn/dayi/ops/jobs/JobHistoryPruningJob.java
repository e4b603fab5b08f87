package cn.dayi.ops.jobs;

import cn.dayi.ops.history.JobHistoryPruning;
import io.micronaut.context.annotation.Prototype;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Delegates to {@link JobHistoryPruning#prune}: old successful runs leave the history; result = how many. */
@Prototype
@DisallowConcurrentExecution
class JobHistoryPruningJob implements Job {

    private final JobHistoryPruning pruning;

    JobHistoryPruningJob(JobHistoryPruning pruning) {
        this.pruning = pruning;
    }

    @Override
    public void execute(JobExecutionContext context) {
        context.setResult(pruning.prune());
    }
}
