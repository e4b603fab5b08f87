package cn.dayi.marketplace.ledger;

/**
 * What an account is for. Each type belongs to one kind of party ({@link #partyLevel}) and has a
 * normal side: assets (clearing, receivables) are debit-normal, what the platform owes someone
 * (prepayments held for buyers, revenue shares payable) and its own revenue are credit-normal.
 * Amounts on entries are signed, debit &gt; 0; balances shown to people are in the normal side
 * (positive = the usual direction: money in the bank, money owed to the owner).
 *
 * <p>Vouchers: the voucher part of an order is VOUCHER_RECEIVABLE from confirmation (credit BUYER_PREPAID); a refund
 * gives the voucher part back to the grant (credit VOUCHER_RECEIVABLE); an approved redemption claim moves the claimed
 * amount to FISCAL_FUND_RECEIVABLE, an approved subsidy claim debits FISCAL_FUND_RECEIVABLE and credits the buyer's
 * SUBSIDY_PAYABLE. New types are appended at the end (names are stored; order is not).
 */
public enum AccountType {
    /** 银行清算: corporate bank transfers received and refunds paid out, by the platform. Asset. */
    BANK_CLEARING(PartyLevel.PLATFORM, Side.DEBIT),
    /** 银行卡清算: card payments (Stripe) received and refunded. Asset. */
    CARD_CLEARING(PartyLevel.PLATFORM, Side.DEBIT),
    /** 创新券应收: voucher amounts the fiscal fund owes for redeemed vouchers. Asset. */
    VOUCHER_RECEIVABLE(PartyLevel.PLATFORM, Side.DEBIT),
    /** 预收款: money a buyer paid for orders not yet completed (unearned revenue held for the buyer). Liability. */
    BUYER_PREPAID(PartyLevel.ORGANISATION, Side.CREDIT),
    /** 应付产权方: the owner's share of instrument-use revenue. Liability. */
    OWNER_PAYABLE(PartyLevel.ORGANISATION, Side.CREDIT),
    /** 应付服务机构: the operator's share and its service fees. Liability. */
    OPERATOR_PAYABLE(PartyLevel.ORGANISATION, Side.CREDIT),
    /** 应付财政: the share returned to the fiscal fund (fiscal-funded instruments only). Liability. */
    FISCAL_FUND_PAYABLE(PartyLevel.FISCAL_FUND, Side.CREDIT),
    /** 平台收入: the platform's commission. Revenue. */
    PLATFORM_REVENUE(PartyLevel.PLATFORM, Side.CREDIT),
    /**
     * 财政应拨付: claims on the fiscal fund that the fiscal officer approved (redemptions 兑付 of vouchers and
     * post-payment subsidies 先缴后补) and the fund has not yet paid: debited by {@code VOUCHER_CLAIM:<id>:APPROVED}.
     * Asset, held against the fiscal fund (party 0).
     */
    FISCAL_FUND_RECEIVABLE(PartyLevel.FISCAL_FUND, Side.DEBIT),
    /**
     * 应付补贴: post-payment subsidies approved for a buyer enterprise, to be passed on to it when the fiscal fund
     * pays. Liability, per buyer organisation.
     */
    SUBSIDY_PAYABLE(PartyLevel.ORGANISATION, Side.CREDIT);

    /** Whose account it is. */
    public enum PartyLevel {
        /** An organisation (owner, operator, buyer); party id = its id. */
        ORGANISATION,
        /** The fiscal fund; party id 0. */
        FISCAL_FUND,
        /** The platform itself; party id 0. */
        PLATFORM
    }

    /** The side on which the account's balance normally stands. */
    public enum Side { DEBIT, CREDIT }

    private final PartyLevel partyLevel;
    private final Side normalSide;

    AccountType(PartyLevel partyLevel, Side normalSide) {
        this.partyLevel = partyLevel;
        this.normalSide = normalSide;
    }

    public PartyLevel partyLevel() {
        return partyLevel;
    }

    public Side normalSide() {
        return normalSide;
    }

    /** A signed ledger amount (debit &gt; 0) seen from the normal side. */
    public long inNormalSide(long signedFen) {
        return normalSide == Side.DEBIT ? signedFen : Math.negateExact(signedFen);
    }
}
