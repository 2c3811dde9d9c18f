/**
 * Not API: the located JSON tree, the schema validator, the records Jackson binds plan files to,
 * and the mapping between those records and the rank-core plan. May change in any release.
 */
package dev.rankgauge.json.internal;
