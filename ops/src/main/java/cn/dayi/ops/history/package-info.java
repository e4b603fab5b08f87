/**
 * Job history: every run of every job on every node (a Quartz {@code JobListener} writes
 * {@code job_run}), and the admin use case behind {@code /admin/jobs}: schedules with next fire
 * times, recent runs, run now and retry.
 */
package cn.dayi.ops.history;
