package cn.dayi.marketplace.payment;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * TEMPORARY hourly trigger of {@link CardReconciliation#reconcile()} with Micronaut's
 * {@code @Scheduled} (on every node; harmless, as reconciliation is idempotent). Delete this class
 * when the clustered Quartz job in {@code ops} calls {@link CardReconciliation#reconcile()}.
 */
@Singleton
class CardReconciliationSchedule {

    private final CardReconciliation reconciliation;

    CardReconciliationSchedule(CardReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void run() {
        reconciliation.reconcile();
    }
}
