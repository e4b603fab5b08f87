/**
 * The Quartz jobs and their schedules ({@link cn.dayi.ops.jobs.JobSchedules}). A job only delegates
 * to a use-case bean and reports how many items it handled; see {@link
 * cn.dayi.ops.scheduling.JobSchedule} for how to add one.
 */
package cn.dayi.ops.jobs;
