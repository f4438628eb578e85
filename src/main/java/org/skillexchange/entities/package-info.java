/** Backstage entity refs ({@code kind:namespace/name}) as every module stores and compares them. */
@org.jspecify.annotations.NullMarked
package org.skillexchange.entities;
