/**
 * Who is calling: Backstage user tokens verified against the backend's JWKS, static service tokens,
 * and an explicit dev mode for local trial.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.auth;
