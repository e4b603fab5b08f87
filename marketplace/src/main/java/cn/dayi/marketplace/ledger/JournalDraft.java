package cn.dayi.marketplace.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A journal to post: a business key that makes it happen once, the event it records, an optional
 * order, a memo and its legs. Legs with amount 0 are dropped; what remains must be at least two
 * legs summing to zero per currency ({@link UnbalancedJournal} otherwise).
 *
 * @param businessKey  unique for the business event, at most 128 characters, e.g. {@code ORDER:42:PAID}
 * @param event        past-tense name: PAID, COMPLETED, REFUNDED, REVERSED …
 * @param orderId      the order concerned, or null
 * @param memo         words for the statement (≤ 500 characters), or null
 * @param postedBy     the person who caused it, or null for the system
 * @param legs         signed amounts per account (debit &gt; 0, credit &lt; 0)
 */
public record JournalDraft(String businessKey, String event, Long orderId, String memo, Long postedBy, List<Leg> legs) {

    /**
     * One leg.
     *
     * @param account   which account
     * @param amountFen signed fen in the account's currency: debit &gt; 0, credit &lt; 0
     */
    public record Leg(AccountRef account, long amountFen) {
        public static Leg debit(AccountRef account, long fen) {
            return new Leg(account, fen);
        }

        public static Leg credit(AccountRef account, long fen) {
            return new Leg(account, Math.negateExact(fen));
        }
    }

    /** Thrown when a draft does not balance or is malformed; nothing is posted. */
    public static final class UnbalancedJournal extends IllegalArgumentException {
        public UnbalancedJournal(String message) {
            super(message);
        }
    }

    /** Drops zero legs and checks the draft. */
    public JournalDraft {
        if (businessKey == null || businessKey.isBlank() || businessKey.length() > 128) {
            throw new UnbalancedJournal("a journal needs a business key of 1 to 128 characters");
        }
        if (event == null || event.isBlank() || event.length() > 32) {
            throw new UnbalancedJournal("a journal needs an event name of 1 to 32 characters");
        }
        if (memo != null && memo.length() > 500) {
            memo = memo.substring(0, 500);
        }
        List<Leg> nonZero = new ArrayList<>();
        Map<String, Long> sums = new HashMap<>();
        for (Leg leg : legs == null ? List.<Leg>of() : legs) {
            if (leg.amountFen() != 0) {
                nonZero.add(leg);
                sums.merge(leg.account().currency(), leg.amountFen(), Math::addExact);
            }
        }
        if (nonZero.size() < 2) {
            throw new UnbalancedJournal("journal " + businessKey + " needs at least two non-zero legs");
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new UnbalancedJournal("journal " + businessKey + " does not balance: " + currency + " legs sum to " + sum
                        + " fen");
            }
        });
        legs = List.copyOf(nonZero);
    }

    /** The legs with every sign turned: the journal that undoes this one. */
    public List<Leg> reversedLegs() {
        return legs.stream().map(l -> new Leg(l.account(), Math.negateExact(l.amountFen()))).toList();
    }
}
