/**
 * The bad-input suite: property-based (jqwik) malformed, oversized and hostile requests against every endpoint the
 * running service maps, checking that none is answered 5xx and that a refused one writes nothing.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.badinput;
