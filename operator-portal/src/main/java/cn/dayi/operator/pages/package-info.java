/** Server-rendered operator workspace and owner pages (zh-CN first, English switch). */
package cn.dayi.operator.pages;
