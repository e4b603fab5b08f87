package cn.dayi.marketplace.ledger;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.ledger.JournalDraft.Leg;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's public API: post balanced journals once, reverse them, and read balances,
 * statements and movements. Other features (settlement, vouchers, card payments) use only this.
 *
 * <ul>
 *   <li>{@link #post(Connection, JournalDraft, Instant)} posts in the caller's transaction (e.g. an
 *       {@code OrderTransitionListener}) so the posting commits or rolls back with the business
 *       change; {@link #post(JournalDraft)} in a transaction of its own. A business key posts once:
 *       posting a key again returns the journal already there ({@link Posted#fresh()} false) and
 *       books nothing — also under concurrency, where the UNIQUE key decides.</li>
 *   <li>{@link #reverse} posts the journal with every leg's sign turned (a journal is reversed at
 *       most once, UNIQUE {@code reverses_journal_id}).</li>
 *   <li>{@link #balance}, {@link #statement}, {@link #accountsOf}, {@link #movements} are queries over
 *       entries. Amounts on entries are signed, debit &gt; 0; {@link AccountType#inNormalSide} turns
 *       them into what a person expects to read.</li>
 * </ul>
 * Nothing is ever updated or deleted: the database refuses it (triggers, {@code LEDGER_APPEND_ONLY}).
 * Errors: {@link JournalDraft.UnbalancedJournal} for a draft that does not balance (nothing posted);
 * {@link IllegalArgumentException} for an unknown journal to reverse or one already reversed.
 */
@Singleton
public class Ledger {

    /** Statements list at most this many entries; {@link Statement#truncated()} says when more exist. */
    public static final int STATEMENT_LIMIT = 5_000;

    private final Jdbc jdbc;
    private final Clock clock;

    public Ledger(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The outcome of a posting.
     *
     * @param journalId the journal (new or already there)
     * @param fresh     true when this call posted it; false when the business key had been posted before
     */
    @Serdeable
    public record Posted(long journalId, boolean fresh) {
    }

    /** One account with its balance; {@code balanceFen} is in the account's normal side. */
    @Serdeable
    public record AccountBalance(long accountId, AccountType type, long partyId, String currency,
                                 AccountType.Side normalSide, long balanceFen) {
    }

    /**
     * One entry on a statement.
     *
     * @param debitFen   fen debited (≥ 0)
     * @param creditFen  fen credited (≥ 0)
     * @param balanceFen running balance after this entry, in the account's normal side
     */
    @Serdeable
    public record StatementLine(long entryId, long journalId, String businessKey, String event, Long orderId, String memo,
                                Instant postedAt, long debitFen, long creditFen, long balanceFen) {
    }

    /**
     * An account statement over {@code [from, to)}.
     *
     * @param openingBalanceFen balance before {@code from}, normal side
     * @param closingBalanceFen balance after the last listed line, normal side
     *                          (entries are dated in whole seconds: a bound with a fraction counts up to the next second)
     * @param truncated         true when more than {@link #STATEMENT_LIMIT} entries fell in the period
     */
    @Serdeable
    public record Statement(AccountBalance account, Instant from, Instant to, long openingBalanceFen,
                            long closingBalanceFen, List<StatementLine> lines, boolean truncated) {
    }

    /** A journal as stored, with its legs. */
    @Serdeable
    public record Journal(long id, String businessKey, String event, Long orderId, String memo, Long reversesJournalId,
                          Instant postedAt, Long postedBy, List<PostedLeg> legs) {
    }

    /** A stored leg: signed fen, debit &gt; 0. */
    @Serdeable
    public record PostedLeg(AccountType type, long partyId, String currency, long amountFen) {
    }

    /** Posts {@code draft} in a transaction of its own, now. */
    public Posted post(JournalDraft draft) {
        Instant now = clock.instant();
        return jdbc.write(c -> post(c, draft, now));
    }

    /**
     * Posts {@code draft} on the caller's connection (its transaction), at {@code at}. Idempotent by
     * business key.
     */
    public Posted post(Connection c, JournalDraft draft, Instant at) throws SQLException {
        Optional<Long> existing = journalIdLocked(c, draft.businessKey());
        if (existing.isPresent()) {
            return new Posted(existing.get(), false);
        }
        return insert(c, draft, null, at);
    }

    /**
     * Posts the reversal of journal {@code journalId} under {@code businessKey} (idempotent by key).
     *
     * @throws IllegalArgumentException when the journal does not exist or was already reversed under another key
     */
    public Posted reverse(Connection c, long journalId, String businessKey, String memo, Long by, Instant at)
            throws SQLException {
        Optional<Long> existing = journalIdLocked(c, businessKey);
        if (existing.isPresent()) {
            return new Posted(existing.get(), false);
        }
        Journal j = journal(c, journalId).orElseThrow(() -> new IllegalArgumentException("no journal " + journalId));
        List<Leg> legs = new ArrayList<>();
        for (PostedLeg l : j.legs()) {
            legs.add(new Leg(new AccountRef(l.type(), l.partyId(), l.currency()), Math.negateExact(l.amountFen())));
        }
        JournalDraft draft = new JournalDraft(businessKey, "REVERSED", j.orderId(),
                memo == null ? "reverses " + j.businessKey() : memo, by, legs);
        try {
            return insert(c, draft, journalId, at);
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("uq_ledger_journal_reverses")) {
                throw new IllegalArgumentException("journal " + journalId + " has already been reversed", e);
            }
            throw e;
        }
    }

    /** The signed balance (debit &gt; 0) of {@code account} over entries posted before {@code asOf}; 0 if it has none. */
    public Money balance(AccountRef account, Instant asOf) {
        return new Money(jdbc.read(c -> signedBalance(c, account, asOf)), account.currency());
    }

    /** Signed balance on the caller's connection (e.g. inside a posting transaction). */
    public long signedBalance(Connection c, AccountRef account, Instant asOf) throws SQLException {
        return Jdbc.count(c, """
                SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                WHERE a.type = ? AND a.party_id = ? AND a.currency = ? AND e.posted_at < ?""",
                account.type(), account.partyId(), account.currency(), bound(asOf));
    }

    /** All accounts of a party (organisation id, or 0 for platform and fiscal fund) with balances before {@code asOf}. */
    public List<AccountBalance> accountsOf(long partyId, Instant asOf) {
        return jdbc.read(c -> Jdbc.list(c, """
                SELECT a.id, a.type, a.party_id, a.currency,
                       (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e WHERE e.account_id = a.id AND e.posted_at < ?)
                FROM ledger_account a WHERE a.party_id = ? ORDER BY a.type, a.currency""",
                rs -> balanceRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)),
                bound(asOf), partyId));
    }

    /** One account by id with its balance before {@code asOf}. */
    public Optional<AccountBalance> account(long accountId, Instant asOf) {
        return jdbc.read(c -> Jdbc.one(c, """
                SELECT a.id, a.type, a.party_id, a.currency,
                       (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e WHERE e.account_id = a.id AND e.posted_at < ?)
                FROM ledger_account a WHERE a.id = ?""",
                rs -> balanceRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)),
                bound(asOf), accountId));
    }

    /** The statement of account {@code accountId} over {@code [from, to)}: opening balance, entries, running balance. */
    public Optional<Statement> statement(long accountId, Instant from, Instant to) {
        return account(accountId, from).map(opening -> jdbc.read(c -> {
            List<Object[]> raw = Jdbc.list(c, """
                    SELECT e.id, j.id, j.business_key, j.event, j.order_id, j.memo, e.posted_at, e.amount_fen
                    FROM ledger_entry e JOIN ledger_journal j ON j.id = e.journal_id
                    WHERE e.account_id = ? AND e.posted_at >= ? AND e.posted_at < ?
                    ORDER BY e.posted_at, e.id LIMIT ?""",
                    rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, Long.class), rs.getString(6), Jdbc.instant(rs, "posted_at"), rs.getLong(8)},
                    accountId, bound(from), bound(to), STATEMENT_LIMIT + 1);
            boolean truncated = raw.size() > STATEMENT_LIMIT;
            long running = opening.balanceFen();
            List<StatementLine> lines = new ArrayList<>();
            for (Object[] r : raw.subList(0, Math.min(raw.size(), STATEMENT_LIMIT))) {
                long signed = (Long) r[7];
                running = Math.addExact(running, opening.type().inNormalSide(signed));
                lines.add(new StatementLine((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (Long) r[4],
                        (String) r[5], (Instant) r[6], Math.max(signed, 0), Math.max(-signed, 0), running));
            }
            return new Statement(opening, from, to, opening.balanceFen(), running, lines, truncated);
        }));
    }

    /**
     * The net movement (signed, debit &gt; 0) of every account of {@code type} over {@code [from, to)},
     * one row per account that moved: what a settlement run sums per party and period.
     */
    public List<AccountBalance> movements(AccountType type, Instant from, Instant to) {
        return jdbc.read(c -> Jdbc.list(c, """
                SELECT a.id, a.type, a.party_id, a.currency, SUM(e.amount_fen)
                FROM ledger_account a JOIN ledger_entry e ON e.account_id = a.id
                WHERE a.type = ? AND e.posted_at >= ? AND e.posted_at < ?
                GROUP BY a.id, a.type, a.party_id, a.currency ORDER BY a.party_id, a.currency""",
                rs -> new AccountBalance(rs.getLong(1), AccountType.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), AccountType.valueOf(rs.getString(2)).normalSide(), rs.getLong(5)),
                type, bound(from), bound(to)));
    }

    /** The journals about order {@code orderId}, oldest first, with their legs. */
    public List<Journal> journalsOfOrder(long orderId) {
        return jdbc.read(c -> journalsOfOrder(c, orderId));
    }

    /** Ditto on the caller's connection. */
    public List<Journal> journalsOfOrder(Connection c, long orderId) throws SQLException {
        List<Long> ids = Jdbc.list(c, "SELECT id FROM ledger_journal WHERE order_id = ? ORDER BY id", rs -> rs.getLong(1), orderId);
        List<Journal> out = new ArrayList<>();
        for (long id : ids) {
            out.add(journal(c, id).orElseThrow());
        }
        return out;
    }

    /** One journal with its legs. */
    public Optional<Journal> journal(Connection c, long id) throws SQLException {
        List<PostedLeg> legs = Jdbc.list(c, """
                SELECT a.type, a.party_id, e.currency, e.amount_fen FROM ledger_entry e
                JOIN ledger_account a ON a.id = e.account_id WHERE e.journal_id = ? ORDER BY e.id""",
                rs -> new PostedLeg(AccountType.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getLong(4)), id);
        return Jdbc.one(c, """
                SELECT id, business_key, event, order_id, memo, reverses_journal_id, posted_at, posted_by
                FROM ledger_journal WHERE id = ?""",
                rs -> new Journal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
                        rs.getString(5), rs.getObject(6, Long.class), Jdbc.instant(rs, "posted_at"),
                        rs.getObject(8, Long.class), legs), id);
    }

    /** The id of the account named by {@code ref}, created if it does not exist yet. */
    public long accountId(Connection c, AccountRef ref) throws SQLException {
        Optional<Long> id = accountIdLocked(c, ref);
        if (id.isPresent()) {
            return id.get();
        }
        try {
            return Jdbc.insert(c, "INSERT INTO ledger_account (type, party_id, currency) VALUES (?, ?, ?)",
                    ref.type(), ref.partyId(), ref.currency());
        } catch (SQLException e) {
            if ("23000".equals(e.getSQLState())) { // created by a concurrent posting a moment ago
                return accountIdLocked(c, ref).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Posted insert(Connection c, JournalDraft draft, Long reverses, Instant when) throws SQLException {
        // whole seconds: the driver stores TIMESTAMP(3) without the fraction here and may round it UP, which would
        // date an entry after the moment it was posted (and hide it from a balance asked for right after)
        Instant at = when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long journalId;
        try {
            journalId = Jdbc.insert(c, """
                    INSERT INTO ledger_journal (business_key, event, order_id, memo, reverses_journal_id, posted_at, posted_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    draft.businessKey(), draft.event(), draft.orderId(), draft.memo(), reverses, at, draft.postedBy());
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("uq_ledger_journal_key")) {
                // a concurrent transaction posted the same key and committed: ours is not needed
                return new Posted(journalIdLocked(c, draft.businessKey()).orElseThrow(() -> e), false);
            }
            throw e;
        }
        for (Leg leg : draft.legs()) {
            Jdbc.update(c, "INSERT INTO ledger_entry (journal_id, account_id, amount_fen, currency, posted_at) VALUES (?, ?, ?, ?, ?)",
                    journalId, accountId(c, leg.account()), leg.amountFen(), leg.account().currency(), at);
        }
        return new Posted(journalId, true);
    }

    private static Optional<Long> journalIdLocked(Connection c, String businessKey) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM ledger_journal WHERE business_key = ? LOCK IN SHARE MODE", rs -> rs.getLong(1),
                businessKey);
    }

    private static Optional<Long> accountIdLocked(Connection c, AccountRef ref) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM ledger_account WHERE type = ? AND party_id = ? AND currency = ? LOCK IN SHARE MODE",
                rs -> rs.getLong(1), ref.type(), ref.partyId(), ref.currency());
    }

    /**
     * Entries are stored in whole seconds (see {@link #insert}) and the driver binds instants without their fraction,
     * so a bound is taken up to the next whole second: "before asOf" includes everything posted in asOf's second.
     */
    static Instant bound(Instant t) {
        Instant s = t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return s.equals(t) ? t : s.plusSeconds(1);
    }

    private static AccountBalance balanceRow(long id, String type, long party, String currency, long signed) {
        AccountType t = AccountType.valueOf(type);
        return new AccountBalance(id, t, party, currency, t.normalSide(), t.inNormalSide(signed));
    }
}
