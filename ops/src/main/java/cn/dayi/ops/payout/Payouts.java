package cn.dayi.ops.payout;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.ledger.AccountRef;
import cn.dayi.marketplace.ledger.AccountType;
import cn.dayi.marketplace.ledger.JournalDraft;
import cn.dayi.marketplace.ledger.Ledger;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.ops.settlement.SettlementPeriod;
import cn.dayi.ops.settlement.StatementReviews;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payouts (结算付款) of approved settlement statements: one per statement (UNIQUE statement, UNIQUE party + period),
 * so a crash mid-run and a re-run never pay twice. States and moves: {@link PayoutState}.
 *
 * <p>{@link #prepare()} (the daily {@code payout-preparation} job):
 * <ol>
 *   <li>writes a payout, WAITING_FOR_ACCOUNT, for every statement whose latest answer is APPROVED with
 *       {@code share_fen > 0} and no payout yet; the amount is the share, split into the OWNER and OPERATOR lines'
 *       shares (which sum to it);</li>
 *   <li>routes every payout waiting for an account: a Stripe connected account while Stripe is configured →
 *       PENDING (Stripe transfer); else bank details → IN_FILE (a row of the period's bank payout file); else it
 *       keeps waiting;</li>
 *   <li>creates the Stripe transfer of every PENDING / UNKNOWN payout with its deterministic idempotency key
 *       {@code payout-<statementId>-attempt-<n>} (amount in fen, currency {@code cny}, {@code transfer_group} = the
 *       period): created → TRANSFERRED; refused → FAILED with Stripe's reason; no answer → UNKNOWN (the next run
 *       asks again with the same key, and Stripe answers with the transfer it made, if it made one).</li>
 * </ol>
 * When money leaves (transfer created; bank payout marked paid) the journal {@code PAYOUT:<payoutId>} is posted in
 * the same transaction: debit the party's OWNER_PAYABLE and OPERATOR_PAYABLE by the statement's per-role shares,
 * credit CARD_CLEARING (the Stripe balance) or BANK_CLEARING by the amount.
 *
 * <p>Platform admins list a period's payouts, download its bank payout file, mark bank payouts paid or failed (with a
 * reason) and retry failed ones (a Stripe retry takes the next attempt's key). Errors: 403 {@code FORBIDDEN} (not a
 * platform admin); 404 {@code PAYOUT_NOT_FOUND}; 409 {@code PAYOUT_NOT_IN_FILE} (paid / failed only for a bank payout
 * in the file), {@code PAYOUT_NOT_FAILED} (retry); 400 {@code REASON_REQUIRED}, {@code BANK_REFERENCE_INVALID}.
 */
@Singleton
public class Payouts {

    private static final Logger LOG = LoggerFactory.getLogger(Payouts.class);

    /** Column headings of the bank payout file, zh-CN then English. */
    public static final List<String> FILE_COLUMNS = List.of("户名 Payee", "开户行 Bank", "账号 Account number",
            "金额（元） Amount (CNY)", "金额（分） Amount (fen)", "附言 Reference", "付款编号 Payout id");

    /**
     * What one preparation run did.
     *
     * @param created     payouts written now (one per newly approved statement)
     * @param inFile      payouts put into a bank payout file now
     * @param transferred Stripe transfers created (or confirmed by asking again) now
     * @param failed      Stripe refusals now
     * @param unknown     payouts whose transfer got no answer (asked again next run)
     * @param waiting     payouts still waiting for a payout account after the run
     * @param handled     distinct payouts written or moved by this run
     */
    @Serdeable
    public record Result(int created, int inFile, int transferred, int failed, int unknown, int waiting, int handled) {
    }

    /**
     * A payout. Money in fen (CNY).
     *
     * @param state            {@link PayoutState} name
     * @param method           {@code STRIPE_TRANSFER}, {@code BANK_FILE}, or null while waiting for an account
     * @param attempt          the Stripe attempt (idempotency key {@code payout-<statementId>-attempt-<attempt>})
     * @param failureReason    Stripe's or finance's reason of a failure; for UNKNOWN, what the call ran into
     * @param journalId        the ledger journal {@code PAYOUT:<id>} once the money left, else null
     */
    @Serdeable
    public record View(long id, long statementId, long partyId, String partyName, String period, long amountFen,
                       long ownerFen, long operatorFen, String currency, String state, String method, int attempt,
                       String stripeAccountId, String stripeTransferId, String payeeName, String bankName,
                       String accountNumber, String bankReference, String failureCode, String failureReason,
                       Long journalId, Instant createdAt, Instant updatedAt, Instant paidAt) {
    }

