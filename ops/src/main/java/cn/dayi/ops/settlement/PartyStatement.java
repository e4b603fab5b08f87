package cn.dayi.ops.settlement;

import java.util.List;

/**
 * What a party's statement for a period says: the totals over the distinct orders it took part in
 * and one line per (role, instrument, operator). Money in fen (CNY), time in minutes. {@code grossFen} is the
 * orders' totals before the split; {@code shareFen} what the party earned from them, as the ledger posted it (its
 * OWNER_PAYABLE credits for role OWNER, OPERATOR_PAYABLE for role OPERATOR).
 */
public record PartyStatement(long partyId, int ordersCount, long minutesUsed, long grossFen, long shareFen,
                             List<Line> lines) {

    public PartyStatement {
        lines = List.copyOf(lines);
    }

    /** The role in which a party takes part in an instrument's orders. */
    public enum Role { OPERATOR, OWNER }

    /** Orders of one instrument served by one operator, seen by the party in one role. */
    public record Line(Role role, long instrumentId, long operatorId, long ownerId, int ordersCount, long minutesUsed,
                       long grossFen, long shareFen) {
    }
}
