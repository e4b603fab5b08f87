/** The catalogue import as an authenticated upload for platform admins. */
package cn.dayi.marketplace.importing.web;
