/** Benchmarks (tagged {@code bench}, run with {@code bench/run SCENARIO}) and the dated markdown reports they write. */
@org.jspecify.annotations.NullMarked
package org.skillexchange.bench;
