/**
 * Who may do what in the assembled application: users and their roles (recorder, analyst, auditor,
 * admin), HTTP Basic, form login and optional JWT bearer tokens, the access rule of every endpoint
 * (deny by default), CSRF, CORS, security headers, content types of writes, rate limits and the
 * security event log. Only the standalone application carries it; the service modules' own tests
 * run without credentials and read the caller from {@code HttpServletRequest#getUserPrincipal()}.
 */
package org.entente.standalone.security;
