package cn.dayi.ops.scheduling;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Quartz asks this factory for a job instance on every fire: the job class is a Micronaut bean
 * (declare it {@code @Prototype}), so its use case is injected. A job class that is not a bean
 * fails the run with a message that says so.
 */
@Singleton
public class BeanJobFactory implements JobFactory {

    private final BeanContext beans;

    public BeanJobFactory(BeanContext beans) {
        this.beans = beans;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        try {
            return beans.getBean(type);
        } catch (RuntimeException e) {
            throw new SchedulerException("job class " + type.getName() + " is not a Micronaut bean", e);
        }
    }
}
