/** The ledger over HTTP: refunds and the money of an order, a party's balances, account statements. */
package cn.dayi.operator.ledger;
