/** The job history page {@code /admin/jobs} and its API twin {@code /api/v1/admin/jobs} (platform admins). */
package cn.dayi.ops.history.web;
