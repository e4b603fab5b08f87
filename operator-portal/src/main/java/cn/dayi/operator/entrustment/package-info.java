/** Entrustments over HTTP for both parties: draft, propose, accept, decline, withdraw, terminate, read. */
package cn.dayi.operator.entrustment;
