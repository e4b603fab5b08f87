package cn.dayi.ops.scheduling;

import cn.dayi.marketplace.db.PlainDataSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.EverythingMatcher;
import org.quartz.utils.DBConnectionManager;

/**
 * The Quartz scheduler of this node: clustered JDBC job store ({@code JobStoreTX},
 * {@code StdJDBCDelegate}, tables {@code QRTZ_*} created by Flyway V200) on the application's own
 * database pool, instance id AUTO (host name + start time), jobs made by {@link BeanJobFactory},
 * every {@link JobListener} bean listening to every job. Created only when
 * {@code dayi.scheduler.enabled} is not {@code false} (the CLI commands and most tests turn it off).
 *
 * <p>Settings ({@code dayi.scheduler.*}): {@code instance-name} (the cluster's name, the
 * {@code SCHED_NAME} column; default {@code dayi}), {@code thread-count} (3),
 * {@code cluster-checkin-interval-ms} (15,000: how soon a dead node's jobs are recovered),
 * {@code misfire-threshold-ms} (60,000: a trigger later than this counts as misfired and follows
 * its misfire instruction).
 */
@Factory
public class QuartzFactory {

    @Singleton
    @Requires(property = "dayi.scheduler.enabled", notEquals = "false")
    Scheduler scheduler(DataSource dataSource, BeanJobFactory jobFactory, List<JobListener> listeners,
                        @Value("${dayi.scheduler.instance-name:dayi}") String instanceName,
                        @Value("${dayi.scheduler.thread-count:3}") int threadCount,
                        @Value("${dayi.scheduler.cluster-checkin-interval-ms:15000}") long checkinMillis,
                        @Value("${dayi.scheduler.misfire-threshold-ms:60000}") long misfireMillis)
            throws SchedulerException {
        return create(PlainDataSource.of(dataSource), jobFactory, listeners,
                properties(instanceName, threadCount, checkinMillis, misfireMillis));
    }

    /**
     * A scheduler (not yet started) over {@code dataSource} with these Quartz properties; public for
     * the clustering test, which starts a second node beside the context's own.
     */
    public static Scheduler create(DataSource dataSource, BeanJobFactory jobFactory, List<JobListener> listeners,
                                   Properties p) throws SchedulerException {
        DBConnectionManager.getInstance().addConnectionProvider(p.getProperty("org.quartz.jobStore.dataSource"),
                new DataSourceConnectionProvider(dataSource));
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        // StdSchedulerFactory keeps schedulers in a JVM-wide registry by instance name and would hand
        // this one to the next context in the same JVM (tests, a second node in one process); every
        // context gets its own scheduler, so it is not kept there.
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.setJobFactory(jobFactory);
        for (JobListener listener : listeners) {
            scheduler.getListenerManager().addJobListener(listener, EverythingMatcher.allJobs());
        }
        return scheduler;
    }

    /** The Quartz properties of one node. */
    public static Properties properties(String instanceName, int threadCount, long checkinMillis, long misfireMillis) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, instanceName);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threadCount));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        // a connection provider of this context's own (registered in DBConnectionManager above)
        p.setProperty("org.quartz.jobStore.dataSource", "dayi-" + UUID.randomUUID());
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinMillis));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireMillis));
        // job data holds strings only (period, requestedBy …): readable in the tables, no Java serialisation
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "false");
        return p;
    }
}
