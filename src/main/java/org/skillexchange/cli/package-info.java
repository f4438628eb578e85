/**
 * The command line: {@code serve} (the default), {@code config print|check}, and the operator tools.
 * Commands that need no beans never start Spring.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.cli;
