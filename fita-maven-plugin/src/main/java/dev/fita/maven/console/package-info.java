/**
 * What fita prints while a goal runs: plain log lines, or (in a terminal) log lines above a live
 * footer of progress lines that is erased before each log line and drawn again after it.
 */
package dev.fita.maven.console;
