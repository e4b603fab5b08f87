/**
 * The clustered Quartz scheduler: JDBC job store on the application's database ({@code QRTZ_}
 * tables by Flyway), jobs created as Micronaut beans, schedules registered from {@link
 * cn.dayi.ops.scheduling.JobSchedule} beans, started with the application and shut down with it.
 */
package cn.dayi.ops.scheduling;
