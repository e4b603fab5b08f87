package cn.dayi.ops.jobs;

import cn.dayi.ops.scheduling.JobSchedule;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The schedules of the platform's jobs (cron in Quartz syntax, Asia/Shanghai). Each can be changed
 * with {@code dayi.scheduler.jobs.<name>.cron}.
 *
 * <table>
 *   <caption>jobs</caption>
 *   <tr><th>name</th><th>default</th><th>use case</th></tr>
 *   <tr><td>hold-expiry</td><td>every minute</td><td>{@code Bookings.expireDue(now)}</td></tr>
 *   <tr><td>entrustment-expiry</td><td>hourly at :05</td><td>{@code Entrustments.expireDue(today)}</td></tr>
 *   <tr><td>monthly-settlement</td><td>1st of the month, 02:00</td><td>{@code Settlements.settle(previous month)}</td></tr>
 *   <tr><td>job-history-pruning</td><td>daily, 03:30</td><td>{@code JobHistoryPruning.prune()}</td></tr>
 *   <tr><td>card-reconciliation</td><td>hourly at :15</td><td>{@code CardReconciliation.reconcile()}</td></tr>
 *   <tr><td>voucher-expiry</td><td>daily, 00:10</td><td>{@code VoucherExpiry.expireDue(today)}</td></tr>
 *   <tr><td>payout-preparation</td><td>daily, 06:00</td><td>{@code Payouts.prepare()}</td></tr>
 * </table>
 * Others add theirs here (one {@code @Bean} method each).
 */
@Factory
class JobSchedules {

    static final String HOLD_EXPIRY = "hold-expiry";
    static final String ENTRUSTMENT_EXPIRY = "entrustment-expiry";
    static final String MONTHLY_SETTLEMENT = "monthly-settlement";
    static final String JOB_HISTORY_PRUNING = "job-history-pruning";
    static final String CARD_RECONCILIATION = "card-reconciliation";
    static final String VOUCHER_EXPIRY = "voucher-expiry";
    static final String PAYOUT_PREPARATION = "payout-preparation";

    @Singleton
    @Named(HOLD_EXPIRY)
    JobSchedule holdExpiry() {
        return new JobSchedule(HOLD_EXPIRY, HoldExpiryJob.class, "0 * * * * ?",
                "Expire orders whose hold lapsed (unanswered 24 h, unpaid 48 h) and free their slots");
    }

    @Singleton
    @Named(ENTRUSTMENT_EXPIRY)
    JobSchedule entrustmentExpiry() {
        return new JobSchedule(ENTRUSTMENT_EXPIRY, EntrustmentExpiryJob.class, "0 5 * * * ?",
                "Expire active entrustments after their last day");
    }

    @Singleton
    @Named(MONTHLY_SETTLEMENT)
    JobSchedule monthlySettlement() {
        return new JobSchedule(MONTHLY_SETTLEMENT, MonthlySettlementJob.class, "0 0 2 1 * ?",
                "Settlement statements per operator and owner for the previous month");
    }

    @Singleton
    @Named(JOB_HISTORY_PRUNING)
    JobSchedule jobHistoryPruning() {
        return new JobSchedule(JOB_HISTORY_PRUNING, JobHistoryPruningJob.class, "0 30 3 * * ?",
                "Delete successful job runs older than 30 days (failures are kept)");
    }

    @Singleton
    @Named(CARD_RECONCILIATION)
    JobSchedule cardReconciliation() {
        return new JobSchedule(CARD_RECONCILIATION, CardReconciliationJob.class, "0 15 * * * ?",
                "Ask Stripe about card payments still PENDING/UNKNOWN after 15 minutes and apply what it says");
    }

    @Singleton
    @Named(VOUCHER_EXPIRY)
    JobSchedule voucherExpiry() {
        return new JobSchedule(VOUCHER_EXPIRY, VoucherExpiryJob.class, "0 10 0 * * ?",
                "Innovation-voucher grants past their validity lose the quota nobody holds");
    }

    @Singleton
    @Named(PAYOUT_PREPARATION)
    JobSchedule payoutPreparation() {
        return new JobSchedule(PAYOUT_PREPARATION, PayoutPreparationJob.class, "0 0 6 * * ?",
                "Pay approved settlement statements: Stripe transfers or the bank payout file; ask again where Stripe did not answer");
    }
}
