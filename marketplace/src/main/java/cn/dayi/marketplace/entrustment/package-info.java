/**
 * Entrustment (托管协议): owners entrust instruments to operators for a term with revenue-split
 * ratios; an explicit lifecycle with an audit trail; custody (at most one custodian per instrument,
 * enforced by the database); the operator's fleet (entrusted + own instruments).
 */
package cn.dayi.marketplace.entrustment;
