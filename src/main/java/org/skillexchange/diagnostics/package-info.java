/** The result of one operator check ({@code doctor}), shared by the modules that can check their own setup. */
@org.jspecify.annotations.NullMarked
package org.skillexchange.diagnostics;
