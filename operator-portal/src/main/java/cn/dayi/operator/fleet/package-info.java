/** An operator's fleet and an owner's instruments over HTTP. */
package cn.dayi.operator.fleet;
