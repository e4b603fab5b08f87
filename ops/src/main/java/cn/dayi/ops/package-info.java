/**
 * Quartz jobs and back office: the clustered scheduler ({@code scheduling}), the jobs that delegate
 * to use cases ({@code jobs}), the history of their runs and the admin page ({@code history}), and
 * monthly settlement runs ({@code settlement}).
 */
package cn.dayi.ops;
