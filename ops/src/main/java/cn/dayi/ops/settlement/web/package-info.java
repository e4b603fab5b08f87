/** Settlement statements for their parties (API and pages) and the platform admins' list of disputes. */
package cn.dayi.ops.settlement.web;
