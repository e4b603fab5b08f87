package cn.dayi.ops.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.db.PlainDataSource;
import cn.dayi.ops.RealServices;
import cn.dayi.ops.history.JobHistoryListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.jdbcjobstore.JobStoreTX;

/**
 * The scheduler as a cluster: two nodes on the same QRTZ_ tables run each fire once; the
 * application's jobs are registered recoverable, non-concurrent, in Asia/Shanghai, firing once
 * after a misfire; a job that was running on a node that died is run again on a live node.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusteredSchedulerIT implements RealServices {

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("dayi.scheduler.enabled", "true", "dayi.scheduler.cluster-checkin-interval-ms", "1000");
    }

    @Inject
    Scheduler nodeA;
    @Inject
    BeanJobFactory jobFactory;
    @Inject
    JobHistoryListener history;
    @Inject
    DataSource dataSource;
    @Inject
    Jdbc jdbc;

    @Test
    void twoNodesOnOneDatabaseRunEachFireOnce() throws Exception {
        Scheduler nodeB = QuartzFactory.create(PlainDataSource.of(dataSource), jobFactory, List.of(history),
                QuartzFactory.properties("dayi", 3, 1000, 60_000));
        nodeB.start();
        try {
            assertNotEquals(nodeA.getSchedulerInstanceId(), nodeB.getSchedulerInstanceId());
            int fires = 12;
            JobDetail job = JobBuilder.newJob(TickJob.class).withIdentity("tick", "it").requestRecovery(true).build();
            Trigger every300ms = TriggerBuilder.newTrigger().withIdentity("tick", "it").startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(300).withRepeatCount(fires - 1))
                    .build();
            nodeB.scheduleJob(job, every300ms);
            long deadline = System.currentTimeMillis() + 30_000;
            while (finished("tick") < fires && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(fires, TickJob.RUNS.size(), "every fire ran: " + TickJob.RUNS);
            // both nodes were live members of the cluster while the fires ran (each checks in to the shared table)
            assertEquals(2L, count("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = 'dayi' AND INSTANCE_NAME IN (?, ?)",
                    nodeA.getSchedulerInstanceId(), nodeB.getSchedulerInstanceId()));
            TickJob.RUNS.forEach((fire, nodes) -> assertEquals(1, nodes.size(), "fire " + Instant.ofEpochMilli(fire)
                    + " ran on " + nodes));
            Set<String> both = Set.of(nodeA.getSchedulerInstanceId(), nodeB.getSchedulerInstanceId());
            TickJob.RUNS.values().forEach(nodes -> assertTrue(both.contains(nodes.get(0))));
            System.out.println("fires per node: " + TickJob.RUNS.values().stream()
                    .collect(java.util.stream.Collectors.groupingBy(n -> n.get(0), java.util.stream.Collectors.counting())));
            // the history has one row per fire, each with the node that ran it
            assertEquals(fires, finished("tick"));
            assertEquals(0L, count("SELECT COUNT(*) FROM job_run WHERE job_name = 'tick' AND outcome <> 'SUCCEEDED'"));
            assertEquals(fires, count("SELECT COUNT(DISTINCT fire_instance_id) FROM job_run WHERE job_name = 'tick'"));
        } finally {
            nodeB.shutdown(true);
        }
    }

    @Test
    void theApplicationsJobsAreClusteredRecoverableNonConcurrentAndFireOnceAfterAMisfire() throws Exception {
        assertTrue(nodeA.getMetaData().isJobStoreClustered());
        assertTrue(nodeA.getMetaData().isJobStoreSupportsPersistence());
        assertEquals(JobStoreTX.class, nodeA.getMetaData().getJobStoreClass());
        assertTrue(nodeA.isStarted());
        for (String name : List.of("hold-expiry", "entrustment-expiry", "monthly-settlement")) {
            JobDetail d = nodeA.getJobDetail(SchedulerLifecycle.jobKey(name));
            assertTrue(d.requestsRecovery(), name + " requests recovery");
            assertTrue(d.isConcurrentExecutionDisallowed(), name + " disallows concurrent execution");
            CronTrigger t = (CronTrigger) nodeA.getTrigger(SchedulerLifecycle.triggerKey(name));
            assertEquals(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW, t.getMisfireInstruction(), name);
            assertEquals("Asia/Shanghai", t.getTimeZone().getID(), name);
        }
        CronTrigger monthly = (CronTrigger) nodeA.getTrigger(SchedulerLifecycle.triggerKey("monthly-settlement"));
        ZonedDateTime next = monthly.getNextFireTime().toInstant().atZone(ZoneId.of("Asia/Shanghai"));
        assertEquals(1, next.getDayOfMonth());
        assertEquals(2, next.getHour());
        assertEquals(0, next.getMinute());
        // stored in the database, where every node sees them
        assertEquals(3L, count("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE SCHED_NAME = 'dayi' AND TRIGGER_GROUP = 'dayi'"
                + " AND TRIGGER_NAME IN ('hold-expiry', 'entrustment-expiry', 'monthly-settlement')"));
    }

    @Test
    void aJobRunningOnANodeThatDiedIsRecoveredOnALiveNode() throws Exception {
        // a node "dead-node" stopped checking in two minutes ago while running hold-expiry
        long now = System.currentTimeMillis();
        jdbc.write(c -> {
            Jdbc.update(c, "INSERT INTO QRTZ_SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL)"
                    + " VALUES ('dayi', 'dead-node', ?, 1000)", now - 120_000);
            return Jdbc.update(c, "INSERT INTO QRTZ_FIRED_TRIGGERS (SCHED_NAME, ENTRY_ID, TRIGGER_NAME, TRIGGER_GROUP, INSTANCE_NAME,"
                    + " FIRED_TIME, SCHED_TIME, PRIORITY, STATE, JOB_NAME, JOB_GROUP, IS_NONCONCURRENT, REQUESTS_RECOVERY)"
                    + " VALUES ('dayi', 'dead-node-1', 'hold-expiry', 'dayi', 'dead-node', ?, ?, 5, 'EXECUTING', 'hold-expiry',"
                    + " 'dayi', '1', '1')", now - 121_000, now - 121_000);
        });
        String live = nodeA.getSchedulerInstanceId();
        long deadline = System.currentTimeMillis() + 30_000;
        long recovered = 0;
        while (recovered == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            recovered = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM job_run WHERE job_name = 'hold-expiry'"
                    + " AND recovering = TRUE AND outcome = 'SUCCEEDED' AND node = ?", live));
        }
        assertEquals(1L, recovered, "the live node ran the dead node's job again, marked as recovering");
        assertEquals(0L, count("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = 'dead-node'"));
    }

    private long count(String sql, Object... args) {
        return jdbc.read(c -> Jdbc.count(c, sql, args));
    }

    private long finished(String job) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM job_run WHERE job_name = ? AND finished_at IS NOT NULL", job));
    }
}