    private final Jdbc jdbc;
    private final Ledger ledger;
    private final Clock clock;
    private final StripeTransfers stripe;
    private final PayoutAccounts accounts;

    Payouts(Jdbc jdbc, Ledger ledger, Clock clock, StripeTransfers stripe, PayoutAccounts accounts) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
        this.stripe = stripe;
        this.accounts = accounts;
    }

    /** The deterministic Stripe idempotency key of a statement's payout attempt. */
    static String key(long statementId, int attempt) {
        return "payout-" + statementId + "-attempt-" + attempt;
    }

    // ---- preparation ----

    /** Prepares the payouts of every period (see the class comment). */
    public Result prepare() {
        return run(null);
    }

    /** Prepares the payouts of one period only. */
    public Result prepare(SettlementPeriod period) {
        return run(period.toString());
    }

    private Result run(String period) {
        Set<Long> touched = new LinkedHashSet<>();
        int created = 0;
        for (long statement : approvedWithoutPayout(period)) {
            Optional<Long> id = create(statement);
            if (id.isPresent()) {
                created++;
                touched.add(id.get());
            }
        }
        int inFile = 0;
        for (long id : ids("state = 'WAITING_FOR_ACCOUNT'", period)) {
            PayoutState now = route(id, null);
            if (now == PayoutState.IN_FILE) {
                inFile++;
            }
            if (now != PayoutState.WAITING_FOR_ACCOUNT) {
                touched.add(id);
            }
        }
        int transferred = 0;
        int failed = 0;
        int unknown = 0;
        if (stripe.configured()) {
            for (long id : ids("method = 'STRIPE_TRANSFER' AND state IN ('PENDING', 'UNKNOWN')", period)) {
                touched.add(id);
                switch (transfer(id)) {
                    case TRANSFERRED -> transferred++;
                    case FAILED -> failed++;
                    case UNKNOWN -> unknown++;
                    default -> { }
                }
            }
        }
        int waiting = ids("state = 'WAITING_FOR_ACCOUNT'", period).size();
        Result r = new Result(created, inFile, transferred, failed, unknown, waiting, touched.size());
        LOG.info("Payout preparation{}: {}", period == null ? "" : " of " + period, r);
        return r;
    }

    private List<Long> approvedWithoutPayout(String period) {
        return jdbc.read(c -> Jdbc.list(c, """
                SELECT s.id FROM settlement_statement s
                WHERE s.share_fen > 0 AND (? IS NULL OR s.period = ?)
                  AND (SELECT r.decision FROM settlement_statement_review r WHERE r.statement_id = s.id
                       ORDER BY r.id DESC LIMIT 1) = 'APPROVED'
                  AND NOT EXISTS (SELECT 1 FROM payout p WHERE p.statement_id = s.id)
                ORDER BY s.period, s.party_id""", rs -> rs.getLong(1), period, period));
    }

    private List<Long> ids(String where, String period) {
        return jdbc.read(c -> Jdbc.list(c, "SELECT id FROM payout WHERE " + where + " AND (? IS NULL OR period = ?) ORDER BY id",
                rs -> rs.getLong(1), period, period));
    }

    /** Writes the statement's payout; empty when it has one already (a concurrent run) or its lines do not add up. */
    private Optional<Long> create(long statementId) {
        try {
            return jdbc.write(c -> {
                Object[] head = Jdbc.one(c, "SELECT party_id, period, share_fen, currency FROM settlement_statement WHERE id = ?",
                        rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)}, statementId)
                        .orElseThrow();
                long share = (Long) head[2];
                long owner = roleShare(c, statementId, "OWNER");
                long operator = roleShare(c, statementId, "OPERATOR");
                if (owner < 0 || operator < 0 || owner + operator != share) {
                    LOG.error("Statement {} is not paid out: its lines' shares (owner {} + operator {} fen) do not add up to "
                            + "its share {} fen", statementId, owner, operator, share);
                    return Optional.<Long>empty();
                }
                Instant now = clock.instant();
                long id = Jdbc.insert(c, """
                        INSERT INTO payout (statement_id, party_id, period, amount_fen, owner_fen, operator_fen, currency,
                                            state, attempt, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'WAITING_FOR_ACCOUNT', 1, ?, ?)""",
                        statementId, head[0], head[1], share, owner, operator, head[3], now, now);
                event(c, id, null, PayoutState.WAITING_FOR_ACCOUNT, "statement " + statementId + " approved", null, now);
                return Optional.of(id);
            });
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("uq_payout_statement") || e.violates("uq_payout_party_period")) {
                return Optional.empty(); // written by a concurrent run a moment ago
            }
            throw e;
        }
    }

    private static long roleShare(Connection c, long statementId, String role) throws SQLException {
        return Jdbc.count(c, "SELECT COALESCE(SUM(share_fen), 0) FROM settlement_statement_line WHERE statement_id = ? AND role = ?",
                statementId, role);
    }

    /** Routes a payout waiting for an account by the party's account now; returns its state afterwards. */
    private PayoutState route(long id, Long by) {
        return jdbc.write(c -> {
            Row p = lock(c, id);
            if (p.state() != PayoutState.WAITING_FOR_ACCOUNT) {
                return p.state();
            }
            PayoutAccounts.Stored account = PayoutAccounts.stored(c, p.partyId()).orElse(null);
            Instant now = clock.instant();
            Optional<String> shortfall = shortfall(c, p, now);
            if (shortfall.isPresent()) {
                Jdbc.update(c, "UPDATE payout SET state = 'FAILED', failure_code = 'PAYABLE_SHORT', failure_reason = ?,"
                        + " updated_at = ? WHERE id = ?", cut(shortfall.get(), 1000), now, id);
                event(c, id, p.state(), PayoutState.FAILED, shortfall.get(), by, now);
                return PayoutState.FAILED;
            }
            switch (accounts.routeOf(account)) {
                case "STRIPE_TRANSFER" -> {
                    Jdbc.update(c, "UPDATE payout SET state = 'PENDING', method = 'STRIPE_TRANSFER', stripe_account_id = ?,"
                            + " payee_name = NULL, bank_name = NULL, account_number = NULL, updated_at = ? WHERE id = ?",
                            account.stripeAccountId(), now, id);
                    event(c, id, p.state(), PayoutState.PENDING, "Stripe transfer to " + account.stripeAccountId(), by, now);
                    return PayoutState.PENDING;
                }
                case "BANK_FILE" -> {
                    Jdbc.update(c, "UPDATE payout SET state = 'IN_FILE', method = 'BANK_FILE', stripe_account_id = NULL,"
                            + " payee_name = ?, bank_name = ?, account_number = ?, updated_at = ? WHERE id = ?",
                            account.payeeName(), account.bankName(), account.accountNumber(), now, id);
                    event(c, id, p.state(), PayoutState.IN_FILE, "bank payout file of " + p.period(), by, now);
                    return PayoutState.IN_FILE;
                }
                default -> {
                    return PayoutState.WAITING_FOR_ACCOUNT;
                }
            }
        });
    }

    /**
     * Why the party's payables no longer cover the payout, or empty: a refund or a correction posted after the month
     * took back part of what the statement says (e.g. a complaint refunded in the next month claws back the owner's
     * share). Paying the statement's share then would pay more than is owed; finance settles the difference with the
     * party first. Checked when a payout is routed, before any money can leave (a PENDING or UNKNOWN Stripe transfer
     * may already have been made, so it is not checked again there).
     */
    private Optional<String> shortfall(Connection c, Row p, Instant now) throws SQLException {
        // payouts already routed but not yet posted will take their part of the payables first
        long[] underWay = Jdbc.one(c, "SELECT COALESCE(SUM(owner_fen), 0), COALESCE(SUM(operator_fen), 0) FROM payout"
                + " WHERE party_id = ? AND currency = ? AND id <> ? AND state IN ('PENDING', 'UNKNOWN', 'IN_FILE')",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, p.partyId(), p.currency(), p.id()).orElseThrow();
        long owner = owed(c, AccountType.OWNER_PAYABLE, p, now) - underWay[0];
        long operator = owed(c, AccountType.OPERATOR_PAYABLE, p, now) - underWay[1];
        if (owner >= p.ownerFen() && operator >= p.operatorFen()) {
            return Optional.empty();
        }
        return Optional.of("The party's payables no longer cover this payout (owner share " + p.ownerFen() + " fen, owed "
                + owner + " fen; operator share " + p.operatorFen() + " fen, owed " + operator + " fen, after payouts "
                + "under way): a refund or "
                + "correction after " + p.period() + " took part of it back. Settle the difference with the party, then retry.");
    }

    /** What the platform owes the party on {@code type} now (normal side), from the ledger. */
    private long owed(Connection c, AccountType type, Row p, Instant now) throws SQLException {
        return type.inNormalSide(ledger.signedBalance(c, AccountRef.of(type, p.partyId(), p.currency()), now.plusSeconds(1)));
    }

    /** Asks Stripe for the transfer of a PENDING / UNKNOWN payout with its attempt's key; returns the state afterwards. */
    private PayoutState transfer(long id) {
        Row p = jdbc.read(c -> read(c, id));
        if (p.state() != PayoutState.PENDING && p.state() != PayoutState.UNKNOWN) {
            return p.state();
        }
        StripeTransfers.Request request = new StripeTransfers.Request(id, p.statementId(), p.partyId(), p.period(),
                p.amountFen(), p.currency(), p.stripeAccountId(), key(p.statementId(), p.attempt()));
        try {
            String transferId = stripe.create(request);
            return jdbc.write(c -> {
                Row now = lock(c, id);
                if (!asked(now, p.attempt())) {
                    return now.state();
                }
                Instant at = clock.instant();
                long journal = post(c, now, PayoutState.TRANSFERRED, "Stripe transfer " + transferId, null, at);
                Jdbc.update(c, "UPDATE payout SET state = 'TRANSFERRED', stripe_transfer_id = ?, failure_code = NULL,"
                        + " failure_reason = NULL, journal_id = ?, paid_at = ?, updated_at = ? WHERE id = ?",
                        transferId, journal, at, at, id);
                event(c, id, now.state(), PayoutState.TRANSFERRED, transferId, null, at);
                return PayoutState.TRANSFERRED;
            });
        } catch (StripeTransfers.Refused e) {
            LOG.warn("Stripe refused the transfer of payout {} ({}): {}", id, e.code, e.getMessage());
            return jdbc.write(c -> {
                Row now = lock(c, id);
                if (!asked(now, p.attempt())) {
                    return now.state();
                }
                Instant at = clock.instant();
                Jdbc.update(c, "UPDATE payout SET state = 'FAILED', failure_code = ?, failure_reason = ?, updated_at = ?"
                        + " WHERE id = ?", cut(e.code, 64), cut(e.getMessage(), 1000), at, id);
                event(c, id, now.state(), PayoutState.FAILED, e.getMessage(), null, at);
                return PayoutState.FAILED;
            });
        } catch (StripeTransfers.NoAnswer e) {
            LOG.warn("No answer from Stripe for the transfer of payout {}; the next run asks again with key {}: {}", id,
                    request.idempotencyKey(), e.getMessage());
            return jdbc.write(c -> {
                Row now = lock(c, id);
                if (!asked(now, p.attempt())) {
                    return now.state();
                }
                Instant at = clock.instant();
                Jdbc.update(c, "UPDATE payout SET state = 'UNKNOWN', failure_code = NULL, failure_reason = ?, updated_at = ?"
                        + " WHERE id = ?", cut("no answer from Stripe: " + e.getMessage(), 1000), at, id);
                if (now.state() != PayoutState.UNKNOWN) {
                    event(c, id, now.state(), PayoutState.UNKNOWN, e.getMessage(), null, at);
                }
                return PayoutState.UNKNOWN;
            });
        }
    }

    /** Still the transfer that was asked about (nobody recorded an answer meanwhile). */
    private static boolean asked(Row now, int attempt) {
        return (now.state() == PayoutState.PENDING || now.state() == PayoutState.UNKNOWN) && now.attempt() == attempt;
    }

    /** Posts {@code PAYOUT:<id>} on the caller's connection; returns the journal id (the one there if posted before). */
    private long post(Connection c, Row p, PayoutState to, String memo, Long by, Instant at) throws SQLException {
        AccountType clearing = to == PayoutState.TRANSFERRED ? AccountType.CARD_CLEARING : AccountType.BANK_CLEARING;
        List<JournalDraft.Leg> legs = List.of(
                JournalDraft.Leg.debit(AccountRef.of(AccountType.OWNER_PAYABLE, p.partyId(), p.currency()), p.ownerFen()),
                JournalDraft.Leg.debit(AccountRef.of(AccountType.OPERATOR_PAYABLE, p.partyId(), p.currency()), p.operatorFen()),
                JournalDraft.Leg.credit(AccountRef.platform(clearing, p.currency()), p.amountFen()));
        JournalDraft draft = new JournalDraft("PAYOUT:" + p.id(), "PAID_OUT", null,
                "Payout of statement " + p.statementId() + " (" + p.period() + "): " + memo, by, legs);
        return ledger.post(c, draft, at).journalId();
    }

    // ---- platform admins ----

    /** A period's payouts by party (platform admins). */
    public List<View> ofPeriod(Actor actor, SettlementPeriod period) {
        actor.requireRole(Role.PLATFORM_ADMIN);
        return jdbc.read(c -> views(c, "p.period = ?", period.toString()));
    }

    /** Periods that have payouts, newest first (platform admins). */
    public List<String> periods(Actor actor) {
        actor.requireRole(Role.PLATFORM_ADMIN);
        return jdbc.read(c -> Jdbc.list(c, "SELECT DISTINCT period FROM payout ORDER BY period DESC", rs -> rs.getString(1)));
    }

    /** One payout (platform admins). */
    public View get(Actor actor, long id) {
        actor.requireRole(Role.PLATFORM_ADMIN);
        return jdbc.read(c -> views(c, "p.id = ?", id)).stream().findFirst().orElseThrow(Payouts::notFound);
    }

    /**
     * Finance paid a bank payout (IN_FILE → PAID) after the bank run: posts {@code PAYOUT:<id>} (credit BANK_CLEARING).
     * Marking a PAID payout again changes nothing.
     *
     * @param bankReference the bank's reference of the transfer, optional, at most 100 characters
     */
    public View markPaid(Actor actor, long id, String bankReference) {
        actor.requireRole(Role.PLATFORM_ADMIN);
        String ref = bankReference == null || bankReference.isBlank() ? null : bankReference.strip();
        if (ref != null && ref.length() > 100) {
            throw new ApiException.ValidationFailed("bankReference", "BANK_REFERENCE_INVALID",
                    "The bank reference is at most 100 characters.");
        }
        jdbc.write(c -> {
            Row p = lock(c, id);
            if (p.state() == PayoutState.PAID) {
                return null;
            }
            requireInFile(p);
            Instant at = clock.instant();
            long journal = post(c, p, PayoutState.PAID, "bank payout" + (ref == null ? "" : " " + ref), actor.personId(), at);
            Jdbc.update(c, "UPDATE payout SET state = 'PAID', bank_reference = ?, journal_id = ?, paid_at = ?, updated_at = ?"
                    + " WHERE id = ?", ref, journal, at, at, id);
            event(c, id, p.state(), PayoutState.PAID, ref, actor.personId(), at);
            return null;
        });
        return get(actor, id);
    }

    /** The bank run of a payout failed (IN_FILE → FAILED) for {@code reason} (required, ≤ 1,000 characters). */
    public View markFailed(Actor actor, long id, String reason) {
        actor.requireRole(Role.PLATFORM_ADMIN);
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new ApiException.ValidationFailed("reason", "REASON_REQUIRED",
                    "Say why the bank payout failed (at most 1,000 characters), e.g. what the bank answered.");
        }
        jdbc.write(c -> {
            Row p = lock(c, id);
            requireInFile(p);
            Instant at = clock.instant();
            Jdbc.update(c, "UPDATE payout SET state = 'FAILED', failure_code = 'BANK_RUN_FAILED', failure_reason = ?,"
                    + " updated_at = ? WHERE id = ?", reason.strip(), at, id);
            event(c, id, p.state(), PayoutState.FAILED, reason.strip(), actor.personId(), at);
            return null;
        });
        return get(actor, id);
    }

    /**
     * Tries a FAILED payout again: routed anew by the party's account now (a Stripe transfer with the next attempt's
     * idempotency key, made at once; or a row of the bank payout file; or waiting for an account).
     */
    public View retry(Actor actor, long id) {
        actor.requireRole(Role.PLATFORM_ADMIN);
        jdbc.write(c -> {
            Row p = lock(c, id);
            if (p.state() != PayoutState.FAILED) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "PAYOUT_NOT_FAILED",
                        "Only a failed payout is tried again; this one is " + p.state() + ".");
            }
            Instant at = clock.instant();
            Jdbc.update(c, "UPDATE payout SET state = 'WAITING_FOR_ACCOUNT', method = NULL, attempt = attempt + 1,"
                    + " failure_code = NULL, failure_reason = NULL, updated_at = ? WHERE id = ?", at, id);
            event(c, id, p.state(), PayoutState.WAITING_FOR_ACCOUNT, "retry (attempt " + (p.attempt() + 1) + ")",
                    actor.personId(), at);
            return null;
        });
        if (route(id, actor.personId()) == PayoutState.PENDING && stripe.configured()) {
            transfer(id);
        }
        return get(actor, id);
    }

    /**
     * The bank payout file of a period: the payouts IN_FILE, as CSV in UTF-8 with a byte-order mark (so Excel reads the
     * Chinese), columns {@link #FILE_COLUMNS}: payee, bank, account number, amount in yuan (2 decimals) and in fen,
     * reference {@code DAYI-<period>-S<statementId>}, payout id.
     */
    public byte[] bankFile(Actor actor, SettlementPeriod period) {
        actor.requireRole(Role.PLATFORM_ADMIN);
        List<View> rows = jdbc.read(c -> views(c, "p.period = ? AND p.state = 'IN_FILE'", period.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            w.write('\uFEFF');
            csv.printRecord(FILE_COLUMNS);
            for (View v : rows) {
                csv.printRecord(v.payeeName(), v.bankName(), v.accountNumber(),
                        BigDecimal.valueOf(v.amountFen(), 2).toPlainString(), v.amountFen(), reference(v), v.id());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The reference a bank payout carries: {@code DAYI-<period>-S<statementId>}. */
    public static String reference(View v) {
        return "DAYI-" + v.period() + "-S" + v.statementId();
    }

    // ---- parties ----

    /** A party's payouts, newest period first (its owner admins, operator managers and finance; platform admins). */
    public List<View> ofParty(Actor actor, long partyId) {
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(partyId, StatementReviews.ANSWERING)) {
            throw notFound();
        }
        return jdbc.read(c -> views(c, "p.party_id = ?", partyId));
    }

    // ---- rows ----

    private record Row(long id, long statementId, long partyId, String period, long amountFen, long ownerFen,
                       long operatorFen, String currency, PayoutState state, int attempt, String stripeAccountId) {
    }

    private static final String ROW = "SELECT id, statement_id, party_id, period, amount_fen, owner_fen, operator_fen, currency,"
            + " state, attempt, stripe_account_id FROM payout WHERE id = ?";

    private static Row read(Connection c, long id) throws SQLException {
        return Jdbc.one(c, ROW, Payouts::row, id).orElseThrow(Payouts::notFound);
    }

    private static Row lock(Connection c, long id) throws SQLException {
        return Jdbc.one(c, ROW + " FOR UPDATE", Payouts::row, id).orElseThrow(Payouts::notFound);
    }

    private static Row row(java.sql.ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getString(8), PayoutState.valueOf(rs.getString(9)), rs.getInt(10), rs.getString(11));
    }

    private static List<View> views(Connection c, String where, Object arg) throws SQLException {
        return Jdbc.list(c, """
                SELECT p.id, p.statement_id, p.party_id, o.name_zh, p.period, p.amount_fen, p.owner_fen, p.operator_fen,
                       p.currency, p.state, p.method, p.attempt, p.stripe_account_id, p.stripe_transfer_id, p.payee_name,
                       p.bank_name, p.account_number, p.bank_reference, p.failure_code, p.failure_reason, p.journal_id,
                       p.created_at, p.updated_at, p.paid_at
                FROM payout p JOIN organisation o ON o.id = p.party_id
                WHERE\s""" + where + " ORDER BY p.period DESC, o.name_zh, p.id",
                rs -> new View(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12),
                        rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                        rs.getString(18), rs.getString(19), rs.getString(20), rs.getObject(21, Long.class),
                        Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "paid_at")), arg);
    }

    private static void event(Connection c, long id, PayoutState from, PayoutState to, String note, Long by, Instant at)
            throws SQLException {
        if (from != null && !from.canMoveTo(to)) {
            throw new IllegalStateException("payout " + id + " cannot move from " + from + " to " + to);
        }
        Jdbc.update(c, "INSERT INTO payout_event (payout_id, from_state, to_state, note, by_person, at) VALUES (?, ?, ?, ?, ?, ?)",
                id, from == null ? null : from.name(), to.name(), cut(note, 1000), by, at);
    }

    private static void requireInFile(Row p) {
        if (p.state() != PayoutState.IN_FILE) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "PAYOUT_NOT_IN_FILE",
                    "Only a bank payout in the payout file is marked paid or failed; this one is " + p.state() + ".");
        }
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.substring(0, Math.min(max, s.length()));
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("PAYOUT_NOT_FOUND", "There is no such payout that you may see.");
    }
}
