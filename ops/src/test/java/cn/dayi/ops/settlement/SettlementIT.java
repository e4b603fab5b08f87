package cn.dayi.ops.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.ledger.AccountRef;
import cn.dayi.marketplace.ledger.AccountType;
import cn.dayi.marketplace.ledger.JournalDraft;
import cn.dayi.marketplace.ledger.JournalDraft.Leg;
import cn.dayi.marketplace.ledger.Ledger;
import cn.dayi.ops.RealServices;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Settlement of a month from completed orders: statements per operator and owner with the right
 * figures; a run that dies after two parties, re-run, gives exactly the statements of an
 * uninterrupted run and no duplicates; a third run and a concurrent run change nothing.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementIT implements RealServices {

    /** 1 November 2026, 02:00 in Shanghai: when the monthly job settles October. */
    static final Clock AT_JOB_TIME = Clock.fixed(Instant.parse("2026-10-31T18:00:00Z"), ZoneOffset.UTC);
    static final SettlementPeriod OCTOBER = SettlementPeriod.parse("2026-10");

    @Inject
    Jdbc jdbc;
    @Inject
    CompletedOrdersSource source;
    @Inject
    Ledger ledger;

    long operatorX;
    long operatorY;
    long ownerA;
    long ownerB;
    long buyer;
    long person;
    long nmrA;
    long semA;
    long xrdB;
    long ownOfX;

    @BeforeAll
    void world() {
        jdbc.write(c -> {
            operatorX = org(c, "运营机构X", "OPERATOR");
            operatorY = org(c, "运营机构Y", "OPERATOR");
            ownerA = org(c, "大学A", "UNIVERSITY");
            ownerB = org(c, "研究院B", "RESEARCH_INSTITUTE");
            buyer = org(c, "企业买方", "ENTERPRISE");
            person = Jdbc.insert(c, "INSERT INTO person (email, display_name, password_hash) VALUES ('b@settle.test', 'B', 'x')");
            nmrA = instrument(c, "NMR-A", ownerA);
            semA = instrument(c, "SEM-A", ownerA);
            xrdB = instrument(c, "XRD-B", ownerB);
            ownOfX = instrument(c, "OWN-X", operatorX);
            // October (Shanghai): X serves NMR-A twice and SEM-A once, Y serves XRD-B twice, X its own instrument once
            long first = completed(c, nmrA, operatorX, 120_000, "2026-10-03T02:00:00Z", 120, "2026-10-03T05:00:00Z");
            // its completion as the ledger posted it (50/20/25/5), and a correction posted in November that a
            // closed October never sees
            ledger.post(c, new JournalDraft("ORDER:" + first + ":COMPLETED", "COMPLETED", first, null, null, List.of(
                    Leg.debit(AccountRef.of(AccountType.BUYER_PREPAID, buyer, "CNY"), 120_000),
                    Leg.credit(AccountRef.of(AccountType.OWNER_PAYABLE, ownerA, "CNY"), 60_000),
                    Leg.credit(AccountRef.platform(AccountType.FISCAL_FUND_PAYABLE, "CNY"), 24_000),
                    Leg.credit(AccountRef.of(AccountType.OPERATOR_PAYABLE, operatorX, "CNY"), 30_000),
                    Leg.credit(AccountRef.platform(AccountType.PLATFORM_REVENUE, "CNY"), 6_000))),
                    Instant.parse("2026-10-03T05:00:00Z"));
            ledger.post(c, new JournalDraft("ORDER:" + first + ":CORRECTED", "REVERSED", first, null, null, List.of(
                    Leg.debit(AccountRef.of(AccountType.OWNER_PAYABLE, ownerA, "CNY"), 1_000),
                    Leg.credit(AccountRef.of(AccountType.BUYER_PREPAID, buyer, "CNY"), 1_000))),
                    Instant.parse("2026-11-05T02:00:00Z"));
            completed(c, nmrA, operatorX, 60_000, "2026-10-10T02:00:00Z", 60, "2026-10-10T04:00:00Z");
            completed(c, semA, operatorX, 45_000, "2026-10-12T02:00:00Z", 90, "2026-10-12T04:00:00Z");
            completed(c, xrdB, operatorY, 30_000, "2026-10-20T02:00:00Z", 30, "2026-10-20T03:00:00Z");
            completed(c, xrdB, operatorY, 33_333, "2026-10-21T02:00:00Z", 30, "2026-10-21T03:00:00Z");
            completed(c, ownOfX, operatorX, 10_000, "2026-10-22T02:00:00Z", 30, "2026-10-22T03:00:00Z");
            // completed 1 October 00:30 Shanghai (30 September in UTC): October
            completed(c, semA, operatorX, 7_000, "2026-09-30T14:00:00Z", 30, "2026-09-30T16:30:00Z");
            // completed 30 September 23:30 Shanghai: September, not October
            completed(c, semA, operatorX, 999_000, "2026-09-30T13:00:00Z", 30, "2026-09-30T15:30:00Z");
            // completed 1 November 00:10 Shanghai: November
            completed(c, semA, operatorX, 888_000, "2026-10-31T14:00:00Z", 30, "2026-10-31T16:10:00Z");
            // confirmed in October but never completed: not settled
            order(c, nmrA, operatorX, 555_000, "2026-10-25T02:00:00Z", 60, "CONFIRMED");
            return null;
        });
    }

    @Test
    void statementsSayWhatEachPartyTookPartIn() {
        Map<Long, PartyStatement> byParty = source.parties(OCTOBER).stream()
                .collect(Collectors.toMap(p -> p, p -> source.statement(p, OCTOBER)));
        assertEquals(List.of(operatorX, operatorY, ownerA, ownerB).stream().sorted().toList(),
                byParty.keySet().stream().sorted().toList(), "parties: the operators that served and the owners");
        PartyStatement x = byParty.get(operatorX);
        assertEquals(5, x.ordersCount());
        assertEquals(120_000 + 60_000 + 45_000 + 10_000 + 7_000, x.grossFen());
        assertEquals(120 + 60 + 90 + 30 + 30, x.minutesUsed());
        // X's own instrument appears as operator and as owner; each order once in the totals
        assertEquals(List.of("OPERATOR " + nmrA, "OPERATOR " + semA, "OPERATOR " + ownOfX, "OWNER " + ownOfX),
                x.lines().stream().map(l -> l.role() + " " + l.instrumentId()).toList());
        PartyStatement a = byParty.get(ownerA);
        assertEquals(4, a.ordersCount());
        assertEquals(120_000 + 60_000 + 45_000 + 7_000, a.grossFen());
        // shares as the ledger posted them before the period's end: only the first NMR-A order has a journal here
        assertEquals(60_000, a.shareFen(), "owner A's 50 % of 1,200 元; the November correction is not October's");
        assertEquals(30_000, x.shareFen(), "operator X's 25 %");
        assertEquals(30_000, x.lines().stream().filter(l -> l.role() == PartyStatement.Role.OPERATOR
                && l.instrumentId() == nmrA).findFirst().orElseThrow().shareFen());
        assertEquals(0, byParty.get(ownerB).shareFen(), "no journal, no share");
        PartyStatement y = byParty.get(operatorY);
        assertEquals(63_333, y.grossFen());
        assertEquals(1, y.lines().size());
        assertEquals(2, y.lines().get(0).ordersCount());
    }

    @Test
    void aRunKilledMidwayAndRunAgainGivesTheSameStatementsAndNoDuplicates() {
        SettlementPeriod period = OCTOBER;
        int parties = source.parties(period).size();
        // the first run dies after writing two parties' statements
        Settlements dying = new Settlements(jdbc, failingAfter(2), AT_JOB_TIME);
        RuntimeException crash = assertThrows(RuntimeException.class, () -> dying.settle(period));
        assertEquals("simulated crash after 2 parties", crash.getMessage());
        Settlements settlements = new Settlements(jdbc, source, AT_JOB_TIME);
        assertEquals("FAILED", settlements.state(period).orElseThrow());
        assertEquals(2, settlements.statements(period).size(), "the two parties settled before the crash are kept whole");

        Settlements.RunResult rerun = settlements.settle(period);
        assertEquals("COMPLETED", rerun.state());
        assertEquals(parties, rerun.parties());
        assertEquals(parties - 2, rerun.writtenNow(), "the re-run writes only the missing parties");
        assertEquals(2, rerun.attempts());
        List<Settlements.Statement> afterRerun = settlements.statements(period);
        assertEquals(parties, afterRerun.size());
        // identical to what an uninterrupted run writes: the source's statements, party by party
        for (Settlements.Statement s : afterRerun) {
            PartyStatement expected = source.statement(s.partyId(), period);
            assertEquals(expected.grossFen(), s.grossFen(), "gross of party " + s.partyId());
            assertEquals(expected.ordersCount(), s.ordersCount());
            assertEquals(expected.minutesUsed(), s.minutesUsed());
            assertEquals(expected.shareFen(), s.shareFen(), "share of party " + s.partyId());
            assertEquals(expected.lines().stream().sorted(LINE_ORDER).toList(), s.lines().stream().sorted(LINE_ORDER).toList());
        }
        // running again (a retry pressed twice, a recovered job) changes nothing
        Settlements.RunResult third = settlements.settle(period);
        assertEquals(0, third.writtenNow());
        assertEquals(afterRerun, settlements.statements(period));
        assertEquals(parties, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM settlement_statement WHERE period = ?", "2026-10")));
    }

    @Test
    void twoRunsAtOnceWriteEachStatementOnce() throws Exception {
        SettlementPeriod september = SettlementPeriod.parse("2026-09");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Settlements.RunResult>> runs = List.of(
                    () -> new Settlements(jdbc, source, AT_JOB_TIME).settle(september),
                    () -> new Settlements(jdbc, source, AT_JOB_TIME).settle(september));
            int written = 0;
            for (Future<Settlements.RunResult> f : pool.invokeAll(runs)) {
                written += f.get().writtenNow();
            }
            int parties = source.parties(september).size();
            assertEquals(2, parties, "September: operator X and owner A");
            assertEquals(parties, written, "each statement written by exactly one of the two runs");
            assertEquals(parties, new Settlements(jdbc, source, AT_JOB_TIME).statements(september).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOpenMonthIsNotSettled() {
        Settlements settlements = new Settlements(jdbc, source, AT_JOB_TIME);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> settlements.settle(SettlementPeriod.parse("2026-11")));
        assertTrue(e.getMessage().contains("not over"), e.getMessage());
        assertTrue(settlements.state(SettlementPeriod.parse("2026-11")).isEmpty());
    }

    private static final java.util.Comparator<PartyStatement.Line> LINE_ORDER = java.util.Comparator
            .comparing((PartyStatement.Line l) -> l.role()).thenComparing(PartyStatement.Line::instrumentId)
            .thenComparing(PartyStatement.Line::operatorId);

    /** The real source, but the statement of the (n+1)-th party throws: a crash mid-run. */
    private SettlementSource failingAfter(int n) {
        AtomicInteger asked = new AtomicInteger();
        return new SettlementSource() {
            @Override
            public List<Long> parties(SettlementPeriod period) {
                return source.parties(period);
            }

            @Override
            public PartyStatement statement(long partyId, SettlementPeriod period) {
                if (asked.incrementAndGet() > n) {
                    throw new IllegalStateException("simulated crash after " + n + " parties");
                }
                return source.statement(partyId, period);
            }
        };
    }

    // ---- fixture rows ----

    private final AtomicInteger seq = new AtomicInteger();

    private long org(Connection c, String name, String kind) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO organisation (name_zh, kind, source, source_id) VALUES (?, ?, 'settlement-it', ?)",
                name, kind, "org-" + seq.incrementAndGet());
    }

    private long instrument(Connection c, String code, long owner) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO instrument (code, name, owner_id, source, source_id, content_hash)"
                + " VALUES (?, ?, ?, 'settlement-it', ?, ?)", code, code, owner, code, "0".repeat(64));
    }

    private long order(Connection c, long instrument, long operator, long totalFen, String start, int minutes, String state)
            throws SQLException {
        Instant s = Instant.parse(start);
        return Jdbc.insert(c, "INSERT INTO service_order (instrument_id, operator_id, buyer_org_id, buyer_person_id, state, mode,"
                        + " starts_at, ends_at, quote_json, total_fen) VALUES (?, ?, ?, ?, ?, 'STAFF_OPERATED', ?, ?, '{}', ?)",
                instrument, operator, buyer, person, state, s, s.plusSeconds(60L * minutes), totalFen);
    }

    private long completed(Connection c, long instrument, long operator, long totalFen, String start, int minutes,
                           String completedAt) throws SQLException {
        long id = order(c, instrument, operator, totalFen, start, minutes, "COMPLETED");
        Jdbc.update(c, "INSERT INTO service_order_event (order_id, event, from_state, to_state, at)"
                + " VALUES (?, 'CHECKED_OUT', 'IN_SERVICE', 'COMPLETED', ?)", id, Instant.parse(completedAt));
        return id;
    }

}
